#!/bin/sh
# Resizing the real terminal: 120x40 -> 60x16 -> 40x12 -> 200x60 -> back, then a
# burst of resizes between 40x12 and 200x60. casus never crashes, shows the "too
# small" notice when it must, and ends on a correct screen with its selection and
# opened family kept.
. "$(dirname "$0")/lib.sh"
fixture
tmux_start main 120 40
run_casus main --as coach1 --lang en
check "starts side by side at 120x40" wait_for main 'Cases 1/25.*Family: Bakker'
keys main j j j Enter
check "opens Bos" wait_for main 'Family: Bos ─'
resize() { tmux -L "$SOCK" resize-window -t casus:main -x "$1" -y "$2"; }
resize 60 16
check "60x16: one pane at a time" wait_for main '1 Cases +2 Family'
resize 40 12
check "40x12: terminal too small" wait_for main 'Terminal too small'
check "40x12: the notice names the size" wait_for main '40x12; casus needs at least 60x16'
resize 200 60
check "200x60: side by side again" wait_for main 'Cases 4/25.*Family: Bos'
for size in 40x12 200x60 61x17 59x15 100x30 45x50 180x20 80x24 40x12 150x45 200x60 \
	   60x16 120x40; do
	resize "${size%x*}" "${size#*x}"
	sleep 0.05
done
check "after a burst of resizes: Bos is still selected" wait_for main '▸2026-0016 Bos'
check "after a burst of resizes: Bos is still open" wait_for main 'Family: Bos ─'
check "the meldcode pane is back under the family pane" wait_for main 'Meldcode: step 2 of 5'
check "the status bar shows the user and role" wait_for main 'coach1 \(gezinscoach\)'
# The correct final screen: the same keys in screen-test mode at 120x40, on a copy.
mkdir -p "$TMP/ref" && cp "$DB" "$TMP/ref/team.db"
printf 'key j j j <Enter>\ndump final\n' >"$TMP/ref.keys"
"$CASUS" --db "$TMP/ref/team.db" --as coach1 --lang en --script="$TMP/ref.keys" \
	--size=120x40 | tail -n +3 >"$TMP/expected.txt"
screen main >"$TMP/final.txt"
check "the final screen is exactly the screen casus draws at 120x40" \
	diff -u "$TMP/expected.txt" "$TMP/final.txt"
keys main q
check "q quits with status 0" wait_for main '^EXIT=0'
finish
