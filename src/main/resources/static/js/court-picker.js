// The searchable court picker (fragments/court-picker.html): the filter field above a court select
// is shown, and typing in it hides the courts whose name, seat, département or cour d'appel do not
// contain the text (accents and case ignored). Enter or Arrow down moves to the select with the
// first matching court chosen; the select itself is submitted as usual.
(function () {
  'use strict';

  function normalise(text) {
    return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  }

  function filter(input, select) {
    var query = normalise(input.value.trim());
    var shown = 0;
    Array.prototype.forEach.call(select.querySelectorAll('option[value]:not([value=""])'), function (option) {
      var match = query === '' || normalise(option.getAttribute('data-search') || option.text).indexOf(query) !== -1;
      option.hidden = !match;
      if (match) {
        shown++;
      }
    });
    Array.prototype.forEach.call(select.querySelectorAll('optgroup'), function (group) {
      group.hidden = !group.querySelector('option:not([hidden])');
    });
    var status = document.getElementById(select.id + '-filter-status');
    if (status) {
      status.textContent = query === '' ? '' : status.getAttribute('data-template').replace('{0}', shown);
    }
  }

  function chooseFirst(select) {
    var first = select.querySelector('option[value]:not([value=""]):not([hidden])');
    if (first) {
      select.value = first.value;
      select.dispatchEvent(new Event('change', { bubbles: true }));
    }
    select.focus();
  }

  function enhance() {
    Array.prototype.forEach.call(document.querySelectorAll('input[data-court-filter]'), function (input) {
      var select = document.getElementById(input.getAttribute('data-court-filter'));
      if (!select || input.getAttribute('data-enhanced')) {
        return;
      }
      input.setAttribute('data-enhanced', 'true');
      input.hidden = false;
      input.addEventListener('input', function () {
        filter(input, select);
      });
      input.addEventListener('keydown', function (event) {
        if (event.key === 'Enter' || event.key === 'ArrowDown') {
          event.preventDefault();
          chooseFirst(select);
        }
      });
    });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', enhance);
  } else {
    enhance();
  }
})();
