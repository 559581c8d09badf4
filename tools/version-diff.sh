#!/bin/sh
# tools/version-diff.sh OLD OLD.tap NEW NEW.tap - compare two runs of the
# same ROM under two versions of a hypervisor (make run: xen vs xen-4.20,
# kvm vs kvm-6.12): one line per case id whose outcome differs, with the
# direction by the outcome order (pass < skip < abort < unclean < kill <
# hang < corrupt), then a count. Cases present in only one run are listed
# as such. Exit 0 (differences are information, not failures).
[ $# -eq 4 ] || { echo "usage: $0 OLD OLD.tap NEW NEW.tap" >&2; exit 2; }
awk -v a="$1" -v b="$3" '
	BEGIN { n = split("pass skip abort unclean kill hang corrupt", o, " ")
		for (i = 1; i <= n; i++) rank[o[i]] = i }
	# a result line: "ok N - OUTCOME ID ..." or "not ok N - OUTCOME ID ..."
	/^(not )?ok [0-9]+ - / {
		s = $0; sub(/^(not )?ok [0-9]+ - /, "", s); split(s, w, " ")
		if (FILENAME == ARGV[1]) { out1[w[2]] = w[1]; ord[++nid] = w[2] }
		else { out2[w[2]] = w[1]; if (!(w[2] in out1)) ord[++nid] = w[2] }
	}
	END {
		printf "\nversions %s -> %s: cases whose outcome differs\n", a, b
		nd = 0
		for (i = 1; i <= nid; i++) {
			id = ord[i]; if (seen[id]++) continue
			x = (id in out1) ? out1[id] : "-"; y = (id in out2) ? out2[id] : "-"
			if (x == y) continue
			nd++
			if (x == "-" || y == "-") dir = "only in one run"
			else dir = (rank[y] < rank[x]) ? "better" : "worse"
			printf "  %-8s -> %-8s %-8s %s\n", x, y, dir, id
		}
		printf "  %d case(s) differ\n", nd
	}' "$2" "$4"
