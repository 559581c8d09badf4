#!/bin/sh
# tests/nested/xen.t - the ROM under Debian's real Xen 4.17 (profiles/xen.sh),
# full matrix, graded against what Xen's source does (not against a recorded
# run): decode.c emulates post-index LDR/STR (W, B; zero-extending) only, the
# vGIC takes 8/32-bit IPRIORITYR accesses, everything else is refused with an
# injected abort, and the two known bugs (sign_extend ignoring SF, no
# big-endian swapping) are the only corruptions. Run from the repo top by
# `make test-xen`; needs ISV_TEST_DIR and ISV_NODE_PATH (tests/runner/lib.sh).
. tests/runner/lib.sh
X=$D/xen
rm -rf "$X"
dash ./runner.sh --profile xen --bootargs 'matrix=full' --results "$X" \
	--tap "$X.tap" --junit "$X.xml" --expected xen-4.17 2>"$X.err"
echo $? > "$X.rc"
T=$X.tap
res() { grep -E '^(not )?ok [0-9]+ - ' "$T" | sed 's/^not //' | awk '{ print $4, $5 }'; }
is() { # ID OUTCOME, exact id
	got=$(res | awk -v id="$1" '$2 == id { print $1 }')
	[ "$got" = "$2" ] || { echo "$1: '$got', want $2"; return 1; }
}
none() { # DESCRIPTION AWK-CONDITION: no result "OUTCOME ID" matches
	res | awk "$2 { print; bad = 1 } END { exit bad }" | head -n 5 > "$D/none.out"
	if [ -s "$D/none.out" ]; then notok "$1"; sed 's/^/# /' "$D/none.out"; else ok "$1"; fi
}

check "run completes, matches expected/xen-4.17 (exit 0)" rc_is xen 0
check "JUnit well formed" xmllint --noout "$X.xml"
check "console is the vpl011 from Xen's DTB" grep -q '^# console: sbsa-uart @0x22000000' "$X/boot-001.log"
check "entered at EL1 in Xen's domU RAM" grep -q '^# isvsuite .* entry-el=1 .* load=0x40' "$X/boot-001.log"
n_all=$(res | wc -l)
check "TAP::Parser accepts it" perl_ok "$T" "$n_all"
check "tap-parser accepts it" node_ok "$T" "$n_all"
check "every case once ($n_all)" sh -c "[ $n_all -ge 3000 ] && [ \$(grep -E '^(not )?ok' '$T' | sed 's/^not //' | awk '{print \$5}' | sort | uniq -d | wc -l) = 0 ]"

# The post-index emulation (decode.c) with writeback, on the vGIC.
check "gicd ldr w post-index: emulated with writeback" is gicd/ldst-imm/ldr-w-post/rt2-rn1-imm+4 pass
check "gicd str w post-index: emulated" is gicd/ldst-imm/str-w-post/rt2-rn1-imm+4 pass
check "gicd ldr w post-index, SP as base: emulated" sh -c "grep -E ' gicd/ldst-imm/ldr-w-post/rt[0-9]+-rnsp-' '$T' | grep -q '^ok'"
check "gicd ldr w pre-index: refused (unclean)" is gicd/ldst-imm/ldr-w-pre/rt2-rn1-imm+4 unclean
check "gicd ldrsw post-index: refused (signed, unclean)" is gicd/ldst-imm/ldrsw-x-post/rt2-rn1-imm+4 unclean
check "hole ldr w ISV=1: refused (no handler, unclean)" is hole/ldst-imm/ldr-w-off/rt2-rn1-imm+4 unclean
none "nothing but post-index ldr/str/ldrb/strb W passes among ISV=0 ldst-imm" \
	'$1 == "pass" && $2 ~ /\/ldst-imm\/[a-z]+-[wx]-(post|pre)\// && $2 !~ /^gicd\/ldst-imm\/(ldr|str|ldrb|strb)-w-post\//'
none "no pair, SIMD, structure, atomic or exclusive load passes" \
	'$1 == "pass" && $2 ~ /\/(pair|simd|simd-pair|struct|atomic)\// '
