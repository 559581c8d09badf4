#!/bin/sh
# tools/pin/outcomes.sh TAP - one "OUTCOME ID" line per case of a merged TAP
# stream, in test order: the form of expected/pinned/* (make pin).
grep -E '^(not )?ok [0-9]+ - ' "$1" | sed 's/^not //' | awk '{ print $4, $5 }'
