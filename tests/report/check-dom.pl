#!/usr/bin/perl
# tests/report/check-dom.pl DOM TAP... - check a report against the TAP
# streams it was made from, from the DOM chromium dumped after the page's
# scripts ran (tests/report/selftest.js appended: each cell carries its computed colour).
#
# For every TAP (hypervisor H, in order): every case is one cell of H,
# once, in the row of its TARGET/FAMILY/FORM; nothing else is in H's cells;
# the cell's class and computed background are those of the case's outcome
# (plus the misrouted/unchecked marks); the card's counts equal the TAP's
# `# summary` and the cells; the grade is the TAP's; every diagnostic in the
# TAP is in H's data block, unchanged. Prints one line per problem (at most
# 20 of a kind) and exits 1 if there is any.
use strict;
use warnings;

my %LETTER = (pass => 'p', skip => 's', abort => 'a', unclean => 'u',
	kill => 'k', hang => 'h', corrupt => 'c');
# The Okabe-Ito palette of report.css, as getComputedStyle reports it.
my %COLOUR = (p => 'rgb(0, 158, 115)', s => 'rgb(212, 212, 212)',
	a => 'rgb(86, 180, 233)', u => 'rgb(240, 228, 66)', k => 'rgb(230, 159, 0)',
	h => 'rgb(204, 121, 167)', c => 'rgb(213, 94, 0)');

my ($domf, @taps) = @ARGV;
die "usage: check-dom.pl DOM TAP...\n" unless $domf && @taps;
my (%bad, @problems);
sub problem {
	my ($kind, $msg) = @_;
	push @problems, "$kind: $msg" if ++$bad{$kind} <= 20;
}

sub slurp { my $f = shift; open(my $fh, '<', $f) or die "$f: $!\n"; local $/; my $s = <$fh>; close $fh; $s }
sub unhtml { my $s = shift; $s =~ s/&quot;/"/g; $s =~ s/&lt;/</g; $s =~ s/&gt;/>/g; $s =~ s/&amp;/&/g; $s }

# ---- TAP
sub read_tap {
	my $f = shift;
	my (%out, %dir, %yaml, @order, %sum, $grade, $last, $iny);
	for (split /\n/, slurp($f)) {
		if ($iny) {
			if (/^  \.\.\.\s*$/) { $iny = 0; next }
			if (/^  (.*)$/) { $yaml{$last} .= (defined $yaml{$last} ? "\n" : '') . $1; next }
			$iny = 0;
		}
		if (defined $last && /^  ---\s*$/) { $iny = 1; next }
		if (/^(?:not )?ok \d+ - (\S+) (\S+)(?: # (.*))?$/) {
			$out{$2} = $1; $dir{$2} = $3 // ''; push @order, $2; $last = $2; next;
		}
		undef $last;
		if (/^# summary (.*)$/) { %sum = map { split /=/, $_, 2 } split ' ', $1 }
		$grade = $1 if /^# grade: (\S+)/;
	}
	return { out => \%out, dir => \%dir, yaml => \%yaml, order => \@order, sum => \%sum, grade => $grade };
}

# ---- DOM
my $dom = slurp($domf);
problem('script', 'the page script did not run (no data-ready-ms)') unless $dom =~ /data-ready-ms="\d+"/;
problem('script', 'tests/report/selftest.js did not run') unless $dom =~ /data-selftest="done"/;

my %cells; # "h\tid" -> [class, bg]
my %count; # "h\tid" -> times seen
my %ncls;  # "h\tletter" -> cells
while ($dom =~ /<div class="r(?: d)?" data-g="([^"]*)">(.*?)<\/div>/sg) {
	my ($g, $row) = (unhtml($1), $2);
	while ($row =~ /<span class="h" data-h="(\d+)">(.*?)<\/span>/sg) {
		my ($h, $blk) = ($1, $2);
		while ($blk =~ /<i ((?:[^>"]|"[^"]*")*)><\/i>/g) {
			my $a = $1;
			my ($cls) = $a =~ /class="([^"]*)"/;
			# After a hover the title is the full tooltip and data-v the variant.
			my ($v) = $a =~ /data-v="([^"]*)"/;
			($v) = $a =~ /title="([^"]*)"/ unless defined $v;
			my ($bg) = $a =~ /data-bg="([^"]*)"/;
			$cls =~ s/\s*\bsel\b// if defined $cls; # the clicked case
			unless (defined $cls && defined $v) { problem('cell', "cell without class/title in $g (H$h)"); next }
			my $id = "$g/" . unhtml($v);
			$count{"$h\t$id"}++;
			$cells{"$h\t$id"} = [$cls, $bg // ''];
			$ncls{"$h\t" . (split ' ', $cls)[0]}++;
		}
	}
}

