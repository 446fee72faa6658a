# Shared helpers for the tmux tests: the real casus binary in a real terminal, on a
# private tmux server (tmux -L casus-test-PID) that is always killed at the end.
# Every wait is bounded; a timeout prints the screen and fails the test.
#
# Usage (sourced): . lib.sh CASUS MKFIXTURE
set -u
CASUS=$1 MKFIXTURE=$2
SOCK=casus-test-$$
TMP=$(mktemp -d "${TMPDIR:-/tmp}/casus-tmux-XXXXXX")
export TZ=UTC CASUS_NOW=${CASUS_NOW:-2026-11-23T09:00:00Z} CASUS_UUID_SEED=${CASUS_UUID_SEED:-42}
export LC_ALL=C.UTF-8 HOME="$TMP/home" XDG_CONFIG_HOME="$TMP/home/config" CASUS_DB=
export TERM=${TERM:-xterm-256color} # tmux itself wants one, even detached
unset NO_COLOR TMUX
mkdir -p "$HOME"
DB="$TMP/team.db"
PASS=0 FAIL=0

cleanup() {
	tmux -L "$SOCK" kill-server 2>/dev/null
	rm -rf "$TMP"
}
trap cleanup EXIT HUP INT PIPE TERM

fixture() {
	"$MKFIXTURE" "$DB" "$TMP/names.txt" >"$TMP/fixture.log" 2>&1 || {
		cat "$TMP/fixture.log"; echo "0 passed, 1 failed (fixture)"; exit 1; }
}

# tmux_start NAME COLS ROWS: a window running an interactive sh with a plain prompt.
tmux_start() {
	if tmux -L "$SOCK" has-session 2>/dev/null; then
		tmux -L "$SOCK" new-window -d -t casus: -n "$1" "env PS1='$ ' TERM=tmux-256color sh"
	else
		tmux -L "$SOCK" -f /dev/null new-session -d -s casus -n "$1" -x "$2" -y "$3" \
			"env PS1='$ ' TERM=tmux-256color sh"
		tmux -L "$SOCK" set -g escape-time 0
	fi
	tmux -L "$SOCK" resize-window -t "casus:$1" -x "$2" -y "$3"
}

keys() { # keys WINDOW KEY...: one tmux key at a time, as a person types
	w=$1; shift
	for k in "$@"; do
		tmux -L "$SOCK" send-keys -t "casus:$w" "$k"
		sleep 0.05
	done
}

type_text() { # type_text WINDOW TEXT (literally)
	tmux -L "$SOCK" send-keys -t "casus:$1" -l "$2"
}

screen() { tmux -L "$SOCK" capture-pane -p -t "casus:$1"; }

# wait_for WINDOW PATTERN [SECONDS]: until the screen matches (grep -E); 1 on timeout.
wait_for() {
	w=$1 pat=$2 limit=${3:-5}
	end=$(($(date +%s%N) / 1000000 + limit * 1000))
	while [ "$(($(date +%s%N) / 1000000))" -lt "$end" ]; do
		screen "$w" | grep -Eq -- "$pat" && return 0
		sleep 0.1
	done
	echo "--- timeout after ${limit}s waiting for /$pat/ in window $w; the screen:"
	screen "$w"
	return 1
}

# Seconds (with milliseconds) since the epoch.
now_ms() { echo $(($(date +%s%N) / 1000000)); }

check() { # check DESCRIPTION COMMAND...: count and report one assertion
	d=$1; shift
	if "$@"; then
		PASS=$((PASS + 1)); echo "ok   $d"
	else
		FAIL=$((FAIL + 1)); echo "FAIL $d"
	fi
}

finish() {
	echo "$PASS passed, $FAIL failed"
	[ "$FAIL" -eq 0 ]
}

# Run casus in window W's shell, and "EXIT=<status>" after it.
run_casus() {
	w=$1; shift
	type_text "$w" "'$CASUS' --db '$DB' $*; echo EXIT=\$?"
	keys "$w" Enter
}

# The pid of the program running in window W's shell (casus).
child_pid() {
	shell=$(tmux -L "$SOCK" display -p -t "casus:$1" '#{pane_pid}')
	pgrep -P "$shell" | head -1
}
