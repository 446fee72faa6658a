-- 0003: the family plan (één gezin, één plan): versions with their sections, worries,
-- goals per leefgebied, actions, arrangements with organisations, evaluations and who
-- agreed; and the closure record written when a case is closed.
--
-- Versions: a family has at most one draft and at most one agreed version at a time
-- (partial unique indexes); agreeing a draft supersedes the agreed one. Rows copied
-- into a new draft keep `derived_from`, the row they were copied from, so that two
-- versions can be compared row by row.
--
-- Freezing: the triggers below refuse any change to the content of an agreed or
-- superseded version, also for writes that bypass core. What still moves on the agreed
-- version is its progress while the plan is carried out: an action's status, a goal's
-- scale 'now' and status, evaluations being held and new ones being planned. A
-- superseded version does not change at all.

CREATE TABLE plan (
	id                TEXT PRIMARY KEY CHECK (length(id) = 36),
	family_id         TEXT NOT NULL REFERENCES family(id),
	version           INTEGER NOT NULL CHECK (version >= 1),
	status            TEXT NOT NULL DEFAULT 'draft'
	                  CHECK (status IN ('draft', 'agreed', 'superseded')),
	derived_from      TEXT REFERENCES plan(id),
	aanleiding        TEXT CHECK (length(aanleiding) <= 8000),
	hulpvraag         TEXT CHECK (length(hulpvraag) <= 8000),
	krachten          TEXT CHECK (length(krachten) <= 8000),
	eerdere_hulp      TEXT CHECK (length(eerdere_hulp) <= 8000),
	safety_worries    TEXT CHECK (length(safety_worries) <= 8000),
	safety_working    TEXT CHECK (length(safety_working) <= 8000),
	safety_needed     TEXT CHECK (length(safety_needed) <= 8000),
	safety_agreements TEXT CHECK (length(safety_agreements) <= 8000),
	safety_scale      INTEGER CHECK (safety_scale BETWEEN 0 AND 10),
	agreed_on         TEXT,   -- the date the family and professionals agreed
	agreed_how        TEXT CHECK (agreed_how IN ('in_person', 'phone', 'paper')),
	agreed_at         TEXT,   -- when the agreement was recorded, and by whom
	agreed_rec_by     TEXT REFERENCES member(id),
	-- edit_seq moves on every change to this version's content (sections and rows),
	-- so an agreement is only recorded for the content the recorder actually saw.
	edit_seq          INTEGER NOT NULL DEFAULT 0,
	touched_at        TEXT NOT NULL,
	touched_by        TEXT NOT NULL REFERENCES member(id),
	created_at        TEXT NOT NULL,
	created_by        TEXT NOT NULL REFERENCES member(id),
	rev               INTEGER NOT NULL DEFAULT 1 CHECK (rev >= 1),
	updated_at        TEXT NOT NULL,
	updated_by        TEXT NOT NULL REFERENCES member(id),
	UNIQUE (family_id, version),
	CHECK ((status = 'draft') = (agreed_on IS NULL)),
	CHECK ((agreed_on IS NULL) = (agreed_how IS NULL)),
	CHECK ((agreed_on IS NULL) = (agreed_at IS NULL)),
	CHECK ((agreed_on IS NULL) = (agreed_rec_by IS NULL))
) STRICT;
CREATE UNIQUE INDEX plan_one_draft ON plan(family_id) WHERE status = 'draft';
CREATE UNIQUE INDEX plan_one_agreed ON plan(family_id) WHERE status = 'agreed';

-- Zorgen: who worries, since when, about what, and what it leads to.
CREATE TABLE plan_worry (
	id           TEXT PRIMARY KEY CHECK (length(id) = 36),
	plan_id      TEXT NOT NULL REFERENCES plan(id) ON DELETE CASCADE,
	derived_from TEXT REFERENCES plan_worry(id),
	who          TEXT NOT NULL CHECK (length(who) BETWEEN 1 AND 200),
	since        TEXT CHECK (length(since) <= 60),
	worry        TEXT NOT NULL CHECK (length(worry) BETWEEN 1 AND 4000),
	consequences TEXT CHECK (length(consequences) <= 2000),
	position     INTEGER NOT NULL,
	rev          INTEGER NOT NULL DEFAULT 1 CHECK (rev >= 1),
	updated_at   TEXT NOT NULL,
	updated_by   TEXT NOT NULL REFERENCES member(id)
) STRICT;
CREATE INDEX plan_worry_by_plan ON plan_worry(plan_id, position);
CREATE INDEX plan_worry_by_origin ON plan_worry(derived_from);

