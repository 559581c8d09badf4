# tools/runner/stream.awk - read a VM's console as it arrives (runner.sh).
#
# Input: the output of `isvwire decode --noise` (docs/contracts.md §6) for
# one VM instance: the ROM's readable lines, rebuilt only from frames whose
# checksum verifies, in sequence order; VMM text as "@@wire noise TEXT";
# console damage as other "@@wire ..." lines. Every line is read once
# (the runner never re-reads the console).
#
# Files (DIR = the runner's state dir):
#   DIR/ids        "N ID": the host's enumeration (isvwire ids), read once
#   DIR/expect     "BOOT LO HI": the guest run the runner started and the
#                  cases it expects (LO..HI); re-read when a session's guest
#                  VMM exited (a new guest run follows)
# Written, per guest run BOOT:
#   RESULTS/boot-BOOT.log   every decoded line (ROM, @@wire, @@runner)
#   DIR/status     a line appended after each event (the last one counts):
#                  "BOOT PLAN NP HI DONE VMX BAIL OPEN PROBE HALT FP ACC DMG CHG TAIL PEND ."
#                  PLAN M or -; NP ROM lines; HI the last case the ROM reached;
#                  VMX a vm-exit status or -; OPEN a case whose block is still
#                  arriving (0: none); PROBE 1 inside a probe step; FP 1 the
#                  ROM's enumeration is not the host's, 2 the ROM has none;
#                  ACC results accepted; DMG damage/conflict events; CHG the
#                  case the first one is charged to (0: none); TAIL 1 when
#                  no result was accepted since the last damage (how far the
#                  ROM got is then unknown); PEND a complete block not yet
#                  committed (the runner commits it when it stops the VM)
#   DIR/rec/N + a line "N OUTCOME ID" in DIR/decided: an accepted result,
#                  written once its block is complete and the next frame
#                  verified (a replayed frame takes the sequence number of
#                  the ROM's next one: the decoder then drops the ROM's as
#                  a duplicate, which must take the replay's lines with it)
#   DIR/damage     "BOOT KIND TEXT" (KIND wire|conflict|unframed)
#   DIR/romfind    the ROM's "# finding:" lines
#   DIR/bail.BOOT, DIR/halt.BOOT, DIR/fp.BOOT   the line in question
#
# Acceptance: a result is kept only if it is the case the runner expects
# next (in order; cases skipped by a gap stay undecided and are re-run),
# its id is the host's id for that number, and its outcome and ok/not ok
# agree. Anything else is reported (DIR/damage, the boot log), never kept.
# A block cut by damage or by the end of the console is dropped whole.
BEGIN {
	while ((getline l < (dir "/ids")) > 0) { split(l, w, " "); id[w[1]] = w[2] }
	close(dir "/ids")
	halt_re = ENVIRON["R_HALT_LINE"]
	ended = 0; new_boot()
}

{
	line = $0
	if (ended) { reread(); if (ended) { print "@@runner after the guest run: " line > logf; fflush(logf); next } }
	print line > logf; fflush(logf)
	if (substr(line, 1, 7) == "@@wire ") {
		if (substr(line, 1, 13) == "@@wire noise ") vmm(substr(line, 14))
		else wire(substr(line, 8))
		status(); next
	}
	rom(line)
	status()
}

# the console ended: a block still arriving was cut (OPEN names it; undecided)
END { commit(); status() }

# ---------------------------------------------------------------- guest runs
function new_boot(   l, w) {
	l = ""; getline l < (dir "/expect"); close(dir "/expect")
	split(l, w, " "); boot = w[1] + 0; lo = w[2] + 0; hi_lim = w[3] + 0
	logf = results "/boot-" sprintf("%03d", boot) ".log"
	plan = "-"; np = 0; hi = lo - 1; expect_n = lo; done = 0; vmx = "-"; bail = 0
	rec = ""; open = 0; yaml = 0; probe = 0; halted = 0; fp = 0; sawfp = 0; pend = 0
	acc = 0; dmg = 0; chg = 0; dtail = 0; cut = 0; rom_started = 0; ended = 0
	printf "" > logf; fflush(logf)
	status()
}
# after a session's vm-exit: the next guest run starts once the runner has
# written its expect line (it does so before it sends the boot command)
function reread(   l, w) {
	l = ""; getline l < (dir "/expect"); close(dir "/expect")
	split(l, w, " ")
	if (w[1] + 0 != boot) new_boot()
}
# status(): appended (the runner reads the last line): rewriting a file per
# line would cost more than everything else here together
function status(   f, l) {
	f = dir "/status"
	l = boot " " plan " " np " " hi " " done " " vmx " " bail " " (open ? open : cut) " " probe " " halted " " fp " " acc " " dmg " " chg " " dtail " " pend " ."
	if (++nstat % 4096 == 0) { close(f); print l > f; close(f) }   # start it afresh now and then
	else { print l >> f; fflush(f) }
}

