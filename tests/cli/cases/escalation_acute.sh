# Safety never waits: an acute request is acted on at once (or later, by its requester
# or the family's regievoerder), stays flagged in the queue until a retroactive
# decision and cannot be withdrawn; a closed family takes no new requests but what
# was done before approval is still reviewed. Kinds the team setting says need no
# approval are recorded as approved by the requester; only a teamleider changes the
# setting. Every refusal leaves the database unchanged.
. "$CASUS_LIB"
setup_team_as
quiet --db team.db member add gijs.gedrag --name "Gijs Gedrag" --role gedragswetenschapper
quiet --db team.db family add Jansen
quiet --db team.db family add Visser
quiet --db team.db family regie 2026-0001 carla.coach
quiet --db team.db family regie 2026-0002 carla.coach
carla=(--lang en --db team.db --as carla.coach)
anouk=(--lang en --db team.db --as anouk.af)
greet=(--lang en --db team.db --as greet.gw)
gijs=(--lang en --db team.db --as gijs.gedrag)
tessa=(--lang en --db team.db)
# request ARGS...: like casus, and keep the new escalation's id (its first line) in $id
request() {
	casus "$@" >request.out
	cat request.out
	id=$(sed -n 2p request.out)
}

# acted on at once
before=$(snap team.db)
casus "${carla[@]}" escalation request 2026-0001 --kind crisis --reason "Dreiging" --acute --urgency hoog
casus "${carla[@]}" escalation request 2026-0001 --kind crisis --reason "Dreiging" --acted-note "Gebeld"
unchanged team.db "$before"
quiet --db team.db --as carla.coach escalation request 2026-0001 --kind vt --reason "Zorgen over verwaarlozing"
request "${carla[@]}" escalation request 2026-0001 --kind crisis --reason "Vader dreigt de kinderen mee te nemen" --acute --urgency acuut --acted-note "Politie gebeld; kinderen bij oma"
crisis=$id
casus "${gijs[@]}" escalation list --pending
before=$(snap team.db)
casus "${carla[@]}" escalation withdraw "$crisis"
casus "${carla[@]}" escalation act "$crisis"
unchanged team.db "$before"
CASUS_NOW=2026-11-23T13:00:00Z casus "${gijs[@]}" escalation decide "$crisis" --approve --motivation "Terecht direct ingegrepen"
casus "${gijs[@]}" escalation list --kind crisis --format tsv | cut -f7-11,14-16
# acted on later: acute only, by the requester or the regievoerder
request "${anouk[@]}" escalation request 2026-0002 --kind vt --reason "Moeder belt in paniek" --urgency acuut
acute=$id
request "${carla[@]}" escalation request 2026-0002 --kind raad --reason "Geen verbetering"
slow=$id
before=$(snap team.db)
casus "${greet[@]}" escalation act "$acute" --note "Ik deed het"
casus "${carla[@]}" escalation act "$slow"
unchanged team.db "$before"
casus "${carla[@]}" escalation act "$acute" --note "Veilig Thuis gebeld"
casus "${gijs[@]}" escalation list --pending
# closing waits for undecided requests, except what was already acted on
before=$(snap team.db)
casus --db team.db family close 2026-0002 --reason "Verhuisd"
unchanged team.db "$before"
casus "${carla[@]}" escalation withdraw "$slow" --reason "Gezin verhuist"
# a closed family: no new requests, no decisions, except on what was already done
quiet --db team.db family close 2026-0002 --reason "Verhuisd"
before=$(snap team.db)
casus "${carla[@]}" escalation request 2026-0002 --kind vt --reason "Nog iets"
casus "${gijs[@]}" escalation decide "$slow" --approve --motivation "Akkoord"
unchanged team.db "$before"
casus "${gijs[@]}" escalation decide "$acute" --approve --motivation "Juist gehandeld"
# kinds without approval (team setting, teamleider only)
before=$(snap team.db)
casus "${carla[@]}" setting set escalation.approval.opschalen 0
casus "${carla[@]}" escalation request 2026-0001 --kind opschalen --reason "Plan loopt vast"
casus "${carla[@]}" escalation request 2026-0001 --kind opschalen --reason "Plan loopt vast" --level wethouder
casus "${carla[@]}" escalation request 2026-0001 --kind crisis --reason "Plan loopt vast" --level manager
unchanged team.db "$before"
casus "${tessa[@]}" setting set escalation.approval.opschalen 0
request "${carla[@]}" escalation request 2026-0001 --kind opschalen --reason "Plan loopt vast" --level manager
up=$id
before=$(snap team.db)
casus "${gijs[@]}" escalation decide "$up" --approve --motivation "Akkoord"
casus "${carla[@]}" escalation withdraw "$up"
casus "${carla[@]}" escalation act "$up"
unchanged team.db "$before"
# acute and needing no approval: acted, nothing waits
casus "${tessa[@]}" setting set escalation.approval.crisis 0
casus "${carla[@]}" escalation request 2026-0001 --kind crisis --reason "Brand in huis" --acute --acted-note "Gezin bij buren"
casus "${tessa[@]}" escalation list
