#!/bin/bash
# A bad environment, at the level of core and the database file (the TUI's own cases,
# TERM unset or unknown, a 10x5 terminal and a C/POSIX locale in a real terminal, are
# in tests/tmux/test_badenv.sh): a full disk, a read-only
# database and folder, a file that is not SQLite or not casus's, a truncated
# database, a missing XDG folder, and a locale that is not UTF-8. Each must end in a
# clear message and no damage: files casus should not write keep their checksum,
# and a database that was being written to still holds every acknowledged write.
# shellcheck disable=SC2015 # ok() always succeeds: A && ok || bad is an if-else
# shellcheck source-path=SCRIPTDIR source=common.sh
. "$(dirname "$0")/common.sh" "$@"

export LC_ALL=C.UTF-8 CASUS_DB=
drop=()
if [ "$(id -u)" -eq 0 ]; then
	# root ignores file permissions; the probe drops CAP_DAC_OVERRIDE so that a
	# read-only file is read-only for it, as for a coach.
	echo "# running as root: the probe drops CAP_DAC_OVERRIDE for the read-only cases"
	drop=(--drop-dac)
fi

# probe WANT REGEX ARGS...: run rel_probe (with the variables in probe_env, set
# through env(1) so that this shell never switches locale itself); its last line must
# be "result WANT" and its message must match REGEX (case-insensitive). Sets $out.
probe_env=()
probe() {
	local want=$1 regex=$2
	shift 2
	out=$(env "${probe_env[@]}" "$rel_probe" "$@" 2>&1)
	local got msg
	got=$(printf '%s\n' "$out" | sed -n 's/^result //p' | tail -1)
	msg=$(printf '%s\n' "$out" | sed -n 's/^message //p' | tail -1)
	if [ "$got" != "$want" ]; then
		echo "# rel_probe $*: $out"
		return 1
	fi
	if [ -n "$regex" ] && ! printf '%s\n' "$msg" | grep -qiE "$regex"; then
		echo "# unclear message from rel_probe $*: $msg"
		return 1
	fi
	[ -n "$msg" ] && echo "# message: $msg"
	return 0
}

# unchanged FILE SUM WHAT: the file still has checksum SUM and nothing new beside it.
unchanged() {
	if [ "$(sha "$1")" = "$2" ] && [ ! -e "$1-wal" ] && [ ! -e "$1-journal" ]; then
		ok "$3: $(basename "$1") is unchanged"
	else
		bad "$3: $(basename "$1") was changed"
	fi
}

fresh_db() {
	"$rel_check" init "$1" --families 3 --coaches 2 >/dev/null || bad "rel_check init $1"
}

# ---- a full disk ----

# fill_disk DB LIMIT_KB ACK: a worker under a file-size limit (RLIMIT_FSIZE) writing
# big notes until it fails. SIGXFSZ is ignored, so writes fail with EFBIG as they
# would on a full disk. The limit covers every regular file the worker writes, so
# its acks and its error message go through a pipe, and awk (outside the limit)
# sorts them into ACK and $work/full.err.
fill_disk() {
	local db=$1 limit=$2 ack=$3
	(
		ulimit -f "$limit"
		trap '' XFSZ
		exec "$rel_worker" "$db" --id 1 --seed 11 --ops 100000 --as coach1 \
			--note-size 12000 --ack - 2>&1
	) | awk -v ack="$ack" -v err="$work/full.err" \
		'/^[0-9]+:[0-9]+:[0-9]+ / { print > ack; next } { print > err }'
	rc=${PIPESTATUS[0]}
	touch "$ack" "$work/full.err"
}

# A write stopped by the limit: SQLite reports a short write as "disk full" and a
# refused one (EFBIG) as an I/O error; either way the coach must read that nothing
# was saved. Status 4 is disk full, 5 a write failure (see worker.c).
write_stopped() {
	{ [ "$rc" -eq 4 ] && grep -q 'The disk is full: nothing was saved' "$work/full.err"; } \
		|| { [ "$rc" -eq 5 ] && grep -q 'writing the database failed.*Nothing was saved' \
			"$work/full.err"; }
}

