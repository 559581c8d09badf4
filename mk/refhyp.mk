# refhyp: the reference EL2 hypervisor (refhyp/) and its decoder/emulator
# library isvdec (refhyp/isvdec/). Built like the ROM (cross gcc, picolibc,
# libfdt, position independent), plus: a host build of isvdec for its unit
# test, the refhyp runner profile, and the refhyp tests in `make test`.
REFHYP_ELF := $(O)/refhyp.elf
REFHYP_BIN := $(O)/refhyp.bin
REFHYP_SRCS_S := refhyp/head.S
REFHYP_SRCS_C := $(wildcard refhyp/*.c) refhyp/isvdec/isvdec.c refhyp/isvdec/isvdec_emul.c \
	lib/platform.c lib/console.c lib/virtio_console.c lib/stdio_glue.c
REFHYP_OBJS := $(patsubst %,$(OBJ)/refhyp/%.o,$(REFHYP_SRCS_S) $(REFHYP_SRCS_C))
REFHYP_CFLAGS := $(ROM_CFLAGS) -Irefhyp -Irefhyp/isvdec
REFHYP_LDFLAGS := $(subst startup/isvsuite.ld,refhyp/refhyp.ld,$(ROM_LDFLAGS))

.PHONY: refhyp
refhyp: $(REFHYP_BIN)
all: $(REFHYP_BIN)
run: $(REFHYP_BIN)
RUN_PROFILES += refhyp

$(OBJ)/refhyp/%.S.o: %.S $(DEPS_STAMP)
	@mkdir -p $(dir $@)
	$(if $(Q),@echo "  AS      $<")
	$(Q)$(CC) $(REFHYP_CFLAGS) $(ROM_ASFLAGS) -MMD -c $< -o $@

$(OBJ)/refhyp/%.c.o: %.c $(DEPS_STAMP) $(LIBFDT_DIR_INC)/.stamp
	@mkdir -p $(dir $@)
	$(if $(Q),@echo "  CC      $<")
	$(Q)$(CC) $(REFHYP_CFLAGS) -MMD -c $< -o $@

$(REFHYP_ELF): $(REFHYP_OBJS) refhyp/refhyp.ld $(LIBFDT_A)
	$(if $(Q),@echo "  LD      $@")
	$(Q)$(CC) $(REFHYP_CFLAGS) $(REFHYP_LDFLAGS) -o $@ $(REFHYP_OBJS) $(LIBFDT_A) -lc -lgcc
	$(Q)tools/check-elf.sh $(CROSS_COMPILE) $@

$(REFHYP_BIN): $(REFHYP_ELF)
	$(if $(Q),@echo "  OBJCOPY $@")
	$(Q)$(OBJCOPY) -O binary $< $@

-include $(REFHYP_OBJS:.o=.d)

.PHONY: clean-refhyp
clean: clean-refhyp
clean-refhyp:
	rm -rf $(REFHYP_ELF) $(REFHYP_BIN) $(OBJ)/refhyp $(REFHYP_TEST_DIR)

# Tests. test-isvdec: host unit test of the decoder over the whole matrix.
# test-refhyp: the suite under refhyp - full matrix without a mutant, then
# every mutant against tests/refhyp/predict.c's expectations.
REFHYP_TEST_DIR := $(O)/tests/refhyp
ISVDEC_HOST_SRCS := refhyp/isvdec/isvdec.c refhyp/isvdec/isvdec_emul.c lib/matrix.c lib/encode.c $(wildcard cases/*.c)
ISVDEC_HOST_DEPS := $(ISVDEC_HOST_SRCS) refhyp/isvdec/isvdec.h $(wildcard cases/*.h lib/matrix.h lib/encode.h)
ISVDEC_HOST_CFLAGS := -std=c11 -Wall -Wextra -Werror -O1 -Ilib -Icases -Irefhyp/isvdec
ISVDEC_TEST := $(REFHYP_TEST_DIR)/isvdec-test
REFHYP_PREDICT := $(REFHYP_TEST_DIR)/predict

$(ISVDEC_TEST): tests/host/isvdec/test.c $(ISVDEC_HOST_DEPS)
	@mkdir -p $(dir $@)
	$(Q)$(HOSTCC) $(ISVDEC_HOST_CFLAGS) -o $@ tests/host/isvdec/test.c $(ISVDEC_HOST_SRCS)

$(REFHYP_PREDICT): tests/refhyp/predict.c $(ISVDEC_HOST_DEPS)
	@mkdir -p $(dir $@)
	$(Q)$(HOSTCC) $(ISVDEC_HOST_CFLAGS) -o $@ tests/refhyp/predict.c $(ISVDEC_HOST_SRCS)

.PHONY: test-isvdec test-refhyp
test-isvdec: $(ISVDEC_TEST)
	$(Q)$(ISVDEC_TEST)

# (tap-parser for the TAP checks: installed by mk/runner.mk's rule)
REFHYP_TAPPARSER := $(O)/tests/runner/node/node_modules/tap-parser/package.json
test-refhyp: $(ROM_BIN) $(REFHYP_BIN) $(REFHYP_PREDICT) $(REFHYP_TAPPARSER)
	$(Q)tools/deps.sh qemu-system-arm:qemu-system-aarch64 perl:prove nodejs:node
	$(Q)ISV_NODE_PATH=$(abspath $(O))/tests/runner/node/node_modules ISV_TOP=$(TOP) ISV_BUILD=$(abspath $(O)) ISV_ROM=$(abspath $(ROM_BIN)) \
		REFHYP_PREDICT=$(abspath $(REFHYP_PREDICT)) REFHYP_TEST_DIR=$(abspath $(REFHYP_TEST_DIR))/work \
		prove -v tests/refhyp/full.t tests/refhyp/mutants.t tests/refhyp/halt.t
TEST_TARGETS += test-isvdec test-refhyp
