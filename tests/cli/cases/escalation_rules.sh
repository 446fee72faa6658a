# Escalation rules through the CLI, as core enforces them for the TUI too: four eyes
# (a coach never decides; a gedragswetenschapper never on their own request or for a
# family they are regievoerder of), a decision needs a motivation and a rejection
# what is needed instead, a question waits for the requester's answer, a request is
# withdrawn only by its requester and only while pending. Every refusal leaves the
# database unchanged.
. "$CASUS_LIB"
setup_team_as
quiet --db team.db member add gijs.gedrag --name "Gijs Gedrag" --role gedragswetenschapper
quiet --db team.db family add Jansen
quiet --db team.db family add Bakker
quiet --db team.db family regie 2026-0001 carla.coach
quiet --db team.db family regie 2026-0002 greet.gw
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

request "${carla[@]}" escalation request 2026-0001 --kind vt --reason "Kind vertelt over slaan" --tried "Gesprek met moeder" --asked "Melding bij Veilig Thuis"
vt=$id
request "${greet[@]}" escalation request 2026-0001 --kind specialistisch --reason "Angstklachten" --urgency hoog
spec=$id
request "${carla[@]}" escalation request 2026-0002 --kind raad --reason "Ouders weigeren hulp"
raad=$id
# four eyes
before=$(snap team.db)
casus "${carla[@]}" escalation decide "$vt" --approve --motivation "Ik vind het goed"
casus "${tessa[@]}" escalation decide "$vt" --approve --motivation "Akkoord"
casus "${greet[@]}" escalation decide "$spec" --approve --motivation "Eigen verzoek"
casus "${greet[@]}" escalation decide "$raad" --approve --motivation "Ik ken het gezin"
# a decision needs a motivation; a rejection says what is needed instead
casus "${gijs[@]}" escalation decide "$vt" --approve
casus "${gijs[@]}" escalation decide "$vt" --approve --motivation "   "
casus "${gijs[@]}" escalation decide "$vt" --reject --motivation "Nog te vroeg"
casus "${gijs[@]}" escalation decide "$vt" --reject --motivation "Nog te vroeg" --instead ""
casus "${gijs[@]}" escalation decide "$vt" --approve --reject --motivation "Beide"
casus "${gijs[@]}" escalation decide "$vt" --motivation "Geen keuze"
casus "${gijs[@]}" escalation decide "$vt" --approve --motivation "Goed" --instead "Iets"
unchanged team.db "$before"
# ask; only the requester or the regievoerder answers; then decide (ids shortened)
CASUS_NOW=2026-11-23T10:00:00Z casus "${gijs[@]}" escalation decide "${vt:0:8}" --ask --motivation "Wat zegt de school?"
before=$(snap team.db)
casus "${gijs[@]}" escalation decide "$vt" --approve --motivation "Toch maar"
casus "${greet[@]}" escalation answer "$vt" --text "Weet ik niet"
casus "${carla[@]}" escalation answer "$vt"
unchanged team.db "$before"
CASUS_NOW=2026-11-23T10:30:00Z casus "${carla[@]}" escalation answer "$vt" --text "De school ziet blauwe plekken"
CASUS_NOW=2026-11-23T11:30:00Z casus "${gijs[@]}" escalation decide "${vt:0:8}" --approve --motivation "Signalen zijn ernstig; melden is nodig."
CASUS_NOW=2026-11-23T11:45:00Z casus "${gijs[@]}" escalation decide "$spec" --reject --motivation "Eerst zien wat het gezin zelf kan" --instead "Netwerkberaad met opa en oma"
# decided is decided; withdrawing: only the requester, only while pending
before=$(snap team.db)
casus "${gijs[@]}" escalation decide "$vt" --reject --motivation "Bedacht" --instead "Niets"
casus "${carla[@]}" escalation withdraw "$vt"
casus "${anouk[@]}" escalation withdraw "$raad"
unchanged team.db "$before"
casus "${carla[@]}" escalation withdraw "$raad" --reason "Ouders werken nu mee"
before=$(snap team.db)
casus "${carla[@]}" escalation withdraw "$raad"
casus "${gijs[@]}" escalation decide "$raad" --approve --motivation "Te laat"
unchanged team.db "$before"
casus "${tessa[@]}" escalation list --format tsv
casus "${tessa[@]}" check