test_full_disk() {
	local db=$work/full.db ack1=$work/full-1.ack ack2=$work/full-2.ack
	fresh_db "$db"
	rm -f "$work/full.err"
	local kb=$(($(stat -c %s "$db") / 1024 + 300))
	fill_disk "$db" "$kb" "$ack1"
	local acks
	acks=$(grep -vc -e ' conflict ' -e ' refused ' "$ack1")
	echo "# after $acks writes: $(cat "$work/full.err")"
	write_stopped && [ "$acks" -gt 0 ] \
		&& ok "file-size limit: the writer stopped with a clear 'nothing was saved'" \
		|| bad "file-size limit: status $rc after $acks writes: $(cat "$work/full.err")"
	"$rel_check" verify "$db" --exact "$ack1" >"$work/full.out" 2>&1 \
		&& ok "file-size limit: integrity ok and all $acks acknowledged writes present" \
		|| { sed 's/^/# /' "$work/full.out"; bad "file-size limit: the database is damaged"; }
	# With no room at all not even the first write starts; the file stays as it was.
	local sum
	sum=$(sha "$db")
	rm -f "$work/full.err"
	fill_disk "$db" 0 "$ack2"
	write_stopped && [ ! -s "$ack2" ] && [ "$(sha "$db")" = "$sum" ] \
		&& ok "file-size limit 0: nothing is written, the file is unchanged" \
		|| bad "file-size limit 0: status $rc: $(cat "$work/full.err")"
	# Once there is room again, work goes on where it stopped.
	"$rel_worker" "$db" --id 2 --seed 12 --ops 20 --as coach2 --ack "$ack2" 2>"$work/full.err" \
		&& "$rel_check" verify "$db" --exact "$ack1" "$ack2" >"$work/full.out" 2>&1 \
		&& ok "file-size limit: with room again, writing works and nothing was lost" \
		|| bad "file-size limit: after freeing space: $(cat "$work/full.err" "$work/full.out")"
}

# A really full file system (ENOSPC): a 4 MB tmpfs in a private mount namespace.
# Needs the right to mount (root in most CI containers); skipped otherwise.
test_full_tmpfs() {
	local mnt=$work/tmpfs
	mkdir "$mnt"
	if ! unshare -m true 2>/dev/null; then
		echo "# skipped the full tmpfs case: no permission for a private mount namespace"
		return
	fi
	# shellcheck disable=SC2016 # expanded by the inner shell
	unshare -m bash -c 'mount -t tmpfs -o size=4m casus-full "$1" || exit 9
		"$2" init "$1/team.db" --families 3 --coaches 2 >/dev/null || exit 8
		"$3" "$1/team.db" --id 1 --seed 13 --ops 100000 --as coach1 --note-size 12000 \
			--ack "$4/tmpfs.ack" 2>"$4/tmpfs.err"
		echo "$?" >"$4/tmpfs.rc"
		"$2" verify "$1/team.db" --exact "$4/tmpfs.ack" >"$4/tmpfs.out" 2>&1' \
		casus-full "$mnt" "$rel_check" "$rel_worker" "$work"
	local vrc=$?
	if [ "$vrc" -eq 9 ]; then
		echo "# skipped the full tmpfs case: cannot mount a tmpfs here"
		return
	fi
	echo "# $(cat "$work/tmpfs.err")"
	[ "$(cat "$work/tmpfs.rc" 2>/dev/null)" = 4 ] \
		&& grep -q 'The disk is full: nothing was saved' "$work/tmpfs.err" \
		&& ok "full file system: the writer stopped with 'The disk is full'" \
		|| bad "full file system: no 'disk is full' message"
	[ "$vrc" -eq 0 ] \
		&& ok "full file system: integrity ok, every acknowledged write present" \
		|| { sed 's/^/# /' "$work/tmpfs.out"; bad "full file system: database check failed"; }
}

# ---- a read-only database ----

test_read_only() {
	local dir=$work/ro db=$work/ro/team.db sum
	mkdir "$dir"
	fresh_db "$db"
	chmod 0400 "$db"
	sum=$(sha "$db")
	probe ok "" "${drop[@]}" open "$db" && printf '%s\n' "$out" | grep -q 'readonly=1' \
		&& ok "read-only database: it can be read" \
		|| bad "read-only database: reading failed"
	probe read-only 'read-only.*nothing can be saved' "${drop[@]}" write "$db" \
		&& ok "read-only database: a change is refused with a clear message" \
		|| bad "read-only database: no clear refusal"
	[ "$(sha "$db")" = "$sum" ] && ok "read-only database: the file is unchanged" \
		|| bad "read-only database: the file was changed"
	# Reading left a read-only $db-shm beside it. When the file is made writable
	# again, SQLite cannot use that -shm for writing: the message must name it.
	chmod 0600 "$db"
	if [ -e "$db-shm" ]; then
		probe read-only 'team\.db-shm' "${drop[@]}" write "$db" \
			&& ok "read-only leftovers: a read-only -shm is named in the message" \
			|| bad "read-only leftovers: the message does not say which file is read-only"
		rm -f "$db-shm" # nobody uses the database now, so this is safe
	fi
	probe ok "" "${drop[@]}" write "$db" \
		&& ok "read-only database: writable again, a change is saved" \
		|| bad "read-only database: still not writable after chmod 600"
}

test_read_only_folder() {
	local dir=$work/rodir db=$work/rodir/team.db sum
	mkdir "$dir"
	fresh_db "$db"
	chmod 0400 "$db"
	chmod 0500 "$dir"
	sum=$(sha "$db")
	probe read-only 'folder.*read-only' "${drop[@]}" open "$db" \
		&& ok "read-only folder: a clear message says the folder is read-only" \
		|| bad "read-only folder: no clear message"
	probe read-only 'read-only' "${drop[@]}" write "$db" \
		&& ok "read-only folder: a change is refused" || bad "read-only folder: write"
	chmod 0700 "$dir"
	unchanged "$db" "$sum" "read-only folder"
}

