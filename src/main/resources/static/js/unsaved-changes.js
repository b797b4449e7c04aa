// Asks before leaving a page whose form marked data-warn-unsaved holds text not sent yet (the
// browser's own "leave the page?" prompt). Sending that form, by any of its buttons, is not leaving,
// nor is following a link marked data-keeps-page (a download). While text is unsaved, the elements
// marked data-unsaved-hint are shown (e.g. "the PDF holds the last saved version").
(function () {
  'use strict';

  var forms = Array.prototype.slice.call(document.querySelectorAll('form[data-warn-unsaved]'));
  var hints = Array.prototype.slice.call(document.querySelectorAll('[data-unsaved-hint]'));
  var sending = false;
  var keeping = false;

  function changed(form) {
    return Array.prototype.some.call(form.elements, function (field) {
      return (field.tagName === 'TEXTAREA' || field.type === 'text') && field.value !== field.defaultValue;
    });
  }

  function showHints() {
    var unsaved = forms.some(changed);
    hints.forEach(function (hint) {
      hint.hidden = !unsaved;
    });
  }

  forms.forEach(function (form) {
    form.addEventListener('submit', function (event) {
      if (!event.defaultPrevented) {
        sending = true;
      }
    });
    form.addEventListener('input', showHints);
  });

  Array.prototype.forEach.call(document.querySelectorAll('a[data-keeps-page]'), function (link) {
    link.addEventListener('click', function () {
      // Some browsers still announce a download link as leaving; the page stays, so say nothing.
      keeping = true;
      window.setTimeout(function () {
        keeping = false;
      }, 1000);
    });
  });

  window.addEventListener('beforeunload', function (event) {
    if (keeping) {
      keeping = false;
      return;
    }
    if (!sending && forms.some(changed)) {
      event.preventDefault();
      event.returnValue = '';
    }
  });
})();
