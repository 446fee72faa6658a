-- 0001: the team, its members, families, persons, involved parties, consent,
-- notes, regie, phase history and the append-only audit log.
--
-- Conventions: ids are canonical lower-case UUID text (36 characters); times are
-- UTC 'YYYY-MM-DDTHH:MM:SSZ'; dates are 'YYYY-MM-DD'. Every mutable row has `rev`
-- (optimistic concurrency) and updated_at/updated_by. Every table is STRICT.

CREATE TABLE meta (
	key   TEXT PRIMARY KEY,
	value TEXT NOT NULL
) STRICT;

CREATE TABLE setting (
	key        TEXT PRIMARY KEY CHECK (length(key) BETWEEN 1 AND 64),
	value      TEXT NOT NULL CHECK (length(value) <= 4000),
	rev        INTEGER NOT NULL DEFAULT 1,
	updated_at TEXT NOT NULL,
	updated_by TEXT
) STRICT;

CREATE TABLE member (
	id         TEXT PRIMARY KEY CHECK (length(id) = 36),
	login      TEXT NOT NULL UNIQUE CHECK (length(login) BETWEEN 1 AND 64),
	name       TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
	role       TEXT NOT NULL CHECK (role IN ('coach', 'gedragswetenschapper', 'teamleider')),
	aandacht   INTEGER NOT NULL DEFAULT 0 CHECK (aandacht IN (0, 1)),
	active     INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
	created_at TEXT NOT NULL,
	rev        INTEGER NOT NULL DEFAULT 1 CHECK (rev >= 1),
	updated_at TEXT NOT NULL,
	updated_by TEXT REFERENCES member(id)
) STRICT;

CREATE TABLE family (
	id              TEXT PRIMARY KEY CHECK (length(id) = 36),
	case_year       INTEGER NOT NULL CHECK (case_year BETWEEN 2000 AND 9999),
	case_seq        INTEGER NOT NULL CHECK (case_seq >= 1),
	case_no         TEXT NOT NULL UNIQUE,
	display_name    TEXT NOT NULL CHECK (length(display_name) BETWEEN 1 AND 200),
	sort_name       TEXT NOT NULL,
	phase           TEXT NOT NULL CHECK (phase IN
	                ('aanmelding', 'intake', 'plan', 'uitvoering', 'afsluiting', 'afgesloten')),
	triage          TEXT CHECK (triage IN ('A', 'B', 'C', 'D')),
	framework       TEXT NOT NULL DEFAULT 'vrijwillig'
	                CHECK (framework IN ('vrijwillig', 'drang', 'dwang')),
	referral_kind   TEXT NOT NULL DEFAULT 'aanmelding'
	                CHECK (referral_kind IN ('aanmelding', 'zorgmelding')),
	referral_source TEXT NOT NULL DEFAULT 'ouders' CHECK (referral_source IN
	                ('ouders', 'jeugdige', 'school', 'huisarts', 'jeugdarts', 'politie',
	                 'veilig_thuis', 'wijkteam', 'rechter', 'overig')),
	address         TEXT CHECK (length(address) <= 300),
	phone           TEXT CHECK (length(phone) <= 40),
	registered_on   TEXT NOT NULL,
	first_contact_on TEXT,
	first_visit_on  TEXT,
	closed_on       TEXT,
	regie_id        TEXT REFERENCES member(id),
	regie_sort      TEXT,            -- sort key of the regievoerder's name (core keeps it)
	next_eval_on    TEXT,
	reopen_count    INTEGER NOT NULL DEFAULT 0,
	created_at      TEXT NOT NULL,
	created_by      TEXT NOT NULL REFERENCES member(id),
	rev             INTEGER NOT NULL DEFAULT 1 CHECK (rev >= 1),
	updated_at      TEXT NOT NULL,
	updated_by      TEXT NOT NULL REFERENCES member(id),
	phase_ord       INTEGER GENERATED ALWAYS AS (CASE phase WHEN 'aanmelding' THEN 0
	                WHEN 'intake' THEN 1 WHEN 'plan' THEN 2 WHEN 'uitvoering' THEN 3
	                WHEN 'afsluiting' THEN 4 ELSE 5 END) VIRTUAL,
	UNIQUE (case_year, case_seq),
	CHECK (case_no = printf('%04d-%04d', case_year, case_seq)),
	CHECK ((phase = 'afgesloten') = (closed_on IS NOT NULL))
) STRICT;

