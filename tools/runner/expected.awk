# tools/runner/expected.awk - compare outcomes with an expected profile
# (contracts §5). Files: the profile ("OUTCOME GLOB" lines, last match wins;
# OUTCOME may be "a|b": any of those is as expected), then DIR/final
# ("N OUTCOME ID ..."). Prints "regression N ID expected=E got=O",
# "improvement ...", and one "unspecified COUNT" line if any.
BEGIN { split("pass skip abort unclean kill hang corrupt", o, " "); for (i = 1; i <= 7; i++) rank[o[i]] = i }
FNR == NR {
	sub(/#.*/, ""); if (NF == 0) next
	k = split($1, alt, "|"); lo = 99; hi = 0
	for (i = 1; i <= k; i++) {
		if (!(alt[i] in rank)) { lo = 0; break }
		if (rank[alt[i]] < lo) lo = rank[alt[i]]
		if (rank[alt[i]] > hi) hi = rank[alt[i]]
	}
	if (NF != 2 || lo == 0) { print "expected: bad rule at line " FNR ": " $0 > "/dev/stderr"; bad = 1; exit 2 }
	nr++; ro[nr] = $1; rlo[nr] = lo; rhi[nr] = hi; re[nr] = glob2re($2); next
}
{
	e = 0
	for (i = nr; i >= 1; i--) if ($3 ~ re[i]) { e = i; break }
	if (!e) { unspec++; next }
	if (rank[$2] > rhi[e]) print "regression " $1 " " $3 " expected=" ro[e] " got=" $2
	else if (rank[$2] < rlo[e]) print "improvement " $1 " " $3 " expected=" ro[e] " got=" $2
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
