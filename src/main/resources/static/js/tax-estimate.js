/*
 * The portal's tax estimate (issue #8): tongban.js sends the form to POST /api/v1/tax/calculations and shows errors
 * in place; on success ("tongban:done") this shows the answer's lines, totals and open facts. No inline script (CSP).
 */
(function () {
  'use strict';

  function names() {
    var map = {};
    document.querySelectorAll('#estimate-names [data-code]').forEach(function (el) {
      map[el.dataset.code] = el.textContent;
    });
    return map;
  }

  function money(value) {
    if (value === null || value === undefined) {
      return '—';
    }
    return Number(value).toLocaleString(document.documentElement.lang || 'zh-CN',
        { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  }

  function cell(row, text, className) {
    var td = document.createElement('td');
    td.textContent = text;
    if (className) {
      td.className = className;
    }
    row.appendChild(td);
    return td;
  }

  function show(calculation) {
    var label = names();
    var body = document.getElementById('estimate-lines');
    body.replaceChildren();
    (calculation.lines || []).forEach(function (line) {
      var row = document.createElement('tr');
      cell(row, label[line.tax] || line.tax);
      cell(row, label[line.payer] || line.payer);
      cell(row, money(line.base), 'num');
      cell(row, (Number(line.rate) * 100).toFixed(2).replace(/\.?0+$/, '') + '%', 'num');
      cell(row, money(line.amount), 'num');
      var rule = cell(row, line.citation || '');
      if (line.explanation) {
        var small = document.createElement('small');
        small.textContent = line.explanation;
        rule.appendChild(document.createElement('br'));
        rule.appendChild(small);
      }
      body.appendChild(row);
    });
    var totals = document.getElementById('estimate-totals');
    totals.replaceChildren();
    Object.keys(calculation.totals || {}).forEach(function (payer) {
      var dt = document.createElement('dt');
      dt.textContent = (label.total || '{0}').replace('{0}', label[payer] || payer);
      var dd = document.createElement('dd');
      dd.className = 'amount';
      dd.textContent = money(calculation.totals[payer]);
      totals.appendChild(dt);
      totals.appendChild(dd);
    });
    var open = document.getElementById('estimate-open');
    open.replaceChildren();
    (calculation.undetermined || []).forEach(function (u) {
      var li = document.createElement('li');
      li.textContent = u.question + ' (' + u.fact + ')';
      open.appendChild(li);
    });
    document.getElementById('estimate-open-heading').hidden = open.children.length === 0;
    var result = document.getElementById('estimate-result');
    result.hidden = false;
    result.scrollIntoView({ block: 'nearest' });
  }

  document.addEventListener('tongban:done', function (event) {
    if (event.target && event.target.id === 'estimate-form') {
      show(event.detail || {});
    }
  });
})();
