#!/bin/sh
# tools/report/screenshot.sh PNG - `make report-screenshot`: run the full
# matrix under Xen 4.17 and refhyp, render them side by side and take a
# screenshot of the report in headless chromium (the README's picture).
# Reuses TAPs newer than the ROM in $ISV_BUILD/report-shot/.
set -eu
top=$(cd "$(dirname "$0")/../.." && pwd)
build=${ISV_BUILD:-$top/build}
png=$1
work=$build/report-shot
mkdir -p "$work"
for p in xen refhyp; do
	tap=$work/$p-full.tap
	if [ -s "$tap" ] && [ -n "$(find "$tap" -newer "$build/isvsuite.bin")" ]; then continue; fi
	echo "report-screenshot: running $p, matrix=full" >&2
	sh "$top/runner.sh" --profile "$p" --bootargs matrix=full --quiet \
		--results "$work/$p" --tap "$tap" || [ $? = 1 ]
done
sh "$top/tools/report/isvreport.sh" -t "isvsuite: Xen 4.17 vs refhyp, full matrix" \
	-o "$work/report.html" "Xen 4.17=$work/xen-full.tap" "refhyp=$work/refhyp-full.tap"
${CHROMIUM:-chromium} --headless --no-sandbox --disable-gpu --hide-scrollbars --no-first-run \
	--user-data-dir="$work/chromium" --window-size=1720,1750 \
	--screenshot="$work/shot.png" "file://$work/report.html" 2>/dev/null
cp "$work/shot.png" "$png"
echo "report-screenshot: $png ($(wc -c < "$png") bytes) from $work/report.html" >&2
