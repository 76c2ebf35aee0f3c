/* 网签备案 pages: the wizard's buyer rows, unit choice and live checks (htmx posting the form as nested JSON). */
(function () {
  'use strict';

  /* The live checks: htmx posts the contract form as the same nested JSON the filing sends (tongban.js's serialize). */
  if (window.htmx) {
    htmx.defineExtension('filing-json', {
      onEvent: function (name, evt) {
        if (name === 'htmx:configRequest') {
          evt.detail.headers['Content-Type'] = 'application/json';
        }
      },
      encodeParameters: function (xhr, parameters, elt) {
        xhr.overrideMimeType('text/html');
        var form = document.querySelector(elt.getAttribute('hx-include'));
        return JSON.stringify(window.tongban.serialize(form));
      }
    });
  }

  /* Renumbers the buyer rows: names buyers[i].x, ids buyer-i-x, labels and error slots follow. */
  function renumber(list) {
    var rows = list.querySelectorAll('[data-buyer-row]');
    rows.forEach(function (row, i) {
      row.querySelectorAll('[data-field]').forEach(function (input) {
        var field = input.getAttribute('data-field');
        input.name = 'buyers[' + i + '].' + field;
        input.id = 'buyer-' + i + '-' + field;
      });
      row.querySelectorAll('label[data-label-for]').forEach(function (label) {
        label.htmlFor = 'buyer-' + i + '-' + label.getAttribute('data-label-for');
      });
      row.querySelectorAll('.field-error[data-error-for]').forEach(function (slot) {
        slot.setAttribute('data-for', 'buyers[' + i + '].' + slot.getAttribute('data-error-for'));
      });
      var number = row.querySelector('[data-buyer-number]');
      if (number) {
        number.textContent = String(i + 1);
      }
      var remove = row.querySelector('[data-remove-buyer]');
      if (remove) {
        remove.hidden = rows.length === 1;
      }
    });
  }

  function changed(form) {
    form.dispatchEvent(new Event('change', { bubbles: true }));
  }

  document.addEventListener('click', function (event) {
    var add = event.target.closest('[data-add-buyer]');
    if (add) {
      var list = document.getElementById(add.getAttribute('data-add-buyer'));
      var template = document.getElementById('buyer-template');
      list.appendChild(template.content.firstElementChild.cloneNode(true));
      renumber(list);
      changed(list.closest('form'));
      return;
    }
    var remove = event.target.closest('[data-remove-buyer]');
    if (remove) {
      var rows = remove.closest('[data-buyer-list]');
      remove.closest('[data-buyer-row]').remove();
      renumber(rows);
      changed(rows.closest('form'));
      return;
    }
    var choose = event.target.closest('[data-choose-unit]');
    if (choose) {
      var form = document.getElementById(choose.getAttribute('data-form'));
      form.querySelector('input[name="unitCode"]').value = choose.getAttribute('data-choose-unit');
      var shown = document.getElementById('chosen-unit');
      shown.textContent = choose.getAttribute('data-choose-unit') + ' ' + (choose.getAttribute('data-location') || '');
      document.querySelectorAll('[data-choose-unit][aria-pressed]').forEach(function (b) { b.setAttribute('aria-pressed', 'false'); });
      choose.setAttribute('aria-pressed', 'true');
      changed(form);
    }
  });

  // the script comes after the form: number the first buyer row now (and again once the page is complete)
  document.querySelectorAll('[data-buyer-list]').forEach(renumber);
  document.addEventListener('DOMContentLoaded', function () {
    document.querySelectorAll('[data-buyer-list]').forEach(renumber);
  });
})();
