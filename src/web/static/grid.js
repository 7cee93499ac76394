/* global document, HTMLAnchorElement */
// Keyboard movement in the mastery grid: arrow keys move between cells' links, Home and End
// go to the first and last cell of a row. Without this script the grid works with Tab.
(function () {
  'use strict';

  function cellLinks(table) {
    return Array.from(table.querySelectorAll('tbody tr')).map(function (row) {
      return Array.from(row.querySelectorAll('td.cell a'));
    });
  }

  function position(rows, link) {
    for (var r = 0; r < rows.length; r++) {
      var c = rows[r].indexOf(link);
      if (c !== -1) return [r, c];
    }
    return null;
  }

  function onKey(event) {
    var link = event.target;
    if (!(link instanceof HTMLAnchorElement)) return;
    var table = link.closest('table[data-grid]');
    if (!table) return;
    var rows = cellLinks(table);
    var at = position(rows, link);
    if (!at) return;

    var r = at[0];
    var c = at[1];
    if (event.key === 'ArrowRight') c += 1;
    else if (event.key === 'ArrowLeft') c -= 1;
    else if (event.key === 'ArrowDown') r += 1;
    else if (event.key === 'ArrowUp') r -= 1;
    else if (event.key === 'Home') c = 0;
    else if (event.key === 'End') c = rows[r].length - 1;
    else return;

    var target = rows[r] && rows[r][c];
    if (target) {
      event.preventDefault();
      target.focus();
    }
  }

  document.addEventListener('keydown', onKey);
})();
