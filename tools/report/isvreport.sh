#!/bin/sh
# tools/report/isvreport.sh - one self-contained HTML report from merged TAP
# streams, hypervisors side by side (issue 12).
#
#   isvreport.sh [-o FILE] [-t TITLE] [NAME=]FILE.tap ...
#
# NAME labels a column (default: the profile in the TAP's runner line, else
# the file name). Output: FILE (default stdout). POSIX sh + awk; no network,
# no external scripts in the page (CSS and the small script are inlined).
set -eu
LC_ALL=C; export LC_ALL
here=$(cd "$(dirname "$0")" && pwd)
out="" title="isvsuite report"
usage() { echo "usage: isvreport.sh [-o FILE] [-t TITLE] [NAME=]FILE.tap ..." >&2; exit 2; }
while [ $# -gt 0 ]; do
	case $1 in
	-o) [ $# -ge 2 ] || usage; out=$2; shift 2 ;;
	-t) [ $# -ge 2 ] || usage; title=$2; shift 2 ;;
	-h | --help) sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
	--) shift; break ;;
	-*) usage ;;
	*) break ;;
	esac
done
[ $# -ge 1 ] || usage
tab=$(printf '\t')
names="" n=0
for a; do
	case $a in
	*=*) name=${a%%=*} file=${a#*=} ;;
	*) name="" file=$a ;;
	esac
	case $name in *"$tab"*) echo "isvreport: a name may not contain a tab" >&2; exit 2 ;; esac
	[ -r "$file" ] || { echo "isvreport: cannot read $file" >&2; exit 2; }
	# awk would take a VAR=... operand for an assignment: keep paths plain.
	case $file in /*) ;; *) file=./$file ;; esac
	names="$names$name$tab" n=$((n + 1))
	set -- "$@" "$file"
done
shift "$n"
when=$(date -u '+%Y-%m-%d %H:%M UTC')
run() {
	awk -v names="$names" -v title="$title" -v when="$when" \
		-v cssfile="$here/report.css" -v jsfile="$here/report.js" \
		-f "$here/tap.awk" -f "$here/model.awk" -f "$here/html.awk" "$@"
}
if [ -n "$out" ]; then
	run "$@" > "$out.tmp" && mv "$out.tmp" "$out"
else
	run "$@"
fi
