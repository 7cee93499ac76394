/* global document, setInterval, clearInterval */
// Quick entry of an IEP data session on a phone: + and − buttons count trials into the plain
// number fields beside them (with a spoken tally), a timer adds each timed episode or latency
// to its seconds list, and interval prompts move to the next interval every N seconds. The
// form works without this script: the same fields can be typed.
(function () {
  'use strict';

  function countOf(input) {
    var n = parseInt(input.value, 10);
    return isNaN(n) || n < 0 ? 0 : n;
  }

  function tally() {
    var box = document.querySelector('[data-trials]');
    if (!box) return;
    var parts = [];
    var total = 0;
    box.querySelectorAll('input[data-counter]').forEach(function (input) {
      var n = countOf(input);
      total += n;
      var label = box.querySelector('label[for="' + input.id + '"]');
      parts.push(n + ' ' + (label ? label.textContent.toLowerCase() : input.name));
    });
    var out = box.querySelector('[data-tally]');
    if (out) out.textContent = total + ' trials: ' + parts.join(', ') + '.';
  }

  document.addEventListener('click', function (event) {
    var button = event.target.closest && event.target.closest('button[data-step]');
    if (!button) return;
    var input = document.getElementById(button.getAttribute('data-target'));
    if (!input) return;
    var step = parseInt(button.getAttribute('data-step'), 10);
    input.value = String(Math.max(0, countOf(input) + step));
    tally();
  });

  document.querySelectorAll('[data-timer]').forEach(function (box) {
    var list = document.getElementById(box.getAttribute('data-timer'));
    var toggle = box.querySelector('[data-timer-toggle]');
    var none = box.querySelector('[data-timer-none]');
    var display = box.querySelector('[data-timer-display]');
    var status = box.querySelector('[data-timer-status]');
    var started = null;
    var ticker = null;

    function add(text) {
      list.value = list.value.trim() === '' ? text : list.value.trim() + ', ' + text;
    }

    toggle.addEventListener('click', function () {
      if (started === null) {
        started = Date.now();
        toggle.textContent = 'Stop timer';
        status.textContent = 'Timer started.';
        ticker = setInterval(function () {
          display.textContent = ((Date.now() - started) / 1000).toFixed(1) + ' s';
        }, 100);
      } else {
        var seconds = ((Date.now() - started) / 1000).toFixed(1);
        clearInterval(ticker);
        started = null;
        add(seconds);
        display.textContent = seconds + ' s';
        toggle.textContent = 'Start timer';
        status.textContent = 'Added ' + seconds + ' seconds.';
      }
    });

    if (none) {
      none.addEventListener('click', function () {
        add('none');
        status.textContent = 'Added no response.';
      });
    }
  });

  var intervalBox = document.querySelector('[data-intervals]');
  if (intervalBox) {
    var startButton = intervalBox.querySelector('[data-interval-start]');
    var intervalStatus = intervalBox.querySelector('[data-interval-status]');
    var rows = Array.from(intervalBox.querySelectorAll('fieldset.choice-row'));
    var timer = null;

    startButton.addEventListener('click', function () {
      if (timer !== null) {
        clearInterval(timer);
        timer = null;
        startButton.textContent = 'Start interval prompts';
        intervalStatus.textContent = 'Interval prompts stopped.';
        return;
      }
      var seconds = parseInt(document.getElementById('interval-seconds').value, 10) || 30;
      var index = 0;
      startButton.textContent = 'Stop interval prompts';
      intervalStatus.textContent = 'Interval 1: watch for ' + seconds + ' seconds.';
      timer = setInterval(function () {
        var row = rows[index];
        if (!row) {
          clearInterval(timer);
          timer = null;
          intervalStatus.textContent = 'All intervals done. Check the marks and save.';
          return;
        }
        row.classList.add('prompting');
        intervalStatus.textContent = 'Interval ' + (index + 1) + ' ended: did it occur?';
        var first = row.querySelector('input');
        if (first) first.focus();
        index += 1;
      }, seconds * 1000);
    });
  }

  tally();
})();
