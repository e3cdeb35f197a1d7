// The auditor's keyboard shortcuts on the OIT review page (a progressive enhancement; every action
// is also a link or a button): n = next unreviewed item, 1 = full marks, 0 = zero and focus on the
// comment. Served from /static (CSP script-src 'self'), so no inline script is needed.
(function () {
  'use strict';
  document.addEventListener('keydown', function (e) {
    var target = e.target;
    var tag = (target && target.tagName) || '';
    if (tag === 'TEXTAREA' || (tag === 'INPUT' && target.type === 'text')) return;
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    if (e.key === 'n') {
      var next = document.querySelector('[data-next-unreviewed]');
      if (next) {
        window.location.href = next.getAttribute('href');
        e.preventDefault();
      }
      return;
    }
    if (e.key !== '1' && e.key !== '0') return;
    var current =
      (target && target.closest && target.closest('.oit-item')) ||
      document.querySelector(
        window.location.hash && window.location.hash.length > 1
          ? window.location.hash
          : '.oit-item--todo',
      );
    if (!current) return;
    var radio = current.querySelector(
      'input[name=score][value="' + (e.key === '1' ? '100' : '0') + '"]',
    );
    if (radio) {
      radio.checked = true;
      radio.focus();
      e.preventDefault();
    }
    if (e.key === '0') {
      var comment = current.querySelector('textarea[name=comment]');
      if (comment) comment.focus();
    }
  });
})();
