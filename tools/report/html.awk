# tools/report/html.awk - write the self-contained HTML report from the
# model (tap.awk reads, model.awk derives). Variables: title, when,
# cssfile, jsfile (inlined). One cell per case and hypervisor:
#   <div class=r data-g=TARGET/FAMILY/FORM> ... <span class=h data-h=H>
#     <i class=OUTCOME-LETTER title=VARIANT></i> ...
# so the case id is the row's data-g + "/" + the cell's title. Diagnostics
# are in one text block per hypervisor (<script type=text/plain id=yH>),
# read by the inline script on hover/click.

BEGIN {
	NOUT = split("pass skip abort unclean kill hang corrupt", OUTW, " ")
	split("p s a u k h c", OUTL, " ")
	for (i = 1; i <= NOUT; i++) { RANK[OUTW[i]] = i; LET[OUTW[i]] = OUTL[i] }
	DESC["pass"] = "emulated correctly"
	DESC["skip"] = "not applicable here"
	DESC["abort"] = "refused with a clean abort"
	DESC["unclean"] = "refused with a malformed abort"
	DESC["kill"] = "the VM died"
	DESC["hang"] = "no progress"
	DESC["corrupt"] = "wrong result"
}

function esc(s) { gsub(/&/, "\\&amp;", s); gsub(/</, "\\&lt;", s); gsub(/>/, "\\&gt;", s); gsub(/"/, "\\&quot;", s); return s }
function letter(o) { return (o in LET) ? LET[o] : "x" }
function pct(n, d) { return d ? sprintf("%.1f", 100 * n / d) : "0.0" }
function cat_file(f,    l) { while ((getline l < f) > 0) print l; close(f) }

# ---------------------------------------------------------------- top
function emit_head() {
	print "<!DOCTYPE html>"
	print "<html lang=en><head><meta charset=utf-8>"
	print "<meta name=viewport content=\"width=device-width\">"
	print "<title>" esc(title) "</title>"
	print "<style>"; cat_file(cssfile); print "</style></head>"
	print "<body>"
	print "<header><h1>" esc(title) "</h1><p class=sub>" NID " cases, " NH " hypervisor" (NH > 1 ? "s" : "") \
		"; generated " esc(when) " by tools/report/isvreport.sh. Outcomes best to worst: " \
		"pass &lt; skip &lt; abort &lt; unclean &lt; kill &lt; hang &lt; corrupt.</p></header>"
}

function emit_cards(    h, i, o, n, bad, s, sv, k, w, ok) {
	print "<section id=cards>"
	for (h = 1; h <= NH; h++) {
		printf "<div class=card data-h=%d data-name=\"%s\" data-cases=%d>", h - 1, esc(NAME[h]), NCASE[h]
		printf "<div class=\"grade g%s\" data-grade=\"%s\" title=\"grade %s\">%s</div>", \
			esc(GRADE[h]), esc(GRADE[h]), esc(GRADE[h]), (GRADE[h] == "" ? "?" : esc(GRADE[h]))
		printf "<h2>%s</h2><p class=n>%d cases%s</p>", esc(NAME[h]), NCASE[h], \
			((h in GCOMP) ? "; grade computed (no <code># grade:</code> line)" : "")
		print "<table class=counts><tr><th></th><th>outcome</th><th>cases</th><th>%</th></tr>"
		for (i = 1; i <= NOUT; i++) {
			o = OUTW[i]; n = CNT[h, o] + 0
			printf "<tr%s><td><i class=%s></i></td><td>%s</td><td class=num data-o=%s data-n=%d>%d</td><td class=num>%s</td></tr>\n", \
				(n ? "" : " class=zero"), LET[o], o, o, n, n, pct(n, NCASE[h])
		}
		print "</table>"
		# The TAP's own summary line must agree with the cells.
		ok = 1; s = SUMMARY[h]
		k = split(s, w, " ")
		for (i = 1; i <= k; i++) {
			split(w[i], sv, "=")
			if ((sv[1] in RANK) && (CNT[h, sv[1]] + 0) != sv[2] + 0) ok = 0 # other keys: not outcomes
		}
		if (s == "") printf "<p class=chk>no <code># summary</code> line in the TAP</p>"
		else printf "<p class=\"chk %s\">TAP summary %s: <code>%s</code></p>", (ok ? "ok" : "bad"), (ok ? "matches" : "DIFFERS"), esc(s)
		if (h in BAIL) printf "<p class=bad>%s</p>", esc(BAIL[h])
		bad = NFIND[h] + NCAUSE[h]
		printf "<p class=fsum><a href=\"#find%d\">%d finding%s</a></p>", h - 1, bad, (bad == 1 ? "" : "s")
		if (NINFO[h]) {
			print "<details><summary>run details</summary><pre>"
			for (i = 1; i <= NINFO[h]; i++) print esc(INFO[h, i])
			print "</pre></details>"
		}
		print "</div>"
	}
	print "</section>"
}

function emit_findings(    h, i, j, n, f, g, c, first, shown) {
	print "<section id=findings><h2>Findings</h2>"
	print "<p class=hint>Corrupt, unclean, killed and hung cases and misrouted aborts, grouped by cause (YAML <code>reason:</code>, <code>defects:</code>, the items that differ, <code>vector:</code>); numbers folded to N. Click an example to show it in the matrix.</p>"
	for (h = 1; h <= NH; h++) {
		printf "<div class=fblock id=find%d data-h=%d><h3>%s <span class=\"grade-s g%s\">%s</span></h3>\n", \
			h - 1, h - 1, esc(NAME[h]), esc(GRADE[h]), esc(GRADE[h])
		if (!NFIND[h] && !NCAUSE[h]) { print "<p class=none>none</p></div>"; continue }
		if (NFIND[h]) {
			print "<ul class=rom>"
			for (i = 1; i <= NFIND[h]; i++) printf "<li data-finding>%s</li>\n", esc(FIND[h, i])
			print "</ul>"
		}
		if (NCAUSE[h]) {
			print "<table class=causes><tr><th>outcome</th><th>cause</th><th>cases</th><th>where (family: cases)</th><th>example</th></tr>"
			for (i = 1; i <= NCAUSE[h]; i++) {
				c = CORD[h, i]
				printf "<tr data-o=%s data-n=%d><td><i class=%s></i> %s</td><td>%s</td><td class=num>%d</td><td>", \
					CAUSE_O[h, c], CAUSE_N[h, c], LET[CAUSE_O[h, c]], CAUSE_O[h, c], esc(CAUSE_T[h, c]), CAUSE_N[h, c]
				first = 1
				for (j = 1; j <= NFAM; j++) {
					f = FAM[j]
					if (!((h, c, f) in CAUSE_FC)) continue
					printf "%s%s: %d", (first ? "" : ", "), esc(f), CAUSE_FC[h, c, f]; first = 0
				}
				if (CAUSE_NP[h, c] > 1 || CAUSE_P[h, c, 1] != "plain") {
					printf "<br>variants: "
					for (j = 1; j <= CAUSE_NP[h, c]; j++)
						printf "%s%s: %d", (j > 1 ? ", " : ""), CAUSE_P[h, c, j], CAUSE_PC[h, c, CAUSE_P[h, c, j]]
				}
				n = CAUSE_NG[h, c]
				printf "<details><summary>%d form%s</summary>", n, (n == 1 ? "" : "s")
				shown = n < 400 ? n : 400
				for (j = 1; j <= shown; j++) {
					g = CAUSE_G[h, c, j]
					printf "%s%s&nbsp;%d", (j > 1 ? ", " : ""), esc(g), CAUSE_GC[h, c, g]
				}
				if (shown < n) printf ", &hellip; %d more", n - shown
				printf "</details></td><td><a class=ex href=\"#\" data-h=%d data-id=\"%s\">%s</a></td></tr>\n", \
					h - 1, esc(CAUSE_EX[h, c]), esc(CAUSE_EX[h, c])
			}
			print "</table>"
		}
		print "</div>"
	}
	print "</section>"
}

function emit_controls(    i, o) {
	print "<section id=controls><h2>Matrix</h2>"
	print "<div class=legend><span class=lt>Legend and filter:</span>"
	for (i = 1; i <= NOUT; i++) {
		o = OUTW[i]
		printf "<label title=\"%s\"><input type=checkbox checked data-o=%s> <i class=%s></i> %s</label>\n", \
			DESC[o], LET[o], LET[o], o
	}
	print "<span class=mk><i class=\"a m\"></i> corner mark: abort through the wrong vector (misrouted)</span>"
	print "<span class=mk><i class=\"p q\"></i> dot: pass, stored bytes unchecked</span></div>"
	print "<div class=filters><label>family <select id=fam><option value=\"\">all</option>"
	for (i = 1; i <= NFAM; i++) printf "<option>%s</option>", esc(FAM[i])
	print "</select></label>"
	if (NH > 1) print "<label><input type=checkbox id=onlydiff> only rows where the hypervisors differ</label>"
	print "<label><input type=checkbox id=big> larger cells</label>"
	print "</div>"
	print "<p class=hint>Rows: family, form (mnemonic, register width, addressing mode), target. Columns: the variant part of the case id: operands (immediates, register-offset extends, lanes; <q>base</q> = none), then the placements <q>cross</q> (page crossing into the target), <q>unal</q> (unaligned), <q>be</q>/<q>ee</q> (big-endian at EL0/EL1), <q>el1h</q> (at EL1h, base SP = SP_EL1), then the register sweep (the first register, 0-31; 31 = zr/sp). Hover a cell for its id and diagnostic; click it to pin the details of every hypervisor.</p>"
	print "</section>"
}

function emit_overview(    i, j, h, f, o, n, t, txt) {
	print "<section id=overview><h2>Per family</h2><table class=ov><tr><th>family</th>"
	for (h = 1; h <= NH; h++) printf "<th>%s</th>", esc(NAME[h])
	print "</tr>"
	for (i = 1; i <= NFAM; i++) {
		f = FAM[i]
		printf "<tr data-f=\"%s\"><th><a href=\"#fam-%s\">%s</a></th>", esc(f), esc(f), esc(f)
		for (h = 1; h <= NH; h++) {
			t = FTOT[h, f] + 0; txt = ""
			printf "<td><div class=bar>"
			for (j = 1; j <= NOUT; j++) {
				o = OUTW[j]; n = FCNT[h, f, o] + 0
				if (!n) continue
				printf "<span class=%s style=\"width:%s%%\" title=\"%s %d (%s%%)\"></span>", LET[o], pct(n, t), o, n, pct(n, t)
				txt = txt (txt == "" ? "" : " ") "<b class=t" LET[o] ">" toupper(LET[o]) "</b>" n
			}
			printf "</div><span class=bt>%s</span></td>", txt
		}
		print "</tr>"
	}
	print "</table></section>"
}

# ---------------------------------------------------------------- matrix
function emit_family(f,    r, g, h, c, id, o, last, cls, nc, j, p, t, form, grp, start, lab) {
	nc = NCOL[f]
	printf "<section class=fam id=\"fam-%s\" data-f=\"%s\" style=\"--n:%d\">\n", esc(f), esc(f), nc
	# Header: group names spanning their columns, then one label per column.
	printf "<div class=\"r hd\"><span class=l><b>%s</b></span>", esc(f)
	for (h = 1; h <= NH; h++) {
		printf "<span class=h><em>%s</em>", esc(NAME[h])
		c = 1
		while (c <= nc) {
			if (CLAB[f, c] == "") { c++; continue }
			start = c; grp = CGRP[f, c]
			while (c <= nc && CLAB[f, c] != "" && CGRP[f, c] == grp) c++
			lab = grp == "9" ? "register sweep" : grp == "5" ? "place" : "operand"
			printf "<u style=\"grid-column:%d/%d\">%s</u>", start, c, lab
		}
		for (c = 1; c <= nc; c++)
			if (CLAB[f, c] != "") printf "<s style=\"grid-column:%d\">%s</s>", c, esc(CLAB[f, c])
		printf "</span>"
	}
	print "</div>"
	for (r = 1; r <= NROW[f]; r++) {
		g = ROW[f, r]
		split(g, p, "/"); t = p[1]; form = p[3]
		printf "<div class=\"r%s\" data-g=\"%s\"><span class=l>%s <small>%s</small></span>", \
			((g in DIFF) ? " d" : ""), esc(g), esc(form), esc(t)
		for (h = 1; h <= NH; h++) {
			printf "<span class=h data-h=%d>", h - 1
			last = 0
			for (c = 1; c <= nc; c++) {
				if (!((g, c) in AT)) continue
				id = AT[g, c]
				if (!((h, id) in OUT)) continue
				o = OUT[h, id]; cls = letter(o)
				if (o == "abort" && DIR[h, id] ~ /misrouted/) cls = "\"" cls " m\""
				else if (o == "pass" && DIR[h, id] ~ /unchecked/) cls = "\"" cls " q\""
				if (c != last + 1) printf "<i class=%s style=grid-column:%d title=%s></i>", cls, c, CV[id]
				else printf "<i class=%s title=%s></i>", cls, CV[id]
				last = c
			}
			printf "</span>"
		}
		print "</div>"
	}
	print "</section>"
}

# Diagnostics: "ID<TAB>DIRECTIVE<TAB>YAML" per case that has either;
# backslash, newline and "<" escaped (\\ \n \x3c) so no line or tag breaks.
function jesc(s) { gsub(/\\/, "\\\\", s); gsub(/\n/, "\\n", s); gsub(/</, "\\x3c", s); gsub(/\t/, " ", s); return s }
function emit_data(    h, i, id) {
	for (h = 1; h <= NH; h++) {
		printf "<script type=\"text/plain\" id=y%d data-name=\"%s\">\n", h - 1, esc(NAME[h])
		for (i = 1; i <= NID; i++) {
			id = ID[i]
			if (!((h, id) in OUT)) continue
			if (DIR[h, id] == "" && YAML[h, id] == "") continue
			print id "\t" jesc(DIR[h, id]) "\t" jesc(YAML[h, id])
		}
		print "</script>"
	}
}

# A TAP without the runner's `# grade:` line (the ROM booted by hand): the
# contract's grade from the counts and findings.
function grade_of(h) {
	if (CNT[h, "corrupt"] || CNT[h, "hang"]) return "F"
	if (CNT[h, "unclean"] || CNT[h, "kill"]) return "C"
	if (CNT[h, "abort"] || NFIND[h]) return "B"
	return "A"
}

END {
	for (h = 1; h <= NH; h++) if (NAME[h] == "") { NAME[h] = FILE[h]; sub(/^.*\//, "", NAME[h]); sub(/\.tap$/, "", NAME[h]) }
	build_model()
	for (h = 1; h <= NH; h++) if (GRADE[h] == "") { GRADE[h] = grade_of(h); GCOMP[h] = 1 }
	build_findings()
	emit_head()
	emit_cards()
	emit_findings()
	emit_overview()
	emit_controls()
	print "<section id=matrix>"
	for (i = 1; i <= NFAM; i++) emit_family(FAM[i])
	print "</section>"
	print "<div id=panel hidden><button id=close title=close>&times;</button><div id=pbody></div></div>"
	emit_data()
	print "<script>"; cat_file(jsfile); print "</script>"
	print "</body></html>"
}
