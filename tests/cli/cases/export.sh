# casus export plan|meldcode: the language of --lang (default nl), md and json,
# --output as a new file of mode 0600 that never replaces an existing file (not
# even through a symbolic link), no file left behind by a refused export, every
# export in the access log, usage errors. There is no CLI yet to write a plan or a
# meldcode trajectory, so the family has neither: the meldcode export says so, the
# plan export refuses clearly.
. "$CASUS_LIB"
setup_team
quiet --db team.db family add Jansen
quiet --db team.db family regie 2026-0001 carla.coach
casus --lang en --db team.db export meldcode 2026-0001 --format md
# without --lang the document is in Dutch (the access log below says "md nl")
"$CASUS" --db team.db export meldcode 2026-0001 --format md >default.md
"$CASUS" --db team.db --lang nl export meldcode 2026-0001 --format md >nl.md
cmp default.md nl.md && echo "default.md and nl.md are the same"
casus --lang en --db team.db export meldcode 2026-0001 --format json
casus --lang en --db team.db export plan 2026-0001 --format md
casus --lang en --db team.db export plan 2026-0001 --format json --version agreed
casus --lang en --db team.db export plan 2026-0001 --format md --version 2
# --output: a new file, readable by its owner only
casus --lang en --db team.db export meldcode 2026-0001 --format json --output out/meldcode.json
mkdir out
casus --lang en --db team.db export meldcode 2026-0001 --format json --output out/meldcode.json
stat -c '%a %n' out/meldcode.json
head -3 out/meldcode.json
# never overwritten, not even through a symbolic link
before=$(file_snap out/meldcode.json)
casus --lang en --db team.db export meldcode 2026-0001 --format md --output out/meldcode.json
file_unchanged out/meldcode.json "$before"
ln -s ../elsewhere.md out/link.md
casus --lang en --db team.db export meldcode 2026-0001 --format md --output out/link.md
ls elsewhere.md 2>&1 | sed 's/^ls: //'
# a refused export leaves no file
casus --lang en --db team.db export plan 2026-0001 --format md --output out/plan.md
casus --lang en --db team.db export meldcode 2026-0099 --format md --output out/nobody.md
ls out
# every export is in the access log: event, login, family, object, detail
"$CASUS" --db team.db audit --format tsv | grep -w export | cut -f3,4,7,8,10 | norm
# usage errors
before=$(snap team.db)
casus --lang en --db team.db export
casus --lang en --db team.db export dossier 2026-0001
casus --lang en --db team.db export meldcode 2026-0001
casus --lang en --db team.db export meldcode 2026-0001 --format pdf
casus --lang en --db team.db export meldcode 2026-0001 --format md --version 2
casus --lang en --db team.db export plan 2026-0001 --format md --version 0
casus --lang en --db team.db export plan 2026-0001 --format md --version latest
casus --lang en --db team.db export plan 2026-0001 --format md --output ""
casus --lang en --db team.db export plan --format md
unchanged team.db "$before"
