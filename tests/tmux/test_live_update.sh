#!/bin/sh
# Two processes on one database. casus A has Bos selected; a phase change through the
# CLI and a name change in casus B both appear in A within 2 seconds (A polls PRAGMA
# data_version on its input timeout) and A keeps its selection. Then both edit the
# same name: the later save gets core's conflict message and keeps the user's text.
. "$(dirname "$0")/lib.sh"
fixture
tmux_start a 100 30
tmux_start b 100 30
run_casus a --as coach1 --lang en
run_casus b --as coach2 --lang en
check "A starts" wait_for a 'Cases 1/25'
check "B starts" wait_for b 'Cases 1/25'
keys a j j j
check "A selects Bos" wait_for a '▸2026-0016 Bos'

# within N_MS START PATTERN: the pattern shows in A no later than N_MS after START.
within() {
	w_limit=$1 w_start=$2 w_pat=$3
	wait_for a "$w_pat" 4 || return 1
	took=$(($(now_ms) - w_start))
	echo "     (seen after ${took} ms)"
	[ "$took" -le "$w_limit" ]
}

start=$(now_ms)
"$CASUS" --db "$DB" --as coach1 --lang en family phase 2026-0003 intake >"$TMP/cli.out" 2>&1
check "the CLI changes the phase of Bakker" grep -q 'now in phase intake' "$TMP/cli.out"
check "A shows the new phase within 2 s" within 2000 "$start" '2026-0003 Bakker +intake'
check "A kept its selection" wait_for a '▸2026-0016 Bos'

keys b e C-u
type_text b "Bakker-Smit"
keys b Enter
check "B saves a new name for Bakker" wait_for b 'Saved the name of 2026-0003'
start=$(now_ms)
check "A shows B's name within 2 s" within 2000 "$start" '2026-0003 Bakker-Smit '
check "A still has Bos selected" wait_for a '▸2026-0016 Bos'

# A conflict: A starts editing, B saves first, A saves.
keys a g e
check "A edits the name" wait_for a 'Name: Bakker-Smit'
type_text a " X"
keys b e C-u
type_text b "Bakker-Jansen"
keys b Enter
check "B saves first" wait_for b 'Saved the name of 2026-0003'
keys a Enter
check "A is told somebody else saved in between" wait_for a 'Your text is kept'
check "A's text is still in its editor" wait_for a 'Name: Bakker-Smit X'
keys a Enter
check "A saves its text over B's, knowingly" wait_for a 'Saved the name of 2026-0003'
start=$(now_ms)
wait_for b '2026-0003 Bakker-Smit X' 4 >/dev/null
check "B shows A's name within 2 s" [ $(($(now_ms) - start)) -le 2000 ]

keys a q
keys b q
check "A quits cleanly" wait_for a '^EXIT=0'
check "B quits cleanly" wait_for b '^EXIT=0'
"$CASUS" --db "$DB" --as coach1 --lang en check >"$TMP/check.out" 2>&1
check "casus check: the database and access log are sound" [ $? -eq 0 ]
finish
