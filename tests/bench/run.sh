#!/bin/sh
# The casus benchmark (issue 9): make team databases of 1,000 / 10,000 / 100,000
# families with casus-bench-gen (kept in BUILD/bench-data/ and reused; BENCH_REGEN=1
# makes them again) and run casus-bench on a copy of each. The table goes to standard
# output and to BUILD/bench-results.txt, the figures to BUILD/bench-results.json.
#
# Usage: tests/bench/run.sh [--quick] BUILD_DIR
#   --quick   1,000 families only and fewer keystrokes (what `meson test --suite bench`
#             runs; results in BUILD/bench-results-quick.*)
# Environment: BENCH_SIZES="1000 10000 100000" to choose the sizes.
set -eu
quick=
if [ "${1:-}" = "--quick" ]; then quick=--quick; shift; fi
[ $# -eq 1 ] || { echo "usage: $0 [--quick] BUILD_DIR" >&2; exit 2; }
build=$(cd "$1" && pwd)
gen=$build/tests/bench/casus-bench-gen
bench=$build/tests/bench/casus-bench
casus=$build/src/cli/casus
for p in "$gen" "$bench" "$casus"; do
	[ -x "$p" ] || { echo "$0: $p is missing: build first (ninja -C $1)" >&2; exit 2; }
done
if [ -n "$quick" ]; then sizes=${BENCH_SIZES:-1000}; out=$build/bench-results-quick
else sizes=${BENCH_SIZES:-1000 10000 100000}; out=$build/bench-results; fi

# A fixed clock and a private home: the same data and the same screens every run.
export TZ=UTC CASUS_NOW=2026-11-23T09:00:00Z LC_ALL=C.UTF-8 CASUS_DB=
unset NO_COLOR LANG LANGUAGE
data=$build/bench-data
mkdir -p "$data"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/casus-bench-run-XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM
export HOME=$tmp/home XDG_CONFIG_HOME=$tmp/config XDG_DATA_HOME=$tmp/data
mkdir -p "$HOME" "$XDG_CONFIG_HOME" "$XDG_DATA_HOME"

dbs=
for n in $sizes; do
	db=$data/team-$n.db
	if [ -n "${BENCH_REGEN:-}" ] || [ ! -f "$db" ]; then
		rm -f "$db" "$db-wal" "$db-shm"
		echo "generating $n families ..." >&2
		"$gen" "$db.tmp" "$n" >&2
		mv "$db.tmp" "$db"
		rm -f "$db.tmp-wal" "$db.tmp-shm"
	fi
	# The benchmark writes access-log rows (opening families, exports): use a copy.
	cp "$db" "$tmp/team-$n.db"
	chmod 600 "$tmp/team-$n.db"
	dbs="$dbs $tmp/team-$n.db"
done
{
	echo "machine: $(nproc) CPUs, $(sed -n 's/^model name[^:]*: //p' /proc/cpuinfo | head -1)," \
		"$(awk '/MemTotal/ { printf "%.1f GiB RAM", $2 / 1048576 }' /proc/meminfo)," \
		"load average $(cut -d' ' -f1-3 /proc/loadavg)"
	echo "date: $(date -u +%Y-%m-%dT%H:%MZ); casus $(git -C "$(dirname "$0")" rev-parse --short HEAD 2>/dev/null || echo '?')"
	echo
} >"$tmp/head.txt"
# shellcheck disable=SC2086
"$bench" $quick "$casus" "$tmp/results" $dbs >/dev/null
cat "$tmp/head.txt" "$tmp/results.txt" >"$out.txt"
cp "$tmp/results.json" "$out.json"
cat "$out.txt"
echo "written: $out.txt $out.json" >&2
