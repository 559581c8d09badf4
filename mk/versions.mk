# Newer hypervisor versions from Debian 13 (issue 11): profiles xen-4.20 and
# kvm-6.12 (assets: profiles/xen.sh, mk/kvm.mk kvm-6.12-assets, fetched with
# a private apt state naming trixie). `make test-versions`: their quick
# matrix against expected/xen-4.20 and expected/kvm-6.12-qemu-10, both Xen
# console forms, and the version diff tool (tests/nested/versions.t).
VERSIONS_TEST_DIR := $(O)/tests/nested/versions
.PHONY: test-versions
test-versions: $(ROM_BIN) kvm-6.12-assets
	$(Q)tools/deps.sh perl:prove dash:dash device-tree-compiler:dtc qemu-system-arm:qemu-system-aarch64
	$(Q)rm -rf $(VERSIONS_TEST_DIR)
	$(Q)ISV_ROM=$(abspath $(ROM_BIN)) ISV_BUILD=$(abspath $(O)) \
		ISV_TEST_DIR=$(abspath $(VERSIONS_TEST_DIR)) prove -v tests/nested/versions.t
TEST_TARGETS += test-versions
