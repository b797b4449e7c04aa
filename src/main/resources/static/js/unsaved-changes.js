// Asks before leaving a page whose form marked data-warn-unsaved holds text not sent yet (the
// browser's own "leave the page?" prompt). Sending that form, by any of its buttons, is not leaving.
(function () {
  'use strict';

  var forms = Array.prototype.slice.call(document.querySelectorAll('form[data-warn-unsaved]'));
  var sending = false;

  function changed(form) {
    return Array.prototype.some.call(form.elements, function (field) {
      return (field.tagName === 'TEXTAREA' || field.type === 'text') && field.value !== field.defaultValue;
    });
  }

  forms.forEach(function (form) {
    form.addEventListener('submit', function (event) {
      if (!event.defaultPrevented) {
        sending = true;
      }
    });
  });

  window.addEventListener('beforeunload', function (event) {
    if (!sending && forms.some(changed)) {
      event.preventDefault();
      event.returnValue = '';
    }
  });
})();
