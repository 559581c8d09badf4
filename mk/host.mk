# Host tools (build/host/): isvwire, the host end of the console wire. Built
# by plain `make` from the same lib/ and cases/ sources as the ROM.
HOST_DIR := $(O)/host
HOST_CFLAGS := -std=c11 -D_DEFAULT_SOURCE -Wall -Wextra -Werror -O2 -Ilib -Icases -Itools/host
ISVWIRE := $(HOST_DIR)/isvwire
ISVWIRE_SRCS := $(wildcard tools/host/*.c) lib/wire.c lib/matrix.c lib/encode.c lib/bootargs.c $(wildcard cases/*.c)
ISVWIRE_HDRS := $(wildcard tools/host/*.h lib/*.h cases/*.h)

all: $(ISVWIRE)
$(ISVWIRE): $(ISVWIRE_SRCS) $(ISVWIRE_HDRS)
	@mkdir -p $(dir $@)
	$(if $(Q),@echo "  HOSTCC  $@")
	$(Q)$(HOSTCC) $(HOST_CFLAGS) -o $@ $(ISVWIRE_SRCS)

# Wire tests: the framing/decoder unit test (seeded hostile consoles) and,
# under QEMU, compact == readable for the quick and full matrix (qemu-tcg, refhyp).
WIRE_TEST := $(O)/tests/wire/wire_test
WIRE_TEST_SRCS := tests/host/wire/wire_test.c tools/host/decode.c tools/host/select.c lib/wire.c lib/matrix.c \
	lib/encode.c lib/bootargs.c $(wildcard cases/*.c)
$(WIRE_TEST): $(WIRE_TEST_SRCS) $(ISVWIRE_HDRS)
	@mkdir -p $(dir $@)
	$(Q)$(HOSTCC) $(HOST_CFLAGS) -o $@ $(WIRE_TEST_SRCS)

.PHONY: test-wire
test-wire: $(WIRE_TEST) $(ISVWIRE) $(ROM_BIN) refhyp
	$(Q)tools/deps.sh $(QEMU_PKGS) $(TEST_PKGS)
	$(Q)ISV_WIRE_TEST=$(abspath $(WIRE_TEST)) ISVWIRE=$(abspath $(ISVWIRE)) ISV_ROM=$(abspath $(ROM_BIN)) \
		ISV_REFHYP=$(abspath $(O)/refhyp.bin) ISV_TEST_DIR=$(abspath $(O)/tests/wire) prove -v tests/host/wire/*.t
TEST_TARGETS += test-wire
