# tools/report/model.awk - turn the cases tap.awk read into the report's
# model: rows (TARGET/FAMILY/FORM, grouped by family, then form, then
# target), columns per family (derived from the VARIANT part of the id),
# counts and findings per hypervisor. Called from html.awk's END.
#
# Columns. A variant is dash-separated tokens (`rt2-rn1-imm+4-be`):
#   register tokens  rt2 rn1 rs5 rm4 rtzr rnsp  (the form's most common
#                    register tuple is its canonical one; any other tuple is
#                    a register-sweep case, column = its first register 0-31)
#   placement        cross unaligned be ee el1h (one column each; el1h's
#                    base is always sp: its tuple is not a sweep case)
#   operand          the rest: imm+4 imm-256 lane1 lsl uxtw ... (one column
#                    per distinct operand of the family)
# Groups left to right: operands, placements, register sweep; a blank column
# between groups. Two cases of a row that would share a column get separate
# ones (`#2`), so every case has its own cell whatever the id scheme.

function is_reg(t) { return t ~ /^r[a-z]([0-9]+|zr|sp)$/ }
function reg_val(t) { t = substr(t, 3); return (t == "zr" || t == "sp") ? 31 : t + 0 }
function place_rank(t) { return t == "cross" ? 1 : t == "unaligned" ? 2 : t == "be" ? 3 : t == "ee" ? 4 : t == "el1h" ? 5 : 0 }
function place_label(t) { return t == "unaligned" ? "unal" : t }

# Split variant v into V_PL (placement), V_REGS (register tuple), V_OP
# (operand), V_FIRST (first register's number).
function split_variant(v,    n, tok, i, t, hasrm) {
	gsub(/imm-/, "imm~", v)
	n = split(v, tok, "-")
	V_PL = ""; V_REGS = ""; V_OP = ""; V_FIRST = -1; hasrm = 0
	for (i = 1; i <= n; i++) {
		t = tok[i]
		if (place_rank(t)) { V_PL = (V_PL == "" ? t : V_PL "-" t); continue }
		if (is_reg(t)) {
			V_REGS = V_REGS "-" t
			if (V_FIRST < 0) V_FIRST = reg_val(t)
			if (t ~ /^rm/) hasrm = 1
			continue
		}
		sub(/~/, "-", t)
		V_OP = (V_OP == "" ? t : V_OP "-" t)
	}
	if (hasrm) V_OP = (V_OP == "" ? "rm" : "rm-" V_OP)
}

# Column sort key and label for an operand.
function op_key(op,    v) {
	if (op ~ /^imm[+-][0-9]+$/) { v = substr(op, 4) + 0; return "1" sprintf("%012d", v + 100000000) }
	if (op ~ /^lane[0-9]+$/) return "2" sprintf("%04d", substr(op, 5) + 0)
	if (op == "") return "0"
	return "3" op
}
function op_label(op) {
	if (op ~ /^imm[+-][0-9]+$/) return substr(op, 4)
	if (op ~ /^lane[0-9]+$/) return "L" substr(op, 5)
	if (op == "") return "base"
	sub(/^rm-/, "", op)
	return op
}

function sort_keys(a, n,    i, j, t) { # insertion sort of a[1..n], strings
	for (i = 2; i <= n; i++) {
		t = a[i]
		for (j = i - 1; j >= 1 && a[j] > t; j--) a[j + 1] = a[j]
		a[j + 1] = t
	}
}

