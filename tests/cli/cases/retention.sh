# casus retention: the list of dossiers past the term or asked to be destroyed (a
# teamleider's), recording a family's request (any member), and destroying a closed
# dossier with the second confirmation; afterwards nothing names the family, the
# access log still verifies (its rows about the family redacted) and check passes.
. "$CASUS_LIB"
exec </dev/null # no terminal: destroy needs --confirm
CASUS_NOW=2026-11-19T16:00:00Z setup_team_as
CASUS_NOW=2026-11-20T08:00:00Z quiet --db team.db family add Zwaneveld
CASUS_NOW=2026-11-21T10:00:00Z quiet --db team.db family add Bakker
quiet --db team.db family add Kuipers
quiet --db team.db --as carla.coach family show 2026-0001
# closed long ago (the closing rules are another test's)
sqlite3 team.db "UPDATE family SET phase = 'afgesloten', closed_on = '2005-06-30' WHERE case_no = '2026-0001'"
sqlite3 team.db "UPDATE family SET phase = 'afgesloten', closed_on = '2025-01-15' WHERE case_no = '2026-0003'"
casus --lang en --db team.db retention list
casus --lang en --db team.db --as carla.coach retention list
casus --lang en --db team.db --as carla.coach retention request 2026-0003 --by moeder --on 2026-11-02 --reason "wil een nieuwe start"
casus --lang en --db team.db retention list
casus --lang en --db team.db retention list --format tsv
casus --lang en --db team.db retention list --format json
# refused, and nothing changes
before=$(snap team.db)
casus --lang en --db team.db retention destroy 2026-0001
casus --lang en --db team.db retention destroy 2026-0001 --reason "termijn verstreken"
casus --lang en --db team.db retention destroy 2026-0001 --reason "termijn verstreken" --confirm 2026-0003
casus --lang en --db team.db --as carla.coach retention destroy 2026-0001 --reason "termijn verstreken" --confirm 2026-0001
casus --lang en --db team.db retention destroy 2026-0002 --reason "verzoek" --confirm 2026-0002
casus --lang en --db team.db retention request 2026-0002 --by vader --on morgen
casus --lang en --db team.db retention request 2026-0002
casus --lang en --db team.db retention wipe
unchanged team.db "$before"
# destroyed: past the term, and on request
casus --lang en --db team.db retention destroy 2026-0001 --reason "termijn verstreken" --confirm 2026-0001
casus --lang en --db team.db retention destroy 2026-0003 --reason "verzoek van de familie" --confirm 2026-0003
casus --lang en --db team.db family show 2026-0001
casus --lang en --db team.db retention list
casus --lang en --db team.db family list --format tsv
casus --lang en --db team.db audit --format tsv
casus --lang en --db team.db audit --verify
casus --lang en --db team.db check | tail -1
echo "names left: $(sqlite3 team.db .dump | grep -ci -e zwaneveld -e kuipers)"
echo "bytes left: $(cat team.db team.db-wal 2>/dev/null | grep -aci -e zwaneveld -e kuipers)"
# the next family gets a new number
casus --lang en --db team.db family add Nieuw
