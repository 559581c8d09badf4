/* isvsuite report: hover text, click details, filters. The report reads
 * without it (cells carry their variant as a tooltip); no network. */
(function () {
	'use strict';
	var WORD = { p: 'pass', s: 'skip', a: 'abort', u: 'unclean', k: 'kill', h: 'hang', c: 'corrupt', x: '?' };
	var names = Array.prototype.map.call(document.querySelectorAll('.card'), function (c) { return c.dataset.name; });
	var diag = [];
	function unesc(s) {
		return s.replace(/\\(n|x3c|\\)/g, function (m, c) { return c === 'n' ? '\n' : c === 'x3c' ? '<' : '\\'; });
	}
	function data(h) { // id -> [directive, yaml], parsed on first use
		if (diag[h]) return diag[h];
		var m = new Map(), el = document.getElementById('y' + h);
		if (el) el.textContent.split('\n').forEach(function (l) {
			if (!l) return;
			var a = l.split('\t');
			m.set(a[0], [unesc(a[1] || ''), unesc(a[2] || '')]);
		});
		return (diag[h] = m);
	}
	function isCell(el) { return el && el.tagName === 'I' && el.parentNode && el.parentNode.classList.contains('h'); }
	function variant(el) { return el.dataset.v !== undefined ? el.dataset.v : el.title; }
	function caseId(el) { return el.parentNode.parentNode.dataset.g + '/' + variant(el); }
	function describe(el) {
		var h = +el.parentNode.dataset.h, id = caseId(el), d = data(h).get(id);
		return { name: names[h], word: WORD[el.classList[0]] || '?', dir: d ? d[0] : '', yaml: d ? d[1] : '' };
	}
	document.addEventListener('mouseover', function (e) {
		var el = e.target;
		if (!isCell(el) || el.dataset.v !== undefined) return;
		var v = el.title, id = caseId(el);
		el.dataset.v = v;
		var d = describe(el);
		el.title = id + '\n' + d.name + ': ' + d.word + (d.dir ? ' # ' + d.dir : '') + (d.yaml ? '\n' + d.yaml : '');
	});
	var panel = document.getElementById('panel'), pbody = document.getElementById('pbody'), sel = [];
	function show(el) {
		sel.forEach(function (s) { s.classList.remove('sel'); });
		sel = [];
		var row = el.parentNode.parentNode, v = variant(el), id = caseId(el);
		pbody.textContent = '';
		var h3 = document.createElement('h3');
		h3.textContent = id;
		pbody.appendChild(h3);
		Array.prototype.forEach.call(row.querySelectorAll('.h'), function (blk) {
			var hit = null;
			Array.prototype.some.call(blk.children, function (c) { return variant(c) === v && (hit = c); });
			var p = document.createElement('div');
			var h = +blk.dataset.h;
			if (!hit) { p.textContent = names[h] + ': not in this run'; pbody.appendChild(p); return; }
			hit.classList.add('sel'); sel.push(hit);
			var d = describe(hit), sw = document.createElement('i');
			sw.className = hit.classList[0];
			p.appendChild(sw);
			p.appendChild(document.createTextNode(' ' + d.name + ': ' + d.word + (d.dir ? '  # ' + d.dir : '')));
			pbody.appendChild(p);
			if (d.yaml) { var pre = document.createElement('pre'); pre.textContent = d.yaml; pbody.appendChild(pre); }
		});
		panel.hidden = false;
	}
	document.addEventListener('click', function (e) {
		var el = e.target;
		if (isCell(el)) { show(el); return; }
		if (el.classList.contains('ex')) {
			e.preventDefault();
			var id = el.dataset.id, g = id.split('/').slice(0, 3).join('/'), v = id.split('/').slice(3).join('/');
			fam.value = ''; applyFam();
			var row = document.querySelector('.r[data-g="' + g + '"]');
			if (!row) return;
			var blk = row.querySelector('.h[data-h="' + el.dataset.h + '"]'), hit = null;
			Array.prototype.some.call(blk.children, function (c) { return variant(c) === v && (hit = c); });
			if (hit) { hit.scrollIntoView({ block: 'center', inline: 'center' }); show(hit); }
		}
	});
	document.getElementById('close').addEventListener('click', function () { panel.hidden = true; });
	Array.prototype.forEach.call(document.querySelectorAll('input[data-o]'), function (cb) {
		cb.addEventListener('change', function () { document.body.classList.toggle('hide-' + cb.dataset.o, !cb.checked); });
	});
	var fam = document.getElementById('fam');
	function applyFam() {
		Array.prototype.forEach.call(document.querySelectorAll('.fam, .ov tr[data-f]'), function (s) {
			s.hidden = fam.value !== '' && s.dataset.f !== fam.value;
		});
	}
	fam.addEventListener('change', applyFam);
	[['onlydiff', 'onlydiff'], ['big', 'big']].forEach(function (p) {
		var cb = document.getElementById(p[0]);
		if (cb) cb.addEventListener('change', function () { document.body.classList.toggle(p[1], cb.checked); });
	});
}());
/* Render time (README numbers, tests): from navigation start to parsed,
 * styled and laid out (family sections off screen are laid out when
 * scrolled to: content-visibility), forced once the page has loaded. */
window.addEventListener('load', function () {
	void document.body.offsetHeight;
	document.body.dataset.readyMs = Math.round(performance.now());
});
