# Bad values get a clear message and change nothing: names of 10,000 characters,
# invalid UTF-8 (passed through untouched for core to refuse), an invalid BSN, a
# birth date in the future or not a date, a registration date in the future, a
# second regievoerder, unknown options on commands that write.
. "$CASUS_LIB"
setup_team
quiet --db team.db family add Jansen
quiet --db team.db family regie 2026-0001 carla.coach
long=$(printf 'a%.0s' $(seq 10000))
bad=$(printf 'Jans\xffen')
before=$(snap team.db)
# 10,000 characters
casus --lang en --db team.db family add "$long"
casus --lang en --db team.db family edit 2026-0001 --name "$long"
casus --lang en --db team.db family edit 2026-0001 --address "$long"
casus --lang en --db team.db member add long.name --name "$long" --role coach
casus --lang en --db team.db member set carla.coach --name "$long"
casus --lang en --db team.db member add "$long" --name "Long Login" --role coach
casus --lang en --db team.db family person add 2026-0001 --given "$long" --family-name Jansen --role kind
casus --lang en --db team.db family close 2026-0001 --reason "$long$long"
casus --lang en --db team.db family show "$long"
unchanged team.db "$before"
# invalid UTF-8
casus --lang en --db team.db family add "$bad"
casus --lang en --db team.db family edit 2026-0001 --phone "$bad"
casus --lang en --db team.db member add bad.utf8 --name "$bad" --role coach
casus --lang en --db team.db family person add 2026-0001 --given Piet --family-name "$bad" --role kind
casus --lang en --db team.db family phase 2026-0001 intake --reason "$bad"
casus --lang en --db team.db family list --search "$bad" --format tsv
unchanged team.db "$before"
# control characters in a one-line field
casus --lang en --db team.db family add "$(printf 'Jan\tsen')"
unchanged team.db "$before"
# BSN: the elfproef, length, digits only
casus --lang en --db team.db family person add 2026-0001 --given Piet --family-name Jansen --role kind --bsn 123456789
casus --lang en --db team.db family person add 2026-0001 --given Piet --family-name Jansen --role kind --bsn 12345678
casus --lang en --db team.db family person add 2026-0001 --given Piet --family-name Jansen --role kind --bsn 11122233X
unchanged team.db "$before"
# birth dates
casus --lang en --db team.db family person add 2026-0001 --given Piet --family-name Jansen --role kind --born 2026-11-24
casus --lang en --db team.db family person add 2026-0001 --given Piet --family-name Jansen --role kind --born 2031-01-01
casus --lang en --db team.db family person add 2026-0001 --given Piet --family-name Jansen --role kind --born 2025-02-29
casus --lang en --db team.db family person add 2026-0001 --given Piet --family-name Jansen --role kind --born 1-1-2020
unchanged team.db "$before"
# registration in the future, or not a date
casus --lang en --db team.db family add Bakker --registered 2026-12-01
casus --lang en --db team.db family add Bakker --registered gisteren
unchanged team.db "$before"
# a second regievoerder: --assign refuses, and the database itself refuses a second
# active regie row written behind casus's back
casus --lang en --db team.db family regie 2026-0001 cees.celik --assign
unchanged team.db "$before"
sqlite3 team.db "INSERT INTO regie(id, family_id, member_id, started_at, assigned_by)
	SELECT '00000000-0000-4000-8000-000000000001', family_id, member_id, started_at,
	assigned_by FROM regie LIMIT 1" 2>&1 | grep -o 'UNIQUE constraint failed: regie.family_id'
unchanged team.db "$before"
# unknown options on commands that write: nothing happens
casus --lang en --db team.db family add Bakker --triage B --urgent
casus --lang en --db team.db family close 2026-0001 --reason klaar --force
casus --lang en --db team.db member add new.member --name "New" --role coach --admin
unchanged team.db "$before"
# the good values still work (the valid BSN is never printed)
casus --lang en --db team.db family person add 2026-0001 --given Piet --family-name Jansen --role kind --born 2026-11-23 --bsn 111222333
casus --lang en --db team.db family add "$(printf 'a%.0s' $(seq 200))"
