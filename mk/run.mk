# make run: build the ROM, run every profile in RUN_PROFILES this host
# supports (others are listed as unavailable), print one summary table
# (also in $(O)/results/run-summary.txt). RUNNER_OPTS= passes runner options.
.PHONY: run
run: $(ROM_BIN)
	$(Q)ISV_BUILD=$(abspath $(O)) tools/run-profiles.sh $(RUN_PROFILES)
