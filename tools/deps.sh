#!/bin/sh
# Install what casus needs to build, run and test on Debian 12 (run as root).
# One list, used by tools/try.sh, tools/test.sh and .ci/run.
set -eu
PACKAGES="build-essential meson ninja-build pkg-config python3 gettext \
libsqlite3-dev sqlite3 uuid-dev libncurses-dev ncurses-term check tmux clang valgrind \
groff-base man-db"
missing=""
for p in $PACKAGES; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
if [ -n "$missing" ]; then
	if [ "$(id -u)" -ne 0 ]; then
		echo "casus: missing packages:$missing — run this as root (or install them with sudo apt-get install)" >&2
		exit 1
	fi
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -qq
	# shellcheck disable=SC2086
	apt-get install -y -qq --no-install-recommends $missing
fi
