# casus team-issue: the register persists across meetings. An issue marked for the
# meeting goes on the next agenda (the mark is cleared), is moved on when it is not
# finished, is decided later, and keeps its history in the register.
. "$CASUS_LIB"
setup_team_as
casus --lang en --db team.db team-issue list
casus --lang en --db team.db --as carla.coach team-issue add "Overdracht bij ziekte" --priority hoog --proposal "Buddy per coach" --decider teamleider --for-meeting
casus --lang en --db team.db --as cees.celik team-issue add "Dossiervorming na huisbezoek"
casus --lang en --db team.db team-issue add "Te laag" --priority urgent
casus --lang en --db team.db team-issue list
quiet --db team.db meeting new --date 2026-11-30 --chair carla.coach --minutes cees.celik
quiet --db team.db meeting new --date 2026-12-07 --chair carla.coach --minutes cees.celik
casus --lang en --db team.db meeting propose 2026-11-30
casus --lang en --db team.db team-issue list --format tsv | cut -f1,3-9
export CASUS_NOW=2026-11-30T13:00:00Z
quiet --db team.db --as carla.coach meeting start 2026-11-30
casus --lang en --db team.db --as carla.coach meeting item 2026-11-30 1 move
quiet --db team.db --as carla.coach meeting finish 2026-11-30
casus --lang en --db team.db meeting agenda 2026-12-07
export CASUS_NOW=2026-12-07T13:00:00Z
casus --lang en --db team.db team-issue set 1 --phase besloten
casus --lang en --db team.db team-issue set '#1' --phase besloten --decision "Elke coach heeft een buddy"
casus --lang en --db team.db team-issue set 9 --phase open
casus --lang en --db team.db team-issue mark 2
casus --lang en --db team.db team-issue mark 2 --off
casus --lang en --db team.db team-issue set 1 --phase afgerond
casus --lang en --db team.db team-issue mark 1
casus --lang en --db team.db team-issue list
casus --lang en --db team.db team-issue list --all --format json
casus --db team.db team-issue list --all
