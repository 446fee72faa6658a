#!/bin/sh
# Screen tests (DESIGN.md §7): run every tests/screen/*.keys script through casus's
# screen-test mode against a fresh copy of the fixture database and compare the screen
# dumps with NAME.expected beside the script. UPDATE_EXPECTED=1 rewrites the expected
# files instead (review them with git diff).
#
# Usage: run_screen.sh CASUS MKFIXTURE SCRIPT_DIR [NAME...]
#
# Header lines in a script (read here, ignored by casus):
#   #!size COLSxROWS     virtual screen size (default 80x24)
#   #!args ARGS...       extra casus options (--lang en, --privacy, --layout side)
#   #!env VAR=VALUE...   environment (NO_COLOR=1, LC_ALL=C, TERM=vt100)
#   #!config LINE        a line of the user's config file ($XDG_CONFIG_HOME/casus/config)
#   #!before NAME        run NAME.keys on the same database first (its dumps ignored)
#   #!as LOGIN           act as LOGIN (default coach1)
#   #!exit N             the exit status casus must end with (default 0)
#   #!no-names           privacy check: no family or person name of the fixture may
#                        appear anywhere in the dumps
#   #!gen N              instead of the fixture, a demo database of N families made by
#                        the benchmark's generator (tests/bench/casus-bench-gen beside
#                        MKFIXTURE in the build), for lists longer than the fixture's 25
#
# CASUS_TEST_WRAPPER, when set, is put in front of casus and mkfixture (the valgrind
# test setup sets it to tests/valgrind/wrap.sh).
set -u
casus=$1 mkfixture=$2 dir=$3
shift 3
tmp=$(mktemp -d "${TMPDIR:-/tmp}/casus-screen-XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM
export TZ=UTC CASUS_NOW=${CASUS_NOW:-2026-11-23T09:00:00Z} CASUS_UUID_SEED=${CASUS_UUID_SEED:-42}
export LC_ALL=C.UTF-8 TERM=xterm-256color HOME="$tmp/home" CASUS_DB=
unset NO_COLOR XDG_CONFIG_HOME LANG LANGUAGE VISUAL
# F4 / E in the plan view run $EDITOR: never the user's, a script that adds a line.
export EDITOR="$dir/fake_editor.sh"
mkdir -p "$tmp/home"
wrap=${CASUS_TEST_WRAPPER:-}
if ! ${wrap:+"$wrap"} "$mkfixture" "$tmp/fixture.db" "$tmp/names.txt" >"$tmp/fixture.log" 2>&1; then
	cat "$tmp/fixture.log"
	echo "0 passed, 1 failed (the fixture could not be built)"
	exit 1
fi

header() { # header FILE KEY -> values of "#!KEY ..." lines
	sed -n "s/^#!$2 *//p" "$1"
}

# run_script NAME DB OUT: run one script; returns casus's exit status.
run_script() {
	name=$1 db=$2 out=$3 script="$dir/$1.keys"
	# Before-scripts first: they set the same (global) variables for themselves.
	for before in $(header "$script" before); do
		run_script "$before" "$db" /dev/null || true
		name=$1 db=$2 out=$3 script="$dir/$1.keys"
	done
	size=$(header "$script" size); size=${size:-80x24}
	as=$(header "$script" as); as=${as:-coach1}
	xdg="$tmp/$name.xdg"
	mkdir -p "$xdg/casus"
	header "$script" config >"$xdg/casus/config"
	# shellcheck disable=SC2046
	env XDG_CONFIG_HOME="$xdg" $(header "$script" env) \
		${wrap:+"$wrap"} "$casus" --db "$db" --as "$as" $(header "$script" args) \
		--script="$script" --size="$size" >"$out" 2>"$out.err"
}

me=$(id -un)
pass=0 fail=0
names=$*
[ -n "$names" ] || names=$(cd "$dir" && ls -- *.keys | sed 's/\.keys$//')
for name in $names; do
	mkdir -p "$tmp/$name"
	db="$tmp/$name/team.db"
	out="$tmp/$name.out"
	gen=$(header "$dir/$name.keys" gen)
	if [ -n "$gen" ]; then
		if ! "$(dirname "$mkfixture")/bench/casus-bench-gen" --demo "$db" "$gen" \
			>"$out.gen" 2>&1; then
			fail=$((fail + 1))
			echo "FAIL $name: the generator failed: $(tail -3 "$out.gen")"
			continue
		fi
	else
		cp "$tmp/fixture.db" "$db" && chmod 600 "$db"
	fi
	run_script "$name" "$db" "$out"
	status=$?
	# The Unix login running the tests (in the access log's rows) differs between
	# machines: it becomes ME, padded so that columns stay aligned (as tests/cli/lib.sh).
	if grep -q -w -F -- "$me" "$out"; then
		perl -pi -e 'BEGIN { $l = shift @ARGV }
			s/(?<![\w.-])\Q$l\E(?![\w.-])( *)/"ME" . (length($1) >= 2
				? " " x (length($1) + length($l) - 2) : $1)/ge' "$me" "$out"
	fi
	want=$(header "$dir/$name.keys" exit); want=${want:-0}
	problem=
	[ "$status" -eq "$want" ] || problem="exit status $status, expected $want"
	[ -s "$out.err" ] && problem="${problem:+$problem; }messages on stderr: $(head -c 600 "$out.err")"
	if grep -q '^#!no-names' "$dir/$name.keys"; then
		leaked=$(grep -o -w -F -f "$tmp/names.txt" "$out" | sort -u | tr '\n' ' ')
		[ -z "$leaked" ] || problem="${problem:+$problem; }names visible in privacy mode: $leaked"
	fi
	if [ "${UPDATE_EXPECTED:-0}" = 1 ]; then
		cp "$out" "$dir/$name.expected"
	elif ! diff -u "$dir/$name.expected" "$out" >"$tmp/$name.diff" 2>&1; then
		problem="${problem:+$problem; }screen differs from $name.expected:
$(cat "$tmp/$name.diff")"
	fi
	if [ -z "$problem" ]; then
		pass=$((pass + 1))
		echo "ok   $name"
	else
		fail=$((fail + 1))
		echo "FAIL $name: $problem"
	fi
done
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
