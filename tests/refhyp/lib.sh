# Shared helpers for the refhyp tests (POSIX sh, sourced by the .t files).
# Environment (from mk/refhyp.mk): ISV_TOP, ISV_BUILD, ISV_ROM, REFHYP_PREDICT,
# REFHYP_TEST_DIR.
: "${ISV_TOP:?}" "${ISV_BUILD:?}" "${ISV_ROM:?}" "${REFHYP_PREDICT:?}" "${REFHYP_TEST_DIR:?}"
n=0
fails=0
ok() { n=$((n + 1)); echo "ok $n - $1"; }
notok() { n=$((n + 1)); fails=$((fails + 1)); echo "not ok $n - $1"; }
finish() { echo "1..$n"; [ "$fails" = 0 ]; }
mkdir -p "$REFHYP_TEST_DIR"

# refhyp_run LABEL MUTANT MATRIX BOOTARGS [RUNNER OPTIONS...]: run the suite
# under refhyp (with the mutant unless "none"), then check every case
# against predict's expectation. One TAP line; the summary as a comment.
refhyp_run() {
	label=$1 bug=$2 matrix=$3 args=$4; shift 4
	dir=$REFHYP_TEST_DIR/$label
	rm -rf "$dir"
	mkdir -p "$dir"
	"$REFHYP_PREDICT" "$bug" "$matrix" > "$dir/predicted"
	popt=""
	case $bug in
	none) ;;
	refuse) popt="--popt refuse=1" ;;
	refuse+*) popt="--popt refuse=1 --popt bug=${bug#refuse+}" ;;
	drift) popt="--popt drift=1" ;;
	drift+*) popt="--popt drift=1 --popt bug=${bug#drift+}" ;;
	*) popt="--popt bug=$bug" ;;
	esac
	start=$(date +%s)
	# shellcheck disable=SC2086 # popt is an option pair
	sh "$ISV_TOP/runner.sh" --profile refhyp --rom "$ISV_ROM" --bootargs "matrix=$matrix $args" $popt \
		--results "$dir/results" --tap "$dir/merged.tap" --quiet "$@" 2> "$dir/runner.err"
	rc=$?
	secs=$(($(date +%s) - start))
	if [ $rc -ge 2 ]; then
		notok "$label: runner exit $rc"; sed 's/^/# /' "$dir/runner.err"; return
	fi
	if sum=$(sh "$ISV_TOP/tests/refhyp/check.sh" "$dir/predicted" "$dir/merged.tap" "$label" \
		"$ISV_TOP/expected/pinned/refhyp-full"); then
		ok "$label: every case as predicted (${secs}s)"
	else
		notok "$label: cases differ from the prediction"
	fi
	echo "$sum" | sed 's/^/# /'
	grep '^# boots' "$dir/merged.tap" | sed "s/^# /# $label: /"
}
