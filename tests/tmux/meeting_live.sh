#!/bin/sh
# Meeting mode in two processes on one database (the fixture's meeting of 2026-11-16).
# The chair (A) starts the meeting and its first item; the minute-taker (B, in meeting
# mode too) records a decision by keyboard: A shows it within 2 seconds (A polls
# data_version on its input timeout). A's item screen names only the family under
# discussion: no other family's name, no BSN, no address.
. "$(dirname "$0")/lib.sh"
fixture
# The fixture is made on 2026-11-23; meeting mode runs on the meeting's day.
CASUS_NOW=2026-11-16T13:00:00Z
export CASUS_NOW
tmux_start a 100 30
tmux_start b 100 30
run_casus a --as coach1 --lang en meeting
check "A opens the agenda" wait_for a 'Meeting 2026-11-16 - planned'
keys a S
check "A starts the meeting" wait_for a 'Meeting 2026-11-16 - running'
keys a Enter
check "A shows the current item" wait_for a 'Casusinbreng  2026-0001  Jansen'
run_casus b --as coach2 --lang en meeting
check "B opens on the running item" wait_for b 'Casusinbreng  2026-0001  Jansen'

keys b d
type_text b "Mentor belt de ouders deze week"
start=$(now_ms)
keys b Enter
check "B records the decision" wait_for b 'Decision recorded'
wait_for a 'Mentor belt de ouders deze week' 4 >/dev/null
took=$(($(now_ms) - start))
echo "     (seen after ${took} ms)"
check "A shows B's decision within 2 s" [ "$took" -le 2000 ]

screen a >"$TMP/a.txt"
grep -v '^Jansen$' "$TMP/names.txt" >"$TMP/others.txt"
check "A names no other family" sh -c "! grep -q -w -F -f '$TMP/others.txt' '$TMP/a.txt'"
check "A shows no BSN (nine digits)" sh -c "! grep -Eq '(^|[^0-9])[0-9]{9}([^0-9]|$)' '$TMP/a.txt'"
check "A shows no address" sh -c "! grep -Eiq 'straat|laan|weg [0-9]|[0-9]{4} ?[A-Z]{2}' '$TMP/a.txt'"

keys a q
keys b q
check "A quits cleanly" wait_for a '^EXIT=0'
check "B quits cleanly" wait_for b '^EXIT=0'
finish
