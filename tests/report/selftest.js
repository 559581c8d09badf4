/* tests/report/selftest.js - appended to a copy of a report by report.t.
 * After the page's own script: every cell records its computed colour
 * (data-bg), then the interactive parts are exercised the way a user would
 * (hover, click, outcome filter, family filter) and the results are left in
 * body data-st-* attributes for check-dom.pl / report.t to read from the
 * DOM dump. Nothing here is part of the report. */
window.addEventListener('load', function () {
	'use strict';
	var b = document.body, fails = [];
	function fail(m) { fails.push(m); }
	Array.prototype.forEach.call(document.querySelectorAll('.h i'), function (el) {
		el.dataset.bg = getComputedStyle(el).backgroundColor;
	});
	// Hover and click on the first cell that has a diagnostic (not pass).
	var cell = document.querySelector('.h i:not(.p):not(.s)') || document.querySelector('.h i:not(.p)');
	if (cell) {
		var row = cell.parentNode.parentNode, id = row.dataset.g + '/' + cell.title;
		cell.dispatchEvent(new MouseEvent('mouseover', { bubbles: true }));
		b.dataset.stHoverId = id;
		b.dataset.stHover = cell.title;
		cell.dispatchEvent(new MouseEvent('click', { bubbles: true }));
		var panel = document.getElementById('panel');
		if (panel.hidden) fail('click: panel stayed hidden');
		var h3 = panel.querySelector('h3');
		if (!h3 || h3.textContent !== id) fail('click: panel title is not the case id');
		b.dataset.stPanel = panel.innerText;
	} else fail('no non-pass cell to click');
	// Outcome filter: unticking an outcome hides its cells, keeps the layout.
	var some = document.querySelector('.h i');
	var cls = some.classList[0], cb = document.querySelector('input[data-o="' + cls + '"]');
	cb.checked = false; cb.dispatchEvent(new Event('change'));
	if (getComputedStyle(some).visibility !== 'hidden') fail('filter: unticked ' + cls + ' still visible');
	var other = document.querySelector('.h i:not(.' + cls + ')');
	if (other && getComputedStyle(other).visibility === 'hidden') fail('filter: hid another outcome too');
	cb.checked = true; cb.dispatchEvent(new Event('change'));
	if (getComputedStyle(some).visibility === 'hidden') fail('filter: ticking again did not show it');
	// Family filter: only the chosen family's section stays.
	var sel = document.getElementById('fam'), fams = document.querySelectorAll('.fam');
	if (sel.options.length !== fams.length + 1) fail('family filter: ' + (sel.options.length - 1) + ' options, ' + fams.length + ' families');
	sel.value = fams[fams.length - 1].dataset.f; sel.dispatchEvent(new Event('change'));
	var shown = Array.prototype.filter.call(fams, function (s) { return !s.hidden; });
	if (shown.length !== 1 || shown[0] !== fams[fams.length - 1]) fail('family filter: ' + shown.length + ' sections shown');
	sel.value = ''; sel.dispatchEvent(new Event('change'));
	b.dataset.stFails = fails.join('; ');
	b.dataset.selftest = 'done';
});
