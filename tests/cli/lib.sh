# Helpers for the CLI golden cases (sourced by tests/cli/cases/*.sh; see
# run_golden.sh). Every case runs in its own temporary folder as its working
# directory, with $CASUS the binary under test.
#
# The Unix login running the tests differs between machines (root in CI), so
# casus output is normalised: the login becomes ME, keeping table alignment as long
# as the case's other logins are at least as long (use logins of 8+ characters).

me=$(id -un)
_casus_n=0
_casus_prefix=(env)

# Show one argument of a command line: long or binary arguments are summarised so
# the expected files stay readable and valid UTF-8.
# (Appends to $_line: a subshell per argument would make the cases slow.)
_show_arg() {
	local a=$1
	if ! [[ $a =~ ^[\ -~]*$ ]] && ! printf '%s' "$a" | iconv -f UTF-8 -t UTF-8 >/dev/null 2>&1
	then
		_line+=" <invalid UTF-8>"
	elif [ ${#a} -gt 60 ]; then
		_line+=" <${#a} characters>"
	elif [[ $a =~ ^[-A-Za-z0-9_./:=@+,]+$ ]]; then
		_line+=" $a"
	else
		_line+=" '$a'"
	fi
}

# Replace the caller's login by ME; where it is followed by table padding (two or
# more spaces) the padding grows so the columns after it stay aligned.
norm() {
	perl -pe 'BEGIN { $l = shift @ARGV }
		s/(?<![\w.-])\Q$l\E(?![\w.-])( *)/"ME" . (length($1) >= 2
			? " " x (length($1) + length($l) - 2) : $1)/ge' "$me"
}

# casus ARGS...: print the command, run it (stdout and stderr in order), print a
# non-zero exit code. Each run gets its own UUID seed derived from CASUS_UUID_SEED:
# a seeded generator starts the same sequence in every process.
casus() {
	_casus_n=$((_casus_n + 1))
	local a out rc
	_line='$ casus'
	for a in "$@"; do _show_arg "$a"; done
	printf '%s\n' "${_line//"$me"/ME}"
	out=$(CASUS_UUID_SEED=$((${CASUS_UUID_SEED:-42} * 1000 + _casus_n)) \
		"${_casus_prefix[@]}" "$CASUS" "$@" 2>&1)
	rc=$?
	# Starting perl costs time on every command; only where the login shows.
	if [[ $out == *"$me"* ]]; then
		printf '%s\n' "$out" | norm
	elif [ -n "$out" ]; then
		printf '%s\n' "$out"
	fi
	[ "$rc" -eq 0 ] || echo "[exit $rc]"
	return 0
}

# quiet ARGS...: run casus for setting up; print nothing unless it fails.
quiet() {
	_casus_n=$((_casus_n + 1))
	local out rc
	out=$(CASUS_UUID_SEED=$((${CASUS_UUID_SEED:-42} * 1000 + _casus_n)) "$CASUS" "$@" 2>&1)
	rc=$?
	[ "$rc" -eq 0 ] || { printf 'setup failed (exit %d): casus %s\n%s\n' "$rc" "$*" "$out"; }
	return 0
}

# A team database team.db: you (teamleider Tessa Leider) and four colleagues.
setup_team() {
	quiet --db team.db init --team "Wijkteam Noord" --name "Tessa Leider"
	quiet --db team.db member add carla.coach --name "Carla Coach" --role coach
	quiet --db team.db member add cees.celik --name "Cees Çelik" --role coach \
		--aandachtsfunctionaris
	quiet --db team.db member add greet.gw --name "Greet de Wit" --role gedragswetenschapper
	quiet --db team.db member add anouk.af --name "Anouk Functionaris" --role coach
}

# setup_team, and --as works on team.db so a case can act as each colleague: casus
# allows --as only in a demo database, so team.db is marked as one (with the sqlite3
# shell; `casus demo` would bring a whole demo team the case does not control).
setup_team_as() {
	setup_team
	sqlite3 team.db "INSERT INTO meta(key, value) VALUES ('demo', '1')"
}

# A fingerprint of the database's content, and a check that it did not change.
snap() {
	sqlite3 "$1" .dump | sha256sum | cut -c1-16
}
unchanged() {
	if [ "$(snap "$1")" = "$2" ]; then
		echo "(database unchanged)"
	else
		echo "(DATABASE CHANGED)"
	fi
}
# The same for any file, byte for byte.
file_snap() {
	sha256sum "$1" | cut -c1-16
}
file_unchanged() {
	if [ "$(file_snap "$1")" = "$2" ]; then
		echo "(file unchanged)"
	else
		echo "(FILE CHANGED)"
	fi
}

# Read-only databases. Root may write any file, so as root the read-only runs
# drop to the user nobody (added to the team first); anyone else just loses the
# write permission. The folder stays writable: SQLite needs its -shm file there
# to read a WAL database.
make_readonly() {
	if [ "$(id -u)" = 0 ]; then
		quiet --db "$1" member add nobody --name "Nora Body" --role coach
		chmod 777 "$(dirname "$1")"
		chown 65534 "$1"
	fi
	chmod 400 "$1"
}
# reader ARGS...: like casus, as the user for whom make_readonly made it read-only.
reader() {
	if [ "$(id -u)" = 0 ]; then
		_casus_prefix=(setpriv --reuid=65534 --regid=65534 --clear-groups)
	fi
	casus "$@"
	_casus_prefix=(env)
}
