// Network directory: the filter of the courts in the public profile form. No inline scripts (CSP).
(function () {
  'use strict';

  function fold(text) {
    return (text || '').normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[-'\u2019]/g, ' ')
        .replace(/\s+/g, ' ').toLowerCase();
  }

  document.addEventListener('input', function (event) {
    if (event.target.id !== 'court-filter') {
      return;
    }
    var query = fold(event.target.value.trim());
    document.querySelectorAll('.court-group').forEach(function (group) {
      var visible = 0;
      group.querySelectorAll('.court-option').forEach(function (option) {
        var match = query === '' || fold(option.getAttribute('data-search')).indexOf(query) !== -1;
        option.hidden = !match;
        if (match) {
          visible++;
        }
      });
      group.hidden = visible === 0;
      if (query !== '' && visible > 0) {
        group.open = true;
      }
    });
  });
})();
