// The searchable court picker (fragments/court-picker.html): the filter field above a court select
// is shown, and typing in it takes out of the select the courts whose name, seat, département or
// cour d'appel do not contain the text (accents and case ignored), the chosen court excepted.
// Enter or Arrow down moves to the select with the first matching court chosen; the select itself
// is submitted as usual.
(function () {
  'use strict';

  function normalise(text) {
    return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  }

  // The select's courts as first rendered, in order: each group (an optgroup, or null for a court
  // outside any group) with its options. Filtering detaches the courts that do not match and
  // re-attaches them in this order: Safari on iOS ignores "hidden" on an option.
  function layout(select) {
    var groups = [];
    Array.prototype.forEach.call(select.children, function (child) {
      if (child.tagName === 'OPTGROUP') {
        groups.push({ group: child, options: Array.prototype.slice.call(child.children) });
      } else if (child.value !== '') {
        groups.push({ group: null, options: [child] });
      }
    });
    return groups;
  }

  function matches(option, query) {
    return query === '' || normalise(option.getAttribute('data-search') || option.text).indexOf(query) !== -1;
  }

  function filter(input, select, groups) {
    var query = normalise(input.value.trim());
    var chosen = select.value;
    var shown = 0;
    groups.forEach(function (entry) {
      // The chosen court stays, so that filtering never changes what the form sends.
      var kept = entry.options.filter(function (option) {
        var match = matches(option, query);
        if (match) {
          shown++;
        }
        return match || (chosen !== '' && option.value === chosen);
      });
      var parent = entry.group || select;
      entry.options.forEach(function (option) {
        if (option.parentNode) {
          option.parentNode.removeChild(option);
        }
      });
      kept.forEach(function (option) {
        parent.appendChild(option);
      });
      if (entry.group) {
        if (entry.group.parentNode) {
          select.removeChild(entry.group);
        }
        if (kept.length > 0) {
          select.appendChild(entry.group);
        }
      }
    });
    select.value = chosen;
    var status = document.getElementById(select.id + '-filter-status');
    if (status) {
      status.textContent = query === '' ? '' : status.getAttribute('data-template').replace('{0}', shown);
    }
  }

  function chooseFirst(input, select) {
    var query = normalise(input.value.trim());
    var first = Array.prototype.filter.call(select.querySelectorAll('option[value]:not([value=""])'), function (option) {
      return matches(option, query);
    })[0];
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
      var groups = layout(select);
      input.addEventListener('input', function () {
        filter(input, select, groups);
      });
      input.addEventListener('keydown', function (event) {
        if (event.key === 'Enter' || event.key === 'ArrowDown') {
          event.preventDefault();
          chooseFirst(input, select);
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
