#!/bin/sh
# runner.sh - boot the isvsuite ROM under a hypervisor profile, survive VM
# deaths and hangs, and produce one merged TAP report (docs/runner.md).
#
# Runner policy (the one place these numbers and meanings live):
#
#   what                      default     option / profile variable
#   ------------------------  ----------  ------------------------------------
#   silent boot, no plan yet  60 s        --boot-timeout, PROFILE_BOOT_TIMEOUT
#   no new ROM line in a case  5 s        --case-timeout, PROFILE_CASE_TIMEOUT
#   whole run                 3600 s      --timeout
#   wait for exit after done  3 s         PROFILE_EXIT_GRACE
#   failed boots in a row     2           --boot-retries (then: incomplete)
#   runs of a case w/o result 2           (then recorded as hang, reason given)
#   VM exits in a case        kill        that case; --on-kill=group: the rest
#                                         of its TARGET/FAMILY/FORM group too
#   no progress in a case     hang        that case only
#   outcome order             pass < skip < abort < unclean < kill < hang
#                             < corrupt
#   grade                     A all pass/skip and no finding; B no
#                             unclean/kill/hang/corrupt; C unclean or kill,
#                             no corrupt/hang; F corrupt or hang
#   ROM crash after the plan  kill    the running case ("Bail out!" reason),
#                                     earlier results kept, resume after it
#   console wire              compact --wire (readable: framed TAP lines)
#   which cases               the host's enumeration (isvwire ids); the ROM's
#                             "# cases M fingerprint" line must match (exit 2)
#   result accepted           only the case expected next, host's id, from a
#                             verified frame; the rest reported, never kept
#   console damage at a case  re-run; 5 runs damaged there: hang
#
#   exit 0  run complete, policy met (no --fail-on outcome / no regression)
#   exit 1  run complete, policy failed (--fail-on outcome, or regression
#           against --expected)
#   exit 2  usage or configuration error (bad option, unknown profile,
#           missing ROM, the ROM said "Bail out!" before its plan line, bad --expected)
#   exit 3  the profile cannot run on this host (profile_check/prepare)
#   exit 4  run incomplete (boots keep failing, whole-run timeout, ...)
#
# POSIX sh (dash), awk, sed, ps; no Python. Profiles: profiles/NAME.sh.
LC_ALL=C; export LC_ALL
ISV_TOP=$(cd "$(dirname "$0")" && pwd); export ISV_TOP
R_LIB=$ISV_TOP/tools/runner

usage() {
	cat <<'EOF'
usage: runner.sh [OPTION]...
Boot build/isvsuite.bin under a profile, resume after VM deaths and hangs,
print one merged TAP stream (stdout) and a summary with a grade (stderr).

  --profile NAME        profiles/NAME.sh (default qemu-tcg)
  --cmd 'TEMPLATE'      boot with any command line instead of a profile;
                        {rom} {elf} {bootargs} {dtb} are replaced by
                        shell-quoted words (do not quote them again);
                        {romdtb}: the ROM with {dtb} appended (a guest
                        entered with x0 = 0, README: static partitioning)
  --dtb-base FILE       --cmd: {dtb} is FILE (DTB or .dts) with the bootargs
                        in /chosen, instead of QEMU virt's description
  --bootargs 'K=V ...'  ROM bootargs (contracts §3); start=/count= select a
                        range, the runner manages them across boots
  --wire compact|readable
                        console wire (docs/contracts.md §6): compact
                        (default, bootarg wire=compact) or readable framed
                        TAP lines (wire=frame); the merged TAP is the same
  --rom FILE            ROM image (default $ISV_BUILD/isvsuite.bin)
  --case-timeout S      hang after S seconds without a new ROM line (5)
  --boot-timeout S      give up a boot that has no plan line yet and printed
                        nothing for S s (60)
  --timeout S           whole-run timeout in seconds (3600)
  --halt-line REGEX     a console line matching REGEX (grep -E) says the
                        hypervisor halted the machine (Bao: 'BAO ERROR'):
                        the boot ends at once as hang, no timeout waited
  --exit-grace S        after the ROM's done line, wait S s for the VMM to
                        exit (3); a VMM that did not exit once is not waited
                        for again (e.g. no PSCI SYSTEM_OFF: Bao)
  --boot-retries N      failed boots (no plan) in a row before giving up (2)
  --on-kill=case|group  after a kill resume at the next case (default) or
                        record the rest of the group as kill (inferred)
  --on-hang=case|group  the same after a hang (a hypervisor that halts the
                        machine on every ISV=0 form: one boot per group)
  --fail-on=LIST        outcomes that make the exit status 1, comma
                        separated from abort,unclean,corrupt,kill,hang
                        (default unclean,corrupt,kill,hang); ignored with --expected
  --expected NAME|FILE  compare against expected/NAME or FILE: regression
                        -> exit 1 (listed), improvement -> reported
  --tap FILE            write the merged TAP to FILE instead of stdout
  --junit FILE          also write JUnit XML (one testcase per case)
  --html FILE           also write an HTML report of the run (tools/report)
  --results DIR         console logs and state (default
                        $ISV_BUILD/results/PROFILE)
  --shard K/N           run only slice K of N of the selected cases (CI
                        parallel jobs); join the shards' TAP files with
                        tools/shard/merge.sh (docs/runner.md)
  --popt KEY=VALUE      profile option, exported as ISV_POPT_KEY (repeatable)
  --check               only run the profile's check; exit 0 or 3
  --quiet               no progress or summary on stderr
  -h, --help            this text

Exit: 0 ok, 1 policy failed, 2 usage/config, 3 profile unavailable,
4 run incomplete. Policy table: head of runner.sh; details: docs/runner.md.
EOF
}

