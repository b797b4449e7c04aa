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

  // An expired session answers an htmx request with the login page: reload the whole page.
  document.addEventListener('htmx:beforeSwap', function (event) {
    var xhr = event.detail.xhr;
    if (xhr && xhr.responseURL && xhr.responseURL.indexOf('/login') !== -1) {
      event.detail.shouldSwap = false;
      window.location.reload();
    }
  });
})();
