// The provider's delivery upload (cn.tongban.sharing.SharingPages#deliveries): the file goes raw as the request body
// with its manifest in headers (X-Item-No, X-Period, X-Record-Count, X-Content-SM3), as the API takes it; the record
// count and the SM3 are the provider's claim, entered by the provider and checked by the platform against the file.
(function () {
  'use strict';
  // the XSRF-TOKEN cookie (tongban.js's way); when the browser has none yet, GET /api/v1/csrf answers the token and
  // sets the cookie (the session's token is kept in that cookie, so it must be there for the POST to pass)
  function csrf() {
    var token = window.tongban && window.tongban.csrfToken ? window.tongban.csrfToken() : null;
    if (token) return Promise.resolve(token);
    return fetch('/api/v1/csrf', {credentials: 'same-origin', headers: {'Accept': 'application/json'}})
      .then(function (r) { return r.json(); })
      .then(function (j) { return j.token; });
  }
  function contentType(file) {
    var name = file.name.toLowerCase();
    if (name.endsWith('.ndjson')) return 'application/x-ndjson';
    if (name.endsWith('.jsonl')) return 'application/jsonl';
    return 'text/csv';
  }
  function init() {
    var form = document.getElementById('delivery-upload');
    if (!form || form.dataset.bound) return;
    form.dataset.bound = 'true';
    var item = document.getElementById('delivery-item');
    var period = document.getElementById('delivery-period');
    item.addEventListener('change', function () {
      var option = item.options[item.selectedIndex];
      if (option && option.dataset.period) period.value = option.dataset.period;
    });
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      form.querySelectorAll('.field-error').forEach(function (e) { e.textContent = ''; });
      form.querySelector('.form-error').textContent = '';
      var file = document.getElementById('delivery-file').files[0];
      if (!file) return;
      var headers = {
        'Content-Type': contentType(file),
        'Accept': 'application/json',
        'X-Item-No': item.value,
        'X-Period': period.value.trim(),
        'X-Record-Count': document.getElementById('delivery-records').value.trim(),
        'X-Content-SM3': document.getElementById('delivery-sm3').value.trim().toLowerCase()
      };
      var button = document.getElementById('delivery-submit');
      button.disabled = true;
      csrf()
        .then(function (token) {
          if (token) headers['X-XSRF-TOKEN'] = token;
          return fetch(form.dataset.url, {method: 'POST', headers: headers, body: file, credentials: 'same-origin'});
        })
        .then(function (response) {
          return response.json().catch(function () { return {}; }).then(function (body) {
            button.disabled = false;
            if (response.ok) {
              showReceipt(body);
              return;
            }
            (body.errors || []).forEach(function (e) {
              var target = form.querySelector('.field-error[data-for="' + e.field + '"]');
              if (target) target.textContent = e.message || e.detail || e.code;
            });
            form.querySelector('.form-error').textContent = body.detail || body.title || response.statusText;
          });
        })
        .catch(function (error) {
          button.disabled = false;
          form.querySelector('.form-error').textContent = String(error);
        });
    });
  }
  function showReceipt(receipt) {
    var section = document.getElementById('delivery-receipt');
    section.querySelectorAll('[data-receipt]').forEach(function (e) {
      var value = receipt[e.dataset.receipt];
      e.textContent = value === null || value === undefined ? '—' : String(value);
    });
    section.hidden = false;
    section.scrollIntoView({block: 'nearest'});
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init); else init();
  document.addEventListener('htmx:afterSettle', init);
})();
