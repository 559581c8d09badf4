# tools/runner/expected.awk - compare outcomes with an expected profile
# (contracts §5). Files: the profile ("OUTCOME GLOB" lines, last match wins;
# OUTCOME may be "a|b": a set, exactly those outcomes are as expected), then
# DIR/final ("N OUTCOME ID ..."). Prints "regression N ID expected=E got=O"
# for an outcome outside the set that is worse than the set's best,
# "improvement ..." for one better than every outcome of the set, and one
# "unspecified COUNT" line if any. An outcome outside the set that lies
# between its members (pass|corrupt, got kill) is a regression too.
BEGIN { split("pass skip abort unclean kill hang corrupt", o, " "); for (i = 1; i <= 7; i++) rank[o[i]] = i }
FNR == NR {
	sub(/#.*/, ""); if (NF == 0) next
	k = split($1, alt, "|"); lo = 99; ok = (NF == 2)
	nr++
	for (i = 1; i <= k; i++) {
		if (!(alt[i] in rank)) { ok = 0; break }
		if (rank[alt[i]] < lo) lo = rank[alt[i]]
		in_set[nr, alt[i]] = 1
	}
	if (!ok) { print "expected: bad rule at line " FNR ": " $0 " (outcomes: pass skip abort unclean kill hang corrupt, a|b for a set)" > "/dev/stderr"; bad = 1; exit 2 }
	ro[nr] = $1; rlo[nr] = lo; re[nr] = glob2re($2); next
}
{
	e = 0
	for (i = nr; i >= 1; i--) if ($3 ~ re[i]) { e = i; break }
	if (!e) { unspec++; next }
	if ((e, $2) in in_set) next
	if (rank[$2] < rlo[e]) print "improvement " $1 " " $3 " expected=" ro[e] " got=" $2
	else print "regression " $1 " " $3 " expected=" ro[e] " got=" $2
}
END { if (bad) exit 2; if (unspec) print "unspecified " unspec " cases match no rule" }
# glob2re(G): shell glob (* ? [..] [!..]) to an anchored ERE
function glob2re(g,   r, i, ch, j, cls) {
	r = "^"
	for (i = 1; i <= length(g); i++) {
		ch = substr(g, i, 1)
		if (ch == "*") r = r ".*"
		else if (ch == "?") r = r "."
		else if (ch == "[" && (j = index(substr(g, i + 1), "]")) > 0) {
			cls = substr(g, i + 1, j - 1); if (substr(cls, 1, 1) == "!") cls = "^" substr(cls, 2)
			r = r "[" cls "]"; i += j
		} else if (index("\\.+()|{}^$[]", ch)) r = r "\\" ch
		else r = r ch
	}
	return r "$"
}
