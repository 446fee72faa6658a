# The BSN: a valid one is stored but never appears in lists, family details, plan,
# meldcode, minutes or dossier exports, or on any screen of the full-screen interface
# (every family of the demo opened, with its plan); only `family person bsn` shows it,
# to the family's regievoerder or a teamleider, and every time is in the access log.
. "$CASUS_LIB"
exec </dev/null
quiet demo --db demo.db
bsns=$(sqlite3 demo.db "SELECT bsn FROM person WHERE bsn IS NOT NULL")
echo "persons with a BSN: $(echo "$bsns" | wc -l)"
leaks() { grep -c -F -f <(echo "$bsns") || true; }
echo "the check finds a BSN: $(echo "$bsns" | head -1 | leaks)"
{
	"$CASUS" --db demo.db --as hvdlinden family list --all --format tsv
	"$CASUS" --db demo.db --as hvdlinden family list --all --format json
	for no in $(sqlite3 demo.db "SELECT DISTINCT f.case_no FROM family f JOIN person p ON p.family_id = f.id WHERE p.bsn IS NOT NULL"); do
		"$CASUS" --db demo.db --as hvdlinden family show "$no"
		"$CASUS" --db demo.db --as hvdlinden family show "$no" --format json
		"$CASUS" --db demo.db --as hvdlinden export plan "$no" --format md
		"$CASUS" --db demo.db --as hvdlinden export plan "$no" --format json
		"$CASUS" --db demo.db --as hvdlinden export meldcode "$no" --format json
		"$CASUS" --db demo.db --as hvdlinden export dossier "$no" --format json
	done
	for m in $(sqlite3 demo.db "SELECT id FROM meeting"); do
		"$CASUS" --db demo.db --as hvdlinden export minutes "$m" --format md
		"$CASUS" --db demo.db --as hvdlinden export minutes "$m" --format json --privacy
	done
} >exports.txt 2>&1
echo "exports made: $(grep -c '^# \|"format"' exports.txt)"
echo "BSNs in lists and exports: $(leaks <exports.txt)"
# every family on screen, its details and its plan, as the teamleider
for i in $(seq 42); do printf 'key <Enter>\ndump family\nkey P\ndump plan\nkey <Esc>\nkey <Esc>\nkey j\n'; done >walk.keys
"$CASUS" --db demo.db --as hvdlinden --script=walk.keys --size=160x50 >screens.txt 2>&1
echo "screens dumped: $(grep -c '^=== ' screens.txt)"
echo "BSNs on screen: $(leaks <screens.txt)"
# shown on request: the regievoerder and the teamleider; others are refused
no=2026-0004
casus --lang en --db demo.db --as ekaraca family person bsn $no Hamza
casus --lang en --db demo.db --as hvdlinden family person bsn $no "Khadija El Amrani"
casus --lang en --db demo.db --as mbenali family person bsn $no Hamza
casus --lang en --db demo.db --as ekaraca family person bsn $no Ikram
casus --lang en --db demo.db --as ekaraca family person bsn $no Nobody
casus --lang en --db demo.db --as ekaraca family person bsn $no
casus --lang en --db demo.db --as hvdlinden audit --family $no --format tsv | awk -F'\t' '$3 == "reveal" { print $3, $4, $8, $10 }'