# ---------------------------------------------------------------- VMM text
function vmm(t,   s, w) {
	if (index(t, "@@isvsuite vm-exit")) {
		s = t; sub(/.*@@isvsuite vm-exit */, "", s); split(s, w, " ")
		vmx = (w[1] == "" ? "?" : w[1]); cut = open; drop_rec(); commit(); ended = 1; return
	}
	if (index(t, "@@isvsuite boot") || index(t, "@@isvsuite quit")) return
	# the hypervisor or VMM refusing its own configuration (refhyp: a bad
	# refhyp.* bootarg) before the ROM's plan: a configuration error too
	# (after the plan, VMM text can never end the run as the ROM's)
	if (plan == "-" && t ~ /^Bail out!/ && !bail) {
		bail = 1; done = 1; print t > (dir "/bail." boot); close(dir "/bail." boot); return
	}
	if (halt_re != "" && !halted && t ~ halt_re) {
		halted = 1; print t > (dir "/halt." boot); close(dir "/halt." boot)
	}
	# VMM text that looks like a result: never believed, always reported
	if (match(t, /(not )?ok [0-9]+ - [a-z]+/)) report("unframed", "VMM line ignored: " substr(t, 1, 160))
}

# ---------------------------------------------------------------- damage
function wire(t) {
	if (t ~ /^fingerprint-mismatch/) { fp = 1; print "@@wire " t > (dir "/fp." boot); close(dir "/fp." boot) }
	report("wire", t)
	# an old frame again, dropped by the decoder: nothing lost if it was a
	# replay, but a run of them can be the ROM's own frames after a false jump
	dtail = 1
	if (t ~ /^dup /) {
		# a frame with the sequence number of the one just accepted: one of the
		# two was not the ROM's (a replay): what came from that frame goes
		if (match(t, /seq [0-9a-f][0-9a-f] \(expected [0-9a-f][0-9a-f]\)/) &&
		    (hex(substr(t, RSTART + 22, 2)) - hex(substr(t, RSTART + 4, 2)) + 256) % 256 == 1) {
			if (pend) report("conflict", "case " pend ": a frame of its block came twice; dropped")
			pend = 0; damaged()
		}
		return
	}
	damaged()
}
# damaged(): something of the ROM's output was lost here: a block still
# arriving cannot be trusted; the first such event is charged to one case
function damaged() {
	dmg++; dtail = 1
	if (!chg) chg = (open ? open : expect_n)
	drop_rec()
}
function report(kind, t) {
	print boot, kind, t >> (dir "/damage"); fflush(dir "/damage")
	if (kind != "wire") { print "@@runner " kind ": " t > logf; fflush(logf) }
}

