# tools/runner/junit.awk - JUnit XML from DIR/final and the records DIR/rec/N
# (runner.sh): one testcase per case id; outcomes in failon are failures
# carrying the YAML block, skip is skipped, the rest pass.
function esc(s) { gsub(/&/, "\\&amp;", s); gsub(/</, "\\&lt;", s); gsub(/>/, "\\&gt;", s)
	gsub(/"/, "\\&quot;", s); gsub(/[^ -~\t\n]/, "", s); return s }
{ n[NR] = $1; o[NR] = $2; id[NR] = $3; orig[NR] = $4; inf[NR] = ($5 == "inferred") }
END {
	k = split(failon, fo, ","); for (i = 1; i <= k; i++) isfail[fo[i]] = 1
	for (i = 1; i <= NR; i++) { if (o[i] in isfail) fails++; if (o[i] == "skip") skips++ }
	printf "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	printf "<testsuites name=\"isvsuite\" tests=\"%d\" failures=\"%d\" errors=\"0\" skipped=\"%d\" time=\"%d\">\n", NR, fails, skips, wall
	printf "  <testsuite name=\"isvsuite.%s\" tests=\"%d\" failures=\"%d\" errors=\"0\" skipped=\"%d\" time=\"%d\">\n", esc(profile), NR, fails, skips, wall
	printf "    <properties>\n      <property name=\"grade\" value=\"%s\"/>\n      <property name=\"boots\" value=\"%s\"/>\n    </properties>\n", grade, boots
	for (i = 1; i <= NR; i++) {
		split(id[i], p, "/")
		printf "    <testcase classname=\"isvsuite.%s.%s\" name=\"%s\">", esc(p[1]), esc(p[2]), esc(id[i])
		f = dir "/rec/" orig[i]
		getline first < f; yaml = ""
		while ((getline l < f) > 0) yaml = yaml l "\n"
		close(f)
		if (o[i] in isfail) {
			gsub(/]]>/, "]]]]><![CDATA[>", yaml)
			printf "\n      <failure type=\"%s\" message=\"%s\"><![CDATA[%s]]></failure>\n    ", o[i], esc(first), yaml
		} else if (o[i] == "skip") {
			r = first; sub(/.*# SKIP */, "", r)
			printf "\n      <skipped message=\"%s\"/>\n    ", esc(r)
		} else if (o[i] != "pass") printf "\n      <system-out>%s</system-out>\n    ", esc(first)
		printf "</testcase>\n"
	}
	printf "  </testsuite>\n</testsuites>\n"
}
