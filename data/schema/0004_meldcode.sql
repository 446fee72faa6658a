-- 0004: the meldcode (Wet verplichte meldcode huiselijk geweld en kindermishandeling)
-- with the afwegingskader. One trajectory per concern; at most one open per family.
--
-- Everything recorded in a trajectory is part of the dossier: entry tables are
-- append-only (triggers abort UPDATE and DELETE). A correction is a new row whose
-- `corrects` points at the row it corrects; a row is corrected at most once (the
-- partial unique indexes), so corrections form a chain and "current" means "not
-- corrected". Only the trajectory header (open/closed) and the step states change
-- in place, with `rev` for optimistic concurrency; every step change is also
-- appended to meldcode_step_log. A closed trajectory is read-only (triggers).
--
-- Privacy: meldcode_consultation has no family or person columns at all. An
-- anonymous Veilig Thuis advice must not identify the family, so the row is linked
-- only through its trajectory; core also refuses free text that names the family.

CREATE TABLE meldcode (
	id          TEXT PRIMARY KEY CHECK (length(id) = 36),
	family_id   TEXT NOT NULL REFERENCES family(id),
	client      TEXT NOT NULL CHECK (client IN ('children', 'adult')),
	adult_id    TEXT REFERENCES person(id),
	status      TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
	outcome     TEXT CHECK (outcome IN ('no_suspicion', 'melding', 'help', 'melding_and_help')),
	close_note  TEXT CHECK (length(close_note) <= 8000),
	opened_at   TEXT NOT NULL,
	opened_by   TEXT NOT NULL REFERENCES member(id),
	closed_at   TEXT,
	closed_by   TEXT REFERENCES member(id),
	rev         INTEGER NOT NULL DEFAULT 1 CHECK (rev >= 1),
	updated_at  TEXT NOT NULL,
	updated_by  TEXT NOT NULL REFERENCES member(id),
	CHECK ((client = 'adult') = (adult_id IS NOT NULL)),
	CHECK ((status = 'closed') = (closed_at IS NOT NULL)),
	CHECK ((status = 'closed') = (closed_by IS NOT NULL)),
	CHECK ((status = 'closed') = (outcome IS NOT NULL))
) STRICT;
CREATE UNIQUE INDEX meldcode_one_open ON meldcode(family_id) WHERE status = 'open';
CREATE INDEX meldcode_by_family ON meldcode(family_id, opened_at);
CREATE TRIGGER meldcode_closed_read_only BEFORE UPDATE ON meldcode WHEN OLD.status = 'closed'
BEGIN SELECT RAISE(ABORT, 'the meldcode trajectory is closed and read-only'); END;
CREATE TRIGGER meldcode_fixed BEFORE UPDATE OF id, family_id, client, adult_id, opened_at,
	opened_by ON meldcode
BEGIN SELECT RAISE(ABORT, 'who and what a meldcode trajectory is about never changes'); END;
CREATE TRIGGER meldcode_no_delete BEFORE DELETE ON meldcode
BEGIN SELECT RAISE(ABORT, 'meldcode trajectories are never deleted'); END;

-- The children concerned (for an adult client: none, or those named later).
CREATE TABLE meldcode_child (
	trajectory_id TEXT NOT NULL REFERENCES meldcode(id),
	person_id     TEXT NOT NULL REFERENCES person(id),
	added_at      TEXT NOT NULL,
	added_by      TEXT NOT NULL REFERENCES member(id),
	PRIMARY KEY (trajectory_id, person_id)
) STRICT;

-- The five steps and their state. Only step 3 may be skipped, and only for one of
-- the two reasons the meldcode allows, with an explanation.
CREATE TABLE meldcode_step (
	trajectory_id TEXT NOT NULL REFERENCES meldcode(id),
	step          INTEGER NOT NULL CHECK (step BETWEEN 1 AND 5),
	state         TEXT NOT NULL DEFAULT 'not_started'
	              CHECK (state IN ('not_started', 'in_progress', 'done', 'skipped')),
	skip_reason   TEXT CHECK (skip_reason IN ('safety', 'contact_break')),
	skip_note     TEXT CHECK (length(skip_note) <= 2000),
	rev           INTEGER NOT NULL DEFAULT 1 CHECK (rev >= 1),
	updated_at    TEXT NOT NULL,
	updated_by    TEXT NOT NULL REFERENCES member(id),
	PRIMARY KEY (trajectory_id, step),
	CHECK (state <> 'skipped' OR step = 3),
	CHECK ((state = 'skipped') = (skip_reason IS NOT NULL)),
	CHECK ((state = 'skipped') = (ifnull(trim(skip_note), '') <> ''))
) STRICT;
CREATE TRIGGER meldcode_step_closed BEFORE UPDATE ON meldcode_step
WHEN (SELECT status FROM meldcode WHERE id = OLD.trajectory_id) = 'closed'
BEGIN SELECT RAISE(ABORT, 'the meldcode trajectory is closed and read-only'); END;
CREATE TRIGGER meldcode_step_no_delete BEFORE DELETE ON meldcode_step
BEGIN SELECT RAISE(ABORT, 'meldcode steps are never deleted'); END;

