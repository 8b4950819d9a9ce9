// Narrows a catalog's tables to the rows whose code, title or meaning hold every word typed.
// Without JavaScript the box stays hidden and every row shows.
(function () {
  var box = document.querySelector('.catalog-filter[hidden]');
  if (!box) return;
  var input = box.querySelector('input');
  var status = box.querySelector('.filter-status');
  var rows = Array.prototype.slice.call(document.querySelectorAll('table.codes tbody tr'));
  var texts = rows.map(function (row) { return row.textContent.toLowerCase(); });
  // A code listed under two phases has two rows: the count is of codes.
  var codes = rows.map(function (row) { return row.querySelector('th code').textContent; });
  var groups = Array.prototype.slice.call(document.querySelectorAll('.code-group'));
  function apply() {
    var query = input.value.trim();
    var words = query.toLowerCase().split(/\s+/).filter(Boolean);
    var shown = new Set();
    rows.forEach(function (row, i) {
      var match = words.every(function (w) { return texts[i].indexOf(w) >= 0; });
      row.hidden = !match;
      if (match) shown.add(codes[i]);
    });
    groups.forEach(function (group) { group.hidden = !group.querySelector('tbody tr:not([hidden])'); });
    status.textContent = !query ? ''
      : shown.size ? box.dataset.shown.replace('{{shown}}', String(shown.size)).replace('{{total}}', box.dataset.total)
      : box.dataset.noMatch.replace('{{query}}', query);
  }
  input.addEventListener('input', apply);
  box.hidden = false;
  // A value the browser restored (back button) applies at once.
  if (input.value) apply();
})();
