# tools/runner/diagnose.sh - why a boot gave no plan (sourced by runner.sh).
# A boot that prints nothing, or stops before the plan line, is reported with
# the VMM's last console lines and the likely cause. Reads the boot log of the
# current boot.

# boot_diagnosis CONSOLE: "cause" on the first line, then up to 4 of the last
# console lines (ROM's or VMM's), each indented, printable ASCII only. CONSOLE
# is a boot log: the ROM's lines, the VMM's as "@@wire noise TEXT".
boot_diagnosis() {
	awk '
	{ gsub(/[^ -~]/, "") }
	/^@@/ { if (!sub(/^@@wire noise /, "")) next
		if ($0 != "") { n++; last[n % 4] = $0; lastline = $0; rl = 0 }
		next }
	/^TAP version / { rom = 1 }
	rom && /^# isvsuite [0-9]/ { header = 1 }
	/^# probe [^ ]+ [^ ]+/ { probe = $3 " " $4 }
	/^1\.\.[0-9]+/ { plan = 1 }
	/^# target / { targets = 1 }
	/^Bail out!/ { bail = 1 }
	$0 != "" { n++; last[n % 4] = $0; lastline = $0
		rl = ($0 ~ /^(TAP version|#|ok |not ok |1\.\.|Bail out!|  )/) }
	END {
		if (n == 0)
			cause = "the console stayed empty: no DTB in x0? (a hypervisor that enters with x0 = 0 needs a ROM with its DTB appended, `make DTB=` or `cat isvsuite.bin vm.dtb`; EARLY_CONSOLE= names a console for the error) or the console is not the one the DTB names"
		else if (!rom)
			cause = "the VMM printed, the ROM did not: no DTB in x0 (make DTB=, README: static partitioning), or a console the ROM does not drive"
		else if (bail)
			cause = "the ROM bailed out"
		else if (plan)
			cause = "stopped after the plan"
		else if (probe != "")
			cause = "stopped while probing " probe " (# probe line last: that probe step hung or killed the VM)"
		else if (header && !targets)
			cause = "stopped before the targets were printed: probably while probing a target (this ROM does not name its probe steps)"
		else
			cause = "stopped before the plan line"
		if (rom && !rl && lastline != "") cause = cause "; the VMM said last: " substr(lastline, 1, 100)
		print cause
		for (i = n - 3; i <= n; i++) if (i >= 1) print "    " substr(last[i % 4], 1, 100)
	}' "$1"
}
