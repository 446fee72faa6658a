#!/bin/sh
# SIGHUP in the middle of an edit (an SSH connection that drops): casus keeps the typed
# text as a draft, puts the terminal back (same stty settings, echo works) and exits;
# what was committed before stays; the next start offers the draft, and saving it
# works. SIGTERM behaves the same.
. "$(dirname "$0")/lib.sh"
fixture
tmux_start main 100 30
type_text main "stty -g > '$TMP/stty.before'"
keys main Enter
run_casus main --as coach1 --lang en
check "casus starts" wait_for main 'Cases 1/25'
# A committed change first: the name of Bakker.
keys main e C-u
type_text main "Bakker-Veldman"
keys main Enter
check "a name is saved" wait_for main 'Saved the name of 2026-0003'
# Then an edit that is cut off.
keys main j e C-u
type_text main "van der Berg half getypt"
check "the edit is on screen" wait_for main 'Name: van der Berg half getypt'
pid=$(child_pid main)
check "casus runs as a child of the shell" [ -n "$pid" ]
kill -HUP "$pid"
check "casus exits with status 129 after SIGHUP" wait_for main '^EXIT=129'
type_text main "stty -g > '$TMP/stty.after'; echo TERMINAL-OK-\$((40+2))"
keys main Enter
check "the shell echoes again (the terminal is usable)" wait_for main '^TERMINAL-OK-42'
check "the terminal settings are as before casus started" \
	cmp -s "$TMP/stty.before" "$TMP/stty.after"
"$CASUS" --db "$DB" --as coach1 --lang en family list --format tsv >"$TMP/list.tsv" 2>&1
check "the committed change is intact" grep -q 'Bakker-Veldman' "$TMP/list.tsv"
check "the cut-off edit was not saved as the name" \
	sh -c "! grep -q 'half getypt' '$TMP/list.tsv'"
"$CASUS" --db "$DB" --as coach1 check >/dev/null 2>&1
check "casus check: sound after the hang-up" [ $? -eq 0 ]

type_text main clear
keys main Enter
run_casus main --as coach1 --lang en
check "the next start offers the draft" \
	wait_for main 'Unsaved draft of the name of 2026-0004, from 2026-11-23 09:00: "van der Berg half getypt"'
keys main e
check "e continues the edit with the kept text" wait_for main 'Name: van der Berg half getypt'
keys main End
type_text main " klaar"
keys main Enter
check "saving the draft works" wait_for main 'Saved the name of 2026-0004'
pid=$(child_pid main)
kill -TERM "$pid"
check "SIGTERM ends casus too (status 143)" wait_for main '^EXIT=143'
run_casus main --as coach1 --lang en
check "no draft is offered once saved" wait_for main 'Cases 1/25'
check "... and the message line is empty" sh -c "! tmux -L '$SOCK' capture-pane -p -t casus:main | grep -q 'Unsaved draft'"
keys main q
check "q quits" wait_for main '^EXIT=0'
finish
