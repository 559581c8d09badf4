#!/usr/bin/perl
# tests/report/report.t - the HTML report (tools/report) in a real headless
# browser: real qemu-tcg and refhyp runs (quick matrix), `runner.sh --html`
# and the side-by-side `isvreport.sh`, loaded in Debian's chromium; the DOM
# (dumped after the page's scripts ran) is checked case by case against the
# TAP by check-dom.pl, which must also fail on doctored inputs; a screenshot
# is taken (kept in ISV_TEST_DIR for a human look).
# Environment: ISV_BUILD (build dir with isvsuite.bin, refhyp.bin),
# ISV_TEST_DIR (scratch), CHROMIUM (default chromium).
use strict;
use warnings;
use Test::More;
use File::Path qw(make_path remove_tree);
use Cwd qw(abs_path);

my $top = abs_path(($0 =~ m{^(.*)/tests/report/}) ? $1 : '.');
my $dir = $ENV{ISV_TEST_DIR} // "$top/build/tests/report";
my $chromium = $ENV{CHROMIUM} // 'chromium';
remove_tree($dir); make_path($dir);
my $report = "$top/tools/report/isvreport.sh";
my $check = "$top/tests/report/check-dom.pl";

sub run { my $c = shift; my $out = `$c 2>&1`; return ($? >> 8, $out) }
sub slurp { my $f = shift; open(my $fh, '<', $f) or return ''; local $/; my $s = <$fh>; close $fh; $s }
sub spew { my ($f, $s) = @_; open(my $fh, '>', $f) or die "$f: $!"; print $fh $s; close $fh }
# chromium as root needs --no-sandbox; no network is needed or allowed for.
my $cr = "$chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --no-first-run"
	. " --disable-extensions --disable-background-networking --user-data-dir=$dir/chromium";
# The DOM after the page's script and tests/report/selftest.js (appended to
# a copy) ran: computed colours, hover, click and filters exercised.
my $selftest = slurp("$top/tests/report/selftest.js");
sub dump_dom {
	my ($html, $dom) = @_;
	(my $t = slurp($html)) =~ s{</body>}{<script>\n$selftest</script></body>} or return 0;
	spew("$html.test.html", $t);
	system("timeout 300 $cr --dump-dom 'file://$html.test.html' > '$dom' 2> '$dom.err'");
	return $? == 0 && -s $dom;
}
sub check_dom {
	my ($dom, @taps) = @_;
	return run("perl '$check' '$dom' " . join(' ', map { "'$_'" } @taps));
}

# ---- real runs: qemu-tcg with --html (the runner's hook), refhyp
my %tap;
for my $p (qw(qemu-tcg refhyp)) {
	$tap{$p} = "$dir/$p.tap";
	my $html = $p eq 'qemu-tcg' ? " --html '$dir/qemu-tcg.html'" : '';
	my ($rc, $out) = run("sh '$top/runner.sh' --profile $p --quiet --tap '$tap{$p}' --results '$dir/$p'$html");
	ok($rc == 0 && -s $tap{$p}, "runner $p (quick matrix) ran") or diag $out;
}
ok(-s "$dir/qemu-tcg.html", 'runner.sh --html wrote the report');
my ($rc, $out) = run("sh '$report' -o '$dir/side.html' -t 'qemu-tcg vs refhyp' 'qemu-tcg=$tap{'qemu-tcg'}' 'refhyp=$tap{refhyp}'");
ok($rc == 0 && -s "$dir/side.html", 'isvreport.sh side by side') or diag $out;
($rc, $out) = run("dash '$report' -o '$dir/side-dash.html' 'qemu-tcg=$tap{'qemu-tcg'}' 'refhyp=$tap{refhyp}'");
ok($rc == 0, 'isvreport.sh runs under dash') or diag $out;
($rc, $out) = run("sh '$report' -o '$dir/findings.html' '$top/tests/report/findings.tap'");
ok($rc == 0, 'report of the findings fixture') or diag $out;

