# Nested Xen (profiles/xen.sh): Debian's Xen 4.17 under QEMU TCG, the ROM as
# a dom0less domU. `make test-xen` runs the full matrix there and grades it
# against Xen's source (tests/nested/xen.t) and expected/xen-4.17.
XEN_TEST_DIR := $(O)/tests/nested
.PHONY: test-xen
test-xen: $(ROM_BIN) $(RUNNER_NODE)/node_modules/tap-parser/package.json
	$(Q)tools/deps.sh $(RUNNER_PKGS) device-tree-compiler:dtc
	$(Q)ISV_BUILD=$(abspath $(O)) ISV_TEST_DIR=$(abspath $(XEN_TEST_DIR))/xen \
		ISV_NODE_PATH=$(abspath $(RUNNER_NODE))/node_modules prove tests/nested/xen.t
TEST_TARGETS += test-xen