none "no exclusive load passes" '$1 == "pass" && $2 ~ /\/excl\/ld/'
none "no access to the hole passes (cache ops, PRFM, failing STXR make none)" \
	'$1 == "pass" && $2 ~ /^hole\// && $2 !~ /^hole\/(cache\/(dc-c|dc-i|prf)|excl\/st)/'
none "DC ZVA is never emulated" '$1 == "pass" && $2 ~ /\/dc-zva\//'
none "no kill or hang" '$1 == "kill" || $1 == "hang"'
# The only corruptions: LDRSB into W (sign_extend ignores SF) and -be/-ee.
none "corrupt only for LDRSB-into-W or big-endian data" \
	'$1 == "corrupt" && $2 !~ /-(be|ee)$/ && $2 !~ /\/ld[a-z]*rsb-w-/'
check "the LDRSB-into-W corruption is bits 63:32 set" sh -c "
	grep -A8 -E '^not ok [0-9]+ - corrupt gicd/[a-z-]+/ld[a-z]*rsb-w-' '$T' | grep -E 'item: x[0-9]+,' |
	awk '{ e = \$5; g = \$7; sub(/,/, \"\", e); sub(/}/, \"\", g) } length(g) != 18 || substr(g, 3, 8) != \"ffffffff\" || length(e) > 10 { bad = 1 } END { exit bad || NR == 0 }'"
# Xen's refusals are never clean (traps.c inject_abt64_exception: ISS 0, so
# DFSC 0 and WnR 0; exception_handler64 sends EL1t to Current EL with SPx,
# which is right for EL1h: the -el1h cases keep only the DFSC/WnR defects).
none "no clean abort: every refusal is unclean" '$1 == "abort"'
defects() { # FIELD: the id of every unclean case whose defects: name FIELD
	awk -v f="$1" '/^(not )?ok / { id = ($0 ~ /^not ok [0-9]+ - unclean /) ? $6 : "" }
		id != "" && index($0, "- {field: " f ",") { print id }' "$T"
}
n_unclean=$(res | awk '$1 == "unclean"' | wc -l)
n_el1=$(res | awk '$1 == "unclean" && $2 !~ /-(be|el1h)$/' | wc -l)
n_dfsc=$(grep -c '^    - {field: DFSC, expected: "0x10/translation/access/permission/alignment", got: "0x00"}' "$T")
n_vec=$(grep -c '^    - {field: vector, expected: "0x0", got: "0x200"}' "$T")
check "every unclean refusal names DFSC 0 ($n_dfsc of $n_unclean)" sh -c "[ $n_unclean -gt 0 ] && [ $n_dfsc = $n_unclean ]"
check "EL1t refusals name the vector, 0x200 for 0x0 ($n_vec of $n_el1)" test "$n_vec" = "$n_el1"
check "EL0 (-be) refusals are routed right (no vector defect)" test "$(defects vector | grep -c -- '-be$')" = 0
n_el1h=$(res | awk '$1 == "unclean" && $2 ~ /-el1h$/' | wc -l)
check "EL1h (-el1h) refusals are routed right: 0x200, no vector defect ($n_el1h refusals)" \
	sh -c "[ $n_el1h -gt 0 ] && [ $(defects vector | grep -c -- '-el1h$') = 0 ]"
check "refused stores name WnR (Xen reports them as reads)" sh -c "grep -A6 -E '^not ok [0-9]+ - unclean hole/ldst-imm/str-x-post/' '$T' | grep -q 'field: WnR, expected: \"1\", got: \"0\"'"

# A deliberately wrong expectation is a regression that names the case.
sed 's/^pass    gicd\/ldst-imm\/ldr-w-post\/\*$/pass    gicd\/ldst-imm\/ldr-w-p*\/*/' expected/xen-4.17 > "$D/xen-edited"
dash ./runner.sh --profile xen --bootargs 'matrix=quick' --results "$X-edit" --tap "$X-edit.tap" \
	--expected "$D/xen-edited" 2>"$X-edit.err"
echo $? > "$X-edit.rc"
check "edited expectation: exit 1" rc_is xen-edit 1
check "edited expectation: names the case" grep -q 'regression [0-9]* gicd/ldst-imm/ldr-w-pre/rt2-rn1-imm+4 expected=pass got=unclean' "$X-edit.err"
finish
