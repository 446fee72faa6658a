#!/bin/bash
# Concurrent users: eight coaches (eight processes) change the same four families,
# their persons and notes at once, for a fixed number of operations each. Read-modify-
# write with rev means many updates hit a stale rev; each must come back as a
# conflict (acknowledged, re-read, retried), never be lost, and never fail with
# "database is locked". Afterwards the database must hold exactly the sum of the
# acknowledged operations (rel_check verify --exact).
# shellcheck disable=SC2015 # ok() always succeeds: A && ok || bad is an if-else
# shellcheck source-path=SCRIPTDIR source=common.sh
. "$(dirname "$0")/common.sh" "$@"

coaches=8
ops=$((240 / rel_scale))
db=$work/team.db

"$rel_check" init "$db" --families 4 --coaches "$coaches" >/dev/null \
	&& ok "made a team of $coaches coaches and 4 families" \
	|| { bad "rel_check init"; summary; exit; }

start=$(now_ms)
pids=()
for i in $(seq 1 "$coaches"); do
	# A short think time between reading and saving, as a coach would have, makes
	# stale revs (conflicts) certain rather than lucky.
	"$rel_worker" "$db" --id "$i" --seed 20261123 --ops "$ops" --as "coach$i" \
		--ack "$work/ack-$i.log" --think-us 3000 2>"$work/err-$i.log" &
	pids+=($!)
done

busy=0
for i in $(seq 1 "$coaches"); do
	if ! wait_exit "${pids[$((i - 1))]}" 150; then
		bad "coach$i did not finish $ops operations within 150 s"
		continue
	fi
	[ "$rc" -eq 3 ] && busy=$((busy + 1))
	if [ "$rc" -eq 0 ] && [ ! -s "$work/err-$i.log" ]; then
		ok "coach$i did $ops operations"
	else
		bad "coach$i ended with status $rc: $(cat "$work/err-$i.log")"
	fi
done
echo "# $coaches x $ops operations took $(($(now_ms) - start)) ms"

if [ "$busy" -eq 0 ] && ! grep -qiE 'busy|locked' "$work"/err-*.log; then
	ok "no operation failed with 'database busy' or 'locked'"
else
	bad "$busy coaches hit 'database busy'"
fi

"$rel_check" verify "$db" --exact --done "$coaches" "$work"/ack-*.log >"$work/verify.out" 2>&1
vrc=$?
sed 's/^/# /' "$work/verify.out"
if [ "$vrc" -eq 0 ]; then
	ok "final state equals the sum of the acknowledged operations"
else
	bad "final state differs from the acknowledged operations (see above)"
fi

conflicts=$(grep -c ' conflict ' "$work"/ack-*.log | awk -F: '{ s += $2 } END { print s + 0 }')
if [ "$conflicts" -gt 0 ]; then
	ok "$conflicts stale updates were reported as conflicts and retried"
else
	bad "no conflicts at all: the test did not exercise concurrent updates"
fi
summary
