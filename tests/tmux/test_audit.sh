#!/bin/sh
# The access log fed by the real interface in a real terminal: a coach searches the
# case list (typed letter by letter: one 'search' row with the term and the number of
# results), opens a family from the results and breaks the glass on a confidential
# note, focuses another family's meldcode stepper, opens a third family's plan; then `casus audit --format tsv` shows
# exactly those rows with every field (event, time, family, user, on whose behalf,
# workstation, object type and id, detail), and the hash chain still verifies.
. "$(dirname "$0")/lib.sh"
fixture
me=$(id -un)
last_seq() {
	"$CASUS" --db "$DB" --as tl1 audit --format tsv | tail -1 | cut -f1
}
start=$(last_seq)
tmux_start main 100 30
run_casus main --as coach2 --lang en
check "casus starts" wait_for main 'Cases 1/25'
keys main /
for c in j a n s e n; do keys main "$c"; done
check "the list narrows as the search is typed" wait_for main 'Cases 1/1'
keys main Enter Enter
check "the family opens" wait_for main 'Opened 2026-0001'
keys main Tab N
check "the notes show the confidential one withheld" wait_for main 'Withheld: the team'
keys main j B
type_text main "Regievoerder ziek"
keys main Enter
check "breaking the glass shows the note" wait_for main 'Vermoeden: vader drinkt weer'
keys main h Escape x /
type_text main "bos"
keys main Enter Enter Tab Tab
check "the meldcode stepper of Bos has the focus" wait_for main 'n new  e follow-up'
keys main Escape x /
type_text main "2026-0010"
keys main Enter Enter P
check "the plan of Visser opens" wait_for main 'Plan: Visser'
keys main q
check "casus quits" wait_for main '^EXIT=0'

"$CASUS" --db "$DB" --as tl1 audit --format tsv \
	| awk -F'\t' -v s="$start" 'NR > 1 && $1 + 0 > s + 0' | cut -f2- >"$TMP/rows.tsv"
# Object ids are compared by shape; the workstation is the terminal tmux gave casus.
sed -E 's/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/ID/g;
	s#\ttty /dev/[^\t]*\t#\ttty\t#' "$TMP/rows.tsv" >"$TMP/rows.norm"
T="2026-11-23T09:00:00Z"
cat >"$TMP/rows.want" <<ROWS
$T	search	coach2	$me	tty		family		1 result: jansen
$T	read	coach2	$me	tty	2026-0001	family	ID	dossier opened
$T	breakglass	coach2	$me	tty	2026-0001	note	ID	reason: Regievoerder ziek
$T	search	coach2	$me	tty		family		1 result: bos
$T	read	coach2	$me	tty	2026-0016	family	ID	dossier opened
$T	read	coach2	$me	tty	2026-0016	meldcode	ID	trajectory opened
$T	search	coach2	$me	tty		family		1 result: 2026-0010
$T	read	coach2	$me	tty	2026-0010	family	ID	dossier opened
$T	read	coach2	$me	tty	2026-0010	plan	ID	plan opened (version 1)
ROWS
if ! diff -u "$TMP/rows.want" "$TMP/rows.norm"; then
	check "the access log has exactly the rows of what was done, with every field" false
else
	check "the access log has exactly the rows of what was done, with every field" true
fi
note=$(awk -F'\t' '$2 == "breakglass" { print $8 }' "$TMP/rows.tsv")
real=$(sqlite3 "$DB" "SELECT id FROM note WHERE confidential = 1")
check "the break-glass row names the note that was read" [ -n "$note" ] && [ "$note" = "$real" ]
"$CASUS" --db "$DB" --as tl1 --lang en audit --user coach2 >"$TMP/table.txt"
check "the table marks the break-glass read" grep -q 'BREAKGLASS!' "$TMP/table.txt"
"$CASUS" --db "$DB" audit --verify >/dev/null 2>&1
check "the hash chain verifies" [ $? -eq 0 ]
finish
