#!/bin/bash
# Crash safety: three coaches write to one database without pause while this script
# kills one of them with SIGKILL at a random (seeded) moment, restarts it, and again,
# 60 times. Most kills land in the middle of the write stream (after the process has
# acknowledged its first write); one in five lands while it is still opening the
# database. Afterwards PRAGMA integrity_check must say ok, the access log's chain
# must verify, every acknowledged write must be there, and at most one write per
# killed process may be committed without an acknowledgement (killed between
# COMMIT and writing the ack).
#
# SIGKILL loses no data that reached the kernel, so this test shows that casus
# acknowledges only committed transactions and that SQLite recovers every
# interrupted one; it cannot show what a power failure does to the disk's cache.
# shellcheck disable=SC2015 # ok() always succeeds: A && ok || bad is an if-else
# shellcheck source-path=SCRIPTDIR source=common.sh
. "$(dirname "$0")/common.sh" "$@"

kills_wanted=60
par=3
db=$work/team.db
RANDOM=20261123 # a fixed seed: the same kill schedule on every run

"$rel_check" init "$db" --families 3 --coaches "$par" >/dev/null \
	&& ok "made a team of $par coaches and 3 families" \
	|| { bad "rel_check init"; summary; exit; }

declare -a pid run ack
start_worker() {
	local i=$1
	run[i]=$((${run[i]:--1} + 1))
	ack[i]=$work/ack-$i-${run[i]}.log
	: >"${ack[i]}"
	"$rel_worker" "$db" --id "$i" --seed 7 --run "${run[i]}" --ops 1000000 \
		--as "coach$((i + 1))" --ack "${ack[i]}" --think-us 300 \
		2>"$work/err-$i-${run[i]}.log" &
	pid[i]=$!
}

# wait_first_ack I: wait (at most 20 s) until worker I acknowledged a write.
wait_first_ack() {
	local deadline=$(($(now_ms) + 20000))
	while [ ! -s "${ack[$1]}" ] && alive "${pid[$1]}"; do
		[ "$(now_ms)" -ge "$deadline" ] && return 1
		sleep 0.01
	done
}

# kill_worker I: SIGKILL worker I; a worker that had already died is a failure.
kill_worker() {
	local i=$1
	if ! alive "${pid[i]}" || ! kill -KILL "${pid[i]}" 2>/dev/null; then
		wait "${pid[i]}"
		bad "coach$((i + 1)) run ${run[i]} died by itself (status $?):" \
			"$(cat "$work/err-$i-${run[i]}.log")"
		return 1
	fi
	wait "${pid[i]}" 2>/dev/null
	kills=$((kills + 1))
}

for i in $(seq 0 $((par - 1))); do
	start_worker "$i"
done
start=$(now_ms)
kills=0
mid_stream=0
deaths=0
for _ in $(seq 1 $((kills_wanted - par))); do
	i=$((RANDOM % par))
	if [ $((RANDOM % 5)) -ne 0 ]; then
		wait_first_ack "$i" || { bad "coach$((i + 1)) wrote nothing in 20 s"; break; }
		mid_stream=$((mid_stream + 1))
		sleep_ms $((RANDOM % 120))
	else
		sleep_ms $((RANDOM % 15)) # while it opens the database
	fi
	kill_worker "$i" || deaths=$((deaths + 1))
	start_worker "$i"
done
# The last kills: every worker still running, so none ends cleanly.
for i in $(seq 0 $((par - 1))); do
	wait_first_ack "$i"
	sleep_ms $((RANDOM % 120))
	kill_worker "$i" || deaths=$((deaths + 1))
done
echo "# $kills kills ($mid_stream after the first ack) in $(($(now_ms) - start)) ms"
[ "$kills" -ge 50 ] && [ "$deaths" -eq 0 ] \
	&& ok "$kills workers were killed with SIGKILL during their writes" \
	|| bad "only $kills kills, $deaths workers died by themselves"

if grep -qiE 'busy|locked' "$work"/err-*.log; then
	bad "a worker saw 'database busy' or 'locked': $(grep -hiE 'busy|locked' "$work"/err-*.log | head -1)"
else
	ok "no worker saw 'database busy' or 'locked'"
fi

acks=$(cat "$work"/ack-*.log | grep -cv -e ' conflict ' -e ' refused ')
"$rel_check" verify "$db" --kills "$kills" "$work"/ack-*.log >"$work/verify.out" 2>&1
vrc=$?
sed 's/^/# /' "$work/verify.out"
if [ "$vrc" -eq 0 ]; then
	ok "integrity_check ok, audit chain intact, all $acks acknowledged writes present"
else
	bad "the database after $kills kills does not match the acknowledgements (see above)"
fi
summary
