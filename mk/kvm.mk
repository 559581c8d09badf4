# Nested KVM (docs/kvm.md): profiles/kvm.sh boots Debian's arm64 kernel
# (KVM built in) under QEMU TCG with virtualization=on, and inside it
# Debian's own arm64 qemu-system-aarch64 with -accel kvm runs the ROM;
# profiles/minivmm.sh runs tests/fixtures/minivmm there instead.
#
# Assets, fetched once with tools/debs.sh (private apt state, cached .debs)
# and kept in $(ASSETS)/kvm; a second build downloads nothing:
#   vmlinuz         the kernel linux-image-arm64 depends on
#   base.cpio.gz    /init (profiles/kvm/agent.sh) + busybox-static
#   qemu.cpio.gz    qemu-system-aarch64 + the shared libraries its ELF
#                   DT_NEEDED entries name, from qemu-system-arm's closure
# `make kvm-assets` / `make minivmm-assets` build them (profile_prepare
# calls these); `make test-kvm` runs tests/nested/kvm*.t.
KVM_DIR := $(ASSETS)/kvm
KVM_DEBS := $(ASSETS)/debs-state
KVM_READELF := $(CROSS_COMPILE)readelf
KVM_HOST_PKGS := cpio:cpio binutils-aarch64-linux-gnu:$(KVM_READELF) dpkg:dpkg-deb \
	qemu-system-arm:qemu-system-aarch64
KVM_KERNEL := $(KVM_DIR)/vmlinuz
KVM_BASE := $(KVM_DIR)/base.cpio.gz
KVM_QEMU := $(KVM_DIR)/qemu.cpio.gz
KVM_LAYER := READELF=$(KVM_READELF) sh profiles/kvm/initramfs.sh
KVM_HOST_STAMP := $(KVM_DIR)/.host-pkgs
# Versions: each asset directory $(ASSETS)/NAME is built by the same pattern
# rules from its own private apt state (KVM_DEBS_NAME) and Debian suite
# (KVM_SUITE_NAME, empty = the host's own sources). kvm: bookworm's 6.1 +
# QEMU 7.2; kvm-6.12: trixie's 6.12 + QEMU 10 (profiles/kvm-6.12.sh).
KVM612_DIR := $(ASSETS)/kvm-6.12
KVM_DEBS_kvm := $(KVM_DEBS)
KVM_SUITE_kvm :=
KVM_DEBS_kvm-6.12 := $(ASSETS)/debs-trixie
KVM_SUITE_kvm-6.12 := trixie

$(KVM_HOST_STAMP):
	$(Q)tools/deps.sh $(KVM_HOST_PKGS)
	$(Q)mkdir -p $(KVM_DIR) && touch $@

# The kernel: the image package behind linux-image-arm64; KVM must be built in
# (the initramfs carries no modules).
$(ASSETS)/%/vmlinuz: | $(KVM_HOST_STAMP)
	$(Q)mkdir -p $(@D) && export DEBS_SUITE=$(KVM_SUITE_$*); \
	pkg=$$(tools/debs.sh $(KVM_DEBS_$*) closure linux-image-arm64 | grep -x 'linux-image-[0-9].*-arm64' | tail -n 1); \
	[ -n "$$pkg" ] || { echo "kvm: no linux-image-*-arm64 behind linux-image-arm64" >&2; exit 1; }; \
	tools/debs.sh $(KVM_DEBS_$*) fetch $$pkg || exit 1; \
	deb=$$(ls $(KVM_DEBS_$*)/debs/$${pkg}_*_arm64.deb | tail -n 1); \
	rm -rf $(@D)/boot; \
	dpkg-deb --fsys-tarfile $$deb | tar -x -C $(@D) --wildcards './boot/vmlinuz-*' './boot/config-*' || exit 1; \
	grep -qx 'CONFIG_KVM=y' $(@D)/boot/config-* || { echo "kvm: $$pkg: KVM is not built in" >&2; exit 1; }; \
	cp $(@D)/boot/vmlinuz-* $@.tmp && mv $@.tmp $@ && echo "kvm: kernel from $$pkg" >&2