say() { printf '%s\n' "runner: $*" >&2; }
die() { r=$1; shift; say "$*"; exit "$r"; }
need_arg() { [ $# -ge 2 ] || die 2 "option $1 needs a value (see --help)"; }
is_num() { case $1 in '' | *[!0-9]*) return 1 ;; esac; }

# ---------------------------------------------------------------- options
R_PROFILE=qemu-tcg R_CMD="" R_BOOTARGS="" R_ROM="" R_CASE_T="" R_BOOT_T=""
R_RUN_T=3600 R_RETRIES=2 R_ONKILL=case R_FAILON=unclean,corrupt,kill,hang
R_EXPECTED="" R_TAP="" R_JUNIT="" R_RESULTS="" R_CHECK=0 R_QUIET=0 R_PSET=0 R_SHARD=""
R_HTML="" R_GRACE="" R_DTB_BASE="" R_ONHANG=case R_HALT_LINE="" R_WIRE=compact
while [ $# -gt 0 ]; do
	case $1 in
	--*=*) o=${1%%=*} v=${1#*=}; shift; set -- "$o" "$v" "$@"; continue ;;
	esac
	case $1 in
	--profile) need_arg "$@"; R_PROFILE=$2 R_PSET=1; shift ;;
	--cmd) need_arg "$@"; R_CMD=$2; shift ;;
	--bootargs) need_arg "$@"; R_BOOTARGS=$2; shift ;;
	--wire) need_arg "$@"; R_WIRE=$2; shift ;;
	--rom) need_arg "$@"; R_ROM=$2; shift ;;
	--case-timeout) need_arg "$@"; R_CASE_T=$2; shift ;;
	--boot-timeout) need_arg "$@"; R_BOOT_T=$2; shift ;;
	--timeout) need_arg "$@"; R_RUN_T=$2; shift ;;
	--boot-retries) need_arg "$@"; R_RETRIES=$2; shift ;;
	--exit-grace) need_arg "$@"; R_GRACE=$2; shift ;;
	--halt-line) need_arg "$@"; R_HALT_LINE=$2; shift ;;
	--dtb-base) need_arg "$@"; R_DTB_BASE=$2; shift ;;
	--on-kill) need_arg "$@"; R_ONKILL=$2; shift ;;
	--on-hang) need_arg "$@"; R_ONHANG=$2; shift ;;
	--fail-on) need_arg "$@"; R_FAILON=$2; shift ;;
	--expected) need_arg "$@"; R_EXPECTED=$2; shift ;;
	--tap) need_arg "$@"; R_TAP=$2; shift ;;
	--junit) need_arg "$@"; R_JUNIT=$2; shift ;;
	--html) need_arg "$@"; R_HTML=$2; shift ;;
	--results) need_arg "$@"; R_RESULTS=$2; shift ;;
	--shard) need_arg "$@"; R_SHARD=$2; shift ;;
	--popt)
		need_arg "$@"
		k=${2%%=*}
		case $2 in *=*) ;; *) die 2 "--popt needs KEY=VALUE, got '$2'" ;; esac
		case $k in '' | *[!A-Za-z0-9_]*) die 2 "--popt: bad key '$k'" ;; esac
		eval "ISV_POPT_$k=\${2#*=}"; export "ISV_POPT_$k"; shift ;;
	--check) R_CHECK=1 ;;
	--quiet) R_QUIET=1 ;;
	-h | --help) usage; exit 0 ;;
	*) die 2 "unknown option '$1' (see --help)" ;;
	esac
	shift
