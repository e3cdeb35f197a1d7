// The OIT entry form with JavaScript (the form works without it): autosave a few seconds after
// typing stops, a warning before leaving with unsaved changes, focus on the first item in error,
// and the item last edited remembered so that "save all" comes back to it. Served from /static
// (CSP script-src 'self'), so no inline script or handler is needed.
(function () {
  'use strict';
  var form = document.getElementById('oit-entry');
  if (!form || !window.fetch || !window.URLSearchParams || !window.FormData) return;
  var status = form.querySelector('[data-oit-status]');
  var focusField = form.querySelector('[data-oit-focus]');
  var dirty = false;
  var submitting = false;
  var timer = null;
  var inFlight = false;
  var again = false;

  function say(text) {
    if (status) status.textContent = text;
  }

  function itemOf(el) {
    var box = el && el.closest ? el.closest('.oit-item') : null;
    return box && box.id ? box.id.replace(/^item-/, '') : '';
  }

  function changed(e) {
    dirty = true;
    var item = itemOf(e.target);
    if (item && focusField) focusField.value = item;
    say(form.getAttribute('data-msg-unsaved') || '');
    if (timer) clearTimeout(timer);
    timer = setTimeout(autosave, e.type === 'change' ? 800 : 3000);
  }

  function autosave() {
    timer = null;
    if (!dirty || submitting) return;
    if (inFlight) {
      again = true;
      return;
    }
    inFlight = true;
    dirty = false;
    say(form.getAttribute('data-msg-saving') || '');
    var body = new URLSearchParams(new FormData(form));
    var token = form.querySelector('input[name=_csrf]');
    fetch(form.action, {
      method: 'POST',
      credentials: 'same-origin',
      headers: {
        'X-Autosave': '1',
        'X-CSRF-Token': token ? token.value : '',
        'Content-Type': 'application/x-www-form-urlencoded',
      },
      body: body.toString(),
    })
      .then(function (r) {
        return r.json().then(function (j) {
          return { ok: r.ok, j: j };
        });
      })
      .then(function (res) {
        var errors = (res.j && res.j.errors) || [];
        if (!res.ok) {
          dirty = true;
          say(errors.length ? errors[0].message : form.getAttribute('data-msg-failed'));
          return;
        }
        if (errors.length) {
          // Items in error stay unsaved: keep warning before leaving.
          dirty = true;
          var items = [];
          errors.forEach(function (e) {
            var i = String(e.field).split('-')[0];
            if (items.indexOf(i) < 0) items.push(i);
          });
          say(form.getAttribute('data-msg-problems') + ' ' + items.join(', '));
          return;
        }
        var time = new Date().toLocaleTimeString(document.documentElement.lang || 'th', {
          hour: '2-digit',
          minute: '2-digit',
        });
        say((form.getAttribute('data-msg-saved') || '').replace('{time}', time));
      })
      .catch(function () {
        dirty = true;
        say(form.getAttribute('data-msg-failed') || '');
      })
      .then(function () {
        inFlight = false;
        if (again) {
          again = false;
          autosave();
        }
      });
  }

  form.addEventListener('input', changed);
  form.addEventListener('change', changed);
  form.addEventListener('focusin', function (e) {
    var item = itemOf(e.target);
    if (item && focusField) focusField.value = item;
  });
  form.addEventListener('submit', function () {
    submitting = true;
    if (timer) clearTimeout(timer);
  });
  window.addEventListener('beforeunload', function (e) {
    if (!dirty || submitting) return undefined;
    var msg = form.getAttribute('data-msg-leave') || '';
    e.preventDefault();
    e.returnValue = msg;
    return msg;
  });

  // Errors: the summary's links move focus to their field, and the first field gets focus now.
  function focusField_(id) {
    var el = document.getElementById(id);
    if (!el) return false;
    el.focus();
    if (el.scrollIntoView) el.scrollIntoView({ block: 'center' });
    return true;
  }
  var summary = document.querySelector('.error-summary');
  if (summary) {
    summary.addEventListener('click', function (e) {
      var a = e.target && e.target.closest ? e.target.closest('a[href^="#"]') : null;
      if (a && focusField_(a.getAttribute('href').slice(1))) e.preventDefault();
    });
    var first = summary.querySelector('a[href^="#"]');
    if (!(first && focusField_(first.getAttribute('href').slice(1)))) summary.focus();
  }
})();
