-- 0006: the weekly case meeting (casuïstiekoverleg) and the team-issues register.
--
-- A meeting has a date, a chair and a minute-taker (both team members), attendees
-- (members and guests such as the jeugdarts) and an agenda. Each agenda item has a
-- kind, usually a family, a planned number of minutes and a state; its timer is stored
-- as timestamps (elapsed_seconds of earlier runs plus run_started_at of the current
-- run), so every process computes the same elapsed time and a restart loses nothing.
-- The minutes are notes (never changed), decisions (besluiten) and actions (who does
-- what by when). Coaches ask for a casusinbreng before the next meeting exists
-- (meeting_request). The team-issues register (way of working) outlives meetings.
--
-- The rules core enforces (src/core/meeting*.c, team_issue.c) are repeated here as
-- CHECKs where a row can show them: an item of a family kind without a family, a
-- running item without its start time, a second running meeting or item, a guest
-- without a role, a decision to assign regie without the regie row it made.

CREATE TABLE meeting (
	id              TEXT PRIMARY KEY CHECK (length(id) = 36),
	held_on         TEXT NOT NULL CHECK (held_on GLOB
	                '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
	chair_id        TEXT NOT NULL REFERENCES member(id),
	minute_taker_id TEXT NOT NULL REFERENCES member(id),
	status          TEXT NOT NULL DEFAULT 'planned'
	                CHECK (status IN ('planned', 'running', 'finished')),
	started_at      TEXT,
	finished_at     TEXT,
	proposed_at     TEXT,            -- the last time casus proposed the agenda
	created_at      TEXT NOT NULL,
	created_by      TEXT NOT NULL REFERENCES member(id),
	rev             INTEGER NOT NULL DEFAULT 1 CHECK (rev >= 1),
	updated_at      TEXT NOT NULL,
	updated_by      TEXT NOT NULL REFERENCES member(id),
	CHECK ((status = 'planned') = (started_at IS NULL)),
	CHECK ((status = 'finished') = (finished_at IS NOT NULL)),
	CHECK (finished_at IS NULL OR finished_at >= started_at)
) STRICT;
CREATE INDEX meeting_by_date ON meeting(held_on, status);
-- One team, one meeting at a time: the shared screen and every follower agree on it.
CREATE UNIQUE INDEX meeting_one_running ON meeting(status) WHERE status = 'running';

-- Team members (member_id) or guests (guest_name + guest_role, e.g. jeugdarts).
CREATE TABLE meeting_attendee (
	id          TEXT PRIMARY KEY CHECK (length(id) = 36),
	meeting_id  TEXT NOT NULL REFERENCES meeting(id),
	member_id   TEXT REFERENCES member(id),
	guest_name  TEXT CHECK (length(guest_name) BETWEEN 1 AND 200),
	guest_role  TEXT CHECK (length(guest_role) BETWEEN 1 AND 100),
	added_at    TEXT NOT NULL,
	added_by    TEXT NOT NULL REFERENCES member(id),
	UNIQUE (meeting_id, member_id),
	CHECK ((member_id IS NULL) = (guest_name IS NOT NULL)),
	CHECK ((guest_name IS NULL) = (guest_role IS NULL))
) STRICT;
CREATE INDEX meeting_attendee_by_meeting ON meeting_attendee(meeting_id);

-- The way-of-working register: kept across meetings, put on an agenda when marked.
CREATE TABLE team_issue (
	id          TEXT PRIMARY KEY CHECK (length(id) = 36),
	number      INTEGER NOT NULL UNIQUE CHECK (number >= 1),
	title       TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
	description TEXT CHECK (length(description) <= 4000),
	phase       TEXT NOT NULL DEFAULT 'open'
	            CHECK (phase IN ('open', 'in_behandeling', 'besloten', 'afgerond')),
	priority    TEXT NOT NULL DEFAULT 'normaal' CHECK (priority IN ('hoog', 'normaal', 'laag')),
	proposal    TEXT CHECK (length(proposal) <= 4000),
	decider     TEXT CHECK (length(decider) <= 200),
	decision    TEXT CHECK (length(decision) <= 4000),
	decided_on  TEXT,
	for_meeting INTEGER NOT NULL DEFAULT 0 CHECK (for_meeting IN (0, 1)),
	raised_by   TEXT NOT NULL REFERENCES member(id),
	created_at  TEXT NOT NULL,
	rev         INTEGER NOT NULL DEFAULT 1 CHECK (rev >= 1),
	updated_at  TEXT NOT NULL,
	updated_by  TEXT NOT NULL REFERENCES member(id),
	-- A decided issue says what was decided and when.
	CHECK (phase NOT IN ('besloten', 'afgerond') OR (decision IS NOT NULL AND decided_on IS NOT NULL))
) STRICT;
CREATE INDEX team_issue_by_phase ON team_issue(phase, number);

-- A coach brings a family in for the next meeting before that meeting is planned;
-- the agenda proposal places it (placed_in) on the next meeting.
CREATE TABLE meeting_request (
	id           TEXT PRIMARY KEY CHECK (length(id) = 36),
	family_id    TEXT NOT NULL REFERENCES family(id),
	question     TEXT NOT NULL CHECK (length(question) BETWEEN 1 AND 2000),
	requested_by TEXT NOT NULL REFERENCES member(id),
	requested_at TEXT NOT NULL,
	placed_in    TEXT REFERENCES meeting(id)
) STRICT;
CREATE INDEX meeting_request_open ON meeting_request(placed_in, requested_at);

CREATE TABLE agenda_item (
	id              TEXT PRIMARY KEY CHECK (length(id) = 36),
	meeting_id      TEXT NOT NULL REFERENCES meeting(id),
	kind            TEXT NOT NULL CHECK (kind IN ('open_action', 'aanmelding_triage',
	                'casusinbreng', 'evaluatie', 'meldcode', 'escalatie', 'team_issue',
	                'overig')),
	family_id       TEXT REFERENCES family(id),
	action_id       TEXT REFERENCES meeting_action(id),   -- open_action: the action
	meldcode_id     TEXT REFERENCES meldcode(id),         -- meldcode: the trajectory
	escalation_id   TEXT REFERENCES escalation(id),       -- escalatie: the request
	team_issue_id   TEXT REFERENCES team_issue(id),       -- team_issue: the issue
	brought_by      TEXT REFERENCES member(id),           -- casusinbreng: the coach
	question        TEXT CHECK (length(question) <= 2000),
	due_on          TEXT,                                 -- evaluatie: the date it was due
	planned_minutes INTEGER NOT NULL CHECK (planned_minutes BETWEEN 1 AND 240),
	position        INTEGER NOT NULL CHECK (position >= 1),
	state           TEXT NOT NULL DEFAULT 'open'
	                CHECK (state IN ('open', 'running', 'done', 'skipped', 'moved')),
	round           TEXT CHECK (round IN ('inbreng', 'vragen', 'advies', 'keuze', 'besluit')),
	first_started_at TEXT,
	run_started_at  TEXT,            -- the current run; NULL unless running
	elapsed_seconds INTEGER NOT NULL DEFAULT 0 CHECK (elapsed_seconds >= 0), -- earlier runs
	stopped_at      TEXT,
	moved_from      TEXT REFERENCES agenda_item(id),
	moved_to        TEXT REFERENCES agenda_item(id),
	created_at      TEXT NOT NULL,
	created_by      TEXT NOT NULL REFERENCES member(id),
	rev             INTEGER NOT NULL DEFAULT 1 CHECK (rev >= 1),
	updated_at      TEXT NOT NULL,
	updated_by      TEXT NOT NULL REFERENCES member(id),
	CHECK ((kind IN ('team_issue', 'overig', 'open_action')) OR family_id IS NOT NULL),
	CHECK (kind <> 'team_issue' OR family_id IS NULL),
	CHECK ((kind = 'open_action') = (action_id IS NOT NULL)),
	CHECK ((kind = 'meldcode') = (meldcode_id IS NOT NULL)),
	CHECK ((kind = 'escalatie') = (escalation_id IS NOT NULL)),
	CHECK ((kind = 'team_issue') = (team_issue_id IS NOT NULL)),
	CHECK ((kind = 'casusinbreng') = (round IS NOT NULL)),
	CHECK ((state = 'running') = (run_started_at IS NOT NULL)),
	CHECK (moved_to IS NULL OR state = 'moved')
) STRICT;
CREATE INDEX agenda_item_by_meeting ON agenda_item(meeting_id, position);
CREATE INDEX agenda_item_by_family ON agenda_item(family_id, meeting_id);
CREATE INDEX agenda_item_moved ON agenda_item(state, moved_to) WHERE state = 'moved';
-- One item at a time: starting another pauses the running one (core does that).
CREATE UNIQUE INDEX agenda_one_running ON agenda_item(meeting_id) WHERE state = 'running';

-- Notes on an item (any attendee). Like dossier notes they are never changed.
CREATE TABLE meeting_note (
	id          TEXT PRIMARY KEY CHECK (length(id) = 36),
	item_id     TEXT NOT NULL REFERENCES agenda_item(id),
	author_id   TEXT NOT NULL REFERENCES member(id),
	round       TEXT CHECK (round IN ('inbreng', 'vragen', 'advies', 'keuze', 'besluit')),
	body        TEXT NOT NULL CHECK (length(body) BETWEEN 1 AND 4000),
	created_at  TEXT NOT NULL
) STRICT;
CREATE INDEX meeting_note_by_item ON meeting_note(item_id, created_at);
CREATE TRIGGER meeting_note_no_update BEFORE UPDATE ON meeting_note
BEGIN SELECT RAISE(ABORT, 'meeting notes are never changed: add another note'); END;

-- Besluiten. kind 'regie': the meeting assigned a regievoerder (regie_row_id is the
-- regie row it opened); kind 'consultatie': the meeting was the collegial consultation
-- of a meldcode trajectory (step 2; consultation_id is the meldcode entry).
CREATE TABLE meeting_decision (
	id              TEXT PRIMARY KEY CHECK (length(id) = 36),
	item_id         TEXT NOT NULL REFERENCES agenda_item(id),
	kind            TEXT NOT NULL DEFAULT 'besluit'
	                CHECK (kind IN ('besluit', 'regie', 'consultatie')),
	body            TEXT NOT NULL CHECK (length(body) BETWEEN 1 AND 4000),
	owner_id        TEXT REFERENCES member(id),
	due_on          TEXT,
	regie_row_id    TEXT REFERENCES regie(id),
	consultation_id TEXT REFERENCES meldcode_consultation(id),
	created_at      TEXT NOT NULL,
	created_by      TEXT NOT NULL REFERENCES member(id),
	rev             INTEGER NOT NULL DEFAULT 1 CHECK (rev >= 1),
	updated_at      TEXT NOT NULL,
	updated_by      TEXT NOT NULL REFERENCES member(id),
	CHECK ((kind = 'regie') = (regie_row_id IS NOT NULL)),
	CHECK ((kind = 'consultatie') = (consultation_id IS NOT NULL))
) STRICT;
CREATE INDEX meeting_decision_by_item ON meeting_decision(item_id, created_at);

-- Acties: who does what by when. On a family item the owner may be a family member or
-- an involved party of that family, and the action is also added to the family's plan
-- (plan_action_id). That column has no foreign key on purpose: a plan draft may be
-- discarded, and the meeting's record of the action must outlive it.
CREATE TABLE meeting_action (
	id             TEXT PRIMARY KEY CHECK (length(id) = 36),
	item_id        TEXT NOT NULL REFERENCES agenda_item(id),
	family_id      TEXT REFERENCES family(id),
	body           TEXT NOT NULL CHECK (length(body) BETWEEN 1 AND 1000),
	owner_kind     TEXT NOT NULL CHECK (owner_kind IN ('person', 'network', 'professional',
	               'member')),
	owner_member   TEXT REFERENCES member(id),
	owner_person   TEXT REFERENCES person(id),
	owner_party    TEXT REFERENCES involved_party(id),
	owner_name     TEXT NOT NULL CHECK (length(owner_name) BETWEEN 1 AND 300),
	due_on         TEXT,
	status         TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done', 'cancelled')),
	closed_on      TEXT,
	plan_action_id TEXT,
	created_at     TEXT NOT NULL,
	created_by     TEXT NOT NULL REFERENCES member(id),
	rev            INTEGER NOT NULL DEFAULT 1 CHECK (rev >= 1),
	updated_at     TEXT NOT NULL,
	updated_by     TEXT NOT NULL REFERENCES member(id),
	CHECK ((owner_kind = 'member') = (owner_member IS NOT NULL)),
	CHECK ((owner_kind = 'person') = (owner_person IS NOT NULL)),
	CHECK ((owner_kind IN ('network', 'professional')) = (owner_party IS NOT NULL)),
	CHECK (family_id IS NOT NULL OR owner_kind = 'member'),
	CHECK ((status = 'open') = (closed_on IS NULL))
) STRICT;
CREATE INDEX meeting_action_by_item ON meeting_action(item_id, created_at);
CREATE INDEX meeting_action_open ON meeting_action(status, due_on);
