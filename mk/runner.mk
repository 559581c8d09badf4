# Runner tests (issue: runner.sh): fake VMM fixtures, TAP checked by Perl's
# TAP::Parser and node-tap's tap-parser (pinned in tests/runner/package*.json,
# installed under $(O)), JUnit by xmllint, shellcheck, dash, real qemu-tcg
# boots of the ROM, the hostile console over 32 seeds (hostile.t) and the
# two console wires compared (wire.t: qemu-tcg, refhyp, xen when it runs here).
RUNNER_TEST_DIR := $(O)/tests/runner
RUNNER_NODE := $(RUNNER_TEST_DIR)/node
RUNNER_PKGS := perl:prove shellcheck:shellcheck dash:dash libxml2-utils:xmllint \
	nodejs:node npm:npm qemu-system-arm:qemu-system-aarch64

$(RUNNER_NODE)/node_modules/tap-parser/package.json: tests/runner/package.json tests/runner/package-lock.json
	$(Q)tools/deps.sh $(RUNNER_PKGS)
	$(Q)mkdir -p $(RUNNER_NODE)
	$(Q)cp tests/runner/package.json tests/runner/package-lock.json $(RUNNER_NODE)/
	$(Q)cd $(RUNNER_NODE) && npm ci --no-audit --no-fund --loglevel=error >&2
	$(Q)touch $@

.PHONY: test-runner
test-runner: $(ROM_BIN) $(ISVWIRE) $(REFHYP_BIN) $(RUNNER_NODE)/node_modules/tap-parser/package.json
	$(Q)tools/deps.sh $(RUNNER_PKGS)
	$(Q)ISV_ROM=$(abspath $(ROM_BIN)) ISV_BUILD=$(abspath $(O)) \
		ISV_TEST_DIR=$(abspath $(RUNNER_TEST_DIR))/work \
		ISV_NODE_PATH=$(abspath $(RUNNER_NODE))/node_modules \
		prove tests/runner/checks.t tests/runner/fixtures.t tests/runner/report.t tests/runner/tcg.t \
		tests/runner/probe.t tests/runner/hostile.t tests/runner/wire.t
TEST_TARGETS += test-runner
