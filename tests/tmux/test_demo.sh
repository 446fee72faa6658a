#!/bin/sh
# The issue's first acceptance test, on the demo database in a real terminal, at 80x24
# (one pane at a time, and --layout=side for both panes) and at 200x50: the case list
# with demo families, the family pane, the status bar with user and role; j/k/arrows
# move; / plus a name narrows the list to that family; Enter shows its members; ? lists
# the bindings; q exits and leaves the terminal clean.
. "$(dirname "$0")/lib.sh"
"$CASUS" demo --db "$DB" >"$TMP/demo.log" 2>&1 || { cat "$TMP/demo.log"; exit 1; }
me=$(id -un)
# A family whose name finds exactly that family (the demo has Jansen and Janssen-...).
name=
for n in $("$CASUS" --db "$DB" family list --open --format tsv | awk -F'\t' 'NR > 1 { print $2 }' \
	| grep -v ' ' | head -40); do
	hits=$("$CASUS" --db "$DB" family list --open --search "$n" --format tsv | tail -n +2 | wc -l)
	if [ "$hits" -eq 1 ]; then name=$n; break; fi
done
check "the demo has a family with a name of its own" [ -n "$name" ]
case_no=$("$CASUS" --db "$DB" family list --open --search "$name" --format tsv | awk -F'\t' 'NR == 2 { print $1 }')
total=$("$CASUS" --db "$DB" family list --open --format tsv | tail -n +2 | wc -l)

tour() { # tour WINDOW COLS ROWS [OPTIONS]: the whole acceptance walk in one terminal
	w=$1; shift 3
	type_text "$w" "stty -g > '$TMP/$w.before'"
	keys "$w" Enter
	run_casus "$w" --lang en "$@"
	check "$w: the case list with the demo families" wait_for "$w" "Cases 1/$total"
	check "$w: the status bar shows the user and the role" wait_for "$w" "$me \\(gezinscoach\\)"
	check "$w: the family pane (or its tab) is there" wait_for "$w" 'Family'
	keys "$w" j j
	check "$w: j moves down" wait_for "$w" "Cases 3/$total"
	keys "$w" k
	check "$w: k moves up" wait_for "$w" "Cases 2/$total"
	keys "$w" Down Down Up
	check "$w: the arrow keys move" wait_for "$w" "Cases 3/$total"
	keys "$w" /
	type_text "$w" "$name"
	check "$w: / and the name narrow the list to that family" wait_for "$w" "Cases 1/1 .*/$name"
	keys "$w" Enter Enter
	check "$w: Enter opens it" wait_for "$w" "Opened $case_no"
	check "$w: its members are shown" wait_for "$w" 'Members \([1-9]'
	keys "$w" p
	check "$w: p turns privacy mode on, shown in the status bar" wait_for "$w" ' PRIVACY '
	check "$w: ... and the family's name is masked" \
		sh -c "! tmux -L '$SOCK' capture-pane -p -t 'casus:$w' | grep -q -- '$name'"
	keys "$w" p
	check "$w: p turns it off again" wait_for "$w" 'Privacy mode off'
	keys "$w" '?'
	check "$w: ? lists the bindings" wait_for "$w" 'Help: '
	check "$w: ... with their keys" wait_for "$w" 'q +quit casus'
	keys "$w" G
	check "$w: ... all of them (the last ones after scrolling)" wait_for "$w" 'G, End +|C-u, C-k, C-w '
	keys "$w" q q
	check "$w: q exits with status 0" wait_for "$w" '^EXIT=0'
	type_text "$w" "stty -g > '$TMP/$w.after'; echo CLEAN-\$((1+1))"
	keys "$w" Enter
	check "$w: the shell echoes again" wait_for "$w" '^CLEAN-2'
	check "$w: the terminal settings are as before" cmp -s "$TMP/$w.before" "$TMP/$w.after"
	check "$w: nothing of casus is left on the screen" \
		sh -c "! tmux -L '$SOCK' capture-pane -p -t 'casus:$w' | grep -q '[│┌└]'"
}
# audit EVENT: access-log rows of that event for the chosen family (or all, privacy).
audit() {
	sqlite3 "$DB" "SELECT count(*) FROM audit a LEFT JOIN family f ON f.id = a.family_id
		WHERE a.event = '$1' AND ('$1' = 'privacy' OR f.case_no = '$case_no')"
}
tmux_start small 80 24
tour small 80 24
tmux_start side 80 24
tour side 80 24 --layout=side
tmux_start wide 200 50
tour wide 200 50
check "every opening of the family is in the access log (3 reads)" [ "$(audit read)" -eq 3 ]
check "every privacy toggle is in the access log (6)" [ "$(audit privacy)" -eq 6 ]
finish
