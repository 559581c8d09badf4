# Pinned reference outcomes (expected/pinned/*): every case's outcome under
# the deterministic reference profiles, compared exactly by the tests
# (tests/runner/tcg.t: qemu-tcg matrix=all; tests/refhyp/full.t: refhyp
# matrix=full). `make pin` regenerates them after an intended change.
PIN_DIR := $(O)/pin
.PHONY: pin
pin: $(ROM_BIN) $(REFHYP_BIN)
	$(Q)mkdir -p $(PIN_DIR)
	$(Q)./runner.sh --profile qemu-tcg --bootargs 'matrix=all' --quiet --results $(PIN_DIR)/qemu-tcg \
		--tap $(PIN_DIR)/qemu-tcg-all.tap; test $$? -le 1
	$(Q)tools/pin/outcomes.sh $(PIN_DIR)/qemu-tcg-all.tap > expected/pinned/qemu-tcg-all
	$(Q)./runner.sh --profile refhyp --bootargs 'matrix=full' --quiet --results $(PIN_DIR)/refhyp \
		--tap $(PIN_DIR)/refhyp-full.tap; test $$? -le 1
	$(Q)tools/pin/outcomes.sh $(PIN_DIR)/refhyp-full.tap > expected/pinned/refhyp-full
	@wc -l expected/pinned/*