done
for v in "$R_RUN_T" "$R_RETRIES" ${R_CASE_T:+"$R_CASE_T"} ${R_BOOT_T:+"$R_BOOT_T"} ${R_GRACE:+"$R_GRACE"}; do
	is_num "$v" || die 2 "timeouts and counts are whole numbers, got '$v'"
done
[ -n "$R_DTB_BASE" ] && [ -z "$R_CMD" ] && die 2 "--dtb-base makes {dtb} for --cmd; profiles make their own"
case $R_ONKILL in case | group) ;; *) die 2 "--on-kill: case or group, got '$R_ONKILL'" ;; esac
case $R_ONHANG in case | group) ;; *) die 2 "--on-hang: case or group, got '$R_ONHANG'" ;; esac
case $R_WIRE in compact) R_WIREARG=wire=compact ;; readable) R_WIREARG=wire=frame ;;
*) die 2 "--wire: compact or readable, got '$R_WIRE'" ;; esac
# shellcheck source=tools/shard/shard.sh
[ -n "$R_SHARD" ] && { . "$ISV_TOP/tools/shard/shard.sh"; shard_parse "$R_SHARD"; }
for o in $(echo "$R_FAILON" | tr ',' ' '); do
	case $o in abort | unclean | corrupt | kill | hang) ;; *) die 2 "--fail-on: unknown outcome '$o'" ;; esac
done
# --expected: found and well formed before any boot (a mistyped name is exit 2)
R_EXPFILE=""
if [ -n "$R_EXPECTED" ]; then
	R_EXPFILE=$R_EXPECTED
	[ -f "$R_EXPFILE" ] || R_EXPFILE=$ISV_TOP/expected/$R_EXPECTED
	[ -f "$R_EXPFILE" ] || die 2 "--expected: no file '$R_EXPECTED' and no expected/$R_EXPECTED (have: $(cd "$ISV_TOP/expected" && ls | tr '\n' ' ' | sed 's/ $//'))"
	awk -f "$R_LIB/expected.awk" "$R_EXPFILE" /dev/null > /dev/null || die 2 "--expected: bad expected profile $R_EXPFILE"
fi

# ---------------------------------------------------------------- profile
ISV_BUILD=${ISV_BUILD:-$ISV_TOP/build}; export ISV_BUILD
ISV_ASSETS=$ISV_BUILD/assets; export ISV_ASSETS
ISV_ROM=$(cd "$(dirname "${R_ROM:-$ISV_BUILD/isvsuite.bin}")" 2>/dev/null && pwd)/$(basename "${R_ROM:-$ISV_BUILD/isvsuite.bin}")
ISV_ELF=${ISV_ROM%.bin}.elf
export ISV_ROM ISV_ELF

profile_filter() { tr -d '\r'; }
profile_check() { :; }
profile_prepare() { :; }
PROFILE_BOOT_TIMEOUT=60 PROFILE_CASE_TIMEOUT=5 PROFILE_EXIT_GRACE=3
if [ -n "$R_CMD" ]; then
	[ "$R_PSET" = 1 ] || R_PROFILE=cmd
	# shellcheck source=tools/runner/cmd.sh
	. "$R_LIB/cmd.sh"
else
	case $R_PROFILE in '' | *[!A-Za-z0-9_.-]*) die 2 "bad profile name '$R_PROFILE'" ;; esac
	[ -f "$ISV_TOP/profiles/$R_PROFILE.sh" ] || die 2 "unknown profile '$R_PROFILE' (have: $(cd "$ISV_TOP/profiles" && ls -- *.sh 2>/dev/null | sed 's/\.sh$//' | tr '\n' ' ' | sed 's/ $//'))"
	# shellcheck source=/dev/null
	. "$ISV_TOP/profiles/$R_PROFILE.sh"
