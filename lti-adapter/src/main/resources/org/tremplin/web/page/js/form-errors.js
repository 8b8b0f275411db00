// Tremplin forms (org.tremplin.web.form): when a page comes back with errors, move the focus to the
// error summary so that a screen reader reads it first and the keyboard starts from it. The page
// works without this script; it only saves a few Tab presses.
(function () {
  'use strict';
  document.addEventListener('DOMContentLoaded', function () {
    var summary = document.getElementById('error-summary');
    if (summary) {
      summary.focus();
    }
  });
})();
