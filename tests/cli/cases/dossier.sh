# casus export dossier / access: inzage for a family (teamleider only), with parts left
# out and the reason stated, never a BSN; the access report; usage errors; --output
# as a new 0600 file. Every export is in the access log.
. "$CASUS_LIB"
exec </dev/null
CASUS_NOW=2026-11-19T16:00:00Z setup_team_as
CASUS_NOW=2026-11-20T08:00:00Z quiet --db team.db family add Jansen --address "Dorpsstraat 1" --phone 06-12345678
CASUS_NOW=2026-11-20T08:10:00Z quiet --db team.db family person add 2026-0001 --given Eva --family-name Jansen --role ouder --authority --bsn 111222333
CASUS_NOW=2026-11-20T08:11:00Z quiet --db team.db family person add 2026-0001 --given Mees --family-name Jansen --role kind --born 2017-05-04
CASUS_NOW=2026-11-22T09:30:00Z quiet --db team.db family regie 2026-0001 carla.coach
CASUS_NOW=2026-11-22T11:00:00Z quiet --db team.db --as carla.coach family show 2026-0001
SSH_CLIENT='192.0.2.7 52814 22' CASUS_NOW=2026-11-23T07:45:00Z quiet --db team.db --as greet.gw family show 2026-0001
casus --lang en --db team.db export dossier 2026-0001 --format md
casus --lang en --db team.db export dossier 2026-0001 --format json --leave-out access,consent --reason "protects a third person"
casus --db team.db export access 2026-0001 --format md
echo "bsn in exports: $("$CASUS" --db team.db export dossier 2026-0001 --format json | grep -c 111222333)"
# refused, and nothing is logged
before=$(snap team.db)
casus --lang en --db team.db --as carla.coach export dossier 2026-0001 --format md
casus --lang en --db team.db --as greet.gw export access 2026-0001 --format json
casus --lang en --db team.db export dossier 2026-0001
casus --lang en --db team.db export dossier 2026-0001 --format pdf
casus --lang en --db team.db export dossier 2026-0001 --format md --leave-out notes
casus --lang en --db team.db export dossier 2026-0001 --format md --leave-out bsn --reason x
casus --lang en --db team.db export dossier 2026-0001 --format md --reason x
casus --lang en --db team.db export access 2026-0001 --format md --leave-out notes --reason x
casus --lang en --db team.db export dossier 2026-0099 --format md
casus --lang en --db team.db export passport 2026-0001
unchanged team.db "$before"
# to a new file, readable by its owner only
casus --lang en --db team.db export access 2026-0001 --format json --output access.json
stat -c %a access.json
casus --lang en --db team.db export access 2026-0001 --format json --output access.json
casus --lang en --db team.db audit --family 2026-0001 --format tsv | cut -f3,4,8,10 | tail -6
