#!/bin/bash
# The man page against the binary, so the two cannot drift apart:
#  1. every (section, key, action) of `casus --list-keys` is in KEY BINDINGS;
#  2. the KEY BINDINGS section is exactly what tools/gen_manpage_keys.sh prints;
#  3. every command of `casus --help`, every subcommand its own --help names, and
#     every --option of all those help texts is in the man page;
#  4. every exit code of `casus --help` is under EXIT STATUS;
#  5. the roff is valid (groff -ww, or man --warnings).
# Ends with "N passed, N failed". When a check fails because the key bindings changed:
#   tools/gen_manpage_keys.sh BUILD/src/cli/casus, pasted between the KEYS markers.
#
# usage: check_manpage.sh PATH/TO/casus PATH/TO/casus.1
set -u
if [ $# -ne 2 ]; then
	echo "usage: $0 PATH/TO/casus PATH/TO/casus.1" >&2
	exit 2
fi
casus=$(realpath "$1")
page=$(realpath "$2")
here=$(cd "$(dirname "$0")" && pwd)
gen="$here/../../tools/gen_manpage_keys.sh"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/casus-man-XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM HUP
export HOME="$tmp" XDG_CONFIG_HOME="$tmp/config" XDG_DATA_HOME="$tmp/data" CASUS_DB=
export LC_ALL=C.UTF-8 SSH_CLIENT= TMPDIR="$tmp"

pass=0
fail=0
ok() { echo "PASS $1"; pass=$((pass + 1)); }
bad() { echo "FAIL $1"; fail=$((fail + 1)); }

# The man page as plain words: roff escapes of the page undone (\- \e \(dq \(em
# \fX \& and the quotes of macro arguments), for looking up names.
plain() {
	sed -e 's/\\-/-/g' -e 's/\\(dq/"/g' -e 's/\\(em/--/g' -e 's/\\f[BIRP]//g' \
		-e 's/\\&//g' -e 's/\\e/\\/g' "$1"
}
plain "$page" >"$tmp/plain"

# ---- 1, 2: key bindings ----
"$casus" --lang en --db "$tmp/keys.db" init --team keys >/dev/null 2>&1
if ! "$casus" --lang en --db "$tmp/keys.db" --config /dev/null --list-keys >"$tmp/keys.tsv" \
	|| ! [ -s "$tmp/keys.tsv" ]; then
	bad "casus --list-keys runs"
else
	ok "casus --list-keys runs"
fi
sed -n '/^\.\\" BEGIN KEYS/,/^\.\\" END KEYS/p' "$page" | sed '1d;$d' >"$tmp/section"
# (section, key, action) as the page documents them: .SS SECTION, then per .TP a
# line of \fBKEY\fR, \fBKEY\fR and a line .I ACTION.
awk '
function unesc(s) {
	gsub(/\\-/, "-", s); gsub(/\\\(dq/, "\"", s); gsub(/\\&/, "", s); gsub(/\\e/, "\\", s)
	return s
}
/^\.SS / { sec = unesc(substr($0, 5)); next }
/^\.TP/ { want = 1; next }
want == 1 {
	n = 0; line = $0
	while ((b = index(line, "\\fB")) > 0) {
		line = substr(line, b + 3)
		e = index(line, "\\fR")
		if (!e) break
		k[++n] = unesc(substr(line, 1, e - 1))
		line = substr(line, e + 3)
	}
	want = 2; next
}
want == 2 && /^\.I / {
	a = unesc(substr($0, 4))
	for (i = 1; i <= n; i++) printf "%s\t%s\t%s\n", sec, k[i], a
	want = 0
}' "$tmp/section" | sort -u >"$tmp/documented"
missing=$(cut -f1-3 "$tmp/keys.tsv" | sort -u | comm -23 - "$tmp/documented")
if [ ! -s "$tmp/section" ]; then
	bad "KEY BINDINGS: no section between the BEGIN KEYS and END KEYS markers"
elif [ -n "$missing" ]; then
	bad "KEY BINDINGS documents every binding of casus --list-keys; missing:"
	printf '  %s\n' "$missing"
else
	ok "KEY BINDINGS documents all $(wc -l <"$tmp/keys.tsv") bindings of casus --list-keys"
fi
extra=$(cut -f1-3 "$tmp/keys.tsv" | sort -u | comm -13 - "$tmp/documented")
if [ -n "$extra" ]; then
	bad "KEY BINDINGS documents only bindings casus has; not in casus --list-keys:"
	printf '  %s\n' "$extra"
else
	ok "KEY BINDINGS has no binding casus does not have"
fi
if "$gen" "$casus" >"$tmp/generated" 2>"$tmp/gen.err" \
	&& diff -u --label "doc/casus.1 (KEYS)" --label "tools/gen_manpage_keys.sh" \
		"$tmp/section" "$tmp/generated"; then
	ok "KEY BINDINGS is the output of tools/gen_manpage_keys.sh"
else
	cat "$tmp/gen.err"
	bad "KEY BINDINGS is the output of tools/gen_manpage_keys.sh (regenerate it)"
fi

# ---- 3, 4: commands, subcommands, options, exit codes ----
"$casus" --lang en --help >"$tmp/help" 2>&1
cmds=$(sed -n '/^Commands:/,/^$/p' "$tmp/help" | sed -n 's/^  \([a-z][a-z-]*\)  .*/\1/p')
if [ -z "$cmds" ]; then
	bad "casus --help lists commands"
fi
for c in $cmds; do
	# Every command has a heading of its own under COMMANDS.
	if grep -q "^\.SS \"\?casus $c" <(plain "$page"); then
		ok "command $c"
	else
		bad "command $c: no '.SS casus $c' heading in the man page"
	fi
	"$casus" --lang en "$c" --help >"$tmp/help.$c" 2>&1
	subs=$(sed -n "s/^  casus $c \([a-z][a-z|-]*\).*/\1/p" "$tmp/help.$c" | tr '|' '\n' | sort -u)
	for s in $subs; do
		if grep -q "casus $c $s\b" "$tmp/plain"; then
			ok "subcommand $c $s"
		else
			bad "subcommand $c $s: 'casus $c $s' is not in the man page"
		fi
		"$casus" --lang en "$c" "$s" --help >>"$tmp/help.$c" 2>&1
	done
done
# family person add, the one two-word subcommand
"$casus" --lang en family person add --help >>"$tmp/help.family" 2>&1
opts=$(cat "$tmp"/help* | grep -o -- '--[a-z][a-z-]*' | sort -u)
missing=""
for o in $opts; do
	grep -q -- "$o\b" "$tmp/plain" || missing="$missing $o"
done
if [ -n "$missing" ]; then
	bad "every option of the --help texts is in the man page; missing:$missing"
else
	ok "all $(echo "$opts" | wc -w) options of the --help texts are in the man page"
fi
codes=$(sed -n '/^Exit codes:/,/^$/p' "$tmp/help" | sed -n 's/^  \([0-9]\)  .*/\1/p')
exit_status=$(sed -n '/^\.SH "\?EXIT STATUS/,/^\.SH/p' "$page")
missing=""
for n in $codes; do
	grep -q "^\.B $n\$" <<<"$exit_status" || missing="$missing $n"
done
if [ -z "$codes" ] || [ -n "$missing" ]; then
	bad "EXIT STATUS has every exit code of casus --help; missing:$missing"
else
	ok "EXIT STATUS has exit codes $(echo $codes)"
fi

# ---- 5: valid roff ----
if command -v groff >/dev/null; then
	warnings=$(groff -man -ww -z -t "$page" 2>&1)
	tool="groff -man -ww -z"
elif command -v man >/dev/null; then
	warnings=$(MANWIDTH=80 man --warnings -l "$page" 2>&1 >/dev/null)
	tool="man --warnings"
else
	warnings="neither groff nor man is installed (tools/deps.sh installs groff-base)"
	tool="groff"
fi
if [ -z "$warnings" ]; then
	ok "$tool: no warnings"
else
	printf '%s\n' "$warnings"
	bad "$tool: no warnings"
fi
# Rendered at 80 columns, no line runs over.
if command -v groff >/dev/null; then
	long=$(groff -man -Tutf8 -rLL=80n -P-cbu "$page" 2>/dev/null | grep -E '^.{81}' | head -3)
	if [ -z "$long" ]; then
		ok "renders within 80 columns"
	else
		bad "renders within 80 columns:"
		printf '  %s\n' "$long"
	fi
fi

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
