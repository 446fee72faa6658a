#!/bin/sh
# Install the dependencies, build casus, create the demo team database and open it.
set -eu
cd "$(dirname "$0")/.."
sh tools/deps.sh
[ -d build ] || meson setup build --buildtype=debugoptimized
ninja -C build
demo="${XDG_DATA_HOME:-$HOME/.local/share}/casus/demo.db"
./build/src/cli/casus demo --force --db "$demo"
exec ./build/src/cli/casus --db "$demo"
