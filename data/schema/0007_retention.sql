-- 0007: retention and destruction of a dossier (Jeugdwet art. 7.3.8–7.3.9, AVG art. 17).
--
-- A closed family's dossier is kept for the retention term (setting retention.years,
-- counted from the closing date) and then destroyed; a family can also ask for early
-- destruction (destruction_request). Destroying removes every row about the family in
-- one transaction (src/core/retention*.c). The dossier tables refuse DELETE by trigger;
-- those triggers now step aside only while a row in `destroying` exists, which the
-- destroying transaction inserts first and removes before it commits — so no other
-- connection ever sees one, and `casus check` reports one left behind.
--
-- The access log stays verifiable: rows about the destroyed family are redacted, not
-- removed. A redacted row keeps its place in the chain (seq, time, event, who, from where,
-- and both hashes) but loses the family, the object and the detail, and names in
-- redacted_by the 'destroy' row that removed them; audit_verify checks the chain over the
-- stored content hash of such rows and that their destroy row exists after them.

CREATE TABLE destroying (
	family_id TEXT PRIMARY KEY CHECK (length(family_id) = 36)
) STRICT;

-- A request by the family (or a child from 16) to destroy the dossier early.
CREATE TABLE destruction_request (
	id           TEXT PRIMARY KEY CHECK (length(id) = 36),
	family_id    TEXT NOT NULL REFERENCES family(id),
	requested_on TEXT NOT NULL CHECK (requested_on GLOB
	             '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
	requested_by TEXT NOT NULL CHECK (length(requested_by) BETWEEN 1 AND 200),
	reason       TEXT CHECK (length(reason) <= 2000),
	recorded_by  TEXT NOT NULL REFERENCES member(id),
	recorded_at  TEXT NOT NULL
) STRICT;
CREATE INDEX destruction_request_by_family ON destruction_request(family_id, requested_on);

-- Case numbers of destroyed families: never given out again. No personal data.
CREATE TABLE destroyed_case (
	case_no      TEXT PRIMARY KEY,
	case_year    INTEGER NOT NULL,
	case_seq     INTEGER NOT NULL,
	destroyed_at TEXT NOT NULL,
	audit_seq    INTEGER NOT NULL,
	UNIQUE (case_year, case_seq)
) STRICT;

ALTER TABLE audit ADD COLUMN redacted_by INTEGER;

DROP TRIGGER audit_no_update;
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
WHEN NOT (EXISTS (SELECT 1 FROM destroying)
	AND OLD.redacted_by IS NULL AND NEW.redacted_by > OLD.seq
	AND (SELECT event FROM audit WHERE seq = NEW.redacted_by) = 'destroy'
	AND NEW.seq = OLD.seq AND NEW.at = OLD.at AND NEW.event = OLD.event
	AND NEW.member_id IS OLD.member_id AND NEW.login = OLD.login
	AND NEW.on_behalf IS OLD.on_behalf AND NEW.workstation = OLD.workstation
	AND NEW.object_type IS OLD.object_type
	AND NEW.family_id IS NULL AND NEW.object_id IS NULL AND NEW.detail IS NULL
	AND NEW.content_hash = OLD.content_hash AND NEW.chain_hash = OLD.chain_hash)
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;

DROP TRIGGER closure_no_delete;
CREATE TRIGGER closure_no_delete BEFORE DELETE ON closure
WHEN NOT EXISTS (SELECT 1 FROM destroying)
BEGIN SELECT RAISE(ABORT, 'a closure record is never deleted'); END;
DROP TRIGGER plan_frozen_delete;
CREATE TRIGGER plan_frozen_delete BEFORE DELETE ON plan
WHEN NOT EXISTS (SELECT 1 FROM destroying)
	AND OLD.status <> 'draft'
BEGIN SELECT RAISE(ABORT, 'an agreed plan version is never deleted'); END;
DROP TRIGGER plan_worry_frozen_delete;
CREATE TRIGGER plan_worry_frozen_delete BEFORE DELETE ON plan_worry
WHEN NOT EXISTS (SELECT 1 FROM destroying)
	AND (SELECT status FROM plan WHERE id = OLD.plan_id) IN ('agreed', 'superseded')
BEGIN SELECT RAISE(ABORT, 'this plan version was agreed and is frozen: start a new draft'); END;
DROP TRIGGER plan_arrangement_frozen_delete;
CREATE TRIGGER plan_arrangement_frozen_delete BEFORE DELETE ON plan_arrangement
WHEN NOT EXISTS (SELECT 1 FROM destroying)
	AND (SELECT status FROM plan WHERE id = OLD.plan_id) IN ('agreed', 'superseded')
BEGIN SELECT RAISE(ABORT, 'this plan version was agreed and is frozen: start a new draft'); END;
DROP TRIGGER plan_goal_frozen_delete;
CREATE TRIGGER plan_goal_frozen_delete BEFORE DELETE ON plan_goal
WHEN NOT EXISTS (SELECT 1 FROM destroying)
	AND (SELECT status FROM plan WHERE id = OLD.plan_id) IN ('agreed', 'superseded')
BEGIN SELECT RAISE(ABORT, 'this plan version was agreed and is frozen: start a new draft'); END;
DROP TRIGGER plan_action_frozen_delete;
CREATE TRIGGER plan_action_frozen_delete BEFORE DELETE ON plan_action
WHEN NOT EXISTS (SELECT 1 FROM destroying)
	AND (SELECT status FROM plan WHERE id = OLD.plan_id) IN ('agreed', 'superseded')
BEGIN SELECT RAISE(ABORT, 'this plan version was agreed and is frozen: start a new draft'); END;
DROP TRIGGER plan_evaluation_frozen_delete;
CREATE TRIGGER plan_evaluation_frozen_delete BEFORE DELETE ON plan_evaluation
WHEN NOT EXISTS (SELECT 1 FROM destroying)
	AND (SELECT status FROM plan WHERE id = OLD.plan_id) IN ('agreed', 'superseded')
BEGIN SELECT RAISE(ABORT, 'this plan version was agreed and is frozen: start a new draft'); END;
DROP TRIGGER plan_agreed_by_frozen_delete;
CREATE TRIGGER plan_agreed_by_frozen_delete BEFORE DELETE ON plan_agreed_by
WHEN NOT EXISTS (SELECT 1 FROM destroying)
	AND (SELECT status FROM plan WHERE id = OLD.plan_id) IN ('agreed', 'superseded')
BEGIN SELECT RAISE(ABORT, 'this plan version was agreed and is frozen: start a new draft'); END;
DROP TRIGGER meldcode_no_delete;
CREATE TRIGGER meldcode_no_delete BEFORE DELETE ON meldcode
WHEN NOT EXISTS (SELECT 1 FROM destroying)
BEGIN SELECT RAISE(ABORT, 'meldcode trajectories are never deleted'); END;
DROP TRIGGER meldcode_step_no_delete;
CREATE TRIGGER meldcode_step_no_delete BEFORE DELETE ON meldcode_step
WHEN NOT EXISTS (SELECT 1 FROM destroying)
BEGIN SELECT RAISE(ABORT, 'meldcode steps are never deleted'); END;
DROP TRIGGER meldcode_child_no_delete;
CREATE TRIGGER meldcode_child_no_delete BEFORE DELETE ON meldcode_child
WHEN NOT EXISTS (SELECT 1 FROM destroying)
BEGIN SELECT RAISE(ABORT, 'meldcode entries are never deleted'); END;
DROP TRIGGER meldcode_step_log_no_delete;
CREATE TRIGGER meldcode_step_log_no_delete BEFORE DELETE ON meldcode_step_log
WHEN NOT EXISTS (SELECT 1 FROM destroying)
BEGIN SELECT RAISE(ABORT, 'meldcode entries are never deleted'); END;
DROP TRIGGER meldcode_signal_no_delete;
CREATE TRIGGER meldcode_signal_no_delete BEFORE DELETE ON meldcode_signal
WHEN NOT EXISTS (SELECT 1 FROM destroying)
BEGIN SELECT RAISE(ABORT, 'meldcode entries are never deleted'); END;
DROP TRIGGER meldcode_kindcheck_no_delete;
CREATE TRIGGER meldcode_kindcheck_no_delete BEFORE DELETE ON meldcode_kindcheck
WHEN NOT EXISTS (SELECT 1 FROM destroying)
BEGIN SELECT RAISE(ABORT, 'meldcode entries are never deleted'); END;
DROP TRIGGER meldcode_acute_no_delete;
CREATE TRIGGER meldcode_acute_no_delete BEFORE DELETE ON meldcode_acute
WHEN NOT EXISTS (SELECT 1 FROM destroying)
BEGIN SELECT RAISE(ABORT, 'meldcode entries are never deleted'); END;
DROP TRIGGER meldcode_consultation_no_delete;
CREATE TRIGGER meldcode_consultation_no_delete BEFORE DELETE ON meldcode_consultation
WHEN NOT EXISTS (SELECT 1 FROM destroying)
BEGIN SELECT RAISE(ABORT, 'meldcode entries are never deleted'); END;
DROP TRIGGER meldcode_conversation_no_delete;
CREATE TRIGGER meldcode_conversation_no_delete BEFORE DELETE ON meldcode_conversation
WHEN NOT EXISTS (SELECT 1 FROM destroying)
BEGIN SELECT RAISE(ABORT, 'meldcode entries are never deleted'); END;
DROP TRIGGER meldcode_weighing_no_delete;
CREATE TRIGGER meldcode_weighing_no_delete BEFORE DELETE ON meldcode_weighing
WHEN NOT EXISTS (SELECT 1 FROM destroying)
BEGIN SELECT RAISE(ABORT, 'meldcode entries are never deleted'); END;
DROP TRIGGER meldcode_decision_no_delete;
CREATE TRIGGER meldcode_decision_no_delete BEFORE DELETE ON meldcode_decision
WHEN NOT EXISTS (SELECT 1 FROM destroying)
BEGIN SELECT RAISE(ABORT, 'meldcode entries are never deleted'); END;
DROP TRIGGER meldcode_review_no_delete;
CREATE TRIGGER meldcode_review_no_delete BEFORE DELETE ON meldcode_review
WHEN NOT EXISTS (SELECT 1 FROM destroying)
BEGIN SELECT RAISE(ABORT, 'meldcode entries are never deleted'); END;
DROP TRIGGER meldcode_event_no_delete;
CREATE TRIGGER meldcode_event_no_delete BEFORE DELETE ON meldcode_event
WHEN NOT EXISTS (SELECT 1 FROM destroying)
BEGIN SELECT RAISE(ABORT, 'meldcode entries are never deleted'); END;

-- Records that were append-only by convention are now so by trigger as well; only the
-- destruction of the whole dossier removes them.
CREATE TRIGGER note_no_delete BEFORE DELETE ON note
WHEN NOT EXISTS (SELECT 1 FROM destroying)
BEGIN SELECT RAISE(ABORT, 'notes are never deleted'); END;
CREATE TRIGGER meeting_note_no_delete BEFORE DELETE ON meeting_note
WHEN NOT EXISTS (SELECT 1 FROM destroying)
BEGIN SELECT RAISE(ABORT, 'meeting notes are never deleted'); END;
CREATE TRIGGER escalation_no_delete BEFORE DELETE ON escalation
WHEN NOT EXISTS (SELECT 1 FROM destroying)
BEGIN SELECT RAISE(ABORT, 'escalation requests are never deleted'); END;
CREATE TRIGGER escalation_event_no_delete BEFORE DELETE ON escalation_event
WHEN NOT EXISTS (SELECT 1 FROM destroying)
BEGIN SELECT RAISE(ABORT, 'escalation history is never deleted'); END;
CREATE TRIGGER phase_change_no_delete BEFORE DELETE ON phase_change
WHEN NOT EXISTS (SELECT 1 FROM destroying)
BEGIN SELECT RAISE(ABORT, 'the phase history is never deleted'); END;
CREATE TRIGGER regie_no_delete BEFORE DELETE ON regie
WHEN NOT EXISTS (SELECT 1 FROM destroying)
BEGIN SELECT RAISE(ABORT, 'the regie history is never deleted'); END;
CREATE TRIGGER consent_no_delete BEFORE DELETE ON consent
WHEN NOT EXISTS (SELECT 1 FROM destroying)
BEGIN SELECT RAISE(ABORT, 'consent records are never deleted: withdraw instead'); END;
