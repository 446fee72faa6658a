# casus demo: a demo team database with at least 40 families, in WAL mode, private
# to its owner, sound, with plans, meldcode trajectories and an approvals queue; --as
# works there (and only there); --force replaces only a demo database.
. "$CASUS_LIB"
casus --lang en demo --db X.db
lines=$("$CASUS" --db X.db family list --format tsv | wc -l)
[ "$lines" -ge 41 ] && echo "family list --format tsv: at least 41 lines (header and 40 families)"
sqlite3 X.db 'PRAGMA journal_mode'
stat -c %a X.db
casus --lang en --db X.db check
sqlite3 X.db "UPDATE audit SET login = 'x'" 2>&1 | grep -o 'append-only'
sqlite3 X.db "DELETE FROM audit" 2>&1 | grep -o 'append-only'
# act as a demo member
# (only the regievoerder column: the demo's families may change, its rule may not)
"$CASUS" --db X.db --as mbenali family list --mine --format tsv | cut -f4 | uniq -c | sed 's/^ *[0-9]* //'
casus --lang en --db X.db --as no.such.member family list
# plans in every state; meldcode trajectories open and closed, by outcome
sqlite3 X.db "SELECT status, count(*) FROM plan GROUP BY status ORDER BY status"
sqlite3 X.db "SELECT status, coalesce(outcome, '-'), count(*) FROM meldcode GROUP BY 1, 2 ORDER BY 1, 2"
# the gedragswetenschapper's queue (by case: kind, level, urgency, status, acted before
# approval); its order among equals follows ids, so sorted here
"$CASUS" --db X.db --as sdemir escalation list --pending --format tsv | cut -f2,4-7,9 | tail -n +2 | sort
# the default place, and no silent replacement
casus --lang en demo
casus --lang en demo
casus --lang en demo --force
# never replaces a team database
setup_team
before=$(snap team.db)
casus --lang en --db team.db demo --force
unchanged team.db "$before"
