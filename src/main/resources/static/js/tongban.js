/*
 * tongban.js — the pages' small helper (issue #8). No framework, no inline script (CSP: default-src 'self').
 *
 * 1. Forms that call the JSON API:
 *      <form data-api="POST /api/v1/filing/contracts" data-then="/console/filing/contracts/{filingCode}">
 *        <label for="price">…</label><input id="price" name="price" type="number">
 *        <small class="field-error" data-for="price"></small>
 *        <input name="buyers[0].idNumber"> <input type="checkbox" name="mortgage">
 *        <p class="form-error" role="alert"></p>
 *        <button type="submit">…</button>
 *      </form>
 *    - data-api="METHOD /path": the request (default method POST). Its body is JSON built from the named fields:
 *      "a.b" and "a[0].b" nest; type=number (or data-type="number") gives a number, a checkbox true/false (several
 *      checkboxes of one name: the array of the checked values), a <select multiple> an array; data-type="boolean" on a
 *      select or radio gives true/false; empty fields are left out; fields with data-json="skip" never sent.
 *      A form with a file input sends that file as the raw body instead (Content-Type its type, X-File-Name its
 *      name), the other fields as query parameters (the registration materials upload).
 *    - sent with Accept: application/json, the CSRF header X-XSRF-TOKEN from the XSRF-TOKEN cookie.
 *    - an error answer (problem+json) is shown in place: each errors[i].field's message in the
 *      <small class="field-error" data-for="<field>"> (or, without one, next to the input of that name, which gets
 *      aria-invalid), the detail in the form's .form-error (created at the top of the form when missing).
 *    - success: data-then="/url/{field}" goes there, {a.b} filled from the JSON answer (URL-encoded); or
 *      data-refresh="#id" (any selector) triggers the htmx event "refresh" on those elements (give them
 *      hx-get="…" hx-trigger="refresh"), reloading the page when htmx is absent; or, with neither, data-done shows its
 *      text in the form's .form-ok. data-confirm="question?" asks first. The form also fires "tongban:done" with
 *      the answer as event.detail; data-reset resets the form after success.
 * 2. htmx requests carry the CSRF header too. A partial whose session has expired (the request was sent to the sign-in
 *    page) takes the whole page to /login?next=<this page> instead of swapping the sign-in form into a fragment; an
 *    htmx error answer (problem+json) shows its detail in the nearest form's .form-error, or in an alert.
 * 3. Downloads: <a href="/api/v1/…/pdf" data-download> — a normal link (the session cookie goes along, the browser
 *    saves the PDF); data-download="name.pdf" suggests a file name. An error answer is shown in an alert instead
 *    of a page of JSON.
 *
 * window.tongban exposes serialize(form), send(method, url, body), fill(template, data) and csrfToken() for pages.
 */
