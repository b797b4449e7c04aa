// Surveys. In the builder, the item form shows only the fields of the kind chosen. In an answer form,
// an item with a condition (data-show-if-field, data-show-if-value) is shown only while the choice it
// depends on is made; its fields are disabled meanwhile, so a hidden item sends nothing. Without
// script every field shows, and the server drops the answers of hidden items anyway.
(function () {
  'use strict';

  document.querySelectorAll('[data-question-form]').forEach(function (form) {
    var kind = form.querySelector('[name="kind"]');
    function showKind() {
      form.querySelectorAll('[data-kinds]').forEach(function (group) {
        group.hidden = group.getAttribute('data-kinds').split(' ').indexOf(kind.value) < 0;
      });
    }
    kind.addEventListener('change', showKind);
    showKind();
  });

  document.querySelectorAll('form[data-survey-answer]').forEach(function (form) {
    var items = Array.prototype.slice.call(form.querySelectorAll('[data-show-if-field]'));
    function chosen(field, value) {
      return Array.prototype.some.call(form.querySelectorAll('[name="' + field + '"]'), function (input) {
        var item = input.closest('[data-show-if-field]');
        return input.checked && input.value === value && (!item || !item.hidden);
      });
    }
    function update() {
      items.forEach(function (item) {
        var shown = chosen(item.getAttribute('data-show-if-field'), item.getAttribute('data-show-if-value'));
        item.hidden = !shown;
        item.querySelectorAll('input, select, textarea').forEach(function (input) {
          if (!form.hasAttribute('data-read-only')) {
            input.disabled = !shown;
          }
        });
      });
    }
    form.addEventListener('change', update);
    update();
  });
})();
