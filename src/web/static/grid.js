/* global document, window, fetch, HTMLAnchorElement, HTMLDialogElement */
// The mastery grid as an ARIA grid: one tab stop (roving tabindex), arrow keys move between
// the row headers and cells, Home and End go to the ends of a row, Ctrl+Home and Ctrl+End to
// the corners, Enter opens a cell's evidence in a dialog, Escape closes it and focus returns
// to the cell. Without this script every cell is an ordinary link to the same page.
(function () {
  'use strict';

  function rowsOf(table) {
    return Array.from(table.querySelectorAll('tr')).map(function (row) {
      return Array.from(row.children)
        .map(function (cell) {
          return cell.querySelector('a');
        })
        .filter(Boolean);
    });
  }

  function position(rows, link) {
    for (var r = 0; r < rows.length; r++) {
      var c = rows[r].indexOf(link);
      if (c !== -1) return [r, c];
    }
    return null;
  }

  function moveTo(table, target) {
    table.querySelectorAll('a[tabindex="0"]').forEach(function (a) {
      a.setAttribute('tabindex', '-1');
    });
    target.setAttribute('tabindex', '0');
    target.focus();
  }

  function setUp(table) {
    var rows = rowsOf(table);
    rows.forEach(function (row) {
      row.forEach(function (a) {
        a.setAttribute('tabindex', '-1');
      });
    });
    var start = (rows[1] && rows[1][1]) || (rows[0] && rows[0][0]);
    if (start) start.setAttribute('tabindex', '0');
  }

  function targetFor(event, rows, r, c) {
    var last = rows.length - 1;
    switch (event.key) {
      case 'ArrowRight':
        return [r, c + 1];
      case 'ArrowLeft':
        return [r, c - 1];
      case 'ArrowDown':
        return [r + 1, c];
      case 'ArrowUp':
        return [r - 1, c];
      case 'Home':
        return event.ctrlKey ? [0, 0] : [r, 0];
      case 'End':
        return event.ctrlKey ? [last, rows[last].length - 1] : [r, rows[r].length - 1];
      case 'PageDown':
        return [Math.min(last, r + 10), c];
      case 'PageUp':
        return [Math.max(0, r - 10), c];
      default:
        return null;
    }
  }

  function onKey(event) {
    var link = event.target;
    if (!(link instanceof HTMLAnchorElement)) return;
    var table = link.closest('table[data-grid]');
    if (!table) return;
    var rows = rowsOf(table);
    var at = position(rows, link);
    if (!at) return;

    var to = targetFor(event, rows, at[0], at[1]);
    if (!to) return;
    var target = rows[to[0]] && rows[to[0]][to[1]];
    event.preventDefault();
    if (target) moveTo(table, target);
  }

  var opener = null;

  function openCell(link) {
    var dialog = document.getElementById('cell-dialog');
    if (!(dialog instanceof HTMLDialogElement)) return false;
    var body = dialog.querySelector('[data-dialog-body]');
    opener = link;
    body.textContent = 'Loading…';
    dialog.showModal();
    var url = link.getAttribute('href') + '?partial=1';
    fetch(url, { credentials: 'same-origin' })
      .then(function (response) {
        if (!response.ok) throw new Error('status ' + response.status);
        return response.text();
      })
      .then(function (html) {
        body.innerHTML = html;
        var heading = body.querySelector('#cell-heading');
        if (heading) heading.focus();
      })
      .catch(function () {
        window.location.href = link.getAttribute('href');
      });
    return true;
  }

  function onClick(event) {
    var link = event.target.closest && event.target.closest('a[data-cell-link]');
    if (link && !event.ctrlKey && !event.metaKey && !event.shiftKey) {
      if (openCell(link)) event.preventDefault();
      return;
    }
    var close = event.target.closest && event.target.closest('[data-close-dialog]');
    if (close) close.closest('dialog').close();
  }

  function onClose(event) {
    if (event.target.id === 'cell-dialog' && opener) {
      opener.focus();
      opener = null;
    }
  }

  document.querySelectorAll('table[data-grid]').forEach(setUp);
  document.addEventListener('keydown', onKey);
  document.addEventListener('click', onClick);
  document.addEventListener('close', onClose, true);
})();
