#!/bin/bash
# CLI golden tests: run every tests/cli/cases/NAME.sh (or the NAMEs given) in a
# fresh temporary folder with its own HOME and XDG folders, capture what it prints
# (stdout and stderr together) and its exit code, and compare that text with
# tests/cli/cases/NAME.expected. UPDATE_EXPECTED=1 rewrites the expected files
# (review the diff before committing). Ends with "N passed, N failed".
#
# usage: run_golden.sh PATH/TO/casus [NAME...]
set -u
if [ $# -lt 1 ]; then
	echo "usage: $0 PATH/TO/casus [CASE...]" >&2
	exit 2
fi
casus_bin=$(realpath "$1")
shift
here=$(cd "$(dirname "$0")" && pwd)

# Hermetic whatever the caller's environment: fixed clock, UUID seed, zone, locale.
export TZ=UTC CASUS_NOW=2026-11-23T09:00:00Z CASUS_UUID_SEED=42 LC_ALL=C.UTF-8
export SSH_CLIENT= CASUS_DB= NO_COLOR=1
export CASUS="$casus_bin" CASUS_LIB="$here/lib.sh"

if [ $# -gt 0 ]; then
	cases=()
	for n in "$@"; do cases+=("$here/cases/${n%.sh}.sh"); done
else
	cases=("$here"/cases/*.sh)
fi

base=${TMPDIR:-/tmp}
pass=0
fail=0
for case in "${cases[@]}"; do
	name=$(basename "$case" .sh)
	expected="$here/cases/$name.expected"
	tmp=$(mktemp -d "$base/casus-cli-XXXXXX")
	# Traversable by others: the read-only cases run casus as another user.
	chmod 755 "$tmp"
	mkdir -p "$tmp/home"
	actual=$(cd "$tmp" && HOME="$tmp/home" XDG_DATA_HOME="$tmp/home/.local/share" \
		XDG_CONFIG_HOME="$tmp/home/.config" XDG_STATE_HOME="$tmp/home/.local/state" \
		XDG_CACHE_HOME="$tmp/home/.cache" TMPDIR="$tmp" bash "$case" 2>&1; \
		echo "[case exit $?]")
	# Paths differ per run: show the temporary folder as $TMP.
	actual=${actual//"$tmp"/'$TMP'}
	rm -rf "$tmp"
	if [ "${UPDATE_EXPECTED:-0}" = 1 ]; then
		printf '%s\n' "$actual" >"$expected"
	fi
	if [ -f "$expected" ] && diff -u --label "$name.expected" --label "$name (actual)" \
		"$expected" <(printf '%s\n' "$actual"); then
		echo "PASS $name"
		pass=$((pass + 1))
	else
		[ -f "$expected" ] || echo "missing $expected (run with UPDATE_EXPECTED=1)"
		echo "FAIL $name"
		fail=$((fail + 1))
	fi
done
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
