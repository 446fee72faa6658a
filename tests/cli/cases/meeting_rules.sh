# casus meeting: the rules core enforces, seen from the CLI: only the chair or the
# minute-taker start a meeting and record decisions and actions, minutes only while
# it runs, one running meeting at a time, validation of dates, logins, positions,
# and usage errors that change nothing.
. "$CASUS_LIB"
setup_team_as
quiet --db team.db family add Jansen
quiet --db team.db family regie 2026-0001 carla.coach
quiet --db team.db --as carla.coach meeting new --date 2026-11-30 --chair carla.coach --minutes cees.celik
quiet --db team.db --as carla.coach meeting new --date 2026-12-07 --chair carla.coach --minutes carla.coach
quiet --db team.db --as carla.coach meeting inbreng 2026-0001 "Wat nu?"
# validation
casus --lang en --db team.db meeting new --date 2026-13-01 --chair carla.coach --minutes cees.celik
casus --lang en --db team.db meeting new --date 2026-12-14 --chair nobody.here --minutes cees.celik
casus --lang en --db team.db meeting new --date 2026-12-14 --chair carla.coach
casus --lang en --db team.db meeting agenda 2099-01-01
casus --lang en --db team.db meeting attend 2026-11-30
casus --lang en --db team.db meeting attend 2026-11-30 --guest "Jet Arts"
casus --lang en --db team.db meeting inbreng 2026-0099 "Wie?"
casus --lang en --db team.db --as carla.coach meeting inbreng 2026-0001 "Nog een keer?"
casus --lang en --db team.db meeting item 2026-11-30 9 start
casus --lang en --db team.db meeting item 2026-11-30 x start
casus --lang en --db team.db meeting item 2026-11-30 1 jump
casus --lang en --db team.db meeting reorder 2026-11-30 1 0
casus --lang en --db team.db meeting action 2026-11-30 1 "Bellen"
casus --lang en --db team.db meeting frobnicate
# before the start: no minutes
casus --lang en --db team.db --as cees.celik meeting decide 2026-11-30 1 "Te vroeg"
# only the chair or the minute-taker start it and record decisions
casus --lang en --db team.db --as greet.gw meeting start 2026-11-30
casus --lang en --db team.db --as cees.celik meeting start 2026-11-30
casus --lang en --db team.db --as carla.coach meeting start 2026-12-07
casus --lang en --db team.db --as greet.gw meeting decide 2026-11-30 1 "Niet mijn besluit"
casus --lang en --db team.db --as anouk.af meeting action 2026-11-30 1 "Bellen" --owner anouk.af
casus --lang en --db team.db --as cees.celik meeting decide 2026-11-30 1 "Wel" --due 2026-02-30
casus --lang en --db team.db --as cees.celik meeting decide 2026-11-30 1 ""
casus --lang en --db team.db --as cees.celik meeting decide 2026-11-30 1 "Wel besluiten"
casus --lang en --db team.db --as cees.celik meeting item 2026-11-30 1 round
casus --lang en --db team.db --as cees.celik meeting finish 2026-11-30
# after the finish: no new minutes
casus --lang en --db team.db --as cees.celik meeting decide 2026-11-30 1 "Te laat"
casus --lang en --db team.db meeting list
