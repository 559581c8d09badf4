# tools/runner/parse.awk - read one guest run from the console (runner.sh).
#
# Files: DIR/ids ("N ID", from the list boot), DIR/decided ("N OUTCOME ..."),
# then the filtered console. Only segment SEG is read: the lines after the
# SEG-th "@@isvsuite vm-exit" marker (sessions, contracts §4) up to the next.
# Noise is tolerated: ROM lines are found anywhere in a line; a result line
# whose id disagrees with the list is garbled and not accepted.
#
#   mode=scan     (while watching) print "PLAN PROGRESS HI DONE VMEXIT"
#                 PLAN is M or -, VMEXIT a status or -; final=0 ignores a
#                 last line that has no newline yet (maxnr complete lines)
#   mode=list     write DIR/ids from "# id N ID"; print "COUNT BAIL"
#   mode=extract  accept results lo..hi_lim not yet decided: DIR/rec/N (TAP
#                 line + YAML), append DIR/decided; print "HI PLAN BAIL (PLAN 0: none)"
# Always written: DIR/cur.seg (the segment), DIR/tail (its last lines, for a YAML
# literal block), DIR/header (comment lines before the plan), DIR/bail.
BEGIN { seg += 0; c = 0; plan = "-"; np = 0; hi = 0; done = 0; vmx = "-"; bail = 0
	ntail = 0; yaml = 0; rec = ""; nids = 0
	if (mode != "scan") final = 1
	if (mode == "extract") hi = lo - 1
}
FILENAME == dir "/ids" { id[$1] = $2; next }
FILENAME == dir "/decided" { decided[$1] = 1; next }
!final && FNR > maxnr { next }
{
	line = $0
	gsub(/[^ -~\t]/, "", line)
	if (index(line, "@@isvsuite vm-exit")) {
		if (c == seg) { s = line; sub(/.*@@isvsuite vm-exit */, "", s); split(s, w, " "); vmx = (w[1] == "" ? "?" : w[1]) }
		c++; next
	}
	if (c != seg || index(line, "@@isvsuite boot") || index(line, "@@isvsuite quit")) next
	if (mode != "scan") print line > (dir "/cur.seg")
	if (line != "") { tail[ntail % 8] = line; ntail++ }
	if (index(line, "Bail out!")) { bail = 1; b = substr(line, index(line, "Bail out!")); print b > (dir "/bail"); done = 1 }
	if (index(line, "# isvsuite: done")) { done = 1; close_rec(); next }
	# ROM findings (contracts §2): before the plan or between cases; deduplicated
	# over boots by the report
	if (mode == "extract" && match(line, /# finding: .*/)) print substr(line, RSTART) >> (dir "/romfind")
	if (plan == "-") {
		if (match(line, /(^|[^0-9.])1\.\.[0-9]+( |$)/)) {
			s = substr(line, RSTART, RLENGTH); sub(/^[^1]*1\.\./, "", s); plan = s + 0; np++
		} else if (mode != "scan" && line ~ /^# /) print line > (dir "/header")
		if (plan == "-" && line ~ /^# /) np++ # header and list ids: progress before the plan
		if (mode == "list" && match(line, /# id [0-9]+ [a-z0-9+_.\/-]+/)) {
			split(substr(line, RSTART, RLENGTH), w, " "); listed[w[3] + 0] = w[4]; nids++
		}
		next
	}
	if (result(line)) { np++; accept(); next }
	if (line ~ /^  /) { np++; if (rec != "") yaml_line(line); next }
	if (line ~ /^# /) np++
}
END {
	close_rec()
	if (mode != "scan" && ntail > 0) {
		for (i = (ntail > 8 ? ntail - 8 : 0); i < ntail; i++) {
			s = tail[i % 8]; sub(/^[ \t]+/, "", s)
			print "    " substr(s, 1, 100) > (dir "/tail")
		}
	}
	if (mode == "scan") print plan, np, hi, done, vmx
	else if (mode == "list") {
		max = 0; for (n in listed) if (n + 0 > max) max = n + 0
		for (n = 1; n <= max; n++) if (n in listed) print n, listed[n] > (dir "/ids")
		close(dir "/ids"); print max, bail, nids
	} else print hi, (plan == "-" ? 0 : plan), bail
}

# result(S): is there a result line in S? Sets R_NOT R_NUM R_OUT R_ID R_DESC R_LASTID
function result(s,   f, n, p) {
	if (!match(s, /(not )?ok [0-9]+ - [a-z]+/)) return 0
	s = substr(s, RSTART); R_NOT = (substr(s, 1, 4) == "not ")
	if (R_NOT) s = substr(s, 5)
	n = split(s, f, " "); R_NUM = f[2] + 0; R_OUT = f[4]; R_ID = (n >= 5 ? f[5] : "")
	R_LASTID = (n <= 5); p = index(s, " - "); R_DESC = substr(s, p + 3)
	if (mode == "extract" ? (R_NUM >= lo && R_NUM <= hi_lim) : 1) if (R_NUM > hi) hi = R_NUM
	return 1
}

# accept(): a result for an undecided case in range becomes DIR/rec/N
function accept(   want, okword, l, good) {
	close_rec()
	if (mode != "extract" || R_NUM < lo || R_NUM > hi_lim || (R_NUM in decided)) return
	good = (R_OUT == "pass" || R_OUT == "skip") ? !R_NOT : (R_OUT == "abort" || R_OUT == "unclean" || R_OUT == "corrupt") ? R_NOT : -1
	if (good != 1) return
	want = (R_NUM in id) ? id[R_NUM] : R_ID
	okword = R_NOT ? "not ok" : "ok"
	if (R_ID == want && want != "") l = okword " " R_NUM " - " R_DESC
	else if (R_LASTID && index(want, R_ID) == 1 && want != "") {
		# truncated on the console: rebuild from the list id
		l = okword " " R_NUM " - " R_OUT " " want
		if (R_OUT == "skip") l = l " # SKIP (reason cut off on the console)"
		if (R_OUT == "abort" && !strict) l = l " # TODO abort"
	} else return
	rec = dir "/rec/" R_NUM; yaml = 0
	print l > rec
	print R_NUM, R_OUT, want >> (dir "/decided")
	decided[R_NUM] = 1
	if (!R_NOT) close_rec()
}

# yaml_line(L): keep the YAML block after an accepted "not ok", made safe for
# TAP::Parser's YAMLish: comments after quoted scalars are dropped.
function yaml_line(l,   q) {
	if (!yaml) { if (l ~ /^  ---[ \t]*$/) { yaml = 1; print "  ---" > rec } ; return }
	if (l ~ /^  \.\.\.[ \t]*$/) { print "  ..." > rec; yaml = 0; close(rec); rec = ""; return }
	if (match(l, /^ +[^ :]+: *"([^"\\]|\\.)*"/) || match(l, /^ +[^ :]+: *\047([^\047]|\047\047)*\047/)) {
		q = substr(l, RLENGTH + 1)
		if (q ~ /^[ \t]+#/ || q ~ /^[ \t]*$/) l = substr(l, 1, RLENGTH)
	}
	print l > rec
}
function close_rec() {
	if (rec == "") return
	if (yaml) print "  ..." > rec
	close(rec); rec = ""; yaml = 0
}