fi
why=$(profile_check 2>&1 >/dev/null) || die 3 "profile $R_PROFILE unavailable: $(echo "$why" | tr '\n' ' ' | sed 's/ *$//')"
[ "$R_CHECK" = 1 ] && exit 0
[ -f "$ISV_ROM" ] || die 2 "ROM not found: $ISV_ROM (run make, or pass --rom)"
# The host end of the console wire (ISVWIRE: another build of it, or a test
# fixture's stand-in for its fake ROM)
R_ISVWIRE=${ISVWIRE:-$ISV_BUILD/host/isvwire}
[ -x "$R_ISVWIRE" ] || die 2 "host tool not found: $R_ISVWIRE (run make)"
profile_prepare || die 3 "profile $R_PROFILE: profile_prepare failed"
R_CASE_T=${R_CASE_T:-$PROFILE_CASE_TIMEOUT} R_BOOT_T=${R_BOOT_T:-$PROFILE_BOOT_TIMEOUT}
PROFILE_EXIT_GRACE=${R_GRACE:-$PROFILE_EXIT_GRACE}
R_HALT_LINE=${R_HALT_LINE:-${PROFILE_HALT_LINE:-}}

# ---------------------------------------------------------------- state
R_RESULTS=${R_RESULTS:-$ISV_BUILD/results/$R_PROFILE}
mkdir -p "$R_RESULTS" || die 2 "cannot create $R_RESULTS"
R_RESULTS=$(cd "$R_RESULTS" && pwd); export ISV_RESULTS="$R_RESULTS"
S=$R_RESULTS/state
rm -rf "$S"; rm -f "$R_RESULTS"/boot-*.log "$R_RESULTS"/vmm-*.raw "$R_RESULTS"/vmm-*.err \
	"$R_RESULTS"/boot-*.dtb "$R_RESULTS"/summary "$R_RESULTS"/merged.tap
mkdir -p "$S/rec" || die 2 "cannot create $S"
: > "$S/decided"; : > "$S/tries"; : > "$S/ids"; : > "$S/damage"
# mawk reads a pipe in blocks unless told otherwise: the console must be read
# line by line as it arrives
R_AWKS="awk"; awk -W version 2>/dev/null | grep -q '^mawk' && R_AWKS="awk -W interactive"
if sleep 0.1 2>/dev/null; then R_POLL=0.1; else R_POLL=1; fi
R_TTY=0; [ -t 2 ] && [ "$R_QUIET" = 0 ] && R_TTY=1
R_T0=$(date +%s) R_BOOTS=0 R_INST=0 R_ALIVE=0 R_SESSION=0 R_FAILS=0
R_INCOMPLETE=""

# User bootargs: start=/count= become the range, list is refused, the rest
# is passed on verbatim (the ROM rejects what it does not know).
R_BASE="" R_UFIRST=1 R_UCOUNT=""
for w in $R_BOOTARGS; do
	case $w in
	start=*) R_UFIRST=${w#start=}; is_num "$R_UFIRST" && [ "$R_UFIRST" -ge 1 ] || die 2 "bad start= '$w'" ;;
	count=*) R_UCOUNT=${w#count=}; is_num "$R_UCOUNT" || die 2 "bad count= '$w'" ;;
	list) die 2 "bootarg 'list': the runner enumerates the cases on the host ($R_ISVWIRE ids); boot the ROM directly to list" ;;
	wire=*) die 2 "bootarg '$w': the runner chooses the wire (--wire compact|readable)" ;;
	*) R_BASE="$R_BASE${R_BASE:+ }$w" ;;
	esac
done

# ---------------------------------------------------------------- VM control
pad() { printf '%03d' "$1"; }
why_failed() { # one line: how the last boot ended, with the VMM's last stderr line
	err=$(tail -n 1 "$R_ERR" 2>/dev/null | tr -cd ' -~')
	printf '%s%s%s%s' "$G_END" "${G_STATUS:+ status $G_STATUS}" "${G_WHY:+: $G_WHY}" "${err:+; VMM: $err}"
}

