#!/bin/sh
# The Dutch catalog must be valid and complete: every message marked with _() or N_()
# in the sources has a Dutch translation that is not fuzzy, and format directives match.
# Usage: check_catalog.sh SOURCE_ROOT
set -eu
root=${1:-.}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
find "$root/src" -name '*.c' | sort > "$tmp/files"
xgettext --from-code=UTF-8 --language=C --keyword=_ --keyword=N_ --add-comments=TRANSLATORS \
	--no-location --files-from="$tmp/files" --output="$tmp/casus.pot" 2>"$tmp/xgettext.err" || {
	cat "$tmp/xgettext.err"; echo "0 passed, 1 failed"; exit 1; }
failed=0
if ! msgfmt --check --check-format -o /dev/null "$root/po/nl.po" 2>"$tmp/msgfmt.err"; then
	echo "po/nl.po is not a valid catalog:"; cat "$tmp/msgfmt.err"; failed=$((failed + 1))
fi
# Untranslated or fuzzy entries for messages the code uses.
msgmerge --quiet --no-fuzzy-matching -o "$tmp/merged.po" "$root/po/nl.po" "$tmp/casus.pot"
missing=$(msgattrib --untranslated --no-obsolete "$tmp/merged.po" | grep -c '^msgid "' || true)
fuzzy=$(msgattrib --only-fuzzy --no-obsolete "$tmp/merged.po" | grep -c '^msgid "' || true)
# msgattrib prints the header entry too when there is anything to print.
[ "$missing" -gt 0 ] && missing=$((missing - 1))
[ "$fuzzy" -gt 0 ] && fuzzy=$((fuzzy - 1))
if [ "$missing" -gt 0 ] || [ "$fuzzy" -gt 0 ]; then
	echo "po/nl.po lacks $missing translations and has $fuzzy fuzzy ones:"
	msgattrib --untranslated --no-obsolete --no-wrap "$tmp/merged.po" | grep '^msgid ' | head -40
	failed=$((failed + 1))
fi
if [ "$failed" -eq 0 ]; then
	echo "2 passed, 0 failed"
else
	echo "$((2 - failed)) passed, $failed failed"
	exit 1
fi
