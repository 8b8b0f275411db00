// Attendance sheet (org.tremplin.web.attendance): two shortcuts over a page that works without
// them. "Everyone present" sets every learner of the sheet back to present; the minutes-late field
// of a learner shows only while "late" is chosen (without this script it is always shown).
(function () {
  'use strict';
  function lateBoxes() {
    return Array.prototype.slice.call(document.querySelectorAll('[data-late-for]'));
  }
  function sync() {
    lateBoxes().forEach(function (box) {
      var late = document.querySelector(
        'input[type="radio"][name="' + box.getAttribute('data-late-for') + '"][value="LATE"]');
      var input = box.querySelector('input');
      var invalid = input && input.getAttribute('aria-invalid') === 'true';
      box.hidden = !(late && late.checked) && !invalid;
    });
  }
  document.addEventListener('DOMContentLoaded', function () {
    var all = document.getElementById('all-present');
    if (all) {
      all.hidden = false;
      all.addEventListener('click', function () {
        var present = document.querySelectorAll('#sheet input[type="radio"][value="PRESENT"]');
        Array.prototype.forEach.call(present, function (radio) { radio.checked = true; });
        sync();
      });
    }
    document.addEventListener('change', function (e) {
      if (e.target && e.target.type === 'radio') {
        sync();
      }
    });
    sync();
  });
})();
