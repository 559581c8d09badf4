# ROM boot tests under QEMU TCG (issue: boot path, console, bad input,
# determinism). Output is TAP, run through prove.
ROM_TEST_DIR := $(O)/tests/rom
SHIM_ADDR := 0x50000000
SHIMS := $(ROM_TEST_DIR)/shim-dtb.bin $(ROM_TEST_DIR)/shim-nodtb.bin $(ROM_TEST_DIR)/shim-baddtb.bin

$(ROM_TEST_DIR)/shim-%.o: tests/rom/shim.S $(DEPS_STAMP)
	@mkdir -p $(dir $@)
	$(Q)$(CC) -c -DROM_ADDR=$(SHIM_ADDR) \
		-DSHIM_X0=$(if $(filter dtb,$*),0,$(if $(filter nodtb,$*),1,2)) $< -o $@
$(ROM_TEST_DIR)/shim-%.bin: $(ROM_TEST_DIR)/shim-%.o
	$(Q)$(OBJCOPY) -O binary $< $@

# Guests without a DTB in x0 (tests/rom/nodtb.t): the QEMU virt description
# with fixed bootargs, the ROM built with it appended (make DTB=) and a ROM
# built with only a last-resort console (make EARLY_CONSOLE=).
NODTB_ARGS := matrix=quick only=gicd/ldst-imm/ldr-w-post/*
$(ROM_TEST_DIR)/virt.dtb: $(ROM_BIN)
	@mkdir -p $(dir $@)
	$(Q)qemu-system-aarch64 -M virt,gic-version=3,dumpdtb=$@.raw -cpu max -m 512 -display none -nic none -kernel $< \
		-append '$(NODTB_ARGS)' >/dev/null
	$(Q)dtc -q -I dtb -O dtb -o $@ $@.raw && rm -f $@.raw
$(ROM_TEST_DIR)/embed/isvsuite.bin: $(ROM_TEST_DIR)/virt.dtb $(ROM_ELF)
	$(Q)$(MAKE) -s O=$(ROM_TEST_DIR)/embed ASSETS=$(abspath $(ASSETS)) DTB=$(abspath $<) rom
$(ROM_TEST_DIR)/early/isvsuite.bin: $(ROM_ELF)
	$(Q)$(MAKE) -s O=$(ROM_TEST_DIR)/early ASSETS=$(abspath $(ASSETS)) EARLY_CONSOLE=pl011@0x9000000 rom
NODTB_ROMS := $(ROM_TEST_DIR)/embed/isvsuite.bin $(ROM_TEST_DIR)/early/isvsuite.bin

QEMU_PKGS := qemu-system-arm:qemu-system-aarch64
TEST_PKGS := perl:prove

.PHONY: test-rom
test-rom: $(ROM_BIN) $(SHIMS) $(NODTB_ROMS) $(ISVWIRE)
	$(Q)tools/deps.sh $(QEMU_PKGS) $(TEST_PKGS)
	$(Q)ISV_ROM=$(abspath $(ROM_BIN)) ISV_TEST_DIR=$(abspath $(ROM_TEST_DIR)) \
		ISV_SHIM_ADDR=$(SHIM_ADDR) prove -v tests/rom/*.t
TEST_TARGETS += test-rom
