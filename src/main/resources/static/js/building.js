/* 楼盘表 import page: sends the chosen CSV file as the raw text/csv body of POST /api/v1/units/imports (whatever type
   the browser guesses for a .csv file), then opens the import's report. */
(function () {
  'use strict';

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
        'X-XSRF-TOKEN': window.tongban.csrfToken() || ''
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
