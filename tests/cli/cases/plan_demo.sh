# Issue 4's plan flow in the demo, all by keyboard in an 80x24 terminal, as the family's
# regievoerder: open Bos (phase plan, a draft plan), add a goal under a leefgebied with
# a 0-10 scale, add two actions with owners and due dates, agree the plan on behalf of
# both parents, then change it: a new draft, and the diff against the agreed version.
# The export shows the result.
. "$CASUS_LIB"
exec </dev/null
quiet demo --db demo.db
"$CASUS" --db demo.db --as nverbeek --lang en --script="$(dirname "$CASUS_LIB")/data/plan_demo.keys" --size=80x24
echo "[exit $?]"
casus --db demo.db --as nverbeek export plan 2026-0030 --version 1 --format json | grep -E '"(version|status|how|agreed_on|text|owner|due_on)"|"name": "(Kees Bos|Anna Kramer)"' | sed 's/^ *//' | sort | uniq -c
casus --db demo.db --as nverbeek export plan 2026-0030 --format json | grep -E '^  "(version|status)"'
