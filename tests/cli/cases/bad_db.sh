# Bad databases get a clear message (exit 5) and are never changed or replaced:
# missing, empty, not SQLite, another program's SQLite file, damaged, made by a
# newer casus, readable by others, read-only; and --as outside a demo database.
. "$CASUS_LIB"
# missing: says how to make one, creates nothing
casus --lang en family list
casus --lang en --db nothere.db family add Jansen
ls -A . "$HOME"
# CASUS_DB names the database when --db is not given
CASUS_DB=nothere2.db casus --lang en member list
# a folder, an empty file, a text file
casus --lang en --db . family list
: >empty.db; chmod 600 empty.db
casus --lang en --db empty.db family list
printf 'Dit is geen database.\n' >notes.db; chmod 600 notes.db
sum=$(file_snap notes.db)
casus --lang en --db notes.db family add Jansen
file_unchanged notes.db "$sum"
casus --lang en --db notes.db init --team X
file_unchanged notes.db "$sum"
# an SQLite database of another program
sqlite3 other.db 'CREATE TABLE recipes(name TEXT); INSERT INTO recipes VALUES (1);'
chmod 600 other.db
sum=$(file_snap other.db)
casus --lang en --db other.db family list
casus --lang en --db other.db check
file_unchanged other.db "$sum"
# a team database to spoil in various ways
setup_team
quiet --db team.db family add Jansen
cp team.db newer.db
sqlite3 newer.db 'PRAGMA user_version = 99'
sum=$(file_snap newer.db)
casus --lang en --db newer.db family list | sed -E "s/knows up to [0-9]+/knows up to N/"
file_unchanged newer.db "$sum"
# readable by others: refused until fixed
cp team.db open.db; chmod 644 open.db
casus --lang en --db open.db family list
ls -l open.db | cut -c1-10
# damaged: a page overwritten with junk
cp team.db damaged.db
head -c 4096 /dev/zero | tr '\0' 'x' | dd of=damaged.db bs=4096 seek=3 conv=notrunc status=none
sum=$(file_snap damaged.db)
casus --lang en --db damaged.db family list --format tsv
casus --lang en --db damaged.db check
file_unchanged damaged.db "$sum"
# --as is for demo databases only
before=$(snap team.db)
casus --lang en --db team.db --as carla.coach family add Bakker
unchanged team.db "$before"
# read-only: reading works, writing is refused with a clear message
mkdir ro; cp team.db ro/team.db
make_readonly ro/team.db
before=$(snap ro/team.db)
reader --lang en --db ro/team.db family list --format tsv
reader --lang en --db ro/team.db check
reader --lang en --db ro/team.db family add Bakker
reader --lang en --db ro/team.db family edit 2026-0001 --triage B
reader --lang en --db ro/team.db family close 2026-0001 --reason "klaar"
unchanged ro/team.db "$before"
