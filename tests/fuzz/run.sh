#!/bin/sh
# Fuzz casus's parsers of outside input with libFuzzer (clang 14+).
#
#   tests/fuzz/run.sh [BUILD_DIR]
#       Make a clang build with AddressSanitizer+UBSan and libFuzzer instrumentation in
#       BUILD_DIR (default: build-fuzz in the source tree), fuzz every harness for
#       FUZZ_SECONDS (default 20) starting from its seed corpus, keep every crash found
#       as a regression input in tests/fuzz/regress/NAME/, and replay all corpora and
#       regression inputs. Exits non-zero when a crash was found.
#   tests/fuzz/run.sh --fuzz-one FUZZER CORPUS SECONDS
#       (the meson 'fuzz' suite in a clang+ASan build) fuzz one harness briefly from a
#       copy of CORPUS; the crash input, if any, is printed as hex.
set -eu
src=$(cd "$(dirname "$0")/../.." && pwd)
harnesses="fuzz_keymap fuzz_script fuzz_cli_args fuzz_text"
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
export TZ=UTC CASUS_NOW=${CASUS_NOW:-2026-11-23T09:00:00Z} LC_ALL=C.UTF-8

fuzz_one() { # FUZZER CORPUS SECONDS [ARTIFACT_DIR]
	work=$(mktemp -d "${TMPDIR:-/tmp}/casus-fuzz-XXXXXX")
	mkdir -p "$work/corpus" "$work/artifacts"
	cp "$2"/* "$work/corpus/" 2>/dev/null || true
	rc=0
	# -timeout=30: on a busy machine (other builds and tests) a slow moment is not a
	# hang; a 10 s limit once reported a script that replays in under a second.
	"$1" -max_total_time="$3" -timeout=30 -rss_limit_mb=2048 -max_len=4096 \
		-print_final_stats=1 -artifact_prefix="$work/artifacts/" "$work/corpus" \
		>"$work/log" 2>&1 || rc=$?
	grep -E '^(#[0-9]+.*DONE|stat::number_of_executed_units|stat::new_units_added)' \
		"$work/log" || true
	if [ "$rc" -ne 0 ]; then
		tail -60 "$work/log"
		for f in "$work/artifacts"/*; do
			[ -f "$f" ] || continue
			echo "crash input $(basename "$f"):"; od -An -tx1 "$f" | head -20
			if [ -n "${4:-}" ]; then mkdir -p "$4"; cp "$f" "$4/"; fi
		done
	fi
	rm -rf "$work"
	return "$rc"
}

if [ "${1:-}" = "--fuzz-one" ]; then
	[ $# -eq 4 ] || { echo "usage: $0 --fuzz-one FUZZER CORPUS SECONDS" >&2; exit 2; }
	fuzz_one "$2" "$3" "$4"
	exit $?
fi

build=${1:-$src/build-fuzz}
command -v clang >/dev/null || { echo "$0: clang is needed (apt-get install clang)" >&2; exit 2; }
if [ ! -d "$build" ]; then
	CC=clang meson setup "$build" "$src" --werror --buildtype=debugoptimized \
		-Db_sanitize=address,undefined -Db_lundef=false \
		-Dc_args=-fsanitize=fuzzer-no-link
fi
targets=
for name in $harnesses; do targets="$targets tests/fuzz/$name tests/fuzz/${name}_replay"; done
# shellcheck disable=SC2086
ninja -C "$build" $targets
status=0
for name in $harnesses; do
	echo "== $name: ${FUZZ_SECONDS:-20} s"
	fuzz_one "$build/tests/fuzz/$name" "$src/tests/fuzz/corpus/$name" "${FUZZ_SECONDS:-20}" \
		"$src/tests/fuzz/regress/$name" || { status=1; echo "$name: CRASH (kept in tests/fuzz/regress/$name)"; }
done
echo "== replay of corpora and regression inputs"
for name in $harnesses; do
	"$build/tests/fuzz/${name}_replay" "$src/tests/fuzz/corpus/$name" \
		"$src/tests/fuzz/regress/$name" || status=1
done
exit $status