-- The case list sorts and filters by these; every list query must be able to walk an
-- index in order (see family_list in src/core/family_query.c and its query-plan test).
CREATE INDEX family_by_sort_name ON family(sort_name, case_no);
CREATE INDEX family_by_phase ON family(phase_ord, sort_name, case_no);
CREATE INDEX family_by_regie ON family(regie_id, sort_name, case_no);
CREATE INDEX family_by_regie_sort ON family(regie_sort, sort_name, case_no);
CREATE INDEX family_by_next_eval ON family(next_eval_on, case_no);
CREATE INDEX family_by_registered ON family(registered_on, case_no);
CREATE INDEX family_by_triage ON family(triage, sort_name, case_no);

CREATE TABLE person (
	id           TEXT PRIMARY KEY CHECK (length(id) = 36),
	family_id    TEXT NOT NULL REFERENCES family(id),
	given_name   TEXT NOT NULL CHECK (length(given_name) BETWEEN 1 AND 100),
	family_name  TEXT NOT NULL CHECK (length(family_name) BETWEEN 1 AND 100),
	birth_date   TEXT,
	role         TEXT NOT NULL CHECK (role IN
	             ('ouder', 'verzorger', 'kind', 'partner', 'huisgenoot')),
	authority    INTEGER NOT NULL DEFAULT 0 CHECK (authority IN (0, 1)),
	bsn          TEXT CHECK (bsn IS NULL OR (length(bsn) = 9 AND bsn GLOB '[0-9]*'
	             AND NOT bsn GLOB '*[^0-9]*')),
	created_at   TEXT NOT NULL,
	rev          INTEGER NOT NULL DEFAULT 1 CHECK (rev >= 1),
	updated_at   TEXT NOT NULL,
	updated_by   TEXT NOT NULL REFERENCES member(id)
) STRICT;
CREATE INDEX person_by_family ON person(family_id, role, birth_date);

CREATE TABLE involved_party (
	id           TEXT PRIMARY KEY CHECK (length(id) = 36),
	family_id    TEXT NOT NULL REFERENCES family(id),
	kind         TEXT NOT NULL CHECK (kind IN ('netwerk', 'professional')),
	name         TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
	organisation TEXT CHECK (length(organisation) <= 200),
	role         TEXT CHECK (length(role) <= 200),
	contact      TEXT CHECK (length(contact) <= 300),
	active       INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
	created_at   TEXT NOT NULL,
	rev          INTEGER NOT NULL DEFAULT 1 CHECK (rev >= 1),
	updated_at   TEXT NOT NULL,
	updated_by   TEXT NOT NULL REFERENCES member(id)
) STRICT;
CREATE INDEX party_by_family ON involved_party(family_id, kind, name);

-- Consent to share one person's data with one party for one purpose. A grant is
-- given by `given_by` (the person themself or a parent, see consent_required()).
-- Withdrawal sets withdrawn_on; rows are never deleted.
CREATE TABLE consent (
	id           TEXT PRIMARY KEY CHECK (length(id) = 36),
	family_id    TEXT NOT NULL REFERENCES family(id),
	person_id    TEXT NOT NULL REFERENCES person(id),
	party_id     TEXT NOT NULL REFERENCES involved_party(id),
	given_by     TEXT NOT NULL REFERENCES person(id),
	purpose      TEXT NOT NULL CHECK (length(purpose) BETWEEN 1 AND 300),
	granted_on   TEXT NOT NULL,
	withdrawn_on TEXT,
	recorded_by  TEXT NOT NULL REFERENCES member(id),
	created_at   TEXT NOT NULL,
	rev          INTEGER NOT NULL DEFAULT 1 CHECK (rev >= 1),
	updated_at   TEXT NOT NULL,
	updated_by   TEXT NOT NULL REFERENCES member(id),
	CHECK (withdrawn_on IS NULL OR withdrawn_on >= granted_on)
) STRICT;
CREATE INDEX consent_by_person ON consent(person_id, party_id);
CREATE INDEX consent_by_family ON consent(family_id);

