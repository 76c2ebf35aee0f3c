/*
 * 房地产市场监测 page (/console/monitoring): loads each view from GET /api/v1/monitoring/<view> with the filter form's
 * values, draws it with ECharts, writes its numbers as an HTML table (shown by the toggle) and points its CSV link at
 * the same request with format=csv. A problem+json answer is shown next to the field it names. No inline script (CSP).
 */
(function () {
  'use strict';

  var root = document.getElementById('monitoring');
  if (!root) {
    return;
  }
  var labels = JSON.parse(root.getAttribute('data-labels') || '{}');
  var form = document.getElementById('monitoring-filter');
  var charts = [];
  var FIELDS = ['from', 'to', 'district', 'use', 'low', 'high'];

  function label(key) {
    return labels[key] || key;
  }

  function districtName(code) {
    return (labels.districts && labels.districts[code]) || code;
  }

  function useName(code) {
    return (labels.uses && labels.uses[code]) || code;
  }

  /** The query of a view: the form's filled fields it takes, and its groupBy. */
  function query(view, groupBy) {
    var q = new URLSearchParams();
    FIELDS.forEach(function (name) {
      var el = form.elements[name];
      if (!el || !el.value) {
        return;
      }
      if ((name === 'low' || name === 'high') && view !== 'anomalies') {
        return;
      }
      if (name === 'use' && view === 'activity') {
        return;
      }
      q.set(name, el.value);
    });
    if (groupBy) {
      q.set('groupBy', groupBy);
    }
    return q;
  }

  function load(view, groupBy) {
    var url = '/api/v1/monitoring/' + view + '?' + query(view, groupBy).toString();
    return fetch(url, {headers: {Accept: 'application/json'}, credentials: 'same-origin'}).then(function (response) {
      return response.json().then(function (data) {
        if (!response.ok) {
          throw data;
        }
        return data;
      });
    });
  }

  function showProblem(problem) {
    var shown = false;
    (problem && problem.errors || []).forEach(function (error) {
      var slot = form.querySelector('.field-error[data-for="' + error.field + '"]');
      var input = form.elements[error.field];
      if (slot) {
        slot.textContent = error.message || error.detail || '';
        shown = true;
      }
      if (input) {
        input.setAttribute('aria-invalid', 'true');
      }
    });
    var general = form.querySelector('.form-error');
    if (general && (!shown || problem.detail)) {
      general.textContent = (problem && (problem.detail || problem.title)) || label('failed');
    }
  }

  function clearProblems() {
    form.querySelectorAll('.field-error').forEach(function (el) { el.textContent = ''; });
    form.querySelectorAll('[aria-invalid]').forEach(function (el) { el.removeAttribute('aria-invalid'); });
    var general = form.querySelector('.form-error');
    if (general) {
      general.textContent = '';
    }
  }

  function format(value) {
    if (value === null || value === undefined) {
      return '';
    }
    return String(value);
  }

  /** An HTML table of these columns ([key, header, render?]) and rows. */
  function table(container, columns, rows, caption) {
    container.textContent = '';
    var t = document.createElement('table');
    if (caption) {
      var c = document.createElement('caption');
      c.textContent = caption;
      t.appendChild(c);
    }
    var head = t.createTHead().insertRow();
    columns.forEach(function (column) {
      var th = document.createElement('th');
      th.scope = 'col';
      th.textContent = column[1];
      if (column[3]) {
        th.className = 'num';
      }
      head.appendChild(th);
    });
    var body = t.createTBody();
    if (!rows.length) {
      var empty = body.insertRow().insertCell();
      empty.colSpan = columns.length;
      empty.className = 'status';
      empty.textContent = label('empty');
    }
    rows.forEach(function (row) {
      var tr = body.insertRow();
      columns.forEach(function (column) {
        var td = tr.insertCell();
        if (column[3]) {
          td.className = 'num';
        }
        var rendered = column[2] ? column[2](row[column[0]], row) : format(row[column[0]]);
        if (rendered instanceof Node) {
          td.appendChild(rendered);
        } else {
          td.textContent = rendered;
        }
      });
    });
    container.appendChild(t);
  }

  function chart(id) {
    var el = document.getElementById(id);
    var existing = window.echarts.getInstanceByDom(el);
    if (existing) {
      return existing;
    }
    var created = window.echarts.init(el, null, {renderer: 'canvas'});
    charts.push(created);
    return created;
  }

  function csvLink(section, view, groupBy) {
    var q = query(view, groupBy);
    q.set('format', 'csv');
    section.querySelector('a.csv').href = '/api/v1/monitoring/' + view + '?' + q.toString();
  }

  var baseOption = {
    tooltip: {trigger: 'axis'},
    legend: {type: 'scroll', top: 0},
    grid: {left: 8, right: 8, bottom: 8, top: 40, containLabel: true}
  };

  function option(extra) {
    return Object.assign({}, baseOption, extra);
  }

  function activity(section) {
    var groupBy = section.getAttribute('data-group-by');
    csvLink(section, 'activity', groupBy);
    return load('activity', groupBy).then(function (report) {
      var months = [];
      var districts = [];
      var cells = {};
      report.rows.forEach(function (r) {
        if (months.indexOf(r.month) < 0) { months.push(r.month); }
        if (districts.indexOf(r.district) < 0) { districts.push(r.district); }
        cells[r.district + '|' + r.month] = r;
      });
      months.sort();
      var series = [];
      ['filings', 'registrations'].forEach(function (measure) {
        districts.forEach(function (d) {
          series.push({
            name: districtName(d) + ' · ' + label(measure), type: 'bar', stack: measure, barMaxWidth: 48,
            data: months.map(function (m) { var c = cells[d + '|' + m]; return c ? c[measure] : 0; })
          });
        });
      });
      chart('chart-activity').setOption(option({
        xAxis: {type: 'category', data: months}, yAxis: {type: 'value', name: label('count'), minInterval: 1}, series: series
      }), true);
      table(document.getElementById('table-activity'), [
        ['district', label('district'), districtName], ['month', label('month')],
        ['filings', label('filings'), null, true], ['registrations', label('registrations'), null, true]
      ], report.rows);
    });
  }

  function prices(section) {
    var groupBy = section.getAttribute('data-group-by');
    csvLink(section, 'prices', groupBy);
    return load('prices', groupBy).then(function (report) {
      var districts = [];
      var uses = [];
      var cells = {};
      report.rows.forEach(function (r) {
        if (districts.indexOf(r.district) < 0) { districts.push(r.district); }
        if (uses.indexOf(r.use) < 0) { uses.push(r.use); }
        cells[r.district + '|' + r.use] = r;
      });
      var series = uses.map(function (u) {
        return {
          name: useName(u), type: 'bar', barMaxWidth: 48,
          data: districts.map(function (d) { var c = cells[d + '|' + u]; return c ? Number(c.averageUnitPrice) : null; })
        };
      });
      chart('chart-prices').setOption(option({
        xAxis: {type: 'category', data: districts.map(districtName)},
        yAxis: {type: 'value', name: label('yuanPerSquareMetre')}, series: series
      }), true);
      table(document.getElementById('table-prices'), [
        ['district', label('district'), districtName], ['use', label('use'), useName],
        ['sales', label('sales'), null, true], ['totalPrice', label('totalPrice'), null, true],
        ['totalArea', label('totalArea'), null, true], ['averageUnitPrice', label('averageUnitPrice'), null, true]
      ], report.rows);
    });
  }

  function volume(section) {
    var groupBy = section.getAttribute('data-group-by');
    csvLink(section, 'volume', groupBy);
    return load('volume', groupBy).then(function (report) {
      var months = report.rows.map(function (r) { return r.month; });
      chart('chart-volume').setOption(option({
        xAxis: {type: 'category', data: months},
        yAxis: [{type: 'value', name: label('count'), minInterval: 1}, {type: 'value', name: label('tenThousandYuan'), splitLine: {show: false}}],
        series: [
          {name: label('sales'), type: 'line', smooth: true, showSymbol: true, symbolSize: 8, data: report.rows.map(function (r) { return r.sales; })},
          {name: label('totalValueTenThousand'), type: 'line', smooth: true, showSymbol: true, symbolSize: 8, yAxisIndex: 1,
            data: report.rows.map(function (r) { return Math.round(Number(r.totalValue) / 100) / 100; })}
        ]
      }), true);
      table(document.getElementById('table-volume'), [
        ['month', label('month')], ['sales', label('sales'), null, true], ['totalValue', label('totalValue'), null, true]
      ], report.rows);
    });
  }

  function anomalies(section) {
    csvLink(section, 'anomalies', null);
    var container = document.getElementById('table-anomalies');
    return load('anomalies', null).then(function (report) {
      table(container, [
        ['filingCode', label('filingCode'), function (code) {
          var a = document.createElement('a');
          a.href = '/console/filing/contracts/' + encodeURIComponent(code);
          a.textContent = code;
          return a;
        }],
        ['district', label('district'), districtName], ['use', label('use'), useName],
        ['type', label('type'), function (t) { return label(t); }],
        ['signedOn', label('signedOn')], ['price', label('price'), null, true],
        ['buildingArea', label('buildingArea'), null, true], ['unitPrice', label('unitPrice'), null, true],
        ['referenceUnitPrice', label('referenceUnitPrice'), null, true],
        ['referenceSource', label('referenceSource'), function (s) { return label(s); }],
        ['ratio', label('ratio'), null, true],
        ['direction', label('direction'), function (d) {
          var span = document.createElement('span');
          span.className = 'direction-' + d;
          span.textContent = label(d);
          return span;
        }]
      ], report.rows, report.truncated ? label('truncated') : null);
    });
  }

  var VIEWS = {activity: activity, prices: prices, volume: volume, anomalies: anomalies};

  function refresh() {
    clearProblems();
    var reported = false;
    root.querySelectorAll('section.view').forEach(function (section) {
      var view = section.getAttribute('data-view');
      section.setAttribute('aria-busy', 'true');
      VIEWS[view](section).catch(function (problem) {
        if (!reported) {
          reported = true;
          showProblem(problem);
        }
      }).then(function () {
        section.removeAttribute('aria-busy');
        section.setAttribute('data-loaded', 'true');
      });
    });
  }

  root.querySelectorAll('button.table-toggle').forEach(function (button) {
    button.addEventListener('click', function () {
      var target = document.getElementById(button.getAttribute('aria-controls'));
      var open = button.getAttribute('aria-expanded') === 'true';
      target.hidden = open;
      button.setAttribute('aria-expanded', String(!open));
      button.textContent = open ? label('showTable') : label('hideTable');
      charts.forEach(function (c) { c.resize(); });
    });
  });

  window.addEventListener('resize', function () {
    charts.forEach(function (c) { c.resize(); });
  });

  if (!window.echarts) {
    root.querySelectorAll('.chart').forEach(function (el) { el.textContent = label('failed'); });
    return;
  }
  refresh();
})();
