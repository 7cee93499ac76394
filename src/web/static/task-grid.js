/* global document, fetch, URLSearchParams, FormData, setTimeout, clearTimeout, HTMLInputElement */
// The task scoring grid: type a level digit in a cell and the row saves itself; feedback
// fields save when they change. Each row shows its saved state. A save names the version it
// read; when someone else saved first the server answers 409 with the current value, shown in
// the row, and nothing is overwritten until the teacher presses Save again. Arrow keys move
// between level cells, Enter goes to the next student, Escape undoes an unsaved change.
(function () {
  'use strict';

  var grid = document.querySelector('table[data-scoring-grid]');
  if (!grid) return;

  var levels = {};
  (grid.getAttribute('data-levels') || '').split(',').forEach(function (entry) {
    var parts = entry.split(':');
    if (parts.length === 3) levels[parts[0]] = { label: parts[1], rank: parts[2] };
  });

  var rows = {};

  function rowState(form) {
    var id = form.id;
    if (!rows[id]) rows[id] = { busy: false, again: false, timer: null };
    return rows[id];
  }

  function stateOf(form) {
    var row = document.getElementById('row-' + form.querySelector('[name=studentId]').value);
    return row && row.querySelector('[data-save-state]');
  }

  function show(form, text, kind) {
    var state = stateOf(form);
    if (!state) return;
    state.textContent = text;
    state.className = 'save-state' + (kind ? ' save-' + kind : '');
  }

  function conflictRow(form) {
    var sid = form.querySelector('[name=studentId]').value;
    return document.querySelector('tr[data-conflict-for="' + sid + '"]');
  }

  function describe(current) {
    if (!current) return 'none';
    var parts = [];
    Object.keys(current.levels).forEach(function (column) {
      var cell = grid.querySelector('input[name="level.' + column + '"]');
      var name = cell ? cell.getAttribute('aria-label').split(',')[0] : column;
      var value = String(current.levels[column]);
      var level = levels[value];
      parts.push(name + ' ' + value + (level ? ' ' + level.label : ''));
    });
    if (current.strength) parts.push('strength: ' + current.strength);
    if (current.nextStep) parts.push('next step: ' + current.nextStep);
    return parts.length ? parts.join('; ') : 'not scored';
  }

  function showConflict(form, body) {
    var row = conflictRow(form);
    if (!row) return;
    var box = row.querySelector('[data-conflict-body]');
    var current = body.current;
    form.querySelector('[data-version]').value = String(current ? current.version : 0);
    box.textContent = '';
    var p1 = document.createElement('p');
    var strong = document.createElement('strong');
    strong.textContent = body.error.message;
    p1.appendChild(strong);
    var p2 = document.createElement('p');
    p2.textContent = 'Current value: ' + describe(current);
    var actions = document.createElement('p');
    actions.className = 'conflict-actions';
    var keep = document.createElement('button');
    keep.type = 'button';
    keep.className = 'button-secondary small';
    keep.textContent = 'Keep mine and save';
    keep.addEventListener('click', function () {
      row.hidden = true;
      save(form);
    });
    var use = document.createElement('button');
    use.type = 'button';
    use.className = 'button-quiet small';
    use.textContent = 'Use the current value';
    use.addEventListener('click', function () {
      fill(form, current);
      row.hidden = true;
      show(form, 'Saved', 'ok');
    });
    actions.appendChild(keep);
    actions.appendChild(use);
    box.appendChild(p1);
    box.appendChild(p2);
    box.appendChild(actions);
    row.hidden = false;
    show(form, 'Not saved: conflict', 'error');
    keep.focus();
  }

  function field(form, name) {
    return document.querySelector('[form="' + form.id + '"][name="' + name + '"]');
  }

  function fill(form, current) {
    var inputs = document.querySelectorAll('input[data-level][form="' + form.id + '"]');
    inputs.forEach(function (input) {
      var column = input.name.slice('level.'.length);
      var value =
        current && current.levels[column] !== undefined ? String(current.levels[column]) : '';
      setLevel(input, value);
      input.setAttribute('data-saved', value);
    });
    ['strength', 'nextStep', 'supports'].forEach(function (name) {
      var input = field(form, name);
      if (input) input.value = (current && current[name]) || '';
    });
    var format = field(form, 'format');
    if (format && current) format.value = current.format;
  }

  function body(form) {
    var data = new URLSearchParams();
    new FormData(form).forEach(function (value, key) {
      data.append(key, String(value));
    });
    return data;
  }

  function save(form) {
    var state = rowState(form);
    if (state.busy) {
      state.again = true;
      return;
    }
    state.busy = true;
    show(form, 'Saving…', 'busy');
    var token = form.querySelector('[name=_csrf]').value;
    fetch(form.action, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { Accept: 'application/json', 'X-CSRF-Token': token },
      body: body(form),
    })
      .then(function (response) {
        return response.json().then(function (json) {
          return { status: response.status, json: json };
        });
      })
      .then(function (answer) {
        if (answer.status === 200) {
          form.querySelector('[data-version]').value = String(answer.json.saved.version);
          markSaved(form, answer.json.saved, state.again);
          show(form, 'Saved', 'ok');
        } else if (answer.status === 409) {
          state.again = false;
          showConflict(form, answer.json);
        } else {
          show(
            form,
            'Not saved: ' + ((answer.json.error && answer.json.error.message) || 'error'),
            'error',
          );
        }
      })
      .catch(function () {
        show(form, 'Not saved: check the connection and press Save', 'error');
      })
      .then(function () {
        state.busy = false;
        if (state.again) {
          state.again = false;
          save(form);
        }
      });
  }

  // Records the saved levels on the row's level boxes and, unless a newer change is about to
  // be saved, shows each box's level word (or "not scored") from the saved value.
  function markSaved(form, saved, pending) {
    var savedLevels = (saved && saved.levels) || {};
    document
      .querySelectorAll('input[data-level][form="' + form.id + '"]')
      .forEach(function (input) {
        var column = input.name.slice('level.'.length);
        var value = savedLevels[column] == null ? '' : String(savedLevels[column]);
        input.setAttribute('data-saved', value);
        setLevel(input, pending ? input.value : value);
      });
  }

  function setLevel(input, value) {
    input.value = value;
    var cell = input.closest('td');
    var word = document.getElementById(input.getAttribute('aria-describedby').split(' ')[0]);
    var level = levels[value];
    cell.className = 'score-cell' + (level ? ' level-' + level.rank : '');
    if (word) word.textContent = level ? level.label : 'not scored';
  }

  function levelInputs() {
    return Array.from(grid.querySelectorAll('input[data-level]'));
  }

  function move(input, rowStep, colStep) {
    var row = input.closest('tr');
    var inRow = Array.from(row.querySelectorAll('input[data-level]'));
    var col = inRow.indexOf(input);
    var allRows = Array.from(grid.querySelectorAll('tbody tr[data-row]'));
    var r = allRows.indexOf(row) + rowStep;
    var target = allRows[r] && allRows[r].querySelectorAll('input[data-level]')[col + colStep];
    if (!target && colStep !== 0) target = inRow[col + colStep];
    if (target) {
      target.focus();
      target.select();
    }
  }

  function onLevelKey(event) {
    var input = event.target;
    var form = document.getElementById(input.getAttribute('form'));
    var key = event.key;
    if (levels[key]) {
      event.preventDefault();
      setLevel(input, key);
      save(form);
    } else if (key === 'Backspace' || key === 'Delete') {
      event.preventDefault();
      setLevel(input, '');
      save(form);
    } else if (key === 'Escape') {
      event.preventDefault();
      setLevel(input, input.getAttribute('data-saved') || '');
    } else if (key === 'ArrowRight') {
      event.preventDefault();
      move(input, 0, 1);
    } else if (key === 'ArrowLeft') {
      event.preventDefault();
      move(input, 0, -1);
    } else if (key === 'ArrowDown' || key === 'Enter') {
      event.preventDefault();
      move(input, 1, 0);
    } else if (key === 'ArrowUp') {
      event.preventDefault();
      move(input, -1, 0);
    } else if (key.length === 1 && !event.ctrlKey && !event.metaKey) {
      event.preventDefault();
    }
  }

  // Text that arrives without a key press (pasted, or from a phone keyboard) is kept only when
  // it is a level; the row then saves as if the digit had been typed.
  function onLevelInput(event) {
    var input = event.target;
    var value = input.value.trim();
    if (value !== '' && !levels[value]) {
      setLevel(input, input.getAttribute('data-saved') || '');
      return;
    }
    setLevel(input, value);
    save(document.getElementById(input.getAttribute('form')));
  }

  levelInputs().forEach(function (input) {
    input.addEventListener('keydown', onLevelKey);
    input.addEventListener('input', onLevelInput);
    input.addEventListener('focus', function () {
      input.select();
    });
  });

  document.querySelectorAll('form[data-autosave]').forEach(function (form) {
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      var row = conflictRow(form);
      if (row) row.hidden = true;
      save(form);
    });
  });

  document.addEventListener('change', function (event) {
    var input = event.target;
    if (!(input instanceof HTMLInputElement) && input.tagName !== 'SELECT') return;
    if (input.hasAttribute('data-level')) return;
    var formId = input.getAttribute('form');
    var form = formId && document.getElementById(formId);
    if (form && form.hasAttribute('data-autosave')) {
      var state = rowState(form);
      clearTimeout(state.timer);
      state.timer = setTimeout(function () {
        save(form);
      }, 50);
    }
  });
})();
