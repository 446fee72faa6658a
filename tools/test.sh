#!/bin/sh
# Run the whole test suite: a normal build and an ASan+UBSan build, each with every
# unit, CLI, screen and tmux test, and the unit and screen tests of the normal build
# once more under valgrind (no memory error, no leak). Exits non-zero on any failure.
set -eu
cd "$(dirname "$0")/.."
sh tools/deps.sh
status=0
run() {
	dir=$1; shift
	[ -d "$dir" ] || meson setup "$dir" --werror "$@"
	ninja -C "$dir"
	meson test -C "$dir" --print-errorlogs -v --num-processes 2 || status=1
}
run build-test --buildtype=debugoptimized
# valgrind's memcheck: the test setup in tests/meson.build (tests/valgrind/wrap.sh).
start=$(date +%s)
meson test -C build-test --setup valgrind --suite unit --suite screen --print-errorlogs \
	--num-processes 2 || status=1
echo "casus: the valgrind pass took $(($(date +%s) - start)) s"
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
run build-sanitize -Db_sanitize=address,undefined -Db_lundef=false --buildtype=debug
if [ "$status" -ne 0 ]; then
	echo "casus: some tests failed" >&2
fi
exit $status
