#!/bin/sh
# tests/runner/hostile.t - the hostile console (issue 14): the real ROM under
# QEMU TCG behind tests/fixtures/fakevmm/hostile.sh (noise, fake TAP lines, a
# real id with a wrong outcome, ANSI, CR/NUL, a VMM prefix, splits at random
# lengths, replayed frames, truncation, death right after a fake line),
# driven by a seed. Over many seeds and both wires, against a clean run:
# every case exactly once, in order; a case is `kill` only where the fixture
# killed the VM in it, and then nowhere else; every other case's result
# line and YAML identical to the clean run's. ISV_HOSTILE_SEEDS (32) seeds
# from ISV_HOSTILE_FIRST (1).
. tests/runner/lib.sh
if [ ! -f "${ISV_ROM:-}" ] || ! command -v qemu-system-aarch64 >/dev/null 2>&1; then
	echo "1..0 # SKIP no ROM (ISV_ROM) or no qemu-system-aarch64"; exit 0
fi
ISV_BUILD=${ISV_BUILD:-$(pwd)/build}; export ISV_BUILD ISV_ROM
SEEDS=${ISV_HOSTILE_SEEDS:-32}

# blocks TAP: "ID<TAB>result line (number dropped) and its YAML" per case, in order
blocks() {
	awk '/^(not )?ok [0-9]+ - / { if (id != "") print id "\t" b
			s = $0; sub(/^(not )?ok [0-9]+ - /, "", s); split(s, w, " "); id = w[2]
			b = ($1 == "not" ? "not ok - " : "ok - ") s; inb = 1; next }
		inb && /^  / { b = b "|" $0; next }
		{ inb = 0 }
		END { if (id != "") print id "\t" b }' "$1"
}

rm -rf "$D/hclean"
dash ./runner.sh --rom "$ISV_ROM" --results "$D/hclean" --tap "$D/hclean.tap" 2>"$D/hclean.err"
echo $? > "$D/hclean.rc"
check "clean run (qemu-tcg, quick): exit 0" rc_is hclean 0
blocks "$D/hclean.tap" > "$D/hclean.blocks"
ncase=$(grep -c . "$D/hclean.blocks")

# compare SEED: the seed's merged TAP against the clean run
compare() {
	blocks "$D/h$1.tap" > "$D/h$1.blocks"
	awk -F '\t' -v ev="$D/h$1.fix/events" '
		BEGIN { while ((getline l < ev) > 0) { split(l, w, " "); if (w[2] == "death") death[w[3]] = 1 } }
		FILENAME ~ /hclean.blocks$/ { want[++n] = $1; wb[$1] = $2; next }
		{ got[++m] = $1; gb[$1] = $2 }
		END {
			if (m != n) { print "cases: " m ", want " n; bad = 1 }
			for (i = 1; i <= n && i <= m; i++) {
				if (got[i] != want[i]) { print "case " i ": id " got[i] ", want " want[i]; bad = 1; continue }
				if (gb[got[i]] == wb[want[i]]) continue
				if ((i in death) && index(gb[got[i]], "not ok - kill " want[i]) == 1 &&
				    index(gb[got[i]], "|  runner: kill|") && index(gb[got[i]], "VMM exited during the case")) { kills++; continue }
				print "case " i " " want[i] ": got " substr(gb[got[i]], 1, 160); bad = 1
			}
			print "kills " kills + 0 > (FILENAME ".kills")
			exit bad
		}' "$D/hclean.blocks" "$D/h$1.blocks"
}

first=${ISV_HOSTILE_FIRST:-1}
t0=$(date +%s) s=$first boots=0 checked=0 kills=0 deaths=0 truncs=0 replays=0 dmg=0 conf=0 unfr=0
while [ "$s" -lt $((first + SEEDS)) ]; do
	w=compact; [ $((s % 2)) = 0 ] && w=readable
	rm -rf "$D/h$s" "$D/h$s.fix"
	HOSTILE_SEED=$s HOSTILE_DIR=$D/h$s.fix RATE=$((1 + s % 3)) dash ./runner.sh --rom "$ISV_ROM" --wire $w \
		--cmd "sh $FIX/hostile.sh {bootargs}" --results "$D/h$s" --tap "$D/h$s.tap" 2>"$D/h$s.err"
	echo $? > "$D/h$s.rc"
	touch "$D/h$s.fix/events"
	check "seed $s ($w): no case lost, duplicated, changed or misattributed" compare "$s"
	k=$(sed -n 's/^kills //p' "$D/h$s.blocks.kills" 2>/dev/null)
	want_rc=0; [ "${k:-0}" -gt 0 ] && want_rc=1
	check "seed $s: exit $want_rc (kills: ${k:-0})" rc_is "h$s" "$want_rc"
	b=$(sed -n 's/^boots=//p' "$D/h$s/summary")
	boots=$((boots + ${b:-0})) checked=$((checked + ncase)) kills=$((kills + ${k:-0}))
	deaths=$((deaths + $(grep -c ' death ' "$D/h$s.fix/events")))
	truncs=$((truncs + $(grep -c ' truncate ' "$D/h$s.fix/events")))
	replays=$((replays + $(grep -c 'replay ' "$D/h$s.fix/events")))
	dmg=$((dmg + $(sed -n 's/^console_damaged=//p' "$D/h$s/summary")))
	conf=$((conf + $(sed -n 's/^console_conflicts=//p' "$D/h$s/summary")))
	unfr=$((unfr + $(sed -n 's/^console_unframed=//p' "$D/h$s/summary")))
	s=$((s + 1))
done
echo "# $SEEDS seeds, $checked cases checked, $boots boots, $(($(date +%s) - t0)) s;" \
	"fixture: $deaths deaths ($kills recorded as kill, the others lost with damage and re-run), $truncs truncated lines, $replays replayed frames;" \
	"runner reported: $dmg damaged, $conf conflicting, $unfr VMM result-like lines"
check "the fixture did its worst (deaths, truncations, replays)" sh -c "[ $deaths -gt 0 ] && [ $truncs -gt 0 ] && [ $replays -gt 0 ]"
check "the runner saw it (damage, conflicts, VMM result-like lines reported)" sh -c "[ $dmg -gt 0 ] && [ $conf -gt 0 ] && [ $unfr -gt 0 ]"
finish
