#!/bin/sh
# The approvals queue, live (issue 6, "Done when"): two casus processes on one database.
# B (coach1) watches El Amrani in the case list; A (gw1, the gedragswetenschapper) opens
# the queue with a, approves the first request with a motivation, and B's list flag
# for El Amrani changes (X+ appears) within 2 seconds. Then four eyes in the real
# binary: gw1's own request, and after a handover makes gw1 the regievoerder of El
# Amrani, coach1's request too, are refused with core's reason.
. "$(dirname "$0")/lib.sh"
fixture
# One pane at a time: B's list gets the whole width, so every flag column shows.
mkdir -p "$XDG_CONFIG_HOME/casus"
echo 'set layout stack' >"$XDG_CONFIG_HOME/casus/config"
tmux_start a 80 24
tmux_start b 200 30
run_casus a --as gw1 --lang en
run_casus b --as coach1 --lang en
check "A starts" wait_for a 'Cases 1/25'
check "B starts" wait_for b 'Cases 1/25'
check "B shows El Amrani waiting (X?)" wait_for b '2026-0005 El Amrani .*X\?'

keys a a
check "A opens the approvals queue" wait_for a 'Approvals queue .* 3 waiting'
check "A may decide the first request" wait_for a 'a approve  r reject  i ask'
keys a a
check "A is asked for a motivation" wait_for a 'Approve, motivation:'
type_text a "Investigation is proportionate: the safety plan failed twice."
keys a Enter
start=$(now_ms)
check "A approved it" wait_for a 'Approved: request to the Raad'
check "A's queue has two left" wait_for a 'Approvals queue .* 2 waiting'

# within N_MS START PATTERN: the pattern shows in B no later than N_MS after START.
within() {
	w_limit=$1 w_start=$2 w_pat=$3
	wait_for b "$w_pat" 4 || return 1
	took=$(($(now_ms) - w_start))
	echo "     (seen after ${took} ms)"
	[ "$took" -le "$w_limit" ]
}
check "B's list shows El Amrani's approval (X+) within 2 s" within 2000 "$start" \
	'2026-0005 El Amrani .*X\? X\+'

# Four eyes in the real binary. The first one left is gw1's own request.
check "A is told it cannot decide its own request" wait_for a 'You cannot decide: You requested'
keys a a
check "a is refused with core's reason" wait_for a '^You requested this escalation yourself'
# A handover makes gw1 the regievoerder of El Amrani: coach1's request can no longer
# be decided by gw1 either, and A's open queue says so within 2 s.
keys a j
check "A may decide coach1's request" wait_for a 'a approve  r reject  i ask'
start=$(now_ms)
"$CASUS" --db "$DB" --as tl1 --lang en family regie 2026-0005 gw1 --reason test >"$TMP/cli.out" 2>&1
check "gw1 is now regievoerder of El Amrani" grep -q 'gw1' "$TMP/cli.out"
w_limit=2000
wait_for a 'You are the regievoerder of' 4 && took=$(($(now_ms) - start)) \
	&& echo "     (seen after ${took} ms)"
check "A's detail says gw1 is the regievoerder, within 2 s" [ "${took:-9999}" -le 2000 ]
keys a a
check "approving is refused" wait_for a '^You are the regievoerder of family 2026-0005'

keys a Escape q
keys b q
check "A quits cleanly" wait_for a '^EXIT=0'
check "B quits cleanly" wait_for b '^EXIT=0'
"$CASUS" --db "$DB" --as tl1 --lang en check >"$TMP/check.out" 2>&1
check "casus check: the database and access log are sound" [ $? -eq 0 ]
finish