(function () {
  'use strict';

  function csrfToken() {
    var match = document.cookie.match(/(?:^|;\s*)XSRF-TOKEN=([^;]*)/);
    return match ? decodeURIComponent(match[1]) : null;
  }

  /** "buyers[0].idNumber" -> ["buyers", 0, "idNumber"] */
  function path(name) {
    var parts = [];
    name.split('.').forEach(function (segment) {
      var re = /([^\[\]]+)|\[(\d+)\]/g, m;
      while ((m = re.exec(segment)) !== null) {
        parts.push(m[1] !== undefined ? m[1] : Number(m[2]));
      }
    });
    return parts;
  }

  function put(target, name, value) {
    var keys = path(name), node = target;
    for (var i = 0; i < keys.length - 1; i++) {
      var key = keys[i];
      if (node[key] === undefined || node[key] === null) {
        node[key] = typeof keys[i + 1] === 'number' ? [] : {};
      }
      node = node[key];
    }
    node[keys[keys.length - 1]] = value;
  }

  /** Arrays without holes: a row whose fields were all empty is left out, not sent as null. */
  function compact(value) {
    if (Array.isArray(value)) {
      return value.filter(function (v) { return v !== undefined; }).map(compact);
    }
    if (value && typeof value === 'object') {
      Object.keys(value).forEach(function (k) { value[k] = compact(value[k]); });
    }
    return value;
  }

  function typed(el, raw) {
    var type = el.dataset.type || el.type;
    if (type === 'number') {
      return Number(raw);
    }
    if (type === 'boolean') {
      return raw === 'true';
    }
    return raw;
  }

  function serialize(form) {
    var body = {}, seen = {};
    Array.prototype.forEach.call(form.elements, function (el) {
      if (!el.name || el.disabled || el.dataset.json === 'skip'
          || ['submit', 'button', 'reset', 'file', 'image'].indexOf(el.type) >= 0) {
        return;
      }
      if (el.type === 'checkbox') {
        var group = form.querySelectorAll('input[type=checkbox][name="' + CSS.escape(el.name) + '"]');
        if (group.length > 1) {
          if (!seen[el.name]) {
            seen[el.name] = true;
            put(body, el.name, Array.prototype.filter.call(group, function (c) { return c.checked; })
                .map(function (c) { return typed(c, c.value); }));
          }
          return;
        }
        put(body, el.name, el.checked);
        return;
      }
      if (el.type === 'radio') {
        if (el.checked) {
          put(body, el.name, typed(el, el.value));
        }
        return;
      }
      if (el.tagName === 'SELECT' && el.multiple) {
        var chosen = Array.prototype.filter.call(el.options, function (o) { return o.selected; })
            .map(function (o) { return typed(el, o.value); });
        if (chosen.length) {
          put(body, el.name, chosen);
        }
        return;
      }
      var raw = el.type === 'password' ? el.value : el.value.trim();
      if (raw === '') {
        return;
      }
      put(body, el.name, typed(el, raw));
    });
    return compact(body);
  }

  function lookup(data, dotted) {
    return path(dotted).reduce(function (node, key) {
      return node === undefined || node === null ? undefined : node[key];
    }, data);
  }

  /** "/console/x/{filingCode}" filled from the answer; a missing field stays empty. */
  function fill(template, data) {
    return template.replace(/\{([^}]+)\}/g, function (all, field) {
      var value = lookup(data || {}, field);
      return value === undefined || value === null ? '' : encodeURIComponent(String(value));
    });
  }

  function send(method, url, body, headers) {
    var h = Object.assign({ 'Accept': 'application/json, application/problem+json' }, headers || {});
    var token = csrfToken();
    if (token) {
      h['X-XSRF-TOKEN'] = token;
    }
    var init = { method: method, headers: h, credentials: 'same-origin' };
    if (body instanceof Blob) {
      init.body = body;
    } else if (body !== undefined && method !== 'GET' && method !== 'HEAD') {
      h['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    return fetch(url, init).then(function (response) {
      var type = response.headers.get('Content-Type') || '';
      var read = type.indexOf('json') >= 0 ? response.json() : response.text();
      return read.then(function (data) {
        return { ok: response.ok, status: response.status, data: data };
      }, function () {
        return { ok: response.ok, status: response.status, data: null };
      });
    });
  }

  function clearErrors(form) {
    form.querySelectorAll('.field-error').forEach(function (el) { el.textContent = ''; });
    form.querySelectorAll('[aria-invalid]').forEach(function (el) { el.removeAttribute('aria-invalid'); });
    form.querySelectorAll('.form-error, .form-ok').forEach(function (el) { el.textContent = ''; el.hidden = true; });
  }

  function formMessage(form, cls) {
    var box = form.querySelector('.' + cls);
    if (!box) {
      box = document.createElement('p');
      box.className = cls;
      box.setAttribute('role', cls === 'form-error' ? 'alert' : 'status');
      form.insertBefore(box, form.firstChild);
    }
    box.hidden = false;
    return box;
  }

  function showProblem(form, result) {
    var problem = result.data && typeof result.data === 'object' ? result.data : {};
    var unplaced = [];
    (problem.errors || []).forEach(function (error) {
      var message = error.message || error.code || '';
      if (!error.field) {
        unplaced.push(message);
        return;
      }
      var slot = form.querySelector('.field-error[data-for="' + CSS.escape(error.field) + '"]');
      var input = form.querySelector('[name="' + CSS.escape(error.field) + '"]');
      if (input) {
        input.setAttribute('aria-invalid', 'true');
      }
      if (!slot && input) {
        slot = document.createElement('small');
        slot.className = 'field-error';
        slot.dataset.for = error.field;
        input.insertAdjacentElement('afterend', slot);
      }
      if (slot) {
        slot.textContent = slot.textContent ? slot.textContent + ' ' + message : message;
      } else {
        unplaced.push(error.field + ': ' + message);
      }
    });
    var text = problem.detail || problem.title || (typeof result.data === 'string' && result.data.length < 300 ? result.data : '')
        || ('HTTP ' + result.status);
    formMessage(form, 'form-error').textContent = [text].concat(unplaced).join(' ');
    var first = form.querySelector('[aria-invalid="true"]');
    if (first) {
      first.focus();
    }
  }

  function refresh(selector) {
    var targets = document.querySelectorAll(selector);
    if (!window.htmx || targets.length === 0) {
      window.location.reload();
      return;
    }
    targets.forEach(function (el) { window.htmx.trigger(el, 'refresh'); });
  }

  function submitted(event) {
    var form = event.target;
    if (!(form instanceof HTMLFormElement) || !form.dataset.api) {
      return;
    }
    event.preventDefault();
    if (form.dataset.confirm && !window.confirm(form.dataset.confirm)) {
      return;
    }
    var spec = form.dataset.api.trim().split(/\s+/);
    var method = spec.length > 1 ? spec[0].toUpperCase() : 'POST';
    var url = spec.length > 1 ? spec[1] : spec[0];
    var headers = {}, body;
    var file = form.querySelector('input[type=file]');
    if (file) {
      if (!file.files.length) {
        file.setAttribute('aria-invalid', 'true');
        formMessage(form, 'form-error').textContent = file.dataset.missing || file.title || '?';
        return;
      }
      var query = new URLSearchParams();
      var fields = serialize(form);
      Object.keys(fields).forEach(function (k) { query.append(k, fields[k]); });
      var chosen = file.files[0];
      url += (url.indexOf('?') >= 0 ? '&' : '?') + query.toString();
      headers['Content-Type'] = chosen.type || 'application/octet-stream';
      headers['X-File-Name'] = encodeURIComponent(chosen.name);
      body = chosen;
    } else {
      body = serialize(form);
    }
    var buttons = form.querySelectorAll('button, input[type=submit]');
    buttons.forEach(function (b) { b.disabled = true; });
    form.setAttribute('aria-busy', 'true');
    clearErrors(form);
    send(method, url, body, headers).then(function (result) {
      if (!result.ok) {
        showProblem(form, result);
        return;
      }
      form.dispatchEvent(new CustomEvent('tongban:done', { detail: result.data, bubbles: true }));
      if (form.dataset.reset !== undefined) {
        form.reset();
      }
      if (form.dataset.then) {
        window.location.assign(fill(form.dataset.then, result.data));
      } else if (form.dataset.refresh) {
        refresh(form.dataset.refresh);
      } else if (form.dataset.done) {
        formMessage(form, 'form-ok').textContent = form.dataset.done;
      }
    }, function () {
      formMessage(form, 'form-error').textContent = form.dataset.offline || 'Network error';
    }).finally(function () {
      buttons.forEach(function (b) { b.disabled = false; });
      form.removeAttribute('aria-busy');
    });
  }

  /** A download link whose answer is an error shows the error, not a page of JSON. */
  function clicked(event) {
    var link = event.target instanceof Element ? event.target.closest('a[data-download]') : null;
    if (!link || event.defaultPrevented || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey) {
      return;
    }
    event.preventDefault();
    fetch(link.href, { credentials: 'same-origin' }).then(function (response) {
      if (!response.ok) {
        return response.json().catch(function () { return {}; }).then(function (problem) {
          window.alert(problem.detail || problem.title || ('HTTP ' + response.status));
        });
      }
      return response.blob().then(function (blob) {
        var name = link.dataset.download || fileName(response) || link.href.split('/').pop();
        var url = URL.createObjectURL(blob);
        var a = document.createElement('a');
        a.href = url;
        a.download = name;
        document.body.appendChild(a);
        a.click();
        a.remove();
        setTimeout(function () { URL.revokeObjectURL(url); }, 10000);
      });
    });
  }

  function fileName(response) {
    var disposition = response.headers.get('Content-Disposition') || '';
    var star = disposition.match(/filename\*=UTF-8''([^;]+)/i);
    if (star) {
      return decodeURIComponent(star[1]);
    }
    var plain = disposition.match(/filename="?([^";]+)"?/i);
    return plain ? plain[1] : null;
  }

  document.addEventListener('submit', submitted);
  document.addEventListener('click', clicked);
  document.addEventListener('htmx:configRequest', function (event) {
    var token = csrfToken();
    if (token) {
      event.detail.headers['X-XSRF-TOKEN'] = token;
    }
  });

  document.addEventListener('htmx:beforeSwap', function (event) {
    var xhr = event.detail.xhr;
    if (xhr && xhr.responseURL && new URL(xhr.responseURL).pathname === '/login') {
      event.detail.shouldSwap = false;
      window.location.assign('/login?next=' + encodeURIComponent(window.location.pathname + window.location.search));
    }
  });
  document.addEventListener('htmx:responseError', function (event) {
    var xhr = event.detail.xhr, problem = {};
    try {
      problem = JSON.parse(xhr.responseText);
    } catch (notJson) {
      // an answer that is not problem+json: the status says enough
    }
    var text = problem.detail || problem.title || ('HTTP ' + xhr.status);
    var form = event.detail.elt && event.detail.elt.closest ? event.detail.elt.closest('form') : null;
    if (form) {
      formMessage(form, 'form-error').textContent = text;
    } else {
      window.alert(text);
    }
  });

  window.tongban = { serialize: serialize, send: send, fill: fill, csrfToken: csrfToken };
})();