my @cards;
while ($dom =~ /<div class="card" data-h="(\d+)" data-name="([^"]*)" data-cases="(\d+)">(.*?)<\/table>/sg) {
	my ($h, $name, $n, $body) = ($1, $2, $3, $4);
	my %c;
	$c{$1} = $2 while $body =~ /data-o="(\w+)" data-n="(\d+)"/g;
	my ($grade) = $body =~ /data-grade="([^"]*)"/;
	$cards[$h] = { name => $name, cases => $n, counts => \%c, grade => $grade };
}

my @data;
while ($dom =~ /<script type="text\/plain" id="y(\d+)"[^>]*>(.*?)<\/script>/sg) {
	my ($h, $txt) = ($1, $2);
	for my $l (split /\n/, $txt) {
		next unless length $l;
		my ($id, $d, $y) = split /\t/, $l, 3;
		for ($d, $y) {
			$_ //= '';
			s/\\(n|x3c|\\)/$1 eq 'n' ? "\n" : $1 eq 'x3c' ? '<' : '\\'/ge;
		}
		# dump-dom serialises a script's text as it is (no entities).
		$data[$h]{$id} = [$d, $y];
	}
}

# ---- compare
for my $h (0 .. $#taps) {
	my $t = read_tap($taps[$h]);
	my $name = $cards[$h] ? $cards[$h]{name} : "H$h";
	problem('card', "no card for hypervisor $h") unless $cards[$h];
	my %dcount;
	for my $id (@{$t->{order}}) {
		my $o = $t->{out}{$id};
		my $k = "$h\t$id";
		my $n = $count{$k} // 0;
		if ($n != 1) { problem('presence', "$name: $id is in the matrix $n times (want 1)"); next }
		my ($cls, $bg) = @{$cells{$k}};
		my $want = $LETTER{$o} // 'x';
		$want .= ' m' if $o eq 'abort' && $t->{dir}{$id} =~ /misrouted/;
		$want .= ' q' if $o eq 'pass' && $t->{dir}{$id} =~ /unchecked/;
		problem('class', "$name: $id is class '$cls', TAP says $o (want '$want')") if $cls ne $want;
		my $wbg = $COLOUR{$LETTER{$o} // ''} // '';
		problem('colour', "$name: $id is drawn $bg, $o is $wbg") if $bg ne $wbg;
		$dcount{$o}++;
		my $y = $t->{yaml}{$id};
		if (defined $y) {
			my $got = $data[$h]{$id};
			problem('yaml', "$name: $id: diagnostic missing or changed in the report")
				unless $got && $got->[1] eq $y;
		}
		if ($t->{dir}{$id} ne '') {
			my $got = $data[$h]{$id};
			problem('yaml', "$name: $id: directive '$t->{dir}{$id}' missing or changed")
				unless $got && $got->[0] eq $t->{dir}{$id};
		}
	}
	my %intap = map { $_ => 1 } @{$t->{order}};
	for my $k (sort keys %count) {
		my ($hh, $id) = split /\t/, $k, 2;
		next unless $hh == $h;
		problem('presence', "$name: $id is in the matrix but not in the TAP") unless $intap{$id};
	}
	next unless $cards[$h];
	my $c = $cards[$h];
	problem('count', "$name: card says $c->{cases} cases, TAP has " . scalar(@{$t->{order}}))
		if $c->{cases} != @{$t->{order}};
	problem('summary', "$name: the TAP has no # summary line") unless %{$t->{sum}};
	for my $o (sort keys %LETTER) {
		my $shown = $c->{counts}{$o};
		my $cells = $ncls{"$h\t$LETTER{$o}"} // 0;
		problem('count', "$name: no count shown for $o") unless defined $shown;
		next unless defined $shown;
		problem('count', "$name: $o shown $shown, TAP summary $t->{sum}{$o}")
			if defined $t->{sum}{$o} && $shown != $t->{sum}{$o};
		problem('count', "$name: $o shown $shown, $cells cells") if $shown != $cells;
		problem('count', "$name: $o shown $shown, TAP lines " . ($dcount{$o} // 0)) if $shown != ($dcount{$o} // 0);
	}
	problem('grade', "$name: grade shown '" . ($c->{grade} // '') . "', TAP says '" . ($t->{grade} // '') . "'")
		if defined $t->{grade} && ($c->{grade} // '') ne $t->{grade};
}

for (sort keys %bad) { push @problems, "$_: " . ($bad{$_} - 20) . " more" if $bad{$_} > 20 }
print "$_\n" for @problems;
exit(@problems ? 1 : 0);
