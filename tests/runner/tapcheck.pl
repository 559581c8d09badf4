#!/usr/bin/perl
# tests/runner/tapcheck.pl FILE COUNT - is FILE a well-formed TAP stream for
# Perl's TAP::Parser (what prove uses)? No parse errors, a good plan of COUNT,
# every YAML block readable, no bail out. Prints what is wrong; exit 1 if so.
use strict;
use warnings;
use TAP::Parser;
my ($file, $want) = @ARGV;
open(my $fh, "<", $file) or die "tapcheck.pl: $file: $!\n";
my $p = TAP::Parser->new({ tap => do { local $/; <$fh> } });
my @bad;
my $yaml = 0;
while (my $r = $p->next) {
    $yaml++ if $r->is_yaml;
    push @bad, "bail out: " . $r->explanation if $r->is_bailout;
    push @bad, "unknown line: " . $r->as_string if $r->is_unknown && $r->as_string =~ /\S/;
}
push @bad, "parse error: $_" for $p->parse_errors;
push @bad, "version " . $p->version . ", want 13" if $p->version != 13;
push @bad, "planned " . ($p->tests_planned // 'none') . ", want $want"
    if !defined $p->tests_planned || $p->tests_planned != $want;
push @bad, "ran " . $p->tests_run . ", want $want" if $p->tests_run != $want;
print "tapcheck.pl: $_\n" for @bad;
print "tapcheck.pl: ok, $want tests, $yaml YAML blocks\n" unless @bad;
exit(@bad ? 1 : 0);