-- Afspraken with other professionals and organisations.
CREATE TABLE plan_arrangement (
	id           TEXT PRIMARY KEY CHECK (length(id) = 36),
	plan_id      TEXT NOT NULL REFERENCES plan(id) ON DELETE CASCADE,
	derived_from TEXT REFERENCES plan_arrangement(id),
	party_id     TEXT REFERENCES involved_party(id),
	organisation TEXT CHECK (length(organisation) <= 200),
	body         TEXT NOT NULL CHECK (length(body) BETWEEN 1 AND 4000),
	position     INTEGER NOT NULL,
	rev          INTEGER NOT NULL DEFAULT 1 CHECK (rev >= 1),
	updated_at   TEXT NOT NULL,
	updated_by   TEXT NOT NULL REFERENCES member(id)
) STRICT;
CREATE INDEX plan_arrangement_by_plan ON plan_arrangement(plan_id, position);
CREATE INDEX plan_arrangement_by_origin ON plan_arrangement(derived_from);

-- Doelen per leefgebied, scaled 0-10 (start / now / target). A goal that is no longer
-- open says why.
CREATE TABLE plan_goal (
	id           TEXT PRIMARY KEY CHECK (length(id) = 36),
	plan_id      TEXT NOT NULL REFERENCES plan(id) ON DELETE CASCADE,
	derived_from TEXT REFERENCES plan_goal(id),
	leefgebied   TEXT NOT NULL CHECK (length(leefgebied) BETWEEN 1 AND 100),
	body         TEXT NOT NULL CHECK (length(body) BETWEEN 1 AND 2000),
	scale_start  INTEGER CHECK (scale_start BETWEEN 0 AND 10),
	scale_now    INTEGER CHECK (scale_now BETWEEN 0 AND 10),
	scale_target INTEGER CHECK (scale_target BETWEEN 0 AND 10),
	status       TEXT NOT NULL DEFAULT 'open'
	             CHECK (status IN ('open', 'reached', 'adjusted', 'dropped')),
	reason       TEXT CHECK (length(reason) <= 1000),
	position     INTEGER NOT NULL,
	rev          INTEGER NOT NULL DEFAULT 1 CHECK (rev >= 1),
	updated_at   TEXT NOT NULL,
	updated_by   TEXT NOT NULL REFERENCES member(id),
	CHECK (status = 'open' OR length(trim(reason)) > 0)
) STRICT;
CREATE INDEX plan_goal_by_plan ON plan_goal(plan_id, position);
CREATE INDEX plan_goal_by_origin ON plan_goal(derived_from);

-- Acties: who does what by when. The owner is a family member (person), a network
-- member or a professional (involved_party), or a team member; owner_name keeps the
-- name as it was when the action was written.
CREATE TABLE plan_action (
	id           TEXT PRIMARY KEY CHECK (length(id) = 36),
	plan_id      TEXT NOT NULL REFERENCES plan(id) ON DELETE CASCADE,
	derived_from TEXT REFERENCES plan_action(id),
	goal_id      TEXT REFERENCES plan_goal(id) ON DELETE SET NULL,
	body         TEXT NOT NULL CHECK (length(body) BETWEEN 1 AND 1000),
	owner_kind   TEXT NOT NULL
	             CHECK (owner_kind IN ('person', 'network', 'professional', 'member')),
	owner_person TEXT REFERENCES person(id),
	owner_party  TEXT REFERENCES involved_party(id),
	owner_member TEXT REFERENCES member(id),
	owner_name   TEXT NOT NULL CHECK (length(owner_name) BETWEEN 1 AND 300),
	due_on       TEXT,
	status       TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done', 'cancelled')),
	closed_on    TEXT,
	position     INTEGER NOT NULL,
	rev          INTEGER NOT NULL DEFAULT 1 CHECK (rev >= 1),
	updated_at   TEXT NOT NULL,
	updated_by   TEXT NOT NULL REFERENCES member(id),
	CHECK ((owner_kind = 'person') = (owner_person IS NOT NULL)),
	CHECK ((owner_kind IN ('network', 'professional')) = (owner_party IS NOT NULL)),
	CHECK ((owner_kind = 'member') = (owner_member IS NOT NULL)),
	CHECK ((status = 'open') = (closed_on IS NULL))
) STRICT;
CREATE INDEX plan_action_by_plan ON plan_action(plan_id, position);
CREATE INDEX plan_action_by_origin ON plan_action(derived_from);
CREATE INDEX plan_action_by_goal ON plan_action(goal_id);

