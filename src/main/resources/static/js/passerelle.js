// Passerelle's small behaviours. No inline scripts anywhere (Content-Security-Policy).
(function () {
  'use strict';

  // Confirmation before destructive actions: <button data-confirm="message">.
  document.addEventListener('submit', function (event) {
    var submitter = event.submitter;
    var message = (submitter && submitter.getAttribute('data-confirm')) || event.target.getAttribute('data-confirm');
    if (message && !window.confirm(message)) {
      event.preventDefault();
    }
  });

  // Collapsible navigation on small screens.
  document.addEventListener('click', function (event) {
    var toggler = event.target.closest('[data-toggle-target]');
    if (!toggler) {
      return;
    }
    var target = document.getElementById(toggler.getAttribute('data-toggle-target'));
    var open = target.classList.toggle('show');
    toggler.setAttribute('aria-expanded', open ? 'true' : 'false');
  });

  // Navigation menus (<details class="nav-menu">): the browser opens them with a click, Enter or
  // Space on their summary; one open at a time, closed by Escape (focus back on the summary) or by a
  // click elsewhere.
  document.addEventListener('toggle', function (event) {
    var menu = event.target;
    if (!menu.classList || !menu.classList.contains('nav-menu') || !menu.open) {
      return;
    }
    document.querySelectorAll('details.nav-menu[open]').forEach(function (other) {
      if (other !== menu) {
        other.open = false;
      }
    });
  }, true);
  document.addEventListener('keydown', function (event) {
    if (event.key !== 'Escape') {
      return;
    }
    var menu = document.activeElement && document.activeElement.closest && document.activeElement.closest('details.nav-menu[open]');
    if (menu) {
      menu.open = false;
      menu.querySelector('summary').focus();
    }
  });
  document.addEventListener('click', function (event) {
    document.querySelectorAll('details.nav-menu[open]').forEach(function (menu) {
      if (!menu.contains(event.target)) {
        menu.open = false;
      }
    });
  });

  // An expired session answers an htmx request with the login page: reload the whole page.
  document.addEventListener('htmx:beforeSwap', function (event) {
    var xhr = event.detail.xhr;
    if (xhr && xhr.responseURL && xhr.responseURL.indexOf('/login') !== -1) {
      event.detail.shouldSwap = false;
      window.location.reload();
    }
  });

  // Consultation vote cards: after a vote is swapped in, the keyboard focus moves to the
  // qualifications of that vote (or stays on the qualification just chosen), so that Tab then
  // goes on to the next card.
  document.addEventListener('htmx:afterSwap', function (event) {
    var card = event.detail.target && event.detail.target.id && document.getElementById(event.detail.target.id);
    if (!card || !card.classList || !card.classList.contains('proposal-card')) {
      return;
    }
    var form = event.detail.requestConfig && event.detail.requestConfig.elt;
    var qualified = form && form.classList && form.classList.contains('qualifications');
    var target = qualified ? card.querySelector('.qualification[aria-pressed="true"]') || card.querySelector('.qualification')
        : card.querySelector('.qualification') || card.querySelector('.vote-key[aria-pressed="true"]');
    (target || card.querySelector('button')).focus();
  });

  // Characters left in a textarea with data-counter="id of the element showing it".
  document.addEventListener('input', function (event) {
    var field = event.target;
    var counter = field.getAttribute && field.getAttribute('data-counter');
    if (counter && field.maxLength > 0) {
      document.getElementById(counter).textContent = (field.maxLength - field.value.length) + ' / ' + field.maxLength;
    }
  });
})();

// A file above the size a form accepts is refused as soon as it is chosen, before it is sent:
// <input type="file" data-max-bytes="..." data-too-large="message" data-error-target="id">.
(function () {
  'use strict';
  document.addEventListener('change', function (event) {
    var input = event.target;
    var max = input.getAttribute && input.getAttribute('data-max-bytes');
    if (!max || !input.files) {
      return;
    }
    var tooLarge = Array.prototype.some.call(input.files, function (file) {
      return file.size > Number(max);
    });
    var message = tooLarge ? input.getAttribute('data-too-large') : '';
    input.setCustomValidity(message);
    input.classList.toggle('is-invalid', tooLarge);
    var target = document.getElementById(input.getAttribute('data-error-target'));
    if (target) {
      target.textContent = message;
    }
  });
})();
