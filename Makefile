# isvsuite - guest-side compliance suite for ISV=0 MMIO emulation on arm64.
#
#   make                 build build/isvsuite.bin (arm64 Image) and .elf
#   make run             build, run every profile this host supports, summary
#   make test            the project's own tests (what CI runs)
#
#   CROSS_COMPILE=aarch64-linux-gnu-   cross toolchain prefix (newlib family libc)
#   O=build                            output directory
#   V=1                                show commands
#   DTB=vm.dtb | DTS=vm.dts            append the VM's description to the Image
#                                      (used when x0 holds no DTB: Bao, Jailhouse)
#   EARLY_CONSOLE=pl011@0x9000000      last-resort console when no DTB at all
#
# Subsystems add their own rules in mk/*.mk (tests, nested assets, refhyp).

CROSS_COMPILE ?= aarch64-linux-gnu-
O ?= build
V ?= 0

ifeq ($(V),1)
Q :=
else
Q := @
endif

TOP := $(abspath .)
OBJ := $(O)/obj
CC := $(CROSS_COMPILE)gcc
OBJCOPY := $(CROSS_COMPILE)objcopy
OBJDUMP := $(CROSS_COMPILE)objdump
HOSTCC ?= cc

# libc: picolibc (Debian picolibc-aarch64-linux-gnu). Another newlib-family
# toolchain can set LIBC_SPECS= (e.g. --specs=nosys.specs) and LIBC_PKGS=.
LIBC_SPECS ?= --specs=picolibc.specs
# Debian packages the build needs, as PKG:COMMAND or PKG (dpkg checked).
BUILD_PKGS ?= gcc-aarch64-linux-gnu:$(CROSS_COMPILE)gcc picolibc-aarch64-linux-gnu \
	binutils-aarch64-linux-gnu:$(CROSS_COMPILE)objdump device-tree-compiler:dtc

# libfdt: Debian's arm64 static library. Used in place when libfdt-dev:arm64
# is installed; otherwise fetched with apt-get download into $(O)/assets.
ASSETS := $(O)/assets
LIBFDT_SYS := /usr/lib/aarch64-linux-gnu/libfdt.a
ifneq ($(wildcard $(LIBFDT_SYS)),)
LIBFDT_A := $(LIBFDT_SYS)
LIBFDT_INC := /usr/include
else
LIBFDT_A := $(ASSETS)/libfdt/usr/lib/aarch64-linux-gnu/libfdt.a
LIBFDT_INC := $(ASSETS)/libfdt/usr/include
endif
LIBFDT_DIR_INC := $(O)/include-fdt
# Build-time platform settings (tools/romcfg.sh): rewritten when they change.
ROMCFG_DIR := $(O)/include-cfg
ROMCFG_H := $(ROMCFG_DIR)/romcfg.h
ROM_DT := $(or $(DTS),$(DTB))

ROM_CFLAGS := -std=c11 -Wall -Wextra -Werror -O2 -g -ffreestanding -fno-builtin \
	-fPIE -mgeneral-regs-only -mstrict-align -fno-stack-protector \
	-ffunction-sections -fdata-sections -Ilib -Icases -I$(LIBFDT_DIR_INC) -I$(ROMCFG_DIR) \
	$(LIBC_SPECS)
ROM_ASFLAGS := -Ilib -D__ASSEMBLY__
ROM_LDFLAGS := -nostartfiles -static -Wl,-pie -Wl,--no-dynamic-linker \
	-Wl,-z,norelro -Wl,--gc-sections -Wl,--no-warn-rwx-segments -T startup/isvsuite.ld

