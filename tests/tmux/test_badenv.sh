#!/bin/sh
# The full-screen interface in a bad environment (issue 9; the core and database cases
# are in tests/reliability/badenv.sh): TERM unset, a terminal type nobody knows, a
# 10x5 terminal, and a locale that is not UTF-8 (LC_ALL=C, POSIX). Each ends in a
# clear message or a usable screen, and the database is left as it was.
. "$(dirname "$0")/lib.sh"
fixture
sum() { sha256sum "$DB" | cut -d' ' -f1; }
before=$(sum)
unchanged() { [ "$(sum)" = "$before" ]; }
# Everything but the access log (a search is recorded there, and only there).
data_sum() {
	sqlite3 -readonly "$DB" .dump | grep -v -e '^INSERT INTO audit' -e 'audit_last_seq' |
		sha256sum | cut -d' ' -f1
}
searches() { sqlite3 -readonly "$DB" "SELECT count(*) FROM audit WHERE event = 'search'"; }
clear_screen() { tmux -L "$SOCK" send-keys -t casus:main -R \; clear-history; }
tmux_start main 80 24

# No TERM at all, and a TERM with no terminfo entry: a message that says what to do,
# exit status 1, and the terminal left as it was (the shell prompt is usable).
type_text main "env -u TERM '$CASUS' --db '$DB' --as coach1 --lang en; echo EXIT=\$?"
keys main Enter
check "TERM unset: a clear message" \
	wait_for main "Cannot use the terminal type ''; try TERM=xterm-256color"
check "TERM unset: exit status 1" wait_for main '^EXIT=1'
check "TERM unset: the database is unchanged" unchanged
clear_screen
type_text main "TERM=nonexistent-term '$CASUS' --db '$DB' --as coach1 --lang en; echo EXIT=\$?"
keys main Enter
check "unknown TERM: a clear message naming it" \
	wait_for main "Cannot use the terminal type 'nonexistent-term'; try TERM=xterm-256color"
check "unknown TERM: exit status 1" wait_for main '^EXIT=1'
check "unknown TERM: the database is unchanged" unchanged
clear_screen
type_text main "echo shell-ok"
keys main Enter
check "the shell still works after both" wait_for main '^shell-ok'

# A 10x5 terminal: casus starts, says it is too small, keeps running, and quits on q.
tmux -L "$SOCK" resize-window -t casus:main -x 10 -y 5
clear_screen
run_casus main --as coach1 --lang en
check "10x5: the short too-small notice" wait_for main 'Too small'
tmux -L "$SOCK" resize-window -t casus:main -x 80 -y 24
check "back to 80x24: the case list" wait_for main 'Cases 1/25'
tmux -L "$SOCK" resize-window -t casus:main -x 10 -y 5
sleep 0.3
keys main q
tmux -L "$SOCK" resize-window -t casus:main -x 80 -y 24
check "10x5: q quits with status 0" wait_for main '^EXIT=0'
check "10x5: the database is unchanged" unchanged

# A locale that is not UTF-8: ASCII lines, names shown folded, and typing works.
data_before=$(data_sum)
searches_before=$(searches)
for loc in C POSIX; do
	clear_screen
	type_text main "LC_ALL=$loc '$CASUS' --db '$DB' --as coach1 --lang en; echo EXIT=\$?"
	keys main Enter
	check "LC_ALL=$loc: the case list in ASCII" wait_for main '^\+-.*Cases 1/25'
	keys main / c e l
	check "LC_ALL=$loc: search for celik finds Celik" wait_for main 'Celik'
	keys main Escape q
	check "LC_ALL=$loc: q quits with status 0" wait_for main '^EXIT=0'
done
check "non-UTF-8 locales: the data is unchanged" [ "$(data_sum)" = "$data_before" ]
check "non-UTF-8 locales: each search is in the access log" \
	[ "$(searches)" -eq $((searches_before + 2)) ]
finish