-- Evaluaties: planned in advance; when held, the outcome and the next date.
CREATE TABLE plan_evaluation (
	id           TEXT PRIMARY KEY CHECK (length(id) = 36),
	plan_id      TEXT NOT NULL REFERENCES plan(id) ON DELETE CASCADE,
	derived_from TEXT REFERENCES plan_evaluation(id),
	planned_on   TEXT NOT NULL,
	held_on      TEXT,
	outcome      TEXT CHECK (length(outcome) <= 4000),
	next_on      TEXT,
	rev          INTEGER NOT NULL DEFAULT 1 CHECK (rev >= 1),
	updated_at   TEXT NOT NULL,
	updated_by   TEXT NOT NULL REFERENCES member(id),
	CHECK (held_on IS NOT NULL OR (outcome IS NULL AND next_on IS NULL)),
	CHECK (next_on IS NULL OR next_on > held_on)
) STRICT;
CREATE INDEX plan_evaluation_by_plan ON plan_evaluation(plan_id, planned_on);
CREATE INDEX plan_evaluation_by_origin ON plan_evaluation(derived_from);

-- Instemming: who agreed to a version. Family members are persons, professionals (and
-- network members) are involved parties; name and role are kept as they were then.
CREATE TABLE plan_agreed_by (
	id        TEXT PRIMARY KEY CHECK (length(id) = 36),
	plan_id   TEXT NOT NULL REFERENCES plan(id) ON DELETE CASCADE,
	person_id TEXT REFERENCES person(id),
	party_id  TEXT REFERENCES involved_party(id),
	name      TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 300),
	role      TEXT CHECK (length(role) <= 300),
	position  INTEGER NOT NULL,
	CHECK ((person_id IS NULL) <> (party_id IS NULL)),
	UNIQUE (plan_id, person_id),
	UNIQUE (plan_id, party_id)
) STRICT;

-- How a case was closed: positief, or met vinger aan de pols (someone keeps an eye
-- until a date), the relapse risk and the aftercare agreement. Written before the
-- family is closed; never changed (a correction is a newer row, the newest counts).
CREATE TABLE closure (
	id           TEXT PRIMARY KEY CHECK (length(id) = 36),
	family_id    TEXT NOT NULL REFERENCES family(id),
	kind         TEXT NOT NULL CHECK (kind IN ('positief', 'vinger_aan_de_pols')),
	watcher      TEXT CHECK (length(watcher) <= 200),
	watch_until  TEXT,
	relapse_risk TEXT NOT NULL CHECK (relapse_risk IN ('laag', 'midden', 'hoog')),
	aftercare    TEXT NOT NULL CHECK (length(aftercare) BETWEEN 1 AND 4000),
	aftercare_on TEXT,
	recorded_at  TEXT NOT NULL,
	recorded_by  TEXT NOT NULL REFERENCES member(id),
	CHECK ((kind = 'vinger_aan_de_pols') = (watcher IS NOT NULL AND watch_until IS NOT NULL))
) STRICT;
CREATE INDEX closure_by_family ON closure(family_id, recorded_at);
CREATE TRIGGER closure_no_update BEFORE UPDATE ON closure
BEGIN SELECT RAISE(ABORT, 'a closure record is never changed: record a new one'); END;
CREATE TRIGGER closure_no_delete BEFORE DELETE ON closure
BEGIN SELECT RAISE(ABORT, 'a closure record is never deleted'); END;

-- ---- freezing agreed versions ----

CREATE TRIGGER plan_frozen BEFORE UPDATE ON plan
WHEN OLD.status <> 'draft' AND (OLD.status = 'superseded' OR NEW.status = 'draft'
	OR NEW.id IS NOT OLD.id OR NEW.family_id IS NOT OLD.family_id
	OR NEW.version IS NOT OLD.version OR NEW.derived_from IS NOT OLD.derived_from
	OR NEW.aanleiding IS NOT OLD.aanleiding OR NEW.hulpvraag IS NOT OLD.hulpvraag
	OR NEW.krachten IS NOT OLD.krachten OR NEW.eerdere_hulp IS NOT OLD.eerdere_hulp
	OR NEW.safety_worries IS NOT OLD.safety_worries
	OR NEW.safety_working IS NOT OLD.safety_working
	OR NEW.safety_needed IS NOT OLD.safety_needed
	OR NEW.safety_agreements IS NOT OLD.safety_agreements
	OR NEW.safety_scale IS NOT OLD.safety_scale OR NEW.agreed_on IS NOT OLD.agreed_on
	OR NEW.agreed_how IS NOT OLD.agreed_how OR NEW.agreed_at IS NOT OLD.agreed_at
	OR NEW.agreed_rec_by IS NOT OLD.agreed_rec_by OR NEW.edit_seq IS NOT OLD.edit_seq)