kill_tree() { # PID: the process and all its descendants, TERM then KILL
	t=$(ps -e -o pid= -o ppid= | awk -v root="$1" '
		{ kids[$2] = kids[$2] " " $1 }
		END { q = root; out = root
			while (q != "") { n = split(q, a, " "); q = ""
				for (i = 1; i <= n; i++) if (a[i] in kids) { q = q kids[a[i]]; out = out kids[a[i]] } }
			print out }')
	# shellcheck disable=SC2086
	kill -TERM $t 2>/dev/null; sleep 0.3 2>/dev/null || sleep 1
	# shellcheck disable=SC2086
	kill -KILL $t 2>/dev/null
	wait "$1" 2>/dev/null
}

inst_start() { # BOOTARGS: a new VM through profile_boot. Its console goes
	# through tee (the raw log) and the wire decoder into stream.awk, which
	# reads every line once and keeps $S/status current.
	R_INST=$((R_INST + 1)) R_SESSION=0
	R_RAW=$R_RESULTS/vmm-$(pad $R_INST).raw
	R_ERR=$R_RESULTS/vmm-$(pad $R_INST).err
	rm -f "$S/inst.rc" "$S/vm.rc" "$S/console.in" "$S/status"
	# The files the poll loop reads exist before the child starts; no status
	# yet means "not started yet", and only inst.rc means "exited".
	: > "$R_RAW"; : > "$R_ERR"
	mkfifo "$S/console.in" || die 4 "mkfifo failed"
	exec 3<>"$S/console.in"
	# shellcheck disable=SC2086 # R_AWKS: awk and its options
	(
		{ profile_boot "$1" <"$S/console.in" 2>"$R_ERR"; echo $? > "$S/vm.rc"; } |
			tee "$R_RAW" | "$R_ISVWIRE" decode --noise |
			R_HALT_LINE=$R_HALT_LINE $R_AWKS -v dir="$S" -v results="$R_RESULTS" \
				-v host_m="$R_M" -v host_fp="$R_FP" -f "$R_LIB/stream.awk" > /dev/null
		# the whole console has been read when inst.rc appears
		mv "$S/vm.rc" "$S/inst.rc"
	) 3>&- &
	R_PID=$! R_ALIVE=1
}

inst_stop() { # kill the VM (if still there) and close its console input
	[ "$R_ALIVE" = 1 ] && kill_tree "$R_PID"
	R_ALIVE=0 R_SESSION=0
	exec 3>&-
}

inst_quit() { # end of run: ask a session to power off, then make sure
	if [ "$R_ALIVE" = 1 ] && [ "$R_SESSION" = 1 ]; then
		echo "@@isvsuite quit" >&3
		i=0
		while [ ! -e "$S/inst.rc" ] && [ $i -lt $((PROFILE_EXIT_GRACE * 10)) ]; do
			sleep "$R_POLL"; i=$((i + 1))
		done
	fi
	[ -e "$S/inst.rc" ] && R_ALIVE=0
	inst_stop
}
trap 'inst_stop; exit 130' INT TERM HUP


st_read() { # P_*: stream.awk's status of this guest run (kept when not readable yet)
	[ -f "$S/status" ] || return 0
	read -r b p np hi dn vx bl op pr ha fp ac dm ch dt pe end <<EOF || return 0
$(tail -n 1 "$S/status")
EOF
	[ "$end" = . ] && [ "$b" = "$R_BOOTS" ] || return 0
	P_PLAN=$p P_NP=$np P_HI=$hi P_DONE=$dn P_VMX=$vx P_BAIL=$bl P_OPEN=$op P_PROBE=$pr
	P_HALT=$ha P_FP=$fp P_ACC=$ac P_DMG=$dm P_CHG=$ch P_DTAIL=$dt P_PEND=$pe
}

# run_guest BOOTARGS LO HI: one guest run (a new VM, or a session boot)
# expected to report cases LO..HI, watched until done / VM exit / vm-exit /
# hang / whole-run timeout. Sets G_END (done exit vmexit hang timeout fp),
# G_STATUS, G_WHY, R_LOG and the P_* status.
run_guest() {
	R_BOOTS=$((R_BOOTS + 1))
	R_LOG=$R_RESULTS/boot-$(pad $R_BOOTS).log
	# stream.awk reads which cases this run is for before its first line
	echo "$R_BOOTS $2 $3" > "$S/expect.tmp" && mv "$S/expect.tmp" "$S/expect"
	P_PLAN=- P_NP=0 P_HI=$(($2 - 1)) P_DONE=0 P_VMX=- P_BAIL=0 P_OPEN=0 P_PROBE=0
	P_HALT=0 P_FP=0 P_ACC=0 P_DMG=0 P_CHG=0 P_DTAIL=0 P_PEND=0
	ndec=$(grep -c . "$S/decided")
	if [ "$R_ALIVE" = 1 ] && [ "$R_SESSION" = 1 ]; then
		printf '@@isvsuite boot %s\n' "$1" >&3
	else
		inst_stop 2>/dev/null
		inst_start "$1"
	fi
	G_END="" G_STATUS="" G_WHY="" tp=$(date +%s) lastp=0
	while :; do
		sleep "$R_POLL"
		t=$(date +%s) exited=0
		[ -e "$S/inst.rc" ] && exited=1   # then the status is final
		st_read
		[ "$P_NP" != "$lastp" ] && lastp=$P_NP tp=$t
		if [ "$P_FP" != 0 ]; then G_END=fp; break; fi
		if [ "$P_DONE" = 1 ]; then G_END="done"; break; fi
		if [ "$P_VMX" != - ]; then G_END=vmexit G_STATUS=$P_VMX R_SESSION=1; break; fi
		if [ "$P_HALT" = 1 ]; then
			G_END=hang G_WHY="the hypervisor halted: $(head -n 1 "$S/halt.$R_BOOTS" | cut -c 1-100)"; break
		fi
		if [ $exited = 1 ]; then G_END=exit G_STATUS=$(cat "$S/inst.rc"); R_ALIVE=0; break; fi
		if [ $R_TTY = 1 ]; then # progress: accepted results / total, the family running
			fam=$(sed -n "$((P_HI + 1))p" "$S/ids" 2>/dev/null | cut -d/ -f2)
			printf '\r\033[K[boot %d] case %s/%s %s' "$R_BOOTS" "$((ndec + P_ACC))" "$R_LAST" "$fam" >&2
		fi
		if [ "$P_PLAN" = - ]; then
			# Before the plan: no new ROM line for the boot timeout; inside a
			# probe step, the case timeout.
			[ $((t - tp)) -gt "$R_BOOT_T" ] && { G_END=hang G_WHY="no plan line and no ROM output for ${R_BOOT_T}s"; break; }
			[ $((t - tp)) -gt "$R_CASE_T" ] && [ "$P_PROBE" = 1 ] &&
				{ G_END=hang G_WHY="no ROM output for ${R_CASE_T}s in a probe step"; break; }
		elif [ $((t - tp)) -gt "$R_CASE_T" ]; then # whole seconds: fires after T..T+1 s
			G_END=hang G_WHY="no ROM output for ${R_CASE_T}s"; break
		fi
		[ $((t - R_T0)) -ge "$R_RUN_T" ] && { G_END=timeout; break; }
	done
	[ $R_TTY = 1 ] && printf '\r\033[K' >&2
	case $G_END in
	hang | timeout | fp) G_STATUS=killed-by-runner; inst_stop
		# the last complete block waited for the next frame, which will not come
		[ "$G_END" != fp ] && [ "$P_PEND" != 0 ] && [ -s "$S/rec/$P_PEND" ] &&
			sed -n '1s/^\(not \)\{0,1\}ok \([0-9]*\) - \([a-z]*\) \([^ ]*\).*/\2 \3 \4/p' "$S/rec/$P_PEND" >> "$S/decided" ;;
	done) # the VM should go away (or report vm-exit as a session) by itself
		i=0
		while [ $i -lt $((PROFILE_EXIT_GRACE * 10)) ]; do
			[ -e "$S/inst.rc" ] && { R_ALIVE=0; G_STATUS=$(cat "$S/inst.rc"); break; }
			st_read
			[ "$P_VMX" != - ] && { R_SESSION=1; G_STATUS=$P_VMX; break; }
			sleep "$R_POLL"; i=$((i + 1))
		done
		[ -z "$G_STATUS" ] && { G_STATUS=killed-after-done; inst_stop
			[ "$PROFILE_EXIT_GRACE" != 0 ] && say "boot $R_BOOTS: the VMM did not exit ${PROFILE_EXIT_GRACE}s after the ROM's done line (no PSCI SYSTEM_OFF?): later boots end at that line"
			PROFILE_EXIT_GRACE=0; } ;;
	esac
	[ -n "$G_STATUS" ] && [ "$G_STATUS" != 0 ] && [ "$G_STATUS" != killed-after-done ] && [ "$G_END" = "done" ] &&
		say "boot $R_BOOTS: ROM finished but the VMM exited with status $G_STATUS"
	rom_tail > "$S/tail"
}

