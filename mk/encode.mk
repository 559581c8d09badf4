# Encoder host test (issue 4): the cases' encodings against the cross
# objdump, and case id uniqueness. Host cc builds cases/ + lib/matrix.c +
# lib/encode.c as they are compiled into the ROM.
ENCODE_TEST_DIR := $(O)/tests/encode
ENCODE_DUMP := $(ENCODE_TEST_DIR)/dump
ENCODE_SRCS := tests/host/encode/dump.c lib/matrix.c lib/encode.c $(wildcard cases/*.c)

$(ENCODE_DUMP): $(ENCODE_SRCS) $(wildcard cases/*.h lib/matrix.h lib/encode.h)
	@mkdir -p $(dir $@)
	$(Q)$(HOSTCC) -std=c11 -Wall -Wextra -Werror -O1 -Ilib -Icases -o $@ $(ENCODE_SRCS)

.PHONY: test-encode
test-encode: $(ENCODE_DUMP) $(DEPS_STAMP)
	$(Q)tools/deps.sh binutils-aarch64-linux-gnu:$(CROSS_COMPILE)objdump
	$(Q)tests/host/encode/check.sh $(ENCODE_DUMP) $(CROSS_COMPILE) $(ENCODE_TEST_DIR) all
	$(Q)tests/host/encode/check.sh $(ENCODE_DUMP) $(CROSS_COMPILE) $(ENCODE_TEST_DIR) quick
TEST_TARGETS += test-encode
