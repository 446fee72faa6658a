#!/bin/sh
# Bring po/nl.po up to date with the messages in the sources: new msgids are added
# untranslated (translate them), removed ones become obsolete. Run before a release
# or whenever tests/i18n/check_catalog.sh reports missing translations.
set -eu
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
find src -name '*.c' | sort > "$tmp/files"
xgettext --from-code=UTF-8 --language=C --keyword=_ --keyword=N_ --add-comments=TRANSLATORS \
	--no-location --files-from="$tmp/files" --output="$tmp/casus.pot"
msgmerge --quiet --no-fuzzy-matching --no-wrap --update --backup=none po/nl.po "$tmp/casus.pot"
msgattrib --no-obsolete --no-wrap -o po/nl.po po/nl.po
echo "po/nl.po updated; untranslated: $(msgattrib --untranslated po/nl.po | grep -c '^msgid' || true)"
