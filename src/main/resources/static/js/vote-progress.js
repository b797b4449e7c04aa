// The progress through the voting sequence ("3 / 12 proposals voted"): after each vote swapped in by
// htmx, counts the cards of the page that carry a vote (a pressed vote button) and updates the bar
// and its text (the text's format comes from the page, in the page's language).
(function () {
  'use strict';

  var holder = document.getElementById('vote-progress');
  if (!holder) {
    return;
  }
  var bar = holder.querySelector('progress');
  var text = document.getElementById('vote-progress-text');
  var format = holder.getAttribute('data-format');

  function update() {
    var cards = document.querySelectorAll('.proposal-cards .proposal-card');
    var voted = 0;
    for (var i = 0; i < cards.length; i++) {
      if (cards[i].querySelector('.vote-key[aria-pressed="true"]')) {
        voted++;
      }
    }
    bar.max = cards.length;
    bar.value = voted;
    text.textContent = format.replace('{0}', String(voted)).replace('{1}', String(cards.length));
  }

  document.addEventListener('htmx:afterSwap', update);
})();
