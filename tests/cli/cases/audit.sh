# casus audit: the access log for a teamleider, with filters and in every format; a
# family's report is itself recorded (as an export); other roles are refused. Then
# casus audit --verify: intact, and after rows were changed, removed or cut off
# behind casus's back (exit 6 naming the first broken row); it also works on a
# read-only database.
. "$CASUS_LIB"
exec </dev/null # the workstation is the terminal when stdin is one
CASUS_NOW=2026-11-19T16:00:00Z setup_team_as
CASUS_NOW=2026-11-20T08:00:00Z quiet --db team.db family add Jansen
CASUS_NOW=2026-11-21T10:00:00Z quiet --db team.db family add Bakker
CASUS_NOW=2026-11-22T09:30:00Z quiet --db team.db family regie 2026-0001 carla.coach
CASUS_NOW=2026-11-22T11:00:00Z quiet --db team.db --as carla.coach family show 2026-0001
SSH_CLIENT='192.0.2.7 52814 22' CASUS_NOW=2026-11-23T07:45:00Z quiet --db team.db --as greet.gw family show 2026-0002
casus --lang en --db team.db audit
casus --lang en --db team.db audit --format tsv
casus --lang en --db team.db audit --user carla.coach --format json
casus --lang en --db team.db audit --since 2026-11-22 --format tsv
# a family's report: recorded before it is shown, so it names itself
casus --lang en --db team.db audit --family 2026-0001
casus --lang en --db team.db audit --family 2026-0001 --since 2026-11-23 --format tsv
casus --lang en --db team.db audit --user nobody.here
# only a teamleider reads the log
before=$(snap team.db)
casus --lang en --db team.db --as carla.coach audit
casus --lang en --db team.db --as greet.gw audit --family 2026-0001 --format tsv
# bad filters
casus --lang en --db team.db audit --since gisteren
casus --lang en --db team.db audit --since 2026-02-30
casus --lang en --db team.db audit --format xml
casus --lang en --db team.db audit --family 2026-0099
casus --lang en --db team.db audit --verify --family 2026-0001
casus --lang en --db team.db audit 2026-0001
unchanged team.db "$before"
# the hash chain: intact, for anyone
casus --lang en --db team.db audit --verify
casus --lang en --db team.db --as carla.coach audit --verify
# a row changed behind casus's back
cp team.db changed.db
sqlite3 changed.db "DROP TRIGGER audit_no_update; UPDATE audit SET login = 'mallory' WHERE seq = 3"
casus --lang en --db changed.db audit --verify
# a row removed, and the newest rows cut off
cp team.db gap.db
sqlite3 gap.db "DROP TRIGGER audit_no_delete; DELETE FROM audit WHERE seq = 4"
casus --lang en --db gap.db audit --verify
cp team.db cut.db
sqlite3 cut.db "DROP TRIGGER audit_no_delete; DELETE FROM audit WHERE seq > 9"
casus --lang en --db cut.db audit --verify
# a read-only database (as root, make_readonly adds a member first: hide the count)
cp team.db readonly.db
make_readonly readonly.db
reader --lang en --db readonly.db audit --verify | sed 's/([0-9]* rows)/(N rows)/'
