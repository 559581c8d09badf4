# CI at scale (issue 11): runner.sh --shard K/N (tools/shard/shard.sh) and
# tools/shard/merge.sh. `make test-shard`: the split/merge round trip for
# N = 1..8 on qemu-tcg and refhyp (tests/shard/roundtrip.t).
SHARD_TEST_DIR := $(O)/tests/shard
.PHONY: test-shard
test-shard: $(ROM_BIN) $(REFHYP_BIN)
	$(Q)tools/deps.sh perl:prove libxml2-utils:xmllint dash:dash qemu-system-arm:qemu-system-aarch64
	$(Q)rm -rf $(SHARD_TEST_DIR)
	$(Q)ISV_ROM=$(abspath $(ROM_BIN)) ISV_BUILD=$(abspath $(O)) \
		ISV_TEST_DIR=$(abspath $(SHARD_TEST_DIR)) prove tests/shard/roundtrip.t
TEST_TARGETS += test-shard
