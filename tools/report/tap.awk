# tools/report/tap.awk - read merged TAP streams (one file per hypervisor)
# into arrays for html.awk. POSIX awk (mawk): no gensub, no asort.
#
# Per input file h (1..NH): NAME[h], GRADE[h], SUMMARY[h] (the `# summary`
# words), FIND[h, i] (i <= NFIND[h], `# finding:` lines), INFO[h, i]
# (i <= NINFO[h], the run's header comments), BAIL[h].
# Per case: OUT[h, id] outcome word, DIR[h, id] the text after ` # `,
# YAML[h, id] the diagnostic block (lines joined by "\n", indent removed).
# Case ids in first-seen order: ID[1..NID].

BEGIN { NH = 0; NID = 0; n = split(names, NAMEARG, "\t") }

FNR == 1 {
	NH++
	NAME[NH] = (NH in NAMEARG && NAMEARG[NH] != "") ? NAMEARG[NH] : ""
	FILE[NH] = FILENAME
	NFIND[NH] = 0; NINFO[NH] = 0; GRADE[NH] = ""; SUMMARY[NH] = ""
	inyaml = 0; last = ""
}

{ sub(/\r$/, "") }

# A YAML block belongs to the result line just before it.
inyaml {
	if ($0 ~ /^  \.\.\.[ \t]*$/) { inyaml = 0; next }
	if ($0 ~ /^  /) {
		line = substr($0, 3)
		YAML[NH, last] = (YAML[NH, last] == "" ? line : YAML[NH, last] "\n" line)
		next
	}
	inyaml = 0 # a block that never closed: fall through
}
last != "" && /^  ---[ \t]*$/ { inyaml = 1; next }

/^(not )?ok [0-9]+ - / {
	rest = $0
	sub(/^(not )?ok [0-9]+ - /, "", rest)
	d = ""
	p = index(rest, " # ")
	if (p) { d = substr(rest, p + 3); rest = substr(rest, 1, p - 1) }
	split(rest, w, " ")
	id = w[2]
	if (id == "") { last = ""; next }
	if (!((NH, id) in OUT)) {
		if (!(id in SEEN)) { SEEN[id] = 1; ID[++NID] = id }
	}
	OUT[NH, id] = w[1]
	DIR[NH, id] = d
	last = id
	next
}

{ last = "" }

/^# grade: / { GRADE[NH] = $3; next }
/^# summary / { s = $0; sub(/^# summary /, "", s); SUMMARY[NH] = s; next }
/^# finding: / { s = $0; sub(/^# finding: /, "", s); FIND[NH, ++NFIND[NH]] = s; next }
/^# isvsuite runner: / {
	if (NAME[NH] == "" && match($0, /profile=[^ ]+/))
		NAME[NH] = substr($0, RSTART + 8, RLENGTH - 8)
	INFO[NH, ++NINFO[NH]] = substr($0, 3); next
}
/^Bail out!/ { BAIL[NH] = $0; next }
/^# (isvsuite [0-9]|console:|cpu:|target |regression |boots:)/ { INFO[NH, ++NINFO[NH]] = substr($0, 3); next }
