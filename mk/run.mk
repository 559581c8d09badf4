# make run: build the ROM, run every profile in RUN_PROFILES this host
# supports (others are listed as unavailable), print one summary table
# (also in $(O)/results/run-summary.txt). RUNNER_OPTS= passes runner options.
# The host tools every built-in profile needs are installed first; each
# profile's own assets (Xen, the arm64 kernel and QEMU for kvm, refhyp) are
# fetched or built by its profile_prepare.
RUN_PKGS := qemu-system-arm:qemu-system-aarch64 device-tree-compiler:dtc cpio:cpio \
	dash:dash
.PHONY: run
run: $(ROM_BIN)
	$(Q)tools/deps.sh $(RUN_PKGS)
	$(Q)ISV_BUILD=$(abspath $(O)) tools/run-profiles.sh $(RUN_PROFILES)
