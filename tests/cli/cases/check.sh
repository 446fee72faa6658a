# casus check: exit 0 on a sound database; on a tampered one (changes made with the
# sqlite3 shell behind casus's back) exit 6, naming the first problem of each check.
. "$CASUS_LIB"
setup_team
quiet --db team.db family add Jansen
quiet --db team.db family add Bakker
quiet --db team.db family regie 2026-0001 carla.coach
quiet --db team.db family regie 2026-0002 cees.celik
casus --lang en --db team.db check
casus --lang en --db team.db check --format json
# the audit table refuses changes while its safeguards are there
sqlite3 team.db "UPDATE audit SET login = 'mallory' WHERE seq = 3" 2>&1 | grep -o 'append-only'
sqlite3 team.db "DELETE FROM audit WHERE seq = 3" 2>&1 | grep -o 'append-only'
casus --lang en --db team.db check --format json
# drop a safeguard and edit a row of the access log
cp team.db audit.db
sqlite3 audit.db "DROP TRIGGER audit_no_update; UPDATE audit SET login = 'mallory' WHERE seq = 3"
casus --lang en --db audit.db check
# remove the newest access-log rows
cp team.db cut.db
sqlite3 cut.db "DROP TRIGGER audit_no_delete; DELETE FROM audit WHERE seq > 5"
casus --lang en --db cut.db check --format json
# the regievoerder on the family no longer matches the regie history; a closed
# phase without closing date (needs the schema's CHECK switched off)
cp team.db model.db
sqlite3 model.db "UPDATE family SET regie_id = NULL WHERE case_no = '2026-0002';
	PRAGMA ignore_check_constraints = ON;
	UPDATE family SET phase = 'afgesloten' WHERE case_no = '2026-0001'"
casus --lang en --db model.db check
# a reference to a member that does not exist
cp team.db fk.db
sqlite3 fk.db "PRAGMA foreign_keys = OFF; UPDATE regie SET member_id = '00000000-0000-4000-8000-00000000dead'
	WHERE family_id = (SELECT id FROM family WHERE case_no = '2026-0001')"
casus --lang en --db fk.db check