function build_model(    i, id, p, t, f, form, v, g, c, k, n, j, keys, grp, prev, col, h, o) {
	NFAM = 0
	for (i = 1; i <= NID; i++) {
		id = ID[i]
		n = split(id, p, "/")
		t = p[1]; f = (n >= 2 ? p[2] : "-"); form = (n >= 3 ? p[3] : "-")
		v = id; sub(/^[^\/]*\/[^\/]*\/[^\/]*\/?/, "", v)
		if (n < 4) v = ""
		g = t "/" f "/" form
		CG[id] = g; CV[id] = v; CF[id] = f
		if (!(f in FAMI)) { FAMI[f] = ++NFAM; FAM[NFAM] = f; NFORM[f] = 0 }
		if (!((f, form) in FORMI)) { FORMI[f, form] = ++NFORM[f]; FORM[f, NFORM[f]] = form; NTGT[f, form] = 0 }
		if (!(g in GSEEN)) { GSEEN[g] = 1; TGT[f, form, ++NTGT[f, form]] = t }
		split_variant(v)
		CPL[id] = V_PL; CRG[id] = V_REGS; COP[id] = V_OP; CFR[id] = V_FIRST
		c = ++TUP[g, V_REGS]
		if (!(g in CANON) || c > TUP[g, CANON[g]]) CANON[g] = V_REGS
	}
	# Rows: family -> form -> target.
	for (i = 1; i <= NFAM; i++) {
		f = FAM[i]; NROW[f] = 0
		for (j = 1; j <= NFORM[f]; j++)
			for (k = 1; k <= NTGT[f, FORM[f, j]]; k++)
				ROW[f, ++NROW[f]] = TGT[f, FORM[f, j], k] "/" f "/" FORM[f, j]
	}
	# Column keys: "1..." operands, "5N" placements, "9NN" sweep.
	for (i = 1; i <= NID; i++) {
		id = ID[i]; g = CG[id]; f = CF[id]
		if (CRG[id] != CANON[g] && CFR[id] >= 0 && CPL[id] != "el1h") {
			k = "9" sprintf("%02d", CFR[id]) CPL[id]; LAB[f, k] = CFR[id]
		} else if (CPL[id] != "") {
			split(CPL[id], p, "-")
			k = "5" place_rank(p[1]) CPL[id]; LAB[f, k] = place_label(CPL[id])
		} else {
			k = "1" op_key(COP[id]); LAB[f, k] = op_label(COP[id])
		}
		if ((g, k) in USED) { # same column twice in one row: a column of its own
			for (n = 2; (g, k "#" n) in USED; n++);
			LAB[f, k "#" n] = LAB[f, k] "#" n
			k = k "#" n
		}
		USED[g, k] = id; CK[id] = k
		if (!((f, k) in FKEY)) { FKEY[f, k] = 1; FK[f, ++NFK[f]] = k }
	}
	for (i = 1; i <= NFAM; i++) {
		f = FAM[i]; n = NFK[f]
		for (j = 1; j <= n; j++) keys[j] = FK[f, j]
		sort_keys(keys, n)
		col = 0; prev = ""
		for (j = 1; j <= n; j++) {
			grp = substr(keys[j], 1, 1)
			if (prev != "" && grp != prev) col++ # blank column between groups
			col++
			COL[f, keys[j]] = col; CLAB[f, col] = LAB[f, keys[j]]; CGRP[f, col] = grp
			prev = grp
		}
		NCOL[f] = col
	}
	for (i = 1; i <= NID; i++) { id = ID[i]; AT[CG[id], COL[CF[id], CK[id]]] = id }
	# Counts per hypervisor, overall and per family; rows that differ.
	for (h = 1; h <= NH; h++) {
		NCASE[h] = 0
		for (i = 1; i <= NID; i++) {
			id = ID[i]
			if (!((h, id) in OUT)) continue
			o = OUT[h, id]; NCASE[h]++
			CNT[h, o]++; FCNT[h, CF[id], o]++; FTOT[h, CF[id]]++
			if (h > 1 && ((1, id) in OUT) && OUT[1, id] != o) DIFF[CG[id]] = 1
			if (h > 1 && !((1, id) in OUT)) DIFF[CG[id]] = 1
		}
	}
}

