-- 0005: escalations and the gedragswetenschapper's approval (four eyes).
--
-- A coach requests an escalation of a kind for a family; a gedragswetenschapper
-- approves, rejects or asks for more information. The escalation row holds the
-- current state (with rev for optimistic concurrency); escalation_event holds every
-- state change and is never updated, so nothing is overwritten.
--
-- The rules core enforces (src/core/escalation_decide.c) are repeated here as CHECKs
-- where a row can show them, so a write that bypasses core still cannot record a
-- decision without a motivation, a rejection without what is needed instead, or a
-- requester approving their own request.

CREATE TABLE escalation (
	id              TEXT PRIMARY KEY CHECK (length(id) = 36),
	family_id       TEXT NOT NULL REFERENCES family(id),
	kind            TEXT NOT NULL CHECK (kind IN
	                ('specialistisch', 'veilig_thuis', 'raad', 'opschalen', 'crisis')),
	-- opschalen only: one of the setting escalation.opschalen_levels at request time
	level           TEXT CHECK (length(level) BETWEEN 1 AND 200),
	urgency         TEXT NOT NULL CHECK (urgency IN ('normaal', 'hoog', 'acuut')),
	reason          TEXT NOT NULL CHECK (length(reason) BETWEEN 1 AND 2000),
	tried           TEXT CHECK (length(tried) <= 2000),   -- what was tried already
	asked           TEXT CHECK (length(asked) <= 2000),   -- what is asked
	-- the meldcode trajectory this melding comes from (meldcode step 5); no FK because
	-- the meldcode tables are another migration's, and the link must not block either
	meldcode_id     TEXT CHECK (length(meldcode_id) = 36),
	requested_by    TEXT NOT NULL REFERENCES member(id),
	requested_at    TEXT NOT NULL,
	-- the team setting escalation.approval.<kind> when requested; 0 = "no approval
	-- needed": recorded at once as approved, decided by the requester
	approval_required INTEGER NOT NULL CHECK (approval_required IN (0, 1)),
	status          TEXT NOT NULL CHECK (status IN
	                ('pending', 'info_requested', 'approved', 'rejected', 'withdrawn')),
	question        TEXT CHECK (length(question) <= 2000), -- the last question asked
	-- safety never waits: an acute request acted on before any decision
	acted_before_approval INTEGER NOT NULL DEFAULT 0
	                CHECK (acted_before_approval IN (0, 1)),
	acted_at        TEXT,
	acted_by        TEXT REFERENCES member(id),
	acted_note      TEXT CHECK (length(acted_note) <= 2000),
	decided_by      TEXT REFERENCES member(id),
	decided_at      TEXT,
	motivation      TEXT CHECK (length(motivation) <= 2000),
	instead         TEXT CHECK (length(instead) <= 2000), -- rejection: what is needed
	rev             INTEGER NOT NULL DEFAULT 1 CHECK (rev >= 1),
	updated_at      TEXT NOT NULL,
	updated_by      TEXT NOT NULL REFERENCES member(id),
	-- a decision taken after the coach had already acted
	retroactive     INTEGER GENERATED ALWAYS AS
	                (acted_before_approval = 1 AND status IN ('approved', 'rejected')) VIRTUAL,
	-- request-to-decision time for the indicators (NULL while undecided)
	decision_seconds INTEGER GENERATED ALWAYS AS
	                (CAST(strftime('%s', decided_at) AS INTEGER)
	                 - CAST(strftime('%s', requested_at) AS INTEGER)) VIRTUAL,
	urgency_ord     INTEGER GENERATED ALWAYS AS
	                (CASE urgency WHEN 'acuut' THEN 0 WHEN 'hoog' THEN 1 ELSE 2 END) VIRTUAL,
	CHECK ((kind = 'opschalen') = (level IS NOT NULL)),
	-- decided exactly when approved or rejected, and then with who and when
	CHECK ((status IN ('approved', 'rejected'))
	       = (decided_by IS NOT NULL AND decided_at IS NOT NULL)),
	CHECK (decided_at IS NULL OR decided_at >= requested_at),
	-- four eyes: a decision that needed approval is never the requester's own
	CHECK (approval_required = 0 OR decided_by IS NULL OR decided_by <> requested_by),
	CHECK (approval_required = 1 OR (status = 'approved' AND decided_by = requested_by
	       AND acted_before_approval = 0)),
	CHECK (approval_required = 0 OR status NOT IN ('approved', 'rejected')
	       OR length(trim(coalesce(motivation, ''))) > 0),
	CHECK (status <> 'rejected' OR length(trim(coalesce(instead, ''))) > 0),
	CHECK (status <> 'info_requested' OR length(trim(coalesce(question, ''))) > 0),
	CHECK (acted_before_approval = 0 OR (urgency = 'acuut' AND acted_at IS NOT NULL
	       AND acted_by IS NOT NULL AND approval_required = 1)),
	-- an action taken before approval is never withdrawn: it waits for its decision
	CHECK (acted_before_approval = 0 OR status <> 'withdrawn')
) STRICT;

-- The flags in the case list: one indexed range per family.
CREATE INDEX escalation_by_family ON escalation(family_id, status, acted_before_approval);
-- The approvals queue walks this small partial index in its order.
CREATE INDEX escalation_queue ON escalation(acted_before_approval DESC, urgency_ord,
	requested_at, id) WHERE status IN ('pending', 'info_requested');
CREATE INDEX escalation_by_requested ON escalation(requested_at, id);
CREATE INDEX escalation_by_meldcode ON escalation(meldcode_id) WHERE meldcode_id IS NOT NULL;

-- Every state change of an escalation, in order (seq per escalation). Never changed;
-- deleting is left possible only for the retention module's destruction of a dossier.
CREATE TABLE escalation_event (
	id            TEXT PRIMARY KEY CHECK (length(id) = 36),
	escalation_id TEXT NOT NULL REFERENCES escalation(id),
	seq           INTEGER NOT NULL CHECK (seq >= 1),
	action        TEXT NOT NULL CHECK (action IN
	              ('request', 'act', 'ask', 'answer', 'approve', 'reject', 'withdraw')),
	from_status   TEXT CHECK (from_status IN
	              ('pending', 'info_requested', 'approved', 'rejected', 'withdrawn')),
	to_status     TEXT NOT NULL CHECK (to_status IN
	              ('pending', 'info_requested', 'approved', 'rejected', 'withdrawn')),
	at            TEXT NOT NULL,
	by_id         TEXT NOT NULL REFERENCES member(id),
	-- the motivation of a decision, the question, the answer, what was done, or why
	-- the request was withdrawn
	motivation    TEXT CHECK (length(motivation) <= 2000),
	instead       TEXT CHECK (length(instead) <= 2000),
	retroactive   INTEGER NOT NULL DEFAULT 0 CHECK (retroactive IN (0, 1)),
	UNIQUE (escalation_id, seq),
	CHECK ((action = 'request') = (from_status IS NULL)),
	CHECK (action NOT IN ('approve', 'reject', 'ask', 'answer')
	       OR length(trim(coalesce(motivation, ''))) > 0),
	CHECK (action <> 'reject' OR length(trim(coalesce(instead, ''))) > 0)
) STRICT;
CREATE TRIGGER escalation_event_no_update BEFORE UPDATE ON escalation_event
BEGIN SELECT RAISE(ABORT, 'escalation history is never changed'); END;
