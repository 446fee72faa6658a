#!/bin/sh
# The exe_wrapper of the 'valgrind' test setup (tests/meson.build): a test program runs
# under memcheck and fails on any memory error or leak. A test that is a script (the
# screen tests' run_screen.sh, test_layering.sh) is not itself run under valgrind: it
# gets this wrapper in CASUS_TEST_WRAPPER and puts it in front of the programs it runs.
#
# Usage: wrap.sh PROGRAM ARGS...
# Suppressions (tests/valgrind/casus.supp) cover only allocations inside libraries
# that are kept on purpose; never casus's own.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
if [ "$(head -c 2 "$1")" = "#!" ]; then
	CASUS_TEST_WRAPPER=$here/wrap.sh exec "$@"
fi
exec valgrind --quiet --error-exitcode=1 --leak-check=full \
	--show-leak-kinds=definite,indirect,possible \
	--errors-for-leak-kinds=definite,indirect,possible \
	--num-callers=30 --suppressions="$here/casus.supp" "$@"