# ---------------------------------------------------------------- ROM lines
function rom(l,   s) {
	np++
	commit()   # a verified frame after the last block: that block stands
	if (l ~ /^TAP version /) {
		if (rom_started) { report("conflict", "the guest started again in the same run"); damaged() }
		rom_started = 1; return
	}
	if (substr(l, 1, 9) == "Bail out!") {
		bail = 1; done = 1; end_rec()
		print l > (dir "/bail." boot); close(dir "/bail." boot); return
	}
	if (l ~ /^# isvsuite: done/) { done = 1; end_rec(); return }
	if (plan == "-") {
		if (match(l, /^1\.\.[0-9]+/)) {
			plan = substr(l, 4, RLENGTH - 3) + 0
			if (!sawfp) { fp = 2; print l > (dir "/fp." boot); close(dir "/fp." boot) }
		} else if (l ~ /^# cases [0-9]+ fingerprint /) {
			sawfp = 1
			split(l, w, " ")
			if (w[3] != host_m || w[5] != host_fp) { fp = 1; print l > (dir "/fp." boot); close(dir "/fp." boot) }
		} else if (l ~ /^(not )?ok [0-9]/) {
			report("conflict", "result before the plan line: " substr(l, 1, 160)); damaged()
		}
		probe = (l ~ /^# probe [^ ]+ [^ ]+/)
		if (l ~ /^# finding: /) { print l >> (dir "/romfind"); fflush(dir "/romfind") }
		return
	}
	if (rec != "" && yaml && substr(l, 1, 2) != "  ") {
		# the ROM closes every YAML block: a line of its own inside one means
		# the block lost lines (or the line is not the ROM's)
		report("conflict", "case " open ": its YAML block interrupted by: " substr(l, 1, 120)); damaged()
	}
	if (l ~ /^(TAP version |1\.\.[0-9]|# (probe|target|cases|bootargs:|console:|cpu:|isvsuite [0-9]))/) {
		report("conflict", "a header line after the plan: " substr(l, 1, 120)); damaged(); return
	}
	if (l ~ /^(not )?ok [0-9]+ /) { end_rec(); result(l); return }
	if (substr(l, 1, 2) == "  ") { if (rec != "") yaml_line(l); return }
	end_rec()
	if (l ~ /^# finding: /) { print l >> (dir "/romfind"); fflush(dir "/romfind") }
}

# result(L): a result line the ROM sent; accepted only as the case expected
function result(l,   s, isnot, f, k, n, o, rid, good, desc) {
	s = l; isnot = (substr(s, 1, 4) == "not "); if (isnot) s = substr(s, 5)
	k = split(s, f, " "); n = f[2] + 0; o = f[4]; rid = f[5]
	desc = substr(s, index(s, " - ") + 3)
	if (fp || f[3] != "-" || k < 5) { report("conflict", "unusable result line: " substr(l, 1, 160)); damaged(); return }
	if (n < lo || n > hi_lim) { report("conflict", "case " n " is outside the cases asked for (" lo ".." hi_lim "): " substr(l, 1, 120)); damaged(); return }
	if (n < expect_n) { report("conflict", "case " n " again (expected case " expect_n "): " substr(l, 1, 120)); damaged(); return }
	if (n > hi) hi = n
	if (n > expect_n) { report("conflict", "no result for case" (n - 1 > expect_n ? "s " expect_n ".." n - 1 : " " expect_n) " before case " n); damaged() }
	expect_n = n + 1
	good = (o == "pass" || o == "skip") ? !isnot : (o == "abort" || o == "unclean" || o == "corrupt") ? isnot : 0
	if (!good || !(n in id) || rid != id[n]) {
		report("conflict", "case " n ": the ROM says '" substr(desc, 1, 100) "', the host's id is " ((n in id) ? id[n] : "(none)"))
		damaged(); return
	}
	rec = dir "/rec/" n; open = n; yaml = 0; r_out = o; r_id = rid; dtail = 0
	print (isnot ? "not ok " : "ok ") n " - " desc > rec
	if (!isnot) end_rec()
}

# yaml_line(L): keep the YAML block after an accepted "not ok", made safe for
# TAP::Parser's YAMLish: comments after quoted scalars are dropped.
function yaml_line(l,   q) {
	if (!yaml) { if (l ~ /^  ---[ \t]*$/) { yaml = 1; print "  ---" > rec } ; return }
	if (l ~ /^  \.\.\.[ \t]*$/) { yaml = 0; print "  ..." > rec; end_rec(); return }
	if (match(l, /^ +[^ :]+: *"([^"\\]|\\.)*"/) || match(l, /^ +[^ :]+: *\047([^\047]|\047\047)*\047/)) {
		q = substr(l, RLENGTH + 1)
		if (q ~ /^[ \t]+#/ || q ~ /^[ \t]*$/) l = substr(l, 1, RLENGTH)
	}
	print l > rec
}
# end_rec(): the open block is complete; the case is decided once the next
# verified frame shows its last frame was the ROM's (commit)
function end_rec() {
	if (rec == "") return
	if (yaml) print "  ..." > rec
	close(rec)
	commit(); pend = open; p_out = r_out; p_id = r_id
	rec = ""; open = 0; yaml = 0
}
function commit() {
	if (!pend) return
	print pend, p_out, p_id >> (dir "/decided"); fflush(dir "/decided")
	acc++; pend = 0
}
function hex(h,   i, v) {
	v = 0; for (i = 1; i <= length(h); i++) v = v * 16 + index("0123456789abcdef", substr(h, i, 1)) - 1
	return v
}
# drop_rec(): the open block is incomplete (damage, end of the console): the
# case stays undecided
function drop_rec() {
	if (rec == "") return
	close(rec); rec = ""; open = 0; yaml = 0
}
