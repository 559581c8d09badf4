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