-- Notes are part of the dossier: never edited, never deleted. A correction is a new
-- note whose `corrects` points at the one it corrects.
CREATE TABLE note (
	id           TEXT PRIMARY KEY CHECK (length(id) = 36),
	family_id    TEXT NOT NULL REFERENCES family(id),
	author_id    TEXT NOT NULL REFERENCES member(id),
	kind         TEXT NOT NULL CHECK (kind IN ('fact', 'hypothesis', 'diagnosis')),
	body         TEXT NOT NULL CHECK (length(body) BETWEEN 1 AND 20000),
	diagnosed_by TEXT CHECK (length(diagnosed_by) <= 200),
	confidential INTEGER NOT NULL DEFAULT 0 CHECK (confidential IN (0, 1)),
	corrects     TEXT REFERENCES note(id),
	created_at   TEXT NOT NULL,
	CHECK (kind <> 'diagnosis' OR length(diagnosed_by) > 0)
) STRICT;
CREATE INDEX note_by_family ON note(family_id, created_at);
CREATE TRIGGER note_no_update BEFORE UPDATE ON note
BEGIN SELECT RAISE(ABORT, 'notes are never changed: add a correction instead'); END;

-- Regie: the history of regievoerders. At most one open row per family (the partial
-- unique index); family.regie_id mirrors the open row and is kept in step by core.
CREATE TABLE regie (
	id          TEXT PRIMARY KEY CHECK (length(id) = 36),
	family_id   TEXT NOT NULL REFERENCES family(id),
	member_id   TEXT NOT NULL REFERENCES member(id),
	started_at  TEXT NOT NULL,
	ended_at    TEXT,
	assigned_by TEXT NOT NULL REFERENCES member(id),
	reason      TEXT CHECK (length(reason) <= 2000),
	CHECK (ended_at IS NULL OR ended_at >= started_at)
) STRICT;
CREATE UNIQUE INDEX regie_one_active ON regie(family_id) WHERE ended_at IS NULL;
CREATE INDEX regie_by_family ON regie(family_id, started_at);

CREATE TABLE phase_change (
	id          TEXT PRIMARY KEY CHECK (length(id) = 36),
	family_id   TEXT NOT NULL REFERENCES family(id),
	from_phase  TEXT,
	to_phase    TEXT NOT NULL,
	changed_on  TEXT NOT NULL,
	changed_by  TEXT NOT NULL REFERENCES member(id),
	reason      TEXT CHECK (length(reason) <= 2000)
) STRICT;
CREATE INDEX phase_change_by_family ON phase_change(family_id, changed_on);

-- Full-text search over a family's names, case number, persons and parties. Kept in
-- step by core (family_fts_refresh) in the same transaction as the change.
CREATE VIRTUAL TABLE family_fts USING fts5(
	case_no, names, body,
	tokenize = 'unicode61 remove_diacritics 2'
);

-- The access log (NEN 7513): append-only, and a hash chain makes any edit behind
-- casus's back detectable (audit_verify). content_hash covers the row's fields;
-- chain_hash = sha256(previous chain_hash || content_hash).
CREATE TABLE audit (
	seq          INTEGER PRIMARY KEY,
	at           TEXT NOT NULL,
	event        TEXT NOT NULL CHECK (event IN
	             ('create', 'read', 'update', 'delete', 'search', 'export', 'print',
	              'reveal', 'privacy', 'destroy', 'breakglass', 'init')),
	member_id    TEXT,
	login        TEXT NOT NULL,
	on_behalf    TEXT,
	workstation  TEXT NOT NULL,
	family_id    TEXT,
	object_type  TEXT,
	object_id    TEXT,
	detail       TEXT,
	content_hash TEXT NOT NULL CHECK (length(content_hash) = 64),
	chain_hash   TEXT NOT NULL CHECK (length(chain_hash) = 64)
) STRICT;
CREATE INDEX audit_by_family ON audit(family_id, seq);
CREATE INDEX audit_by_login ON audit(login, seq);
CREATE INDEX audit_by_at ON audit(at);
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
