# casus meeting and casus export minutes: a meeting planned, its agenda proposed
# (casusinbreng, team issue), run (rounds, a decision, an action, a note), finished
# with the open item moved on; the minutes in Dutch and English, md and json, with
# --privacy (no family name, no notes) and --output as a new 0600 file.
. "$CASUS_LIB"
setup_team_as
quiet --db team.db family add "van der Berg"
quiet --db team.db family add Jansen
quiet --db team.db family regie 2026-0001 carla.coach
quiet --db team.db family regie 2026-0002 carla.coach
quiet --db team.db family phase 2026-0002 intake
quiet --db team.db family phase 2026-0002 plan
casus --lang en --db team.db meeting list
casus --lang en --db team.db meeting new --date 2026-11-30 --chair carla.coach --minutes cees.celik
casus --lang en --db team.db --as carla.coach meeting inbreng 2026-0001 "Hoe verder met school?"
casus --lang en --db team.db --as carla.coach meeting inbreng 2026-0002 "Is het plan haalbaar?"
casus --lang en --db team.db team-issue add "Overdracht bij ziekte" --for-meeting --priority hoog
casus --lang en --db team.db meeting attend 2026-11-30 greet.gw
casus --lang en --db team.db meeting attend 2026-11-30 --guest "Jet Arts" --role jeugdarts
casus --lang en --db team.db meeting propose 2026-11-30
casus --lang en --db team.db meeting agenda 2026-11-30
casus --lang en --db team.db meeting agenda 2026-11-30 --format tsv | cut -f1,3-11
casus --lang en --db team.db meeting list --format tsv | cut -f2-9
export CASUS_NOW=2026-11-30T13:00:00Z
casus --lang en --db team.db --as carla.coach meeting start 2026-11-30
casus --lang en --db team.db --as carla.coach meeting item 2026-11-30 1 start
export CASUS_NOW=2026-11-30T13:07:00Z
casus --lang en --db team.db --as carla.coach meeting item 2026-11-30 1 round
casus --lang en --db team.db --as carla.coach meeting item 2026-11-30 1 round
casus --lang en --db team.db --as cees.celik meeting decide 2026-11-30 1 "Gesprek met school plannen" --owner carla.coach --due 2026-12-14
casus --lang en --db team.db --as cees.celik meeting action 2026-11-30 1 "Belt de mentor" --owner carla.coach --due 2026-12-07
casus --lang en --db team.db --as greet.gw meeting note 2026-11-30 1 "Moeder van der Berg wil meedenken"
export CASUS_NOW=2026-11-30T13:25:00Z
casus --lang en --db team.db --as carla.coach meeting item 2026-11-30 1 done
# an action on a family with a plan goes into that plan
casus --lang en --db team.db --as cees.celik meeting item 2026-11-30 2 start
casus --lang en --db team.db --as cees.celik meeting action 2026-11-30 2 "Plant huisbezoek met Jansen" --owner carla.coach
casus --lang en --db team.db --as cees.celik meeting item 2026-11-30 2 done
"$CASUS" --lang en --db team.db export plan 2026-0002 --format md | grep -i huisbezoek
casus --lang en --db team.db --as carla.coach meeting finish --move-open 2026-11-30
casus --lang en --db team.db meeting agenda 2026-11-30
# the minutes: Dutch (default) and English, md and json
casus --db team.db export minutes 2026-11-30 --format md
casus --lang en --db team.db export minutes 2026-11-30 --format md
casus --lang en --db team.db export minutes 2026-11-30 --format json
# --privacy: no family name anywhere, no notes
casus --db team.db export minutes 2026-11-30 --format md --privacy
"$CASUS" --db team.db export minutes 2026-11-30 --format md --privacy >p.md
"$CASUS" --lang en --db team.db export minutes 2026-11-30 --format json --privacy >p.json
grep -c -e "Berg" -e "Jansen" -e "meedenken" p.md p.json
# --output: a new 0600 file, never overwritten; a refused export leaves none
mkdir out
casus --lang en --db team.db export minutes 2026-11-30 --format md --output out/m.md
stat -c '%a %n' out/m.md
casus --lang en --db team.db export minutes 2026-11-30 --format md --output out/m.md
casus --lang en --db team.db export minutes 2099-01-01 --format md --output out/none.md
ls out
"$CASUS" --db team.db audit --format tsv | grep -w export | cut -f3,4,7 | norm | sort | uniq -c