# ---- self-contained: nothing fetched from anywhere
for my $f (qw(qemu-tcg.html side.html findings.html)) {
	my $h = slurp("$dir/$f");
	my @ext = $h =~ /((?:src|href)\s*=\s*["']?(?:https?:|\/\/|file:)[^"' >]*|<link\b[^>]*>|\@import|url\()/gi;
	ok(!@ext, "$f references nothing outside itself") or diag "@ext";
	ok($h !~ /<script\b[^>]*\bsrc=/i, "$f: no external script");
}

# ---- the browser: DOM checked against the TAP
ok(dump_dom("$dir/side.html", "$dir/side.dom"), 'chromium --dump-dom side.html');
($rc, $out) = check_dom("$dir/side.dom", $tap{'qemu-tcg'}, $tap{refhyp});
is($rc, 0, 'side by side: every case once per hypervisor, class and colour = TAP outcome, counts = summary, grade, diagnostics') or diag $out;
ok(dump_dom("$dir/qemu-tcg.html", "$dir/qemu-tcg.dom"), 'chromium --dump-dom qemu-tcg.html');
($rc, $out) = check_dom("$dir/qemu-tcg.dom", $tap{'qemu-tcg'});
is($rc, 0, 'runner --html report matches its TAP') or diag $out;
ok(dump_dom("$dir/findings.html", "$dir/findings.dom"), 'chromium --dump-dom findings.html');
($rc, $out) = check_dom("$dir/findings.dom", "$top/tests/report/findings.tap");
is($rc, 0, 'findings fixture (every outcome incl. unclean, kill, hang; misrouted; unchecked) matches its TAP') or diag $out;

my $side = slurp("$dir/side.dom");
for my $f (qw(side qemu-tcg findings)) {
	my $d = slurp("$dir/$f.dom");
	my ($fails) = $d =~ /data-st-fails="([^"]*)"/;
	is($fails, '', "$f: click pins the case, outcome and family filters work (selftest.js)");
	my ($id) = $d =~ /data-st-hover-id="([^"]*)"/;
	my ($hover) = $d =~ /data-st-hover="([^"]*)"/;
	ok(defined $id && defined $hover && index($hover, "$id\n") == 0 && $hover =~ /\n\S+: (abort|skip|corrupt|unclean|kill|hang)/,
		"$f: hover shows the case id and outcome") or diag $hover;
	my ($panel) = $d =~ /data-st-panel="([^"]*)"/;
	ok(defined $panel && index($panel, "$id\n") >= 0, "$f: the click panel names the case") or diag $panel;
}
# The findings fixture's first non-pass cell is the abort with its YAML.
like(slurp("$dir/findings.dom"), qr/data-st-hover="[^"]*insn: 0xb8404c22/, 'hover text carries the YAML diagnostic');
like(slurp("$dir/findings.dom"), qr/data-st-panel="[^"]*insn: 0xb8404c22/, 'the click panel shows the YAML diagnostic');
like($side, qr/data-ready-ms="\d+"/, 'the page script ran');
my ($ms) = $side =~ /data-ready-ms="(\d+)"/;
note("side.html (quick, 2 hypervisors): " . (-s "$dir/side.html") . " bytes, ready in " . ($ms // '?') . " ms");
# Side by side: a row that differs is marked for the "only differences" filter.
like($side, qr/<div class="r d" data-g="hole\/ldst-imm\/strb-w-post">/, 'a row where qemu-tcg aborts and refhyp passes is marked as differing');

# ---- findings: grouped by cause, counted
my $fx = slurp("$dir/findings.dom");
my @finding = $fx =~ /<li data-finding="">([^<]*)</g;
is(scalar @finding, 3, 'the three # finding: lines are listed');
my %cause;
while ($fx =~ /<tr data-o="(\w+)" data-n="(\d+)"><td><i class="\w"><\/i> \w+<\/td><td>([^<]*)<\/td>/g) { $cause{"$1: $3"} = $2 }
is_deeply(\%cause, {
	'corrupt: emulated with N wrong item(s) [wrong: xN]' => 2,
	'hang: no ROM output for N s' => 1,
	'kill: VMM exited during the case' => 1,
	'unclean: defects: elr, far' => 2,
	'unclean: defects: esr_upper' => 1,
	'abort: delivered through the wrong vector (vector 0x200, want 0x0)' => 2,
}, 'non-clean cases grouped by cause (reason:, defects: flow and block lists, diff items, vector:)') or diag explain \%cause;
unlike($fx, qr/<not>/, 'YAML text in the page never becomes markup');

# ---- the checker can fail
{
	my $t = slurp($tap{refhyp});
	(my $t2 = $t) =~ s/^ok (\d+) - pass (\S+)$/ok $1 - skip $2 # SKIP doctored/m;
	spew("$dir/doctored-outcome.tap", $t2);
	($rc, $out) = check_dom("$dir/side.dom", $tap{'qemu-tcg'}, "$dir/doctored-outcome.tap");
	ok($rc != 0 && $out =~ /is class 'p', TAP says skip/ && $out =~ /skip shown \d+, TAP lines/,
		'checker fails when a cell disagrees with the TAP') or diag $out;
	(my $d = $side) =~ s/<i class="p"[^>]*title="[^"]*"[^>]*><\/i>//;
	spew("$dir/doctored-missing.dom", $d);
	($rc, $out) = check_dom("$dir/doctored-missing.dom", $tap{'qemu-tcg'}, $tap{refhyp});
	ok($rc != 0 && $out =~ /in the matrix 0 times/, 'checker fails when a case is missing') or diag $out;
	($d = $side) =~ s/(<i class="a"[^>]*title="[^"]*"[^>]*><\/i>)/$1$1/;
	spew("$dir/doctored-twice.dom", $d);
	($rc, $out) = check_dom("$dir/doctored-twice.dom", $tap{'qemu-tcg'}, $tap{refhyp});
	ok($rc != 0 && $out =~ /in the matrix 2 times/, 'checker fails when a case is shown twice') or diag $out;
	($d = $side) =~ s/data-o="abort" data-n="(\d+)"/'data-o="abort" data-n="' . ($1 + 1) . '"'/e;
	spew("$dir/doctored-count.dom", $d);
	($rc, $out) = check_dom("$dir/doctored-count.dom", $tap{'qemu-tcg'}, $tap{refhyp});
	ok($rc != 0 && $out =~ /abort shown \d+, TAP summary/, 'checker fails when a count disagrees with the summary') or diag $out;
	($d = $side) =~ s/(<i class="a"[^>]*data-bg=")[^"]*/${1}rgb(0, 0, 0)/;
	spew("$dir/doctored-colour.dom", $d);
	($rc, $out) = check_dom("$dir/doctored-colour.dom", $tap{'qemu-tcg'}, $tap{refhyp});
	ok($rc != 0 && $out =~ /is drawn rgb\(0, 0, 0\)/, 'checker fails when a colour is wrong') or diag $out;
}

# ---- a TAP whose summary disagrees with its results is flagged in the page
{
	(my $t = slurp($tap{refhyp})) =~ s/^# summary pass=(\d+)/"# summary pass=" . ($1 + 1)/me;
	spew("$dir/bad-summary.tap", $t);
	($rc, $out) = run("sh '$report' -o '$dir/bad-summary.html' '$dir/bad-summary.tap'");
	like(slurp("$dir/bad-summary.html"), qr/class="chk bad">TAP summary DIFFERS/, 'a summary that disagrees with the results is flagged');
	unlike(slurp("$dir/side.html"), qr/TAP summary DIFFERS/, 'real runs: summaries agree');
}

# ---- screenshot
my $png = "$dir/side.png";
($rc, $out) = run("timeout 300 $cr --window-size=1400,1600 --screenshot='$png' 'file://$dir/side.html'");
my $head = substr(slurp($png), 0, 8);
ok($rc == 0 && $head eq "\x89PNG\r\n\x1a\n" && -s $png > 20000, "screenshot $png") or diag $out;

# ---- usage
($rc, $out) = run("sh '$report'");
is($rc, 2, 'isvreport.sh without inputs: usage, exit 2');
($rc, $out) = run("sh '$report' -o '$dir/x.html' '$dir/no-such.tap'");
ok($rc == 2 && $out =~ /cannot read/, 'isvreport.sh: unreadable input named, exit 2');
($rc, $out) = run("shellcheck -s sh -S warning -x '$report' '$top/tools/report/screenshot.sh' '$top/tools/run-profiles.sh'");
is($rc, 0, 'shellcheck isvreport.sh, screenshot.sh, run-profiles.sh') or diag $out;

done_testing();
