#!/usr/bin/env node
// tests/runner/tapcheck.js FILE COUNT - is FILE a well-formed TAP stream for
// node-tap's tap-parser? One plan 1..COUNT, COUNT results, no parse errors,
// no non-TAP lines, a parsed YAML diagnostic after every not-ok result except
// aborts the ROM wrote without one. Prints what is wrong; exit 1 if anything.
'use strict';
const fs = require('fs');
const { Parser } = require('tap-parser');
const [file, want] = process.argv.slice(2);
const bad = [];
const p = new Parser();
p.on('extra', (l) => { if (l.trim() !== '') bad.push('non-TAP line: ' + JSON.stringify(l)); });
p.on('assert', (r) => {
  if (!r.ok && /^(kill|hang|corrupt) /.test(r.name) && (typeof r.diag !== 'object' || r.diag === null))
    bad.push('test ' + r.id + ' (' + r.name + '): no parsed YAML diagnostic');
});
p.on('complete', (res) => {
  for (const f of res.failures) if (f.tapError) bad.push('tap error: ' + f.tapError);
  if (!res.plan || res.plan.start !== 1 || res.plan.end !== Number(want)) bad.push('plan ' + JSON.stringify(res.plan) + ', want 1..' + want);
  if (res.count !== Number(want)) bad.push(res.count + ' results, want ' + want);
  if (res.bailout) bad.push('bail out: ' + res.bailout);
  for (const b of bad) console.log('tapcheck.js: ' + b);
  process.exit(bad.length ? 1 : 0);
});
p.end(fs.readFileSync(file));
