# casus init and team members: add, list (table, tsv, json), set; the rules core
# enforces (last teamleider, duplicates) and that refusals change nothing.
. "$CASUS_LIB"
casus --lang en --db team.db init --team "Wijkteam Noord" --name "Tessa Leider"
ls -l team.db | cut -c1-10
casus --lang en --db team.db member add carla.coach --name "Carla Coach" --role coach
casus --lang en --db team.db member add cees.celik --name "Cees Çelik" --role coach --aandachtsfunctionaris
casus --lang en --db team.db member add greet.gw --name "Greet de Wit" --role gw
casus --lang en member add --db team.db  yuki.tanaka --name "田中 由紀" --role=coach
casus --lang en --db team.db member list
casus --lang en --db team.db member list --format tsv
casus --lang en --db team.db member list --format json
# changes
casus --lang en --db team.db member set carla.coach --role teamleider --name "Carla de Coach"
casus --lang en --db team.db member set cees.celik --no-aandachtsfunctionaris
casus --lang en --db team.db member set greet.gw --inactive
casus --lang en --db team.db member list --format tsv
casus --lang en --db team.db member list --all --format tsv
casus --lang en --db team.db member set greet.gw --active
# refusals leave the database as it was
before=$(snap team.db)
casus --lang en --db team.db member add carla.coach --name "Carla Again" --role coach
casus --lang en --db team.db member add 'bad login' --name "Bad" --role coach
casus --lang en --db team.db member set nobody.here --inactive
casus --lang en --db team.db member add empty.name --name "   " --role coach
unchanged team.db "$before"
# the last active teamleider cannot leave
casus --lang en --db team.db member set carla.coach --role coach
before=$(snap team.db)
casus --lang en --db team.db member set "$me" --inactive
unchanged team.db "$before"
# init never overwrites
casus --lang en --db team.db init --team "Another"
unchanged team.db "$before"
# a database shared through a Unix group is 0660; an unknown group creates nothing
quiet --db shared.db init --team "Gedeeld" --name "Tessa Leider" --group "$(id -gn)"
stat -c %a shared.db
casus --lang en --db nogroup.db init --team "Gedeeld" --group no-such-group-here
ls nogroup.db 2>&1 | sed 's/^ls: //'