# rom_tail: the last console lines of this run (ROM and VMM), for a YAML
# literal block
rom_tail() {
	awk '{ if (!sub(/^@@wire noise /, "") && /^@@/) next; gsub(/[^ -~]/, ""); sub(/^[ \t]+/, "")
		if ($0 != "") { t[n % 8] = $0; n++ } }
		END { for (i = (n > 8 ? n - 8 : 0); i < n; i++) print "    " substr(t[i % 8], 1, 100) }' "$R_LOG" 2>/dev/null
}
# rom_header: the ROM's comment lines before its plan (for the merged TAP)
rom_header() { awk '/^1\.\.[0-9]/ { exit } /^# / { print }' "$R_LOG"; }

# shellcheck source=tools/runner/diagnose.sh
. "$R_LIB/diagnose.sh"
# shellcheck source=tools/runner/probe.sh
. "$R_LIB/probe.sh"
# shellcheck source=tools/runner/report.sh
. "$R_LIB/report.sh"
probe_init
say_diagnosis() { # the likely cause and the console's last lines, on stderr
	boot_diagnosis "$R_LOG" > "$S/diag"
	say "  likely cause: $(head -n 1 "$S/diag")"
	sed 1d "$S/diag" | sed 's/^/runner:   /' >&2
}

# ---------------------------------------------------------------- the cases
# The host enumerates them (isvwire ids: the ROM's own sources); no list
# boot. Every guest run's "# cases M fingerprint HEX targets LIST" line is
# compared with it (stream.awk).
host_ids() { # BOOTARGS: $S/ids, R_M R_FP R_TGTS; bootargs the ROM would refuse: exit 2
	# shellcheck disable=SC2086 # words
	if ! "$R_ISVWIRE" ids $1 > "$S/ids.new" 2> "$S/ids.err"; then
		report_bailout "Bail out! $(head -n 1 "$S/ids.err" | sed 's/^isvwire ids: //')"; exit 2
	fi
	read -r h1 h2 R_M h4 R_FP h6 R_TGTS < "$S/ids.new"
	[ "$h1 $h2 $h4 $h6" = "# cases fingerprint targets" ] && is_num "$R_M" ||
		die 2 "$R_ISVWIRE ids: unexpected first line '$h1 $h2 $R_M $h4 $R_FP $h6 $R_TGTS'"
	sed 1d "$S/ids.new" > "$S/ids"
	R_FIRST=$R_UFIRST R_LAST=$R_M
	[ -n "$R_UCOUNT" ] && [ $((R_FIRST + R_UCOUNT - 1)) -lt "$R_LAST" ] && R_LAST=$((R_FIRST + R_UCOUNT - 1))
	:
}

