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

QEMU_PKGS := qemu-system-arm:qemu-system-aarch64
TEST_PKGS := perl:prove

.PHONY: test-rom
test-rom: $(ROM_BIN) $(SHIMS)
	$(Q)tools/deps.sh $(QEMU_PKGS) $(TEST_PKGS)
	$(Q)ISV_ROM=$(abspath $(ROM_BIN)) ISV_TEST_DIR=$(abspath $(ROM_TEST_DIR)) \
		ISV_SHIM_ADDR=$(SHIM_ADDR) prove -v tests/rom/*.t
TEST_TARGETS += test-rom