BEGIN SELECT RAISE(ABORT, 'this plan version was agreed and is frozen: start a new draft'); END;
CREATE TRIGGER plan_frozen_delete BEFORE DELETE ON plan WHEN OLD.status <> 'draft'
BEGIN SELECT RAISE(ABORT, 'an agreed plan version is never deleted'); END;

CREATE TRIGGER plan_worry_frozen_insert BEFORE INSERT ON plan_worry
WHEN (SELECT status FROM plan WHERE id = NEW.plan_id) IN ('agreed', 'superseded')
BEGIN SELECT RAISE(ABORT, 'this plan version was agreed and is frozen: start a new draft'); END;
CREATE TRIGGER plan_worry_frozen_update BEFORE UPDATE ON plan_worry
WHEN NEW.plan_id IS NOT OLD.plan_id
	OR (SELECT status FROM plan WHERE id = OLD.plan_id) IN ('agreed', 'superseded')
BEGIN SELECT RAISE(ABORT, 'this plan version was agreed and is frozen: start a new draft'); END;
CREATE TRIGGER plan_worry_frozen_delete BEFORE DELETE ON plan_worry
WHEN (SELECT status FROM plan WHERE id = OLD.plan_id) IN ('agreed', 'superseded')
BEGIN SELECT RAISE(ABORT, 'this plan version was agreed and is frozen: start a new draft'); END;

CREATE TRIGGER plan_arrangement_frozen_insert BEFORE INSERT ON plan_arrangement
WHEN (SELECT status FROM plan WHERE id = NEW.plan_id) IN ('agreed', 'superseded')
BEGIN SELECT RAISE(ABORT, 'this plan version was agreed and is frozen: start a new draft'); END;
CREATE TRIGGER plan_arrangement_frozen_update BEFORE UPDATE ON plan_arrangement
WHEN NEW.plan_id IS NOT OLD.plan_id
	OR (SELECT status FROM plan WHERE id = OLD.plan_id) IN ('agreed', 'superseded')
BEGIN SELECT RAISE(ABORT, 'this plan version was agreed and is frozen: start a new draft'); END;
CREATE TRIGGER plan_arrangement_frozen_delete BEFORE DELETE ON plan_arrangement
WHEN (SELECT status FROM plan WHERE id = OLD.plan_id) IN ('agreed', 'superseded')
BEGIN SELECT RAISE(ABORT, 'this plan version was agreed and is frozen: start a new draft'); END;

-- On an agreed version a goal's scale 'now', status and reason still move (progress).
CREATE TRIGGER plan_goal_frozen_insert BEFORE INSERT ON plan_goal
WHEN (SELECT status FROM plan WHERE id = NEW.plan_id) IN ('agreed', 'superseded')
BEGIN SELECT RAISE(ABORT, 'this plan version was agreed and is frozen: start a new draft'); END;
CREATE TRIGGER plan_goal_frozen_update BEFORE UPDATE ON plan_goal
WHEN NEW.plan_id IS NOT OLD.plan_id
	OR (SELECT status FROM plan WHERE id = OLD.plan_id) = 'superseded'
	OR ((SELECT status FROM plan WHERE id = OLD.plan_id) = 'agreed' AND (
		NEW.id IS NOT OLD.id OR NEW.derived_from IS NOT OLD.derived_from
		OR NEW.leefgebied IS NOT OLD.leefgebied OR NEW.body IS NOT OLD.body
		OR NEW.scale_start IS NOT OLD.scale_start
		OR NEW.scale_target IS NOT OLD.scale_target OR NEW.position IS NOT OLD.position))
BEGIN SELECT RAISE(ABORT, 'this plan version was agreed and is frozen: start a new draft'); END;
CREATE TRIGGER plan_goal_frozen_delete BEFORE DELETE ON plan_goal
WHEN (SELECT status FROM plan WHERE id = OLD.plan_id) IN ('agreed', 'superseded')
BEGIN SELECT RAISE(ABORT, 'this plan version was agreed and is frozen: start a new draft'); END;