ROM_SRCS_S := $(wildcard startup/*.S)
ROM_SRCS_C := $(wildcard lib/*.c) $(wildcard cases/*.c)
ROM_OBJS := $(patsubst %,$(OBJ)/rom/%.o,$(ROM_SRCS_S) $(ROM_SRCS_C))

ROM_ELF := $(O)/isvsuite.elf
ROM_BIN := $(O)/isvsuite.bin

TEST_TARGETS :=
RUN_PROFILES := qemu-tcg xen xen-4.20 kvm kvm-6.12

.PHONY: all rom deps test run clean
all: rom
rom: $(ROM_BIN)

# Host packages: checked once per build dir, installed if missing.
DEPS_STAMP := $(O)/.deps-build
$(DEPS_STAMP):
	$(Q)mkdir -p $(O)
	$(Q)tools/deps.sh $(BUILD_PKGS)
	$(Q)touch $@
deps: $(DEPS_STAMP)

$(ASSETS)/libfdt/usr/lib/aarch64-linux-gnu/libfdt.a: | $(DEPS_STAMP)
	$(Q)tools/debs.sh $(ASSETS)/debs-state fetch libfdt-dev
	$(Q)tools/debs.sh $(ASSETS)/debs-state unpack $(ASSETS)/libfdt libfdt-dev
	$(Q)touch $@

# Only libfdt's own headers go on the include path (not the host's /usr/include).
$(LIBFDT_DIR_INC)/.stamp: $(LIBFDT_A)
	$(Q)mkdir -p $(LIBFDT_DIR_INC)
	$(Q)cp $(LIBFDT_INC)/libfdt.h $(LIBFDT_INC)/libfdt_env.h $(LIBFDT_INC)/fdt.h $(LIBFDT_DIR_INC)/
	$(Q)touch $@

$(OBJ)/rom/%.S.o: %.S $(DEPS_STAMP)
	@mkdir -p $(dir $@)
	$(if $(Q),@echo "  AS      $<")
	$(Q)$(CC) $(ROM_CFLAGS) $(ROM_ASFLAGS) -MMD -c $< -o $@

$(ROMCFG_H): FORCE
	$(Q)tools/romcfg.sh $@ '$(EARLY_CONSOLE)'
.PHONY: FORCE
FORCE:

$(OBJ)/rom/%.c.o: %.c $(DEPS_STAMP) $(LIBFDT_DIR_INC)/.stamp | $(ROMCFG_H)
	@mkdir -p $(dir $@)
	$(if $(Q),@echo "  CC      $<")
	$(Q)$(CC) $(ROM_CFLAGS) -MMD -c $< -o $@

$(ROM_ELF): $(ROM_OBJS) startup/isvsuite.ld $(LIBFDT_A)
	$(if $(Q),@echo "  LD      $@")
	$(Q)$(CC) $(ROM_CFLAGS) $(ROM_LDFLAGS) -o $@ $(ROM_OBJS) $(LIBFDT_A) -lc -lgcc
	$(Q)tools/check-elf.sh $(CROSS_COMPILE) $@

# The Image, padded to _file_end; DTB=/DTS= appended (tools/rom-image.sh).
ROM_DT_STAMP := $(O)/.rom-dt
$(ROM_DT_STAMP): FORCE
	@mkdir -p $(O); echo '$(abspath $(ROM_DT))' > $@.tmp; cmp -s $@.tmp $@ && rm -f $@.tmp || mv $@.tmp $@
$(ROM_BIN): $(ROM_ELF) $(ROM_DT) $(ROM_DT_STAMP)
	$(if $(Q),@echo "  IMAGE   $@$(if $(ROM_DT), + $(ROM_DT))")
	$(Q)tools/rom-image.sh $(CROSS_COMPILE) $< $@ $(ROM_DT)

-include $(ROM_OBJS:.o=.d)
-include $(sort $(wildcard mk/*.mk))

# The project's own tests; subsystems append to TEST_TARGETS in mk/*.mk.
test: $(TEST_TARGETS)
	@echo "make test: all test groups passed ($(words $(TEST_TARGETS)) groups: $(TEST_TARGETS))"

clean:
	rm -rf $(O)/obj $(O)/isvsuite.* $(O)/host $(O)/results $(O)/include-fdt
