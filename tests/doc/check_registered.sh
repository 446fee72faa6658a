#!/bin/sh
# Every source file is built and every test is run: each src/**/*.c is named in its
# folder's meson.build, each tests/unit/test_NAME.c and tests/cli/cases/NAME.sh is
# listed in tests/meson.build. A file added but not listed would silently never run.
# usage: check_registered.sh SOURCE_ROOT
set -u
root=$1
fail=0
missing() { echo "FAIL $1"; fail=1; }
for f in "$root"/src/*/*.c; do
	dir=$(dirname "$f")
	grep -q "'$(basename "$f")'" "$dir/meson.build" || missing "${f#"$root"/} is not in $(basename "$dir")/meson.build"
done
for f in "$root"/tests/unit/test_*.c; do
	name=$(basename "$f" .c)
	name=${name#test_}
	grep -q "^  '$name',\$" "$root/tests/meson.build" || missing "tests/unit/test_$name.c is not in unit_tests"
done
for f in "$root"/tests/cli/cases/*.sh; do
	name=$(basename "$f" .sh)
	grep -q "'$name'" "$root/tests/meson.build" || missing "tests/cli/cases/$name.sh is not in cli_cases"
done
[ "$fail" -eq 0 ] && echo "PASS every source file and test is registered"
exit $fail
