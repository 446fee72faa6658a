# Escalation listings (table, TSV, JSON; filters; the queue) and `escalation show`
# (table with the history, JSON); showing one is recorded in the access log; usage
# errors and unknown escalations.
. "$CASUS_LIB"
setup_team_as
quiet --db team.db member add gijs.gedrag --name "Gijs Gedrag" --role gedragswetenschapper
quiet --db team.db family add Jansen
quiet --db team.db family add "Çelik"
quiet --db team.db family regie 2026-0001 carla.coach
quiet --db team.db family regie 2026-0002 cees.celik
as() { local who=$1; shift; CASUS_NOW=$at quiet --db team.db --as "$who" escalation "$@"; }
at=2026-11-20T08:00:00Z as carla.coach request 2026-0001 --kind vt --reason "Kind vertelt over slaan" --tried "Gesprek met moeder" --asked "Melding bij Veilig Thuis"
at=2026-11-20T09:15:00Z as cees.celik request 2026-0002 --kind specialistisch --reason "$(printf 'Angstklachten.\nSlaapt slecht.')" --urgency hoog
at=2026-11-21T14:00:00Z as cees.celik request 2026-0002 --kind crisis --reason "Dreiging" --acute --acted-note "Politie gebeld"
at=2026-11-22T10:00:00Z as cees.celik request 2026-0002 --kind opschalen --reason "Plan loopt vast" --level "procesregisseur gemeente"
tsv() { "$CASUS" --db team.db escalation list --format tsv "$@" | sed -n 2p | cut -f1; }
vt=$(tsv --kind vt)
spec=$(tsv --kind specialistisch)
up=$(tsv --kind opschalen)
at=2026-11-20T11:00:00Z as gijs.gedrag decide "$vt" --ask --motivation "Wat zegt de school?"
at=2026-11-20T15:00:00Z as carla.coach answer "$vt" --text "$(printf 'Blauwe plekken.\nTwee keer deze maand.')"
at=2026-11-23T08:30:00Z as gijs.gedrag decide "$vt" --approve --motivation "Melden is nodig."
at=2026-11-22T16:00:00Z as greet.gw decide "$spec" --reject --motivation "Eerst het netwerk" --instead "Netwerkberaad"
at=2026-11-22T17:00:00Z as cees.celik withdraw "$up" --reason "Opgelost"
# everything, oldest first
casus --lang en --db team.db escalation list
casus --lang en --db team.db escalation list --format tsv
casus --lang en --db team.db escalation list --format json
# filters and the queue
casus --lang en --db team.db escalation list --family 2026-0002 --format tsv
casus --lang en --db team.db escalation list --status rejected
casus --lang en --db team.db escalation list --kind vt --status approved --format tsv
casus --lang en --db team.db escalation list --pending
casus --lang en --db team.db escalation list --pending --family 2026-0001
# one escalation and its history; showing it is logged
casus --lang en --db team.db escalation show "${vt:0:8}"
casus --lang en --db team.db escalation show "$spec" --format json
casus --lang en --db team.db --as greet.gw escalation show "$(tsv --kind crisis)"
"$CASUS" --db team.db audit --format tsv | grep -w read | cut -f3-5,8,10 | norm
# usage errors and unknown escalations (nothing changes)
before=$(snap team.db)
casus --lang en --db team.db escalation
casus --lang en --db team.db escalation frobnicate
casus --lang en --db team.db escalation list --status done
casus --lang en --db team.db escalation list --kind boss
casus --lang en --db team.db escalation list --family 2026-0099
casus --lang en --db team.db escalation show "$vt" --format tsv
casus --lang en --db team.db escalation request 2026-0001 --kind vt
casus --lang en --db team.db escalation request 2026-0001 --kind boss --reason x
casus --lang en --db team.db escalation request 2026-0001 --kind vt --reason x --urgency spoed
casus --lang en --db team.db escalation request 2026-0099 --kind vt --reason "Geen gezin"
casus --lang en --db team.db escalation request 2026-0001 2026-0002 --kind vt --reason x
casus --lang en --db team.db escalation show "${vt:0:4}"
casus --lang en --db team.db escalation show 00000000-0000-4000-8000-000000000000
casus --lang en --db team.db escalation act "$vt" --bogus
casus --lang en --db team.db escalation withdraw
unchanged team.db "$before"
