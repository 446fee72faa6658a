-- 0008: search from the first letter typed. The case list's search index gets FTS5
-- prefix indexes for one, two and three characters: a search for "j" or "ja" then
-- reads one list of families instead of merging the lists of every word that starts
-- so (at 100,000 families "j" starts words in 18,000 of them), and a search can stop
-- after the first matches it needs. FTS5 cannot add the prefix option to an existing
-- table, so the index is made again with it, from its own rows, under its own name.
CREATE VIRTUAL TABLE family_fts_new USING fts5(
	case_no, names, body,
	tokenize = 'unicode61 remove_diacritics 2',
	prefix = '1 2 3'
);
INSERT INTO family_fts_new(rowid, case_no, names, body)
	SELECT rowid, case_no, names, body FROM family_fts;
DROP TABLE family_fts;
ALTER TABLE family_fts_new RENAME TO family_fts;
