# Notes on the command line and breaking the glass: with the team's restriction on
# confidential notes, a coach who is not the regievoerder sees such a note withheld;
# note show refuses it (exit 4) and names --break-glass; without a reason core refuses
# (exit 1) and nothing is written; with a reason the note is shown and the access log
# gets a 'breakglass' row that casus audit marks. The regievoerder reads it without
# breaking anything. Searches from family list --search are logged with their result
# count; casus audit takes --until (a whole day, with --since).
. "$CASUS_LIB"
exec </dev/null # the workstation is the terminal when stdin is one
quiet --lang en demo --db team.db
quiet --db team.db --as hvdlinden setting set privacy.restrict_confidential_notes 1
note=$(sqlite3 team.db "SELECT n.id FROM note n JOIN family f ON f.id = n.family_id
	WHERE f.case_no = '2026-0004' AND n.confidential = 1")
export CASUS_NOW=2026-11-24T10:00:00Z
casus --lang en --db team.db --as dkoster family note list 2026-0004
casus --lang en --db team.db --as dkoster family note list 2026-0004 --format json \
	| grep -E '"(confidential|withheld)": true' | sort | uniq -c
before=$(snap team.db)
casus --lang en --db team.db --as dkoster family note show "$note"
casus --lang en --db team.db --as dkoster family note show "$note" --break-glass ''
casus --lang en --db team.db --as dkoster family note show "$note" --break-glass '   '
casus --lang en --db team.db --as dkoster family note show "$note" --break-glass "$(printf 'a\nb')"
casus --lang en --db team.db --as dkoster family note show no-such-note --break-glass spoed
casus --lang en --db team.db --as dkoster family note
casus --lang en --db team.db --as dkoster family note erase "$note"
casus --lang en --db team.db --as dkoster family note show
unchanged team.db "$before"
casus --lang en --db team.db --as dkoster family note show "$note" \
	--break-glass 'Regievoerder ziek; school belt over blauwe plekken'
# the regievoerder (ekaraca) and the teamleider read it without breaking the glass
casus --lang en --db team.db --as ekaraca family note show "$note" | head -5
casus --lang en --db team.db --as hvdlinden family note show "$note" --break-glass x | head -2
# searches are logged with the number of families found
casus --lang en --db team.db --as dkoster family list --search jans --format tsv
casus --lang en --db team.db --as dkoster family list --search zzzz
# what dkoster did on the 24th, and nothing of it up to the 23rd
casus --lang en --db team.db --as hvdlinden audit --user dkoster --since 2026-11-24
casus --lang en --db team.db --as hvdlinden audit --user dkoster --since 2026-11-24 --until 2026-11-24 --format tsv
"$CASUS" --db team.db --as hvdlinden audit --user dkoster --until 2026-11-23 --format tsv \
	| grep -cE '	(search|breakglass)	'
casus --lang en --db team.db --as hvdlinden audit --until 2026-13-01
casus --lang en --db team.db --as hvdlinden audit --since 2026-11-24 --until 2026-11-23
casus --lang en --db team.db --as hvdlinden audit --verify --until 2026-11-24
casus --lang en --db team.db audit --verify
