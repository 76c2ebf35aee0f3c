/* 楼盘表 import page: sends the chosen CSV file as the raw text/csv body of POST /api/v1/units/imports (whatever type
   the browser guesses for a .csv file), then opens the import's report. */
(function () {
  'use strict';

  /* The CSRF token for tongban.js's requests: it sends the XSRF-TOKEN cookie back as X-XSRF-TOKEN, but a browser may
     have no such cookie after the sign-in (seen with Chromium), and the requests are then refused (403). The token
     the page was rendered with (data-csrf-token, the server's own _csrf) goes along instead whenever the cookie's
     is missing. */
  (function csrfFromPage() {
    var holder = document.querySelector('[data-csrf-token]');
    var token = holder && holder.getAttribute('data-csrf-token');
    if (!token || window.tongbanPageCsrf) {
      return;
    }
    window.tongbanPageCsrf = token;
    document.addEventListener('htmx:configRequest', function (event) {
      if (!event.detail.headers['X-XSRF-TOKEN']) {
        event.detail.headers['X-XSRF-TOKEN'] = token;
      }
    });
    var fetchWithCookieToken = window.fetch;
    window.fetch = function (url, init) {
      var options = init || {};
      var method = (options.method || 'GET').toUpperCase();
      if (method !== 'GET' && method !== 'HEAD' && options.headers && !options.headers['X-XSRF-TOKEN']
          && !(options.headers instanceof Headers)) {
        options.headers['X-XSRF-TOKEN'] = token;
      }
      return fetchWithCookieToken.call(window, url, options);
    };
  })();

  document.addEventListener('submit', function (event) {
    var form = event.target.closest('form[data-upload]');
    if (!form) {
      return;
    }
    event.preventDefault();
    event.stopImmediatePropagation();
    var input = form.querySelector('input[type="file"]');
    var error = form.querySelector('.form-error');
    var button = form.querySelector('button[type="submit"]');
    error.textContent = '';
    if (!input.files.length) {
      error.textContent = form.getAttribute('data-choose');
      input.focus();
      return;
    }
    var file = input.files[0];
    button.disabled = true;
    button.setAttribute('aria-busy', 'true');
    fetch(form.getAttribute('data-upload'), {
      method: 'POST',
      credentials: 'same-origin',
      headers: {
        'Content-Type': 'text/csv',
        'Accept': 'application/json',
        'X-File-Name': encodeURIComponent(file.name),
        'X-XSRF-TOKEN': window.tongban.csrfToken() || window.tongbanPageCsrf || ''
      },
      body: file
    }).then(function (response) {
      return response.json().then(function (body) { return { ok: response.ok, body: body }; });
    }).then(function (answer) {
      if (answer.ok) {
        window.location.href = form.getAttribute('data-then').replace('{importId}', answer.body.importId);
        return;
      }
      error.textContent = answer.body.detail || answer.body.title || String(answer.body.status);
    }).catch(function (e) {
      error.textContent = String(e);
    }).finally(function () {
      button.disabled = false;
      button.removeAttribute('aria-busy');
    });
  }, true);
})();
