# Foutmeldingen in het Nederlands: usage errors, core refusals, a missing database.
. "$CASUS_LIB"
casus family list --bogus
casus --db nergens.db family list
setup_team
quiet --db team.db family add Jansen
before=$(snap team.db)
casus --db team.db family phase 2026-0001 intake
casus --db team.db family person add 2026-0001 --given Piet --family-name Jansen --role kind --bsn 123456789
casus --db team.db family person add 2026-0001 --given Piet --family-name Jansen --role kind --born 2030-01-01
casus --db team.db family add "$(printf 'a%.0s' $(seq 10000))"
casus --db team.db family show 2026-0042
unchanged team.db "$before"
