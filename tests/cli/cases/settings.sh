# casus setting list|set: every member reads the team's settings, only a teamleider
# changes them; values are checked for their kind; each change is in the access log.
. "$CASUS_LIB"
setup_team_as
casus --lang en --db team.db setting list
casus --lang en --db team.db --as carla.coach setting list --format tsv
casus --lang en --db team.db setting set norm.first_visit_days 10
casus --lang en --db team.db setting set escalation.approval.raad 0
casus --lang en --db team.db setting set escalation.opschalen_levels "$(printf 'teamleider\nregiomanager')"
# refused: out of range, not 0/1, unknown, not a teamleider
before=$(snap team.db)
casus --lang en --db team.db setting set retention.years 15
casus --lang en --db team.db setting set escalation.approval.crisis ja
casus --lang en --db team.db setting set no.such.setting 1
casus --lang en --db team.db --as greet.gw setting set norm.first_visit_days 3
casus --lang en --db team.db setting set norm.first_visit_days
casus --lang en --db team.db setting
casus --lang en --db team.db setting frobnicate
casus --lang en --db team.db setting list --format xml
unchanged team.db "$before"
casus --lang en --db team.db setting list
casus --lang en --db team.db setting list --format json
"$CASUS" --db team.db audit --format tsv | grep -w setting | cut -f3,4,10 | norm
