// A "print" button for pages meant for paper (the survey poster): shown only when JavaScript runs,
// since without it a hint beside the button says to press Ctrl+P. Served from /static (CSP
// script-src 'self'), so no inline script or handler is needed.
(function () {
  'use strict';
  var buttons = document.querySelectorAll('[data-print]');
  for (var i = 0; i < buttons.length; i++) {
    buttons[i].hidden = false;
    buttons[i].addEventListener('click', function () {
      window.print();
    });
  }
})();
