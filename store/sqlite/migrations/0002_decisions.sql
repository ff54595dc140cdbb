-- 0002: review decisions.

CREATE TABLE decisions (
	id       INTEGER PRIMARY KEY,
	signal   INTEGER NOT NULL REFERENCES signals(id) ON DELETE CASCADE,
	action   TEXT NOT NULL CHECK (action IN ('accept','reject')),
	reason   TEXT NOT NULL DEFAULT '',
	note     TEXT NOT NULL DEFAULT '',
	evidence INTEGER, -- the evidence an accept created; NULL once undone
	by_user  TEXT NOT NULL,
	at       TEXT NOT NULL,
	undone   INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX decisions_by ON decisions(by_user, undone, id);
CREATE INDEX decisions_signal ON decisions(signal);
