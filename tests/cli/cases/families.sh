# family add, list (filters, sorts, search with diacritic folding, every format)
# and show (table and JSON).
. "$CASUS_LIB"
setup_team
casus --lang en --db team.db family add "Çelik" --source school --triage b --registered 2026-09-14 --address "Dorpsstraat 1, Venlo" --phone "06-12345678"
casus --lang en --db team.db family add "van der Berg" --kind zorgmelding --source veilig_thuis --triage D --framework drang --registered 2026-10-02
casus --lang en --db team.db family add "Jansen" --registered 2026-08-30
casus --lang en --db team.db family add "Ødegaard" --triage A
casus --lang en --db team.db family add "Bakker-de Vries" --triage C --registered 2026-11-01
casus --lang en --db team.db family add "山田 (Yamada)" --registered 2026-11-20
casus --lang en --db team.db family add "Zoë Smit, een naam die te lang is voor de kolom in de tabel"
quiet --db team.db family regie 2026-0001 carla.coach
quiet --db team.db family regie 2026-0002 cees.celik
quiet --db team.db family regie 2026-0004 "$me"
quiet --db team.db family phase 2026-0002 intake
quiet --db team.db family phase 2026-0004 intake
quiet --db team.db family phase 2026-0004 plan
quiet --db team.db family person add 2026-0003 --given Ali --family-name Yılmaz --role kind --born 2015-06-01
quiet --db team.db family person add 2026-0003 --given Fatma --family-name Jansen --role ouder --authority
# the case list
casus --lang en --db team.db family list
casus --lang en --db team.db family list --format tsv
casus --lang en --db team.db family list --format json
# filters
casus --lang en --db team.db family list --phase intake --format tsv
casus --lang en --db team.db family list --open --coach carla.coach --format tsv
casus --lang en --db team.db family list --mine --format tsv
casus --lang en --db team.db family list --unassigned --format tsv
casus --lang en --db team.db family list --coach no.such.login --format tsv
# search: words as prefixes, diacritics folded, persons' names included
casus --lang en --db team.db family list --search celik --format tsv
casus --lang en --db team.db family list --search "CELIK" --format tsv
casus --lang en --db team.db family list --search ødegaard --format tsv
casus --lang en --db team.db family list --search berg --format tsv
casus --lang en --db team.db family list --search "ali yıl" --format tsv
casus --lang en --db team.db family list --search 'zoe smit' --format tsv
casus --lang en --db team.db family list --search '"; DROP TABLE family; --' --format tsv
casus --lang en --db team.db family list --search nobody
# sorts
casus --lang en --db team.db family list --sort case --desc --format tsv
casus --lang en --db team.db family list --sort phase --format tsv
casus --lang en --db team.db family list --sort regie --format tsv
casus --lang en --db team.db family list --sort triage --format tsv
casus --lang en --db team.db family list --sort registered --desc --format tsv
# one family's dossier
casus --lang en --db team.db family show 2026-0003
casus --lang en --db team.db family show 2026-0001 --format json
casus --lang en --db team.db family show 2026-0099
