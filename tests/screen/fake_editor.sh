#!/bin/sh
# $EDITOR of the screen tests: adds a line to the file, as a person in vi would.
printf '%s\n' "Regel uit de editor." >>"$1"