CREATE TABLE meldcode_step_log (
	id            TEXT PRIMARY KEY CHECK (length(id) = 36),
	trajectory_id TEXT NOT NULL REFERENCES meldcode(id),
	step          INTEGER NOT NULL CHECK (step BETWEEN 1 AND 5),
	from_state    TEXT NOT NULL,
	to_state      TEXT NOT NULL,
	skip_reason   TEXT,
	skip_note     TEXT,
	cause         TEXT NOT NULL CHECK (cause IN ('manual', 'entry', 'weighing', 'decision')),
	author_id     TEXT NOT NULL REFERENCES member(id),
	created_at    TEXT NOT NULL
) STRICT;
CREATE INDEX meldcode_step_log_by_trajectory ON meldcode_step_log(trajectory_id, created_at);

-- Step 1: signals. A fact, a hypothesis or interpretation (whose), a diagnosis (by
-- which qualified professional), or a verdict that confirms or refutes an earlier
-- hypothesis (the hypothesis itself stays as it was).
CREATE TABLE meldcode_signal (
	id            TEXT PRIMARY KEY CHECK (length(id) = 36),
	trajectory_id TEXT NOT NULL REFERENCES meldcode(id),
	kind          TEXT NOT NULL CHECK (kind IN ('fact', 'hypothesis', 'diagnosis', 'verdict')),
	observed_on   TEXT NOT NULL CHECK (observed_on GLOB
	              '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
	observer      TEXT NOT NULL CHECK (length(observer) BETWEEN 1 AND 200),
	source_kind   TEXT NOT NULL CHECK (source_kind IN ('own', 'third_party')),
	source        TEXT CHECK (length(source) <= 200),
	description   TEXT NOT NULL CHECK (length(description) BETWEEN 1 AND 8000),
	hypothesis_of TEXT CHECK (length(hypothesis_of) <= 200),
	diagnosed_by  TEXT CHECK (length(diagnosed_by) <= 200),
	verdict       TEXT CHECK (verdict IN ('confirmed', 'refuted')),
	follows_up    TEXT REFERENCES meldcode_signal(id),
	corrects      TEXT REFERENCES meldcode_signal(id),
	author_id     TEXT NOT NULL REFERENCES member(id),
	created_at    TEXT NOT NULL,
	CHECK (source_kind = 'own' OR ifnull(trim(source), '') <> ''),
	CHECK ((kind = 'hypothesis') = (ifnull(trim(hypothesis_of), '') <> '')),
	CHECK ((kind = 'diagnosis') = (ifnull(trim(diagnosed_by), '') <> '')),
	CHECK ((kind = 'verdict') = (verdict IS NOT NULL)),
	CHECK ((kind = 'verdict') = (follows_up IS NOT NULL))
) STRICT;
CREATE INDEX meldcode_signal_by_trajectory ON meldcode_signal(trajectory_id, created_at);
CREATE UNIQUE INDEX meldcode_signal_corrected ON meldcode_signal(corrects)
	WHERE corrects IS NOT NULL;
CREATE INDEX meldcode_signal_follow_ups ON meldcode_signal(follows_up)
	WHERE follows_up IS NOT NULL;
CREATE TRIGGER meldcode_signal_verdict BEFORE INSERT ON meldcode_signal
WHEN NEW.follows_up IS NOT NULL AND NOT EXISTS (SELECT 1 FROM meldcode_signal h
	WHERE h.id = NEW.follows_up AND h.kind = 'hypothesis'
	AND h.trajectory_id = NEW.trajectory_id)
BEGIN SELECT RAISE(ABORT, 'a verdict follows up a hypothesis of the same trajectory'); END;

-- The kindcheck (step 1, for an adult client): minor children in the home (also a
-- new partner's), who cares for them, pregnancy.
CREATE TABLE meldcode_kindcheck (
	id               TEXT PRIMARY KEY CHECK (length(id) = 36),
	trajectory_id    TEXT NOT NULL REFERENCES meldcode(id),
	minors_in_home   TEXT NOT NULL CHECK (minors_in_home IN ('yes', 'no', 'unknown')),
	minors_note      TEXT CHECK (length(minors_note) <= 2000),
	partner_children TEXT NOT NULL
	                 CHECK (partner_children IN ('yes', 'no', 'unknown', 'no_partner')),
	carers           TEXT CHECK (length(carers) <= 2000),
	pregnant         TEXT NOT NULL
	                 CHECK (pregnant IN ('yes', 'no', 'unknown', 'not_applicable')),
	note             TEXT CHECK (length(note) <= 8000),
	corrects         TEXT REFERENCES meldcode_kindcheck(id),
	author_id        TEXT NOT NULL REFERENCES member(id),
	created_at       TEXT NOT NULL,
	CHECK (minors_in_home <> 'yes' OR ifnull(trim(minors_note), '') <> ''),
	CHECK (minors_in_home <> 'yes' OR ifnull(trim(carers), '') <> '')
) STRICT;
CREATE INDEX meldcode_kindcheck_by_trajectory ON meldcode_kindcheck(trajectory_id, created_at);
CREATE UNIQUE INDEX meldcode_kindcheck_corrected ON meldcode_kindcheck(corrects)
	WHERE corrects IS NOT NULL;

-- Acute danger: police and/or Veilig Thuis contacted at once. Possible at any time,
-- before step 2, and never waiting for an approval.
CREATE TABLE meldcode_acute (
	id            TEXT PRIMARY KEY CHECK (length(id) = 36),
	trajectory_id TEXT NOT NULL REFERENCES meldcode(id),
	service       TEXT NOT NULL CHECK (service IN ('police', 'veilig_thuis', 'both')),
	contacted_at  TEXT NOT NULL CHECK (length(contacted_at) = 20),
	contact_name  TEXT CHECK (length(contact_name) <= 200),
	reference     TEXT CHECK (length(reference) <= 100),
	danger        TEXT NOT NULL CHECK (length(danger) BETWEEN 1 AND 8000),
	corrects      TEXT REFERENCES meldcode_acute(id),
	author_id     TEXT NOT NULL REFERENCES member(id),
	created_at    TEXT NOT NULL
) STRICT;
CREATE INDEX meldcode_acute_by_trajectory ON meldcode_acute(trajectory_id, created_at);
CREATE UNIQUE INDEX meldcode_acute_corrected ON meldcode_acute(corrects)
	WHERE corrects IS NOT NULL;

-- Step 2: collegial consultation. Deliberately no family or person columns.
CREATE TABLE meldcode_consultation (
	id            TEXT PRIMARY KEY CHECK (length(id) = 36),
	trajectory_id TEXT NOT NULL REFERENCES meldcode(id),
	with_kind     TEXT NOT NULL CHECK (with_kind IN ('colleague', 'aandachtsfunctionaris',
	              'gedragswetenschapper', 'team_meeting', 'veilig_thuis')),
	with_name     TEXT NOT NULL CHECK (length(with_name) BETWEEN 1 AND 200),
	anonymous     INTEGER NOT NULL DEFAULT 0 CHECK (anonymous IN (0, 1)),
	held_on       TEXT NOT NULL CHECK (held_on GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
	question      TEXT CHECK (length(question) <= 8000),
	advice        TEXT NOT NULL CHECK (length(advice) BETWEEN 1 AND 8000),
	corrects      TEXT REFERENCES meldcode_consultation(id),
	author_id     TEXT NOT NULL REFERENCES member(id),
	created_at    TEXT NOT NULL,
	CHECK (anonymous = 0 OR with_kind = 'veilig_thuis')
) STRICT;
CREATE INDEX meldcode_consultation_by_trajectory
	ON meldcode_consultation(trajectory_id, created_at);
CREATE UNIQUE INDEX meldcode_consultation_corrected ON meldcode_consultation(corrects)
	WHERE corrects IS NOT NULL;

-- Step 3: the conversation with the client.
CREATE TABLE meldcode_conversation (
	id            TEXT PRIMARY KEY CHECK (length(id) = 36),
	trajectory_id TEXT NOT NULL REFERENCES meldcode(id),
	with_whom     TEXT NOT NULL CHECK (with_whom IN ('parent', 'child', 'both')),
	participants  TEXT CHECK (length(participants) <= 200),
	held_on       TEXT NOT NULL CHECK (held_on GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
	said          TEXT NOT NULL CHECK (length(said) BETWEEN 1 AND 8000),
	reaction      TEXT NOT NULL CHECK (length(reaction) BETWEEN 1 AND 8000),
	corrects      TEXT REFERENCES meldcode_conversation(id),
	author_id     TEXT NOT NULL REFERENCES member(id),
	created_at    TEXT NOT NULL
) STRICT;
CREATE INDEX meldcode_conversation_by_trajectory
	ON meldcode_conversation(trajectory_id, created_at);
CREATE UNIQUE INDEX meldcode_conversation_corrected ON meldcode_conversation(corrects)
	WHERE corrects IS NOT NULL;

-- Step 4: weighing, with afwegingskader questions 1 and 2. A later weighing corrects
-- the current one. A disclosure counts as acute unsafety.
CREATE TABLE meldcode_weighing (
	id                 TEXT PRIMARY KEY CHECK (length(id) = 36),
	trajectory_id      TEXT NOT NULL REFERENCES meldcode(id),
	instrument         TEXT NOT NULL CHECK (instrument IN
	                   ('none', 'lirik', 'arij', 'care_nl', 'signs_of_safety', 'other')),
	instrument_name    TEXT CHECK (length(instrument_name) <= 200),
	instrument_outcome TEXT CHECK (length(instrument_outcome) <= 8000),
	q1                 INTEGER NOT NULL CHECK (q1 IN (0, 1)),
	q1_motivation      TEXT NOT NULL CHECK (length(q1_motivation) BETWEEN 1 AND 8000),
	q2                 INTEGER CHECK (q2 IN (0, 1)),
	q2_acute           INTEGER NOT NULL DEFAULT 0 CHECK (q2_acute IN (0, 1)),
	q2_structural      INTEGER NOT NULL DEFAULT 0 CHECK (q2_structural IN (0, 1)),
	q2_disclosure      INTEGER NOT NULL DEFAULT 0 CHECK (q2_disclosure IN (0, 1)),
	q2_motivation      TEXT CHECK (length(q2_motivation) <= 8000),
	corrects           TEXT REFERENCES meldcode_weighing(id),
	author_id          TEXT NOT NULL REFERENCES member(id),
	created_at         TEXT NOT NULL,
	CHECK (instrument <> 'other' OR ifnull(trim(instrument_name), '') <> ''),
	CHECK (instrument = 'none' OR ifnull(trim(instrument_outcome), '') <> ''),
	CHECK ((q1 = 1) = (q2 IS NOT NULL)),
	CHECK ((q1 = 1) = (ifnull(trim(q2_motivation), '') <> '')),
	CHECK (q2 IS NULL OR q2 = (q2_acute OR q2_structural)),
	CHECK (q2_disclosure = 0 OR q2_acute = 1)
) STRICT;
CREATE INDEX meldcode_weighing_by_trajectory ON meldcode_weighing(trajectory_id, created_at);
CREATE UNIQUE INDEX meldcode_weighing_corrected ON meldcode_weighing(corrects)
	WHERE corrects IS NOT NULL;

-- Step 5: the two decisions (melden; hulp) with afwegingskader questions 3-5. q2 and
-- melden_required are snapshots of what the afwegingskader required when deciding;
-- the CHECKs repeat core's rules so that no write can record an unflagged
-- contradiction. acute = the acute path (melden at once, steps 1-4 afterwards).
CREATE TABLE meldcode_decision (
	id                   TEXT PRIMARY KEY CHECK (length(id) = 36),
	trajectory_id        TEXT NOT NULL REFERENCES meldcode(id),
	weighing_id          TEXT REFERENCES meldcode_weighing(id),
	acute                INTEGER NOT NULL DEFAULT 0 CHECK (acute IN (0, 1)),
	q2                   INTEGER CHECK (q2 IN (0, 1)),
	q3                   INTEGER CHECK (q3 IN (0, 1)),
	q3_motivation        TEXT CHECK (length(q3_motivation) <= 8000),
	q4                   INTEGER CHECK (q4 IN (0, 1)),
	q4_motivation        TEXT CHECK (length(q4_motivation) <= 8000),
	q5                   INTEGER CHECK (q5 IN (0, 1)),
	q5_motivation        TEXT CHECK (length(q5_motivation) <= 8000),
	with_vt              INTEGER NOT NULL DEFAULT 0 CHECK (with_vt IN (0, 1)),
	melden               INTEGER NOT NULL CHECK (melden IN (0, 1)),
	melden_motivation    TEXT NOT NULL CHECK (length(melden_motivation) BETWEEN 1 AND 8000),
	hulp                 INTEGER NOT NULL CHECK (hulp IN (0, 1)),
	hulp_motivation      TEXT NOT NULL CHECK (length(hulp_motivation) BETWEEN 1 AND 8000),
	melden_required      INTEGER NOT NULL CHECK (melden_required IN (0, 1)),
	hulp_expected        INTEGER CHECK (hulp_expected IN (0, 1)),
	deviation            INTEGER NOT NULL DEFAULT 0 CHECK (deviation IN (0, 1)),
	deviation_motivation TEXT CHECK (length(deviation_motivation) <= 8000),
	corrects             TEXT REFERENCES meldcode_decision(id),
	author_id            TEXT NOT NULL REFERENCES member(id),
	created_at           TEXT NOT NULL,
	CHECK (acute = 1 OR weighing_id IS NOT NULL),
	CHECK (acute = 0 OR melden = 1),
	CHECK (q3 IS NULL OR ifnull(trim(q3_motivation), '') <> ''),
	CHECK (q4 IS NULL OR ifnull(trim(q4_motivation), '') <> ''),
	CHECK (q5 IS NULL OR ifnull(trim(q5_motivation), '') <> ''),
	CHECK (q2 IS NOT 1 OR with_vt = 1 OR (q3 IS NULL AND q4 IS NULL AND q5 IS NULL)),
	CHECK (melden_required = (acute = 1 OR q2 IS 1 OR q3 IS 0 OR q4 IS 0 OR q5 IS 0)),
	CHECK ((deviation = 1) = (ifnull(trim(deviation_motivation), '') <> '')),
	CHECK (deviation = 1 OR melden_required = 0 OR melden = 1),
	CHECK (deviation = 1 OR hulp_expected IS NULL OR hulp = hulp_expected)
) STRICT;
CREATE INDEX meldcode_decision_by_trajectory ON meldcode_decision(trajectory_id, created_at);
CREATE UNIQUE INDEX meldcode_decision_corrected ON meldcode_decision(corrects)
	WHERE corrects IS NOT NULL;

-- A gedragswetenschapper's review of a decision that deviates from the afwegingskader
-- (four eyes: never the decision's author).
CREATE TABLE meldcode_review (
	id            TEXT PRIMARY KEY CHECK (length(id) = 36),
	trajectory_id TEXT NOT NULL REFERENCES meldcode(id),
	decision_id   TEXT NOT NULL REFERENCES meldcode_decision(id),
	verdict       TEXT NOT NULL CHECK (verdict IN ('agreed', 'disagreed')),
	note          TEXT NOT NULL CHECK (length(note) BETWEEN 1 AND 8000),
	author_id     TEXT NOT NULL REFERENCES member(id),
	created_at    TEXT NOT NULL
) STRICT;
CREATE INDEX meldcode_review_by_decision ON meldcode_review(decision_id);
CREATE TRIGGER meldcode_review_four_eyes BEFORE INSERT ON meldcode_review
WHEN (SELECT role FROM member WHERE id = NEW.author_id) IS NOT 'gedragswetenschapper'
  OR (SELECT author_id FROM meldcode_decision WHERE id = NEW.decision_id) = NEW.author_id
  OR (SELECT deviation FROM meldcode_decision WHERE id = NEW.decision_id) IS NOT 1
BEGIN SELECT RAISE(ABORT, 'a deviation is reviewed by another member, a gedragswetenschapper'); END;

-- What follows a decision: the intended melding discussed with the client (or the
-- "open melden, tenzij" exception), the manager informed, the melding itself with
-- Veilig Thuis's reference and the two expected feedback dates, the feedback, and
-- when help is organised the follow-up check that the violence has stopped.
CREATE TABLE meldcode_event (
	id            TEXT PRIMARY KEY CHECK (length(id) = 36),
	trajectory_id TEXT NOT NULL REFERENCES meldcode(id),
	decision_id   TEXT NOT NULL REFERENCES meldcode_decision(id),
	kind          TEXT NOT NULL CHECK (kind IN ('discussed', 'exception', 'manager_intended',
	              'manager_final', 'melding', 'vt_feedback', 'help_followup', 'help_checked')),
	on_date       TEXT NOT NULL CHECK (on_date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
	with_whom     TEXT CHECK (with_whom IN ('parents', 'child_and_parents', 'child', 'adult')),
	advised       TEXT CHECK (advised IN
	              ('parents', 'child_and_parents', 'child', 'adult', 'unknown')),
	exception     TEXT CHECK (exception IN ('safety', 'own_safety', 'contact_break')),
	person_name   TEXT CHECK (length(person_name) <= 200),
	reference     TEXT CHECK (length(reference) <= 100),
	feedback_no   INTEGER CHECK (feedback_no IN (1, 2)),
	due1          TEXT,
	due2          TEXT,
	outcome       TEXT CHECK (outcome IN ('stopped', 'continues')),
	note          TEXT CHECK (length(note) <= 8000),
	corrects      TEXT REFERENCES meldcode_event(id),
	author_id     TEXT NOT NULL REFERENCES member(id),
	created_at    TEXT NOT NULL,
	CHECK ((kind = 'discussed') = (with_whom IS NOT NULL)),
	CHECK ((kind = 'exception') = (exception IS NOT NULL)),
	CHECK (kind NOT IN ('discussed', 'exception', 'help_checked') OR ifnull(trim(note), '') <> ''),
	CHECK ((kind IN ('manager_intended', 'manager_final')) = (ifnull(trim(person_name), '') <> '')),
	CHECK ((kind = 'melding') = (ifnull(trim(reference), '') <> '')),
	CHECK ((kind = 'melding') = (due1 IS NOT NULL)),
	CHECK (kind = 'melding' OR due2 IS NULL),
	CHECK ((kind = 'vt_feedback') = (feedback_no IS NOT NULL)),
	CHECK ((kind = 'help_checked') = (outcome IS NOT NULL))
) STRICT;
CREATE INDEX meldcode_event_by_trajectory ON meldcode_event(trajectory_id, kind, created_at);
CREATE UNIQUE INDEX meldcode_event_corrected ON meldcode_event(corrects)
	WHERE corrects IS NOT NULL;

-- Append-only and closed-is-read-only for every entry table; corrections stay within
-- their trajectory. (SQLite triggers cannot be parameterised by table, hence the
-- repetition.)
CREATE TRIGGER meldcode_child_no_update BEFORE UPDATE ON meldcode_child
BEGIN SELECT RAISE(ABORT, 'meldcode entries are never changed: add a correction'); END;
CREATE TRIGGER meldcode_child_no_delete BEFORE DELETE ON meldcode_child
BEGIN SELECT RAISE(ABORT, 'meldcode entries are never deleted'); END;
CREATE TRIGGER meldcode_child_closed BEFORE INSERT ON meldcode_child
WHEN (SELECT status FROM meldcode WHERE id = NEW.trajectory_id) IS NOT 'open'
BEGIN SELECT RAISE(ABORT, 'the meldcode trajectory is closed and read-only'); END;

CREATE TRIGGER meldcode_step_log_no_update BEFORE UPDATE ON meldcode_step_log
BEGIN SELECT RAISE(ABORT, 'meldcode entries are never changed: add a correction'); END;
CREATE TRIGGER meldcode_step_log_no_delete BEFORE DELETE ON meldcode_step_log
BEGIN SELECT RAISE(ABORT, 'meldcode entries are never deleted'); END;
CREATE TRIGGER meldcode_step_log_closed BEFORE INSERT ON meldcode_step_log
WHEN (SELECT status FROM meldcode WHERE id = NEW.trajectory_id) IS NOT 'open'
BEGIN SELECT RAISE(ABORT, 'the meldcode trajectory is closed and read-only'); END;

CREATE TRIGGER meldcode_signal_no_update BEFORE UPDATE ON meldcode_signal
BEGIN SELECT RAISE(ABORT, 'meldcode entries are never changed: add a correction'); END;
CREATE TRIGGER meldcode_signal_no_delete BEFORE DELETE ON meldcode_signal
BEGIN SELECT RAISE(ABORT, 'meldcode entries are never deleted'); END;
CREATE TRIGGER meldcode_signal_closed BEFORE INSERT ON meldcode_signal
WHEN (SELECT status FROM meldcode WHERE id = NEW.trajectory_id) IS NOT 'open'
BEGIN SELECT RAISE(ABORT, 'the meldcode trajectory is closed and read-only'); END;
CREATE TRIGGER meldcode_signal_same BEFORE INSERT ON meldcode_signal
WHEN NEW.corrects IS NOT NULL AND (SELECT trajectory_id FROM meldcode_signal
	WHERE id = NEW.corrects) IS NOT NEW.trajectory_id
BEGIN SELECT RAISE(ABORT, 'a correction belongs to the same trajectory'); END;

CREATE TRIGGER meldcode_kindcheck_no_update BEFORE UPDATE ON meldcode_kindcheck
BEGIN SELECT RAISE(ABORT, 'meldcode entries are never changed: add a correction'); END;
CREATE TRIGGER meldcode_kindcheck_no_delete BEFORE DELETE ON meldcode_kindcheck
BEGIN SELECT RAISE(ABORT, 'meldcode entries are never deleted'); END;
CREATE TRIGGER meldcode_kindcheck_closed BEFORE INSERT ON meldcode_kindcheck
WHEN (SELECT status FROM meldcode WHERE id = NEW.trajectory_id) IS NOT 'open'
BEGIN SELECT RAISE(ABORT, 'the meldcode trajectory is closed and read-only'); END;
CREATE TRIGGER meldcode_kindcheck_same BEFORE INSERT ON meldcode_kindcheck
WHEN NEW.corrects IS NOT NULL AND (SELECT trajectory_id FROM meldcode_kindcheck
	WHERE id = NEW.corrects) IS NOT NEW.trajectory_id
BEGIN SELECT RAISE(ABORT, 'a correction belongs to the same trajectory'); END;

CREATE TRIGGER meldcode_acute_no_update BEFORE UPDATE ON meldcode_acute
BEGIN SELECT RAISE(ABORT, 'meldcode entries are never changed: add a correction'); END;
CREATE TRIGGER meldcode_acute_no_delete BEFORE DELETE ON meldcode_acute
BEGIN SELECT RAISE(ABORT, 'meldcode entries are never deleted'); END;
CREATE TRIGGER meldcode_acute_closed BEFORE INSERT ON meldcode_acute
WHEN (SELECT status FROM meldcode WHERE id = NEW.trajectory_id) IS NOT 'open'
BEGIN SELECT RAISE(ABORT, 'the meldcode trajectory is closed and read-only'); END;
CREATE TRIGGER meldcode_acute_same BEFORE INSERT ON meldcode_acute
WHEN NEW.corrects IS NOT NULL AND (SELECT trajectory_id FROM meldcode_acute
	WHERE id = NEW.corrects) IS NOT NEW.trajectory_id
BEGIN SELECT RAISE(ABORT, 'a correction belongs to the same trajectory'); END;

CREATE TRIGGER meldcode_consultation_no_update BEFORE UPDATE ON meldcode_consultation
BEGIN SELECT RAISE(ABORT, 'meldcode entries are never changed: add a correction'); END;
CREATE TRIGGER meldcode_consultation_no_delete BEFORE DELETE ON meldcode_consultation
BEGIN SELECT RAISE(ABORT, 'meldcode entries are never deleted'); END;
CREATE TRIGGER meldcode_consultation_closed BEFORE INSERT ON meldcode_consultation
WHEN (SELECT status FROM meldcode WHERE id = NEW.trajectory_id) IS NOT 'open'
BEGIN SELECT RAISE(ABORT, 'the meldcode trajectory is closed and read-only'); END;
CREATE TRIGGER meldcode_consultation_same BEFORE INSERT ON meldcode_consultation
WHEN NEW.corrects IS NOT NULL AND (SELECT trajectory_id FROM meldcode_consultation
	WHERE id = NEW.corrects) IS NOT NEW.trajectory_id
BEGIN SELECT RAISE(ABORT, 'a correction belongs to the same trajectory'); END;

CREATE TRIGGER meldcode_conversation_no_update BEFORE UPDATE ON meldcode_conversation
BEGIN SELECT RAISE(ABORT, 'meldcode entries are never changed: add a correction'); END;
CREATE TRIGGER meldcode_conversation_no_delete BEFORE DELETE ON meldcode_conversation
BEGIN SELECT RAISE(ABORT, 'meldcode entries are never deleted'); END;
CREATE TRIGGER meldcode_conversation_closed BEFORE INSERT ON meldcode_conversation
WHEN (SELECT status FROM meldcode WHERE id = NEW.trajectory_id) IS NOT 'open'
BEGIN SELECT RAISE(ABORT, 'the meldcode trajectory is closed and read-only'); END;
CREATE TRIGGER meldcode_conversation_same BEFORE INSERT ON meldcode_conversation
WHEN NEW.corrects IS NOT NULL AND (SELECT trajectory_id FROM meldcode_conversation
	WHERE id = NEW.corrects) IS NOT NEW.trajectory_id
BEGIN SELECT RAISE(ABORT, 'a correction belongs to the same trajectory'); END;

CREATE TRIGGER meldcode_weighing_no_update BEFORE UPDATE ON meldcode_weighing
BEGIN SELECT RAISE(ABORT, 'meldcode entries are never changed: add a correction'); END;
CREATE TRIGGER meldcode_weighing_no_delete BEFORE DELETE ON meldcode_weighing
BEGIN SELECT RAISE(ABORT, 'meldcode entries are never deleted'); END;
CREATE TRIGGER meldcode_weighing_closed BEFORE INSERT ON meldcode_weighing
WHEN (SELECT status FROM meldcode WHERE id = NEW.trajectory_id) IS NOT 'open'
BEGIN SELECT RAISE(ABORT, 'the meldcode trajectory is closed and read-only'); END;
CREATE TRIGGER meldcode_weighing_same BEFORE INSERT ON meldcode_weighing
WHEN NEW.corrects IS NOT NULL AND (SELECT trajectory_id FROM meldcode_weighing
	WHERE id = NEW.corrects) IS NOT NEW.trajectory_id
BEGIN SELECT RAISE(ABORT, 'a correction belongs to the same trajectory'); END;

CREATE TRIGGER meldcode_decision_no_update BEFORE UPDATE ON meldcode_decision
BEGIN SELECT RAISE(ABORT, 'meldcode entries are never changed: add a correction'); END;
CREATE TRIGGER meldcode_decision_no_delete BEFORE DELETE ON meldcode_decision
BEGIN SELECT RAISE(ABORT, 'meldcode entries are never deleted'); END;
CREATE TRIGGER meldcode_decision_closed BEFORE INSERT ON meldcode_decision
WHEN (SELECT status FROM meldcode WHERE id = NEW.trajectory_id) IS NOT 'open'
BEGIN SELECT RAISE(ABORT, 'the meldcode trajectory is closed and read-only'); END;
CREATE TRIGGER meldcode_decision_same BEFORE INSERT ON meldcode_decision
WHEN (NEW.corrects IS NOT NULL AND (SELECT trajectory_id FROM meldcode_decision
	WHERE id = NEW.corrects) IS NOT NEW.trajectory_id)
  OR (NEW.weighing_id IS NOT NULL AND (SELECT trajectory_id FROM meldcode_weighing
	WHERE id = NEW.weighing_id) IS NOT NEW.trajectory_id)
BEGIN SELECT RAISE(ABORT, 'a decision refers to entries of its own trajectory'); END;

CREATE TRIGGER meldcode_review_no_update BEFORE UPDATE ON meldcode_review
BEGIN SELECT RAISE(ABORT, 'meldcode entries are never changed: add a correction'); END;
CREATE TRIGGER meldcode_review_no_delete BEFORE DELETE ON meldcode_review
BEGIN SELECT RAISE(ABORT, 'meldcode entries are never deleted'); END;
CREATE TRIGGER meldcode_review_closed BEFORE INSERT ON meldcode_review
WHEN (SELECT status FROM meldcode WHERE id = NEW.trajectory_id) IS NOT 'open'
  OR (SELECT trajectory_id FROM meldcode_decision WHERE id = NEW.decision_id)
	IS NOT NEW.trajectory_id
BEGIN SELECT RAISE(ABORT, 'the meldcode trajectory is closed and read-only'); END;

CREATE TRIGGER meldcode_event_no_update BEFORE UPDATE ON meldcode_event
BEGIN SELECT RAISE(ABORT, 'meldcode entries are never changed: add a correction'); END;
CREATE TRIGGER meldcode_event_no_delete BEFORE DELETE ON meldcode_event
BEGIN SELECT RAISE(ABORT, 'meldcode entries are never deleted'); END;
CREATE TRIGGER meldcode_event_closed BEFORE INSERT ON meldcode_event
WHEN (SELECT status FROM meldcode WHERE id = NEW.trajectory_id) IS NOT 'open'
BEGIN SELECT RAISE(ABORT, 'the meldcode trajectory is closed and read-only'); END;
CREATE TRIGGER meldcode_event_same BEFORE INSERT ON meldcode_event
WHEN (NEW.corrects IS NOT NULL AND (SELECT trajectory_id FROM meldcode_event
	WHERE id = NEW.corrects) IS NOT NEW.trajectory_id)
  OR (SELECT trajectory_id FROM meldcode_decision WHERE id = NEW.decision_id)
	IS NOT NEW.trajectory_id
BEGIN SELECT RAISE(ABORT, 'an event refers to entries of its own trajectory'); END;
