// Tremplin: posts the signed deep linking response back to the platform (LTI.md §4). Served from
// /lti/autopost.js so that the page's CSP allows it as 'self', with no inline script; the form
// has a visible button for browsers without script.
(function () {
  'use strict';
  var form = document.getElementById('deep-linking-response');
  if (form) {
    form.submit();
  }
})();
