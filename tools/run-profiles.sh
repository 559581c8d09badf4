#!/bin/sh
# tools/run-profiles.sh PROFILE... - `make run`: run runner.sh for every
# profile this host supports and print one side-by-side summary table.
# A profile without profiles/NAME.sh, or whose check fails, is listed as
# unavailable. Exit 1 only if a supported profile could not complete a run
# (runner exit 2 or more); grades and regressions are reported, not fatal.
# Extra runner options: RUNNER_OPTS (word split), e.g. "--case-timeout 20".
top=$(cd "$(dirname "$0")/.." && pwd)
build=${ISV_BUILD:-$top/build}
tab=$build/results/run-summary.txt
mkdir -p "$build/results"
: > "$tab.tmp"
: > "$tab.taps"
rc=0
for p in "$@"; do
	res=$build/results/$p
	if [ ! -f "$top/profiles/$p.sh" ]; then
		echo "$p unavailable: no profiles/$p.sh yet" >&2
		printf 'profile=%s\nstatus=unavailable\n\n' "$p" >> "$tab.tmp"; continue
	fi
	if ! why=$(sh "$top/runner.sh" --profile "$p" --check 2>&1); then
		echo "$p unavailable: ${why#runner: }" >&2
		printf 'profile=%s\nstatus=unavailable\n\n' "$p" >> "$tab.tmp"; continue
	fi
	echo "== $p" >&2
	# The profile's expected outcomes, when the project has them.
	case $p in
	xen) exp=xen-4.17 ;;
	xen-4.20) exp=xen-4.20 ;;
	kvm) exp=kvm-6.1-qemu-7.2 ;;
	kvm-6.12) exp=kvm-6.12-qemu-10 ;;
	*) exp=$p ;;
	esac
	set --
	[ -f "$top/expected/$exp" ] && set -- --expected "$exp"
	# shellcheck disable=SC2086 # RUNNER_OPTS is a word list
	sh "$top/runner.sh" --profile "$p" --results "$res" --tap "$res.tap" --junit "$res.xml" "$@" ${RUNNER_OPTS:-}
	r=$?
	[ $r -ge 2 ] && rc=1
	[ -f "$res.tap" ] && printf '%s=%s\n' "$p" "$res.tap" >> "$tab.taps"
	if [ -f "$res/summary" ]; then { echo "status=ran"; cat "$res/summary"; echo; } >> "$tab.tmp"
	else printf 'profile=%s\nstatus=failed\nexit=%s\n\n' "$p" "$r" >> "$tab.tmp"; fi
done
awk -v RS= -F '\n' '
	{ for (i = 1; i <= NF; i++) { k = $i; sub(/=.*/, "", k); v = $i; sub(/^[^=]*=/, "", v); val[NR, k] = v } }
	END {
		nk = split("profile cases pass skip abort unclean kill hang corrupt findings grade regressions boots wall exit", key, " ")
		for (k = 1; k <= nk; k++) {
			printf "%-12s", key[k]
			for (c = 1; c <= NR; c++) {
				v = val[c, key[k]]
				if (val[c, "status"] != "ran" && k > 1) v = (k == 2 ? val[c, "status"] : "")
				if (key[k] == "wall" && v != "") v = v "s"
				printf " %13s", v
			}
			printf "\n"
		}
	}' "$tab.tmp" > "$tab"
rm -f "$tab.tmp"
# Versions of the same hypervisor side by side: one line per case whose
# outcome differs (OLD-PROFILE -> NEW-PROFILE, better or worse by the
# outcome order). Pairs: VERSION_PAIRS ("old:new ..."), both run just now.
for pair in ${VERSION_PAIRS:-xen:xen-4.20 kvm:kvm-6.12 qemu-tcg:qemu-tcg-10}; do
	a=${pair%%:*} b=${pair#*:}
	if ! grep -q "^$a=" "$tab.taps" || ! grep -q "^$b=" "$tab.taps"; then continue; fi
	sh "$top/tools/version-diff.sh" "$a" "$build/results/$a.tap" "$b" "$build/results/$b.tap"
done >> "$tab"
cat "$tab"
# One HTML report, the profiles that ran side by side (tools/report).
set --
while IFS= read -r a; do set -- "$@" "$a"; done < "$tab.taps"
rm -f "$tab.taps"
if [ $# -gt 0 ]; then
	if sh "$top/tools/report/isvreport.sh" -t "isvsuite: make run" -o "$build/results/report.html" "$@"; then
		echo "report: $build/results/report.html"
	else rc=1; fi
fi
exit $rc
