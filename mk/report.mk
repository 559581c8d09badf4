# HTML report (tools/report, issue 12). `make test-report` checks it in a real
# headless browser (Debian's chromium, installed like every other
# dependency); `make report-screenshot` regenerates the README's picture of a
# side-by-side report (Xen 4.17 vs refhyp, full matrix) into docs/.
REPORT_PKGS := chromium:chromium perl:prove dash:dash shellcheck:shellcheck \
	qemu-system-arm:qemu-system-aarch64 fonts-dejavu-core
REPORT_TEST_DIR := $(O)/tests/report

.PHONY: test-report report-screenshot
test-report: $(ROM_BIN) $(REFHYP_BIN)
	$(Q)tools/deps.sh $(REPORT_PKGS)
	$(Q)ISV_BUILD=$(abspath $(O)) ISV_TEST_DIR=$(abspath $(REPORT_TEST_DIR)) \
		prove tests/report/report.t
TEST_TARGETS += test-report

# Full matrix under nested Xen (~70 s) and refhyp (~6 s); the PNG is kept
# small (one window of the page, 256 colours when pngquant is there).
REPORT_SHOT := docs/report-xen-refhyp.png
report-screenshot: $(ROM_BIN) $(REFHYP_BIN)
	$(Q)tools/deps.sh $(REPORT_PKGS)
	$(Q)ISV_BUILD=$(abspath $(O)) tools/report/screenshot.sh $(REPORT_SHOT)
