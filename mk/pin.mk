# Pinned reference outcomes (expected/pinned/*): every case's outcome under
# the deterministic reference profiles, compared exactly by the tests
# (tests/runner/tcg.t: qemu-tcg matrix=all; tests/refhyp/full.t: refhyp
# matrix=full) and the fake VMM fixtures (expected/pinned/fakevmm-NAME,
# tests/runner/fixtures.t). `make pin` regenerates them after an intended
# change.
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
	$(Q)for f in good crash hang garbage group session bail unclean corrupt; do \
		ISVWIRE=$(CURDIR)/tests/fixtures/fakevmm/isvwire.sh ISV_BUILD=$(abspath $(O)) ./runner.sh --quiet \
			--cmd "sh tests/fixtures/fakevmm/$$f.sh {bootargs}" --case-timeout 2 --boot-timeout 5 \
			--results $(PIN_DIR)/fakevmm-$$f --tap $(PIN_DIR)/fakevmm-$$f.tap; \
		tools/pin/outcomes.sh $(PIN_DIR)/fakevmm-$$f.tap > expected/pinned/fakevmm-$$f || exit 1; done
	$(Q)ISVWIRE=$(CURDIR)/tests/fixtures/fakevmm/isvwire.sh ISV_BUILD=$(abspath $(O)) ./runner.sh --quiet --on-kill=group \
		--cmd "sh tests/fixtures/fakevmm/group.sh {bootargs}" --results $(PIN_DIR)/fakevmm-group.g --tap $(PIN_DIR)/fakevmm-group.g.tap; \
		tools/pin/outcomes.sh $(PIN_DIR)/fakevmm-group.g.tap > expected/pinned/fakevmm-group.g
	@wc -l expected/pinned/*

# The minimal-VMM fixture's pins (expected/pinned/minivmm-*) come from real
# KVM, nested (tests/nested/kvm-minivmm.t, about 3 minutes): the test
# rewrites them when ISV_PIN_UPDATE is set.
.PHONY: pin-kvm
pin-kvm:
	$(Q)ISV_PIN_UPDATE=1 $(MAKE) test-kvm
	@wc -l expected/pinned/minivmm-*
