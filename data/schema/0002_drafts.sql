-- 0002: drafts. Text a member was editing when their session ended (SIGHUP when an
-- SSH connection drops, SIGTERM at shutdown) is kept here and offered again at their
-- next start. A draft belongs to one member and one edited field; it is not part of
-- the dossier and is removed when saved or discarded.
CREATE TABLE draft (
	member_id  TEXT NOT NULL REFERENCES member(id),
	kind       TEXT NOT NULL CHECK (length(kind) BETWEEN 1 AND 64),   -- "family.display_name"
	object_id  TEXT NOT NULL CHECK (length(object_id) BETWEEN 1 AND 64),
	family_id  TEXT REFERENCES family(id),
	body       TEXT NOT NULL CHECK (length(body) <= 20000),
	saved_at   TEXT NOT NULL,
	PRIMARY KEY (member_id, kind, object_id)
) STRICT;