# ---------------------------------------------------------------- findings
# The cause of a non-clean case, from its YAML (reason:, defects:, diff
# items, vector:), with numbers folded so equal causes group together.
function yaml_get(y, key,    n, l, i, s) {
	n = split(y, l, "\n")
	for (i = 1; i <= n; i++)
		if (index(l[i], key ": ") == 1) {
			s = substr(l[i], length(key) + 3)
			sub(/[ \t]+#.*$/, "", s)
			gsub(/^["']|["']$/, "", s)
			return s
		}
	return ""
}
function yaml_raw(y, key,    n, l, i) {
	n = split(y, l, "\n")
	for (i = 1; i <= n; i++) if (index(l[i], key ": ") == 1) return substr(l[i], length(key) + 3)
	return ""
}
function fold(s) { gsub(/0x[0-9a-fA-F]+/, "0xN", s); gsub(/[0-9]+/, "N", s); return s }
function diff_items(y,    n, l, i, s, seen, out) {
	n = split(y, l, "\n"); out = ""
	for (i = 1; i <= n; i++)
		if (match(l[i], /item: [^,}]+/)) {
			s = substr(l[i], RSTART + 6, RLENGTH - 6)
			sub(/\+[0-9]+$/, "", s); sub(/[0-9]+$/, "N", s)
			if (!(s in seen)) { seen[s] = 1; out = (out == "" ? s : out ", " s) }
		}
	return out
}
# One item of a block list: "- far" | "- far: want X" | "- {field: far, ...}"
# | "- {far: ...}" -> "far".
function defect_name(s) {
	sub(/^[ \t]*- /, "", s); sub(/[ \t]+#.*$/, "", s); gsub(/["']/, "", s)
	if (s ~ /^\{/) {
		if (match(s, /(field|name|defect): [^,}]+/)) { s = substr(s, RSTART, RLENGTH); sub(/^[a-z]+: /, "", s); return s }
		sub(/^\{[ \t]*/, "", s)
	}
	sub(/[:( ].*$/, "", s)
	return s
}
function defects(y,    n, l, i, s, out, inlist) {
	n = split(y, l, "\n"); out = ""; inlist = 0
	for (i = 1; i <= n; i++) {
		if (l[i] ~ /^defects:/) {
			s = l[i]; sub(/^defects:[ \t]*/, "", s)
			if (s != "") { gsub(/^\[|\]$/, "", s); return fold(s) }
			inlist = 1; continue
		}
		if (inlist && l[i] ~ /^[ \t]*- /) {
			s = defect_name(l[i])
			out = (out == "" ? s : out ", " s); continue
		}
		if (inlist && l[i] !~ /^[ \t]/) inlist = 0
	}
	return out
}
function cause(h, id,    o, y, r, it) {
	o = OUT[h, id]; y = YAML[h, id]
	if (o == "corrupt") {
		r = fold(yaml_get(y, "reason")); it = diff_items(y)
		if (r == "") r = "corrupt"
		return it == "" ? r : r " [wrong: " it "]"
	}
	if (o == "unclean") {
		r = defects(y)
		return r == "" ? "unclean refusal" : "defects: " r
	}
	if (o == "kill" || o == "hang") {
		r = fold(yaml_get(y, "reason"))
		return r == "" ? o : r
	}
	if (o == "abort" && DIR[h, id] ~ /misrouted/) {
		r = yaml_raw(y, "vector")
		gsub(/[ \t]+#[ \t]*/, ", ", r)
		return "delivered through the wrong vector (vector " (r == "" ? "?" : r) ")"
	}
	return ""
}
function build_findings(    h, i, id, c, k, n, j, t, g, pl) {
	for (h = 1; h <= NH; h++) {
		NCAUSE[h] = 0
		for (i = 1; i <= NID; i++) {
			id = ID[i]
			if (!((h, id) in OUT)) continue
			c = cause(h, id)
			if (c == "") continue
			k = OUT[h, id] SUBSEP c
			if (!((h, k) in CAUSEI)) {
				CAUSEI[h, k] = ++NCAUSE[h]; n = NCAUSE[h]
				CAUSE_O[h, n] = OUT[h, id]; CAUSE_T[h, n] = c; CAUSE_EX[h, n] = id
				CAUSE_N[h, n] = 0; CAUSE_NG[h, n] = 0; CAUSE_NP[h, n] = 0
			}
			n = CAUSEI[h, k]; CAUSE_N[h, n]++
			CAUSE_FC[h, n, CF[id]]++
			pl = (CRG[id] != CANON[CG[id]] && CPL[id] != "el1h" ? "reg sweep" : CPL[id] == "" ? "plain" : CPL[id])
			if (!((h, n, pl) in CAUSE_PC)) CAUSE_P[h, n, ++CAUSE_NP[h, n]] = pl
			CAUSE_PC[h, n, pl]++
			g = CG[id]
			if (!((h, n, g) in CAUSE_GC)) CAUSE_G[h, n, ++CAUSE_NG[h, n]] = g
			CAUSE_GC[h, n, g]++
		}
		# Worst outcome first, then most cases.
		for (i = 1; i <= NCAUSE[h]; i++) CORD[h, i] = i
		for (i = 2; i <= NCAUSE[h]; i++) {
			t = CORD[h, i]
			for (j = i - 1; j >= 1 && cause_before(h, t, CORD[h, j]); j--) CORD[h, j + 1] = CORD[h, j]
			CORD[h, j + 1] = t
		}
	}
}
function cause_before(h, a, b) {
	if (RANK[CAUSE_O[h, a]] != RANK[CAUSE_O[h, b]]) return RANK[CAUSE_O[h, a]] > RANK[CAUSE_O[h, b]]
	return CAUSE_N[h, a] > CAUSE_N[h, b]
}