$(KVM_BASE): profiles/kvm/agent.sh profiles/kvm/initramfs.sh | $(KVM_HOST_STAMP)
	$(Q)tools/debs.sh $(KVM_DEBS) fetch busybox-static
	$(Q)rm -rf $(KVM_DIR)/busybox && tools/debs.sh $(KVM_DEBS) unpack $(KVM_DIR)/busybox busybox-static
	$(Q)$(KVM_LAYER) base $@ $(KVM_DIR)/busybox/bin/busybox profiles/kvm/agent.sh

# QEMU: qemu-system-arm and its Depends closure are
# unpacked into a scratch root; only what DT_NEEDED reaches goes in.
$(ASSETS)/%/qemu.cpio.gz: profiles/kvm/initramfs.sh | $(KVM_HOST_STAMP)
	$(Q)mkdir -p $(@D) && export DEBS_SUITE=$(KVM_SUITE_$*); \
	pkgs=$$(tools/debs.sh $(KVM_DEBS_$*) closure qemu-system-arm); \
	[ -n "$$pkgs" ] || { echo "kvm: no qemu-system-arm:arm64 closure" >&2; exit 1; }; \
	tools/debs.sh $(KVM_DEBS_$*) fetch $$pkgs && rm -rf $(@D)/qemu-root && \
	tools/debs.sh $(KVM_DEBS_$*) unpack $(@D)/qemu-root $$pkgs && \
	$(KVM_LAYER) qemu $@ $(@D)/qemu-root && rm -rf $(@D)/qemu-root

# The minimal KVM VMM fixture: a static arm64 binary (glibc, libfdt) and its DTB.
MINIVMM_DIR := $(O)/tests/minivmm
MINIVMM := $(MINIVMM_DIR)/minivmm
MINIVMM_DTB := $(MINIVMM_DIR)/minivmm.dtb
MINIVMM_CC := aarch64-linux-gnu-gcc
MINIVMM_PKGS := gcc-aarch64-linux-gnu:$(MINIVMM_CC) libc6-dev-arm64-cross device-tree-compiler:dtc

$(MINIVMM): tests/fixtures/minivmm/minivmm.c $(LIBFDT_DIR_INC)/.stamp $(LIBFDT_A)
	$(Q)tools/deps.sh $(MINIVMM_PKGS)
	@mkdir -p $(dir $@)
	$(if $(Q),@echo "  CC      $@")
	$(Q)$(MINIVMM_CC) -std=c11 -Wall -Wextra -Werror -O2 -static -I$(LIBFDT_DIR_INC) -o $@ $< $(LIBFDT_A)

$(MINIVMM_DTB): tests/fixtures/minivmm/minivmm.dts
	$(Q)tools/deps.sh $(MINIVMM_PKGS)
	@mkdir -p $(dir $@)
	$(Q)dtc -q -I dts -O dtb -o $@ $<

# The base layer (agent + busybox) is the same for every version.
$(KVM612_DIR)/base.cpio.gz: $(KVM_BASE)
	$(Q)mkdir -p $(@D) && cp $< $@.tmp && mv $@.tmp $@

.PHONY: kvm-assets kvm-6.12-assets minivmm-assets test-kvm
kvm-assets: $(KVM_KERNEL) $(KVM_BASE) $(KVM_QEMU)
kvm-6.12-assets: $(KVM612_DIR)/vmlinuz $(KVM612_DIR)/base.cpio.gz $(KVM612_DIR)/qemu.cpio.gz
minivmm-assets: $(KVM_KERNEL) $(KVM_BASE) $(MINIVMM) $(MINIVMM_DTB)

# Tests: the kvm profile's quick matrix and the minivmm modes, graded against
# expected/kvm-6.1-qemu-7.2 and expected/minivmm-*. (runner.mk's node rule
# is named by its path: that file is read after this one.)
KVM_TEST_NODE := $(O)/tests/runner/node/node_modules
test-kvm: $(ROM_BIN) kvm-assets minivmm-assets $(KVM_TEST_NODE)/tap-parser/package.json
	$(Q)tools/deps.sh perl:prove libxml2-utils:xmllint nodejs:node shellcheck:shellcheck dash:dash
	$(Q)ISV_ROM=$(abspath $(ROM_BIN)) ISV_BUILD=$(abspath $(O)) \
		ISV_TEST_DIR=$(abspath $(O))/tests/nested/kvm ISV_NODE_PATH=$(abspath $(KVM_TEST_NODE)) \
		prove -v tests/nested/kvm*.t
TEST_TARGETS += test-kvm
