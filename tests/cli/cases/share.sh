# Sharing a family's plan or meldcode record with an involved party (--share-with):
# without everyone's consent by the age rule it is refused, naming whose consent is
# missing, unless a legal ground is stated; every share is in the access log with the
# party, the consent state, the purpose and the ground.
. "$CASUS_LIB"
exec </dev/null
quiet demo --db demo.db
as="--db demo.db --as ekaraca --lang en"
# everyone in family 2026-0002 consented to the GP; in 2026-0004 Ikram (12) has not
# consented herself to the school, and nobody to the gezinsvoogd
casus --db demo.db --as hvdlinden --lang en export plan 2026-0002 --format md --share-with "dr. R. Aydın" --output gp.md
test -s gp.md && echo "gp.md written"
casus $as export plan 2026-0004 --format md --share-with "dhr. J. Peters"
casus $as export plan 2026-0004 --format md --share-with "dhr. J. Peters" --purpose "iets anders"
casus $as export plan 2026-0004 --format json --share-with "K. Willems"
casus $as export meldcode 2026-0004 --format md --share-with "K. Willems" --legal-ground "taak jeugdbescherming (art. 3.2 Jeugdwet)" --output vt.md
test -s vt.md && echo "vt.md written"
# usage and bad input: nothing shared, nothing printed
before=$(snap demo.db)
casus $as export plan 2026-0004 --format md --share-with "Nobody Here"
casus $as export plan 2026-0004 --format md --legal-ground "meldrecht"
casus $as export plan 2026-0004 --format md --share-with "K. Willems" --legal-ground "$(printf 'a\nb')"
unchanged demo.db "$before"
for no in 2026-0002 2026-0004; do
	casus --db demo.db --as hvdlinden audit --family $no --format tsv | awk -F'\t' '$8 == "share" { print $3, $4, $10 }'
done
