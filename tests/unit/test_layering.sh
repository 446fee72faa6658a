#!/bin/sh
# The core library must never know about the screen: no core source or public header
# may include curses. Exit 1 and name the offending files otherwise.
root=${1:-.}
hits=$(grep -rlE '#[[:space:]]*include[[:space:]]*[<"](n?curses|ncursesw/|term\.h|panel\.h)' \
	"$root/src/core" "$root/include/casus" 2>/dev/null)
if [ -n "$hits" ]; then
	echo "core files include curses:"; echo "$hits"; exit 1
fi
echo "1 passed, 0 failed"