# fp_mismatch: a guest run's enumeration is not the host's. When only the
# target list differs (the user chose none: the ROM set up fewer), the host
# enumerates again once; otherwise exit 2.
fp_mismatch() {
	rl=$(head -n 1 "$S/fp.$R_BOOTS" 2>/dev/null | tr -cd ' -~')
	[ "$P_FP" = 2 ] && { report_bailout "Bail out! runner: the ROM printed no '# cases M fingerprint' line before its plan ('$rl'): a ROM built before the console wire? (make)"; exit 2; }
	rt=""
	case $rl in "# cases "*) rt=$(echo "$rl" | cut -d' ' -f7) ;; esac
	case " $R_BASE " in *" targets="*) rt="" ;; esac
	if [ -n "$rt" ] && [ "$rt" != "$R_TGTS" ] && [ "$R_FPRETRY" = 0 ]; then
		R_FPRETRY=1
		host_ids "$R_BASE targets=$rt"
		if [ "# cases $R_M fingerprint $R_FP targets $R_TGTS" = "$rl" ]; then
			say "boot $R_BOOTS: the ROM set up targets $rt; cases enumerated again for them"
			return 0
		fi
	fi
	report_bailout "Bail out! runner: the ROM's cases ('$rl') are not the host's ('# cases $R_M fingerprint $R_FP targets $R_TGTS' from $R_ISVWIRE): ROM and host tool built from different sources? (make; or --rom)"
	exit 2
}

