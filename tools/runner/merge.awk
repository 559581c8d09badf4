# tools/runner/merge.awk - stitch the per-case records (DIR/rec/N) of every
# boot into one TAP body, numbered 1.. over the range a..b (runner.sh).
# Input: DIR/decided. Writes DIR/final ("N OUTCOME ID ORIGINAL-N [inferred]") and
# DIR/counts (counts, failon, family and grade lines).
BEGIN { CHUNK = 400 }
{ out[$1] = $2; id[$1] = $3; inf[$1] = ($4 == "inferred") }
END {
	split("pass skip abort unclean kill hang corrupt", order, " ")
	nf = split(failon, fo, ","); for (i = 1; i <= nf; i++) isfail[fo[i]] = 1
	# The records are read by cat, a few hundred per process (one getline
	# file per case costs mawk seconds on a full matrix); each starts with
	# its result line, which is renumbered.
	k = 0; list = ""
	for (n = a; n <= b; n++) {
		if (!(n in out)) continue
		q[++k] = n; list = list " '" dir "/rec/" n "'"
		if (k == CHUNK) { emit(list, k); k = 0; list = "" }
	}
	if (k) emit(list, k)
	for (n = a; n <= b; n++) {
		if (!(n in out)) continue
		o = out[n]; cnt[o]++; split(id[n], p, "/"); fam = p[2]; fams[fam] = 1; fc[fam, o]++
		if (o in isfail) failn++
		print n - a + 1, o, id[n], n, (inf[n] ? "inferred" : "") > (dir "/final")
	}
	close(dir "/final")
	c = dir "/counts"; s = "counts"
	for (i = 1; i <= 7; i++) s = s " " order[i] "=" (cnt[order[i]] + 0)
	print s > c
	print "failon", failn + 0 > c
	for (fam in fams) {
		s = "family " fam
		for (i = 1; i <= 7; i++) if (fc[fam, order[i]]) s = s " " order[i] "=" fc[fam, order[i]]
		print s > c
	}
	g = "A"
	if (cnt["abort"]) g = "B"
	if (cnt["unclean"] || cnt["kill"]) g = "C"
	if (cnt["corrupt"] || cnt["hang"]) g = "F"
	print "grade", g > c
}

# emit(LIST, K): print the K records named in LIST, renumbered
function emit(list, k,   cmd, l, i, n) {
	cmd = "cat" list; i = 0
	while ((cmd | getline l) > 0) {
		if (l ~ /^(not )?ok [0-9]+/ && i < k) {
			n = q[++i]
			sub(/^(not )?ok [0-9]+/, (l ~ /^not / ? "not ok " : "ok ") (n - a + 1), l)
		}
		print l
	}
	close(cmd)
}