-- On an agreed version an action's status (and the date it changed) still moves.
CREATE TRIGGER plan_action_frozen_insert BEFORE INSERT ON plan_action
WHEN (SELECT status FROM plan WHERE id = NEW.plan_id) IN ('agreed', 'superseded')
BEGIN SELECT RAISE(ABORT, 'this plan version was agreed and is frozen: start a new draft'); END;
CREATE TRIGGER plan_action_frozen_update BEFORE UPDATE ON plan_action
WHEN NEW.plan_id IS NOT OLD.plan_id
	OR (SELECT status FROM plan WHERE id = OLD.plan_id) = 'superseded'
	OR ((SELECT status FROM plan WHERE id = OLD.plan_id) = 'agreed' AND (
		NEW.id IS NOT OLD.id OR NEW.derived_from IS NOT OLD.derived_from
		OR NEW.goal_id IS NOT OLD.goal_id OR NEW.body IS NOT OLD.body
		OR NEW.owner_kind IS NOT OLD.owner_kind OR NEW.owner_person IS NOT OLD.owner_person
		OR NEW.owner_party IS NOT OLD.owner_party
		OR NEW.owner_member IS NOT OLD.owner_member OR NEW.owner_name IS NOT OLD.owner_name
		OR NEW.due_on IS NOT OLD.due_on OR NEW.position IS NOT OLD.position))
BEGIN SELECT RAISE(ABORT, 'this plan version was agreed and is frozen: start a new draft'); END;
CREATE TRIGGER plan_action_frozen_delete BEFORE DELETE ON plan_action
WHEN (SELECT status FROM plan WHERE id = OLD.plan_id) IN ('agreed', 'superseded')
BEGIN SELECT RAISE(ABORT, 'this plan version was agreed and is frozen: start a new draft'); END;

-- On an agreed version evaluations are held and new ones planned; a planned date, once
-- agreed, stays as it was fixed.
CREATE TRIGGER plan_evaluation_frozen_insert BEFORE INSERT ON plan_evaluation
WHEN (SELECT status FROM plan WHERE id = NEW.plan_id) = 'superseded'
	OR ((SELECT status FROM plan WHERE id = NEW.plan_id) = 'agreed' AND NEW.held_on IS NOT NULL)
BEGIN SELECT RAISE(ABORT, 'this plan version was agreed and is frozen: start a new draft'); END;
CREATE TRIGGER plan_evaluation_frozen_update BEFORE UPDATE ON plan_evaluation
WHEN NEW.plan_id IS NOT OLD.plan_id
	OR (SELECT status FROM plan WHERE id = OLD.plan_id) = 'superseded'
	OR ((SELECT status FROM plan WHERE id = OLD.plan_id) = 'agreed' AND (
		NEW.id IS NOT OLD.id OR NEW.derived_from IS NOT OLD.derived_from
		OR NEW.planned_on IS NOT OLD.planned_on))
BEGIN SELECT RAISE(ABORT, 'this plan version was agreed and is frozen: start a new draft'); END;
CREATE TRIGGER plan_evaluation_frozen_delete BEFORE DELETE ON plan_evaluation
WHEN (SELECT status FROM plan WHERE id = OLD.plan_id) IN ('agreed', 'superseded')
BEGIN SELECT RAISE(ABORT, 'this plan version was agreed and is frozen: start a new draft'); END;

-- Who agreed is written while the version is still a draft (in the agreeing
-- transaction) and never changed afterwards.
CREATE TRIGGER plan_agreed_by_frozen_insert BEFORE INSERT ON plan_agreed_by
WHEN (SELECT status FROM plan WHERE id = NEW.plan_id) IN ('agreed', 'superseded')
BEGIN SELECT RAISE(ABORT, 'this plan version was agreed and is frozen: start a new draft'); END;
CREATE TRIGGER plan_agreed_by_no_update BEFORE UPDATE ON plan_agreed_by
BEGIN SELECT RAISE(ABORT, 'who agreed to a plan version is never changed'); END;
CREATE TRIGGER plan_agreed_by_frozen_delete BEFORE DELETE ON plan_agreed_by
WHEN (SELECT status FROM plan WHERE id = OLD.plan_id) IN ('agreed', 'superseded')
BEGIN SELECT RAISE(ABORT, 'this plan version was agreed and is frozen: start a new draft'); END;