# ---- files that are not (casus) databases ----

test_not_sqlite() {
	local txt=$work/list.db empty=$work/empty.db foreign=$work/foreign.db s1 s2 s3
	for i in $(seq 40); do echo "boodschappen: melk, brood, kaas ($i)"; done >"$txt"
	: >"$empty"
	"$rel_probe" foreign "$foreign" >/dev/null || bad "cannot make an SQLite file"
	chmod 0600 "$txt" "$empty" "$foreign"
	s1=$(sha "$txt") s2=$(sha "$empty") s3=$(sha "$foreign")
	probe not-a-database 'not a casus database.*not changed' open "$txt" \
		&& ok "a text file is refused as not a casus database" || bad "text file"
	probe not-a-database 'not a casus database.*not changed' open "$empty" \
		&& ok "an empty file is refused as not a casus database" || bad "empty file"
	probe not-a-database 'SQLite database, but not one of casus' open "$foreign" \
		&& ok "another program's SQLite database is refused" || bad "foreign SQLite file"
	probe exists 'will not overwrite' create "$txt" \
		&& ok "creating a database over an existing file is refused" || bad "create over"
	unchanged "$txt" "$s1" "not SQLite"
	unchanged "$empty" "$s2" "empty file"
	unchanged "$foreign" "$s3" "foreign SQLite"
}

# ---- a truncated database ----

test_truncated() {
	local good=$work/good.db size
	fresh_db "$good"
	size=$(stat -c %s "$good")
	for cut in $((size / 2)) 4096 60; do
		local db=$work/cut-$cut.db sum
		head -c "$cut" "$good" >"$db"
		chmod 0600 "$db"
		sum=$(sha "$db")
		probe not-a-database 'damaged|not a casus database' open "$db" \
			&& ok "truncated to $cut of $size bytes: reported as damaged" \
			|| bad "truncated to $cut bytes: not reported clearly"
		probe not-a-database 'damaged|not a casus database' write "$db" \
			&& ok "truncated to $cut bytes: a change is refused" \
			|| bad "truncated to $cut bytes: a change was not refused"
		unchanged "$db" "$sum" "truncated to $cut bytes"
	done
}

# ---- a missing XDG folder ----

test_xdg() {
	local xdg=$work/xdg/nope/deeper path
	path=$xdg/casus/team.db
	XDG_DATA_HOME=$xdg probe not-found 'no team database at .*casus init' default existing \
		&& [ ! -e "$work/xdg" ] \
		&& ok "missing XDG folder: opening says there is no database, creates nothing" \
		|| bad "missing XDG folder: opening an existing database"
	XDG_DATA_HOME=$xdg probe ok "" default create && [ -f "$path" ] \
		&& [ "$(stat -c %a "$path")" = 600 ] && [ "$(stat -c %a "$xdg/casus")" = 700 ] \
		&& ok "missing XDG folder: created (0700) with the database (0600) in it" \
		|| bad "missing XDG folder: create did not make $path privately"
	XDG_DATA_HOME=$xdg probe ok "" default existing \
		&& ok "missing XDG folder: the new database opens" || bad "reopen $path"
	: >"$work/afile"
	XDG_DATA_HOME=$work/afile probe io 'cannot create the folder' default create \
		&& ok "XDG_DATA_HOME is a file: a clear message" || bad "XDG_DATA_HOME is a file"
}

# ---- a locale that is not UTF-8 ----

test_locale() {
	probe_env=(LC_ALL=C LANG=)
	probe ok "" utf8 "$work/c-locale.db" \
		&& printf '%s\n' "$out" | grep -q '^codeset ANSI_X3.4-1968' \
		&& ok "C locale: invalid UTF-8 is refused, valid UTF-8 kept byte for byte" \
		|| bad "C locale text checks"
	printf '%s\n' "$out" | grep -E '^(ok|FAIL):' | sed 's/^/# /'
	# A Latin-1 locale, the classic non-UTF-8 Dutch setup, when one can be built here.
	mkdir -p "$work/locale"
	if localedef -i nl_NL -f ISO-8859-1 "$work/locale/nl_NL.ISO-8859-1" >/dev/null 2>&1; then
		probe_env=(LOCPATH="$work/locale" LC_ALL=nl_NL.ISO-8859-1)
		probe ok "" utf8 "$work/latin1.db" \
			&& printf '%s\n' "$out" | grep -q '^codeset ISO-8859-1' \
			&& ok "Latin-1 locale: invalid UTF-8 is refused, valid UTF-8 kept" \
			|| bad "Latin-1 locale text checks"
	else
		echo "# skipped the Latin-1 variant: localedef cannot build nl_NL.ISO-8859-1 here"
	fi
	probe_env=()
}

start=$(now_ms)
test_full_disk
test_full_tmpfs
test_read_only
test_read_only_folder
test_not_sqlite
test_truncated
test_xdg
test_locale
echo "# bad environment took $(($(now_ms) - start)) ms"
summary
