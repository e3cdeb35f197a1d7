// The survey in one document (ADR 0017): the start page carries every step as a section of one
// form; this script shows one step at a time ("page x of y" is in each step's caption), checks
// each step with the server's own messages (each field's data-missing), keeps the answers in this
// tab (sessionStorage, cleared on sending) so a reload loses nothing, and sends everything in one
// POST to {base}/send, which checks it all again. Steps are addressed by the URL's fragment
// (#about, #page-2, #check), so back, forward and reload stay in this document. Without this
// script the form stays hidden and the step pages work one POST at a time, as before.
// Served from /static (CSP script-src 'self'): no inline script or handler.
(function () {
  'use strict';
  // The thanks (or not-eligible) page is the answer to the send itself, not a redirect to it
  // (ADR 0024): show its own address, so a reload asks for the page instead of sending again.
  var end = document.querySelector && document.querySelector('[data-survey-end]');
  if (end) {
    var address = end.getAttribute('data-survey-end');
    if (
      address &&
      window.history &&
      window.history.replaceState &&
      window.location.pathname !== address
    )
      window.history.replaceState(null, '', address);
    return;
  }
  var form = document.getElementById('survey-steps');
  var intro = document.getElementById('survey-intro');
  if (!form || !intro || !window.history || !document.querySelector) return;
  var base = form.getAttribute('data-base') || '';
  var sections = Array.prototype.slice.call(form.querySelectorAll('section[data-step]'));
  var names = sections.map(function (s) {
    return s.getAttribute('data-step');
  });
  var summaryBox = form.querySelector('[data-error-summary]');
  var storeKey = 'itas-survey:' + base;
  var current = 'start';
  var returnToCheck = false;
  var sending = false;

  function section(name) {
    return sections[names.indexOf(name)] || null;
  }

  function sectionOf(el) {
    while (el && el !== form) {
      if (el.hasAttribute && el.hasAttribute('data-step')) return el.getAttribute('data-step');
      el = el.parentNode;
    }
    return null;
  }

  // --- answers kept in this tab -------------------------------------------------------------
  function storage() {
    try {
      return window.sessionStorage;
    } catch {
      return null;
    }
  }

  function save() {
    var s = storage();
    if (!s) return;
    var values = {};
    Array.prototype.forEach.call(form.elements, function (el) {
      if (!el.name || el.name === '_csrf' || el.name === 'submission') return;
      if (el.type === 'radio' && el.checked) values[el.name] = el.value;
      else if (el.type === 'text' && el.value) values[el.name] = el.value;
    });
    try {
      s.setItem(storeKey, JSON.stringify(values));
    } catch {
      /* full or refused: the answers stay in the page */
    }
  }

  function restore() {
    var s = storage();
    var raw = s && s.getItem(storeKey);
    if (!raw) return;
    var values;
    try {
      values = JSON.parse(raw);
    } catch {
      return;
    }
    Array.prototype.forEach.call(form.elements, function (el) {
      if (!el.name || !Object.prototype.hasOwnProperty.call(values, el.name)) return;
      if (el.type === 'radio') {
        if (el.value === values[el.name]) el.checked = true;
      } else if (el.type === 'text' && !el.value) el.value = values[el.name];
    });
  }

  function forget() {
    var s = storage();
    if (s) s.removeItem(storeKey);
  }

  // --- errors, in the markup of the server's pages --------------------------------------------
  function inputsOf(group) {
    return group.querySelectorAll('input');
  }

  function clearError(group) {
    group.classList.remove('form-group--error');
    var old = group.querySelector('.error-message');
    if (old) old.parentNode.removeChild(old);
    var fs = group.querySelector('fieldset');
    if (fs) fs.removeAttribute('aria-describedby');
    var input = inputsOf(group)[0];
    if (input && input.type !== 'radio') {
      input.removeAttribute('aria-invalid');
      var hint = group.querySelector('.hint');
      if (hint && hint.id) input.setAttribute('aria-describedby', hint.id);
      else input.removeAttribute('aria-describedby');
    }
  }

  function setError(group, message) {
    var first = inputsOf(group)[0];
    var span = document.createElement('span');
    span.className = 'error-message';
    span.id = first.id + '-error';
    var prefix = document.createElement('span');
    prefix.className = 'visually-hidden';
    prefix.textContent = form.getAttribute('data-error-prefix') || '';
    span.appendChild(prefix);
    span.appendChild(document.createTextNode(message));
    group.classList.add('form-group--error');
    var fs = group.querySelector('fieldset');
    if (fs) {
      var legend = fs.querySelector('legend');
      var hint = legend && legend.nextElementSibling;
      var after = hint && hint.classList.contains('hint') ? hint : legend;
      fs.insertBefore(span, after ? after.nextSibling : fs.firstChild);
      fs.setAttribute('aria-describedby', span.id);
    } else {
      group.insertBefore(span, first);
      first.setAttribute('aria-invalid', 'true');
      var described = (first.getAttribute('aria-describedby') || '') + ' ' + span.id;
      first.setAttribute('aria-describedby', described.trim());
    }
  }

  /** The problems of one step: every field with a "nothing chosen" message must be answered. */
  function check(sec) {
    var found = [];
    Array.prototype.forEach.call(sec.querySelectorAll('[data-missing]'), function (group) {
      var inputs = inputsOf(group);
      var answered = false;
      for (var i = 0; i < inputs.length; i++)
        if (inputs[i].type === 'radio' ? inputs[i].checked : inputs[i].value.trim() !== '')
          answered = true;
      clearError(group);
      if (!answered && inputs[0]) {
        setError(group, group.getAttribute('data-missing'));
        found.push({ id: inputs[0].id, message: group.getAttribute('data-missing') });
      }
    });
    return found;
  }

  function showSummary(errors) {
    summaryBox.textContent = '';
    if (errors.length === 0) return;
    var box = document.createElement('div');
    box.className = 'error-summary';
    box.setAttribute('role', 'alert');
    box.setAttribute('aria-labelledby', 'error-summary-title');
    box.tabIndex = -1;
    var h = document.createElement('h2');
    h.id = 'error-summary-title';
    h.textContent = form.getAttribute('data-error-title') || '';
    var ul = document.createElement('ul');
    errors.forEach(function (e) {
      var li = document.createElement('li');
      var a = document.createElement('a');
      a.href = '#' + e.id;
      a.textContent = e.message;
      li.appendChild(a);
      ul.appendChild(li);
    });
    box.appendChild(h);
    box.appendChild(ul);
    summaryBox.appendChild(box);
    setTitle(true);
    box.focus();
  }

  function hasErrors() {
    return summaryBox.querySelector('.error-summary') !== null;
  }

  function setTitle(error) {
    var sec = section(current);
    var title = sec ? sec.getAttribute('data-title') : intro.getAttribute('data-title');
    document.title = (error ? form.getAttribute('data-error-prefix') || '' : '') + (title || '');
  }

  // --- the check step: the label of each chosen answer ----------------------------------------
  function fillCheck() {
    var empty = form.getAttribute('data-not-answered') || '';
    Array.prototype.forEach.call(form.querySelectorAll('[data-answer]'), function (span) {
      var name = span.getAttribute('data-answer');
      var chosen = null;
      Array.prototype.forEach.call(form.elements, function (el) {
        if (el.name === name && el.type === 'radio' && el.checked) chosen = el;
      });
      var label = chosen && form.querySelector('label[for="' + chosen.id + '"]');
      span.textContent = label ? label.textContent : empty;
    });
  }

  // --- moving between steps -----------------------------------------------------------------
  function show(name, focusId) {
    if (name !== 'start' && !section(name)) name = 'start';
    current = name;
    intro.hidden = name !== 'start';
    form.hidden = name === 'start';
    sections.forEach(function (s) {
      s.hidden = s.getAttribute('data-step') !== name;
    });
    if (name === 'check') fillCheck();
    setTitle(hasErrors());
    var target = focusId && document.getElementById(focusId);
    if (!target && name !== 'start') target = document.getElementById(name + '-title');
    if (target) {
      target.focus();
      if (target.scrollIntoView) target.scrollIntoView({ block: 'center' });
    } else window.scrollTo(0, 0);
  }

  function go(name, focusId) {
    if (name === current) return show(name, focusId);
    var url = name === 'start' ? base : base + '#' + name;
    window.history.pushState({ step: name }, '', url);
    showSummary([]);
    show(name, focusId);
  }

  /** The step the URL's fragment names: none is the start, anything else stays where it is. */
  function fromLocation() {
    var h = (window.location.hash || '').replace(/^#/, '');
    return h === '' ? 'start' : section(h) ? h : current;
  }

  function firstProblem() {
    for (var i = 0; i < sections.length; i++) {
      if (names[i] === 'check') continue;
      var errors = check(sections[i]);
      if (errors.length) return { step: names[i], errors: errors };
    }
    return null;
  }

  form.addEventListener('submit', function (e) {
    if (current === 'check') {
      var p = firstProblem();
      if (p || sending) {
        e.preventDefault();
        if (p) {
          go(p.step);
          showSummary(p.errors);
        }
        return;
      }
      sending = true;
      forget();
      return; // the one POST
    }
    e.preventDefault();
    var sec = section(current);
    if (!sec) return;
    var no = current === 'eligibility' && form.querySelector('input[name="eligible"][value="no"]');
    if (no && no.checked) {
      // Not eligible: the server says so (and keeps nothing); nothing else is sent worth keeping.
      forget();
      sending = true;
      form.submit();
      return;
    }
    var errors = check(sec);
    if (errors.length) return showSummary(errors);
    var next = returnToCheck ? 'check' : names[names.indexOf(current) + 1];
    if (next === 'check') returnToCheck = false;
    go(next);
  });

  form.addEventListener('change', save);
  form.addEventListener('input', save);

  document.addEventListener('click', function (e) {
    var a = e.target && e.target.closest ? e.target.closest('a') : null;
    if (!a || e.defaultPrevented || e.button !== 0 || e.ctrlKey || e.metaKey || e.shiftKey) return;
    if (a.hasAttribute('data-start')) {
      e.preventDefault();
      returnToCheck = false;
      go(names[0]);
    } else if (a.hasAttribute('data-back')) {
      e.preventDefault();
      var i = names.indexOf(current);
      returnToCheck = false;
      go(i > 0 ? names[i - 1] : 'start');
    } else if (a.hasAttribute('data-change')) {
      e.preventDefault();
      returnToCheck = true;
      go(a.getAttribute('data-change'), (a.getAttribute('href') || '').split('#')[1]);
    } else if (summaryBox.contains(a)) {
      // An error's link: its field may be on another step (a refused send). The fragment names
      // steps here, so the field is focused without changing it.
      e.preventDefault();
      var id = (a.getAttribute('href') || '').replace(/^#/, '');
      var el = document.getElementById(id);
      var step = el && sectionOf(el);
      if (step && step !== current) show(step, id);
      else if (el) {
        el.focus();
        if (el.scrollIntoView) el.scrollIntoView({ block: 'center' });
      }
    }
  });

  window.addEventListener('popstate', function () {
    showSummary([]);
    show(fromLocation());
  });

  window.addEventListener('pageshow', function (e) {
    if (e.persisted) sending = false;
  });

  // A send the server refused comes back with its errors: show the step of the first one, and
  // come back to the check once it is put right.
  var serverError = summaryBox.querySelector('.error-summary a');
  if (serverError) {
    var id = (serverError.getAttribute('href') || '').replace(/^#/, '');
    var el = document.getElementById(id);
    var step = (el && sectionOf(el)) || 'check';
    returnToCheck = step !== 'check';
    window.history.replaceState({ step: step }, '', base + '#' + step);
    show(step);
    var box = summaryBox.querySelector('.error-summary');
    if (box) box.focus();
    return;
  }
  restore();
  var initial = fromLocation();
  if (initial !== 'start') show(initial);
})();
