# The life of a case: regie, phases, edit, close (read-only), reopen; and what
# core refuses along the way (each refusal leaves the database unchanged).
. "$CASUS_LIB"
setup_team
quiet --db team.db family add Jansen --registered 2026-11-02
quiet --db team.db family add Bakker
# a phase beyond aanmelding needs a regievoerder
before=$(snap team.db)
casus --lang en --db team.db family phase 2026-0001 intake
unchanged team.db "$before"
casus --lang en --db team.db family regie 2026-0001 carla.coach --reason "Carla kent de school"
casus --lang en --db team.db family phase 2026-0001 intake --reason "Aangenomen in het overleg"
casus --lang en --db team.db family edit 2026-0001 --triage c --framework drang --first-contact 2026-11-03 --first-visit 2026-11-09 --address "Kerkstraat 12" --phone "077-1234567"
casus --lang en --db team.db family edit 2026-0001 --name "Jansen-Bakker" --source huisarts --kind zorgmelding
casus --lang en --db team.db family phase 2026-0001 plan
# handover: the history keeps both
casus --lang en --db team.db family regie 2026-0001 cees.celik --reason "Carla gaat met verlof"
# refusals
before=$(snap team.db)
casus --lang en --db team.db family regie 2026-0001 cees.celik
casus --lang en --db team.db family regie 2026-0001 no.such.member
casus --lang en --db team.db family phase 2026-0001 plan
casus --lang en --db team.db family phase 2026-0001 afgesloten
casus --lang en --db team.db family reopen 2026-0001 --reason "not closed"
casus --lang en --db team.db family edit 2026-0001 --first-visit 2027-01-01
casus --lang en --db team.db family edit 2026-0001 --first-visit 09-11-2026
casus --lang en --db team.db family edit 2026-0001 --name ""
unchanged team.db "$before"
# closing makes the family read-only until it is reopened
casus --lang en --db team.db family close 2026-0001 --reason "Doelen bereikt"
before=$(snap team.db)
casus --lang en --db team.db family edit 2026-0001 --triage A
casus --lang en --db team.db family phase 2026-0001 intake
casus --lang en --db team.db family regie 2026-0001 carla.coach
casus --lang en --db team.db family person add 2026-0001 --given Piet --family-name Jansen --role kind
casus --lang en --db team.db family close 2026-0001 --reason "twice"
unchanged team.db "$before"
casus --lang en --db team.db family list --phase afgesloten --format tsv
casus --lang en --db team.db family reopen 2026-0001 --reason "Terugval na drie maanden"
casus --lang en --db team.db family list --open --sort case --format tsv
casus --lang en --db team.db family show 2026-0001
casus --lang en --db team.db family show 2026-0001 --format json
casus --lang en --db team.db check