R_LAST="?" R_FPRETRY=0
host_ids "$R_BASE"
[ -n "$R_SHARD" ] && shard_select

next_range() { # first undecided case X and the end Y of its undecided run
	awk -v a="$R_FIRST" -v b="$R_LAST" '{ d[$1] = 1 }
		END { for (x = a; x <= b && (x in d); x++); if (x > b) exit
			for (y = x; y < b && !((y + 1) in d); y++); print x, y }' "$S/decided"
}
R_FAILS=0
while [ -z "$R_INCOMPLETE" ]; do
	# shellcheck disable=SC2046 # two numbers
	set -- $(next_range)
	[ $# = 2 ] || break
	X=$1 Y=$2 args="$R_BASE${R_BASE:+ }$R_WIREARG start=$1"
	[ "$Y" -lt "$R_M" ] && args="$args count=$((Y - X + 1))"
	run_guest "$args" "$X" "$Y"
	[ "$G_END" = fp ] && { fp_mismatch; continue; }
	hi=$P_HI planned=$P_PLAN
	[ "$planned" = - ] && planned=0
	[ -s "$S/romheader" ] || [ "$planned" = 0 ] || rom_header > "$S/romheader"
	# Bail out! before the plan: the ROM refused the configuration (exit 2);
	# after it: the ROM crashed in the running case (contracts item 5).
	[ "$P_BAIL" = 1 ] && [ "$planned" = 0 ] && { report_bailout "$(cat "$S/bail.$R_BOOTS")"; exit 2; }
	[ "$P_BAIL" = 1 ] && G_END=bail G_WHY="the ROM crashed: $(head -n 1 "$S/bail.$R_BOOTS" | cut -c 1-160)"
	[ "$G_END" = timeout ] && { R_INCOMPLETE="whole-run timeout (${R_RUN_T}s)"; break; }
	if [ "$planned" = 0 ]; then
		probe_death && continue
		R_FAILS=$((R_FAILS + 1))
		say "boot $R_BOOTS failed before the plan line ($(why_failed))"; say_diagnosis
		[ $R_FAILS -ge "$R_RETRIES" ] && R_INCOMPLETE="$R_FAILS boots in a row failed before the plan line"
		continue
	fi
	R_FAILS=0
	[ "$planned" != "$R_M" ] && say "boot $R_BOOTS: plan 1..$planned, but the ROM's header said $R_M cases"
	[ "$P_DMG" != 0 ] && say "boot $R_BOOTS: $P_DMG console problem(s) (damaged or conflicting lines; $(basename "$R_LOG"))"
	# The case to blame: one whose block the console cut, else the one after
	# the last the ROM reached; nobody when the console was damaged after the
	# last result (the ROM may have got further: those cases run again)
	blame=""
	if [ "$G_END" != "done" ] && [ "$P_DTAIL" = 1 ] && [ "$G_END" != bail ]; then
		say "boot $R_BOOTS: the VM stopped ($G_END) after console damage: no case blamed, the rest runs again"
	elif [ "$G_END" != "done" ]; then
		if [ "$P_OPEN" != 0 ]; then blame=$P_OPEN; elif [ "$hi" -lt "$Y" ]; then blame=$((hi + 1)); fi
	fi
	[ "$G_END" = bail ] && [ -z "$blame" ] && say "boot $R_BOOTS: $G_WHY (after the last case of the run: no case to blame)"
	[ -n "$blame" ] && record_blame "$blame"
	record_tries "$X" "${blame:-$((Y + 1))}" "$P_CHG"
done
inst_quit
probe_rewrite
[ -n "$R_SHARD" ] && shard_finish
# report_final exits; --html renders its merged TAP afterwards.
[ -z "$R_HTML" ] && report_final
(report_final) && rc=0 || rc=$?
sh "$ISV_TOP/tools/report/isvreport.sh" -o "$R_HTML" "$R_PROFILE=$R_RESULTS/merged.tap" ||
	die 4 "--html: could not write $R_HTML"
exit "$rc"
