# Help everywhere, the version, and usage errors (exit 2) naming what was wrong.
. "$CASUS_LIB"
casus --lang en --help
casus --version
casus --lang en member --help
casus --lang en member list -h
casus --lang en family --help
casus --lang en family list --help
casus --lang en family person add --help
casus --lang en check --help
casus --lang en escalation --help
casus --lang en escalation list --help
casus --lang en escalation request --help
casus --lang en escalation decide --help
casus --lang en escalation show -h
casus --lang en escalation act --help
casus --lang en escalation answer --help
casus --lang en escalation withdraw --help
casus --lang en export --help
casus --lang en export plan --help
casus --lang en export meldcode --help
casus --lang en audit --help
casus --lang en setting --help
casus --lang en setting list --help
casus --lang en setting set --help
# usage errors
casus --lang en frobnicate
casus --lang en family frobnicate
casus --lang en family
casus --lang en family list --bogus
casus --lang en family list -x
casus --lang en family list --db
casus --lang en family list --desc=yes
casus --lang en family show
casus --lang en family show 2026-0001 2026-0002
casus --lang en family list --format xml
casus --lang en family show 2026-0001 --format tsv
casus --lang en family list --sort age
casus --lang en family list --phase afgerond
casus --lang en family list --phase intake --open
casus --lang en family list --mine --unassigned
casus --lang en member add someone --name "Some One"
casus --lang en member add someone --name "Some One" --role boss
casus --lang en member set someone
casus --lang en member set someone --active --inactive
casus --lang en init
casus --lang fr family list
casus --lang en family close 2026-0001
casus --lang en family phase 2026-0001 gesloten
casus --lang en family add Jansen --triage E
casus --lang en family add Jansen --framework hard
casus --lang en family add Jansen --source buurman
casus --lang en family edit 2026-0001
casus --lang en family person add 2026-0001 --given A --family-name B --role oom
# none of this created a database
ls -A "$HOME"
