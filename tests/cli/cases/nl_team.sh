# In het Nederlands (the default language): a team, members and the case list.
. "$CASUS_LIB"
casus --db team.db init --team "Jeugdteam Venlo" --name "Tessa Leider"
casus --db team.db member add carla.coach --name "Carla Coach" --role coach
casus --db team.db member add greet.gw --name "Greet de Wit" --role gedragswetenschapper --aandachtsfunctionaris
casus --db team.db member list
casus --db team.db family add "Çelik" --triage B
casus --db team.db family add "de Jong"
casus --db team.db family regie 2026-0001 carla.coach
casus --db team.db family phase 2026-0001 intake
casus --db team.db family list
casus --db team.db family list --search celik --format tsv
casus --db team.db family show 2026-0001
casus --db team.db check
casus --lang nl --help
