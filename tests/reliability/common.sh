# Shared helpers for the reliability test scripts (sourced, not run): pass/fail
# counting with the final "N passed, N failed" line, a private work folder that is
# removed on exit, and waits that never block for longer than a deadline.
#
# Every script is called by meson as: SCRIPT WORKER CHECK PROBE SCALE
# SCALE divides operation counts (sanitizer builds pass a larger one); kills and the
# number of processes stay the same, because they are what the test is about.

rel_worker=$1
rel_check=$2
rel_probe=$3
# shellcheck disable=SC2034 # read by the scripts that source this file
rel_scale=${4:-1}
passed=0
failed=0

ok() { echo "ok: $*"; passed=$((passed + 1)); }
bad() { echo "FAIL: $*"; failed=$((failed + 1)); }

# summary: the last line every script prints; its exit status is the test's.
summary() {
	echo "$passed passed, $failed failed"
	[ "$failed" -eq 0 ]
}

# alive PID: is this background child of ours still running? Asks bash's job table
# rather than kill -0, which could see another process after the pid was reused.
alive() {
	jobs -pr | grep -qx "$1"
}

# Kill only the processes this script started and that still run, then remove the
# work folder.
rel_cleanup() {
	local p
	for p in $(jobs -pr); do
		kill -KILL "$p" 2>/dev/null
	done
	# A test that failed half-way may have left a folder read-only.
	[ -n "${work:-}" ] && [ -d "$work" ] && chmod -R u+rwx "$work" && rm -rf "$work"
}

for prog in "$rel_worker" "$rel_check" "$rel_probe"; do
	if [ ! -x "$prog" ]; then
		echo "usage: $0 REL_WORKER REL_CHECK REL_PROBE [SCALE]" >&2
		exit 2
	fi
done
work=$(mktemp -d "${TMPDIR:-/tmp}/casus-rel-XXXXXX") || exit 2
trap rel_cleanup EXIT
# Workers make their own random UUIDs: a shared seed would give every process (and
# every restart) the same ids.
unset CASUS_UUID_SEED

# now_ms: wall-clock milliseconds, for deadlines.
now_ms() {
	local t=${EPOCHREALTIME/./}
	echo $((t / 1000))
}

# wait_exit PID SECONDS: wait for a child, but at most SECONDS; a child still
# running then is killed. Sets $rc to its exit status (137 when killed here) and
# returns 1 on timeout.
wait_exit() {
	local pid=$1 deadline=$(($(now_ms) + $2 * 1000))
	while alive "$pid"; do
		if [ "$(now_ms)" -ge "$deadline" ]; then
			kill -KILL "$pid" 2>/dev/null
			wait "$pid" 2>/dev/null
			rc=137
			return 1
		fi
		sleep 0.02
	done
	wait "$pid" 2>/dev/null
	# shellcheck disable=SC2034 # read by the caller
	rc=$?
	return 0
}

# sleep_ms N: sleep N milliseconds (N < 1000).
sleep_ms() {
	sleep "$(printf '0.%03d' "$1")"
}

# sha FILE: a checksum, to show that a file was not changed.
sha() {
	sha256sum "$1" | cut -d' ' -f1
}
