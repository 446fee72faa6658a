#!/bin/sh
# Print the roff of the KEY BINDINGS section of doc/casus.1 from `casus --list-keys`
# (the action table and data/keys), in English. Paste its output between the
# `.\" BEGIN KEYS` and `.\" END KEYS` lines of doc/casus.1, for example:
#
#   tools/gen_manpage_keys.sh build/src/cli/casus >/tmp/keys.roff &&
#   sed -i -e '/^\.\\" BEGIN KEYS/,/^\.\\" END KEYS/{//!d}' \
#          -e '/^\.\\" BEGIN KEYS/r /tmp/keys.roff' doc/casus.1
#
# tests/doc/check_manpage.sh fails while the two differ. The format per section:
#   .SS SECTION        then a sentence on where the section applies, then per action
#   .TP                (keys in --list-keys order, grouped by action)
#   \fBKEY\fR, \fBKEY\fR
#   .I ACTION
#   \(em HELP
# usage: gen_manpage_keys.sh PATH/TO/casus
set -eu
if [ $# -ne 1 ]; then
	echo "usage: $0 PATH/TO/casus" >&2
	exit 2
fi
casus=$1
tmp=$(mktemp -d "${TMPDIR:-/tmp}/casus-keys-XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM HUP
# --list-keys needs a database; a fresh one in a private folder, no config file.
export HOME="$tmp" XDG_CONFIG_HOME="$tmp/config" XDG_DATA_HOME="$tmp/data" CASUS_DB=
export LC_ALL=C.UTF-8 SSH_CLIENT=
"$casus" --lang en --db "$tmp/keys.db" init --team keys >/dev/null
"$casus" --lang en --db "$tmp/keys.db" --config /dev/null --list-keys >"$tmp/keys.tsv"
LC_ALL=C.UTF-8 awk -F '\t' '
function esc(s) {               # a word in roff: backslash, minus, quote
	gsub(/\\/, "\\e", s); gsub(/-/, "\\-", s); gsub(/"/, "\\(dq", s)
	return s
}
function text(s) {              # a text line: no control character at its start
	gsub(/\\/, "\\e", s)
	if (s ~ /^[.'"'"']/) s = "\\&" s
	return s
}
BEGIN {
	about["generic"] = "Everywhere, unless the focused view binds the key itself."
	about["list"] = "The case list."
	about["family"] = "The family pane (one family, one plan)."
	about["meldcode"] = "The meldcode stepper pane, below the family pane when the family has a meldcode trajectory."
	about["plan"] = "The plan view of a family: the cursor moves over persons, parties, texts, worries, goals, actions, arrangements and evaluations. In its forms long text is edited in place over several lines (word wrap; F2 or Ctrl-S saves, F4 hands it to $EDITOR, Esc asks before throwing changes away)."
	about["queue"] = "The approvals queue of the gedragswetenschapper."
	about["meeting"] = "Meeting mode (casus meeting)."
	about["audit"] = "The access log (teamleider only): newest first, a row in full on Enter."
	about["notes"] = "The notes of the opened family; withheld confidential notes can be read with a reason."
	about["help"] = "The help screen."
}
NF < 4 { next }
{
	k = $1 SUBSEP $3
	if (!($1 in seen)) { seen[$1] = 1; sections[++ns] = $1; na[$1] = 0 }
	if (!(k in keys)) { act[$1, ++na[$1]] = $3; help[k] = $4; keys[k] = "\\fB" esc($2) "\\fR" }
	else keys[k] = keys[k] ", \\fB" esc($2) "\\fR"
}
END {
	for (i = 1; i <= ns; i++) {
		s = sections[i]
		print ".SS " esc(s)
		if (s in about) print about[s]
		for (j = 1; j <= na[s]; j++) {
			a = act[s, j]
			print ".TP"
			print keys[s, a]
			print ".I " esc(a)
			print "\\(em " text(help[s, a])
		}
	}
}' "$tmp/keys.tsv"
