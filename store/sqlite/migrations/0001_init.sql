-- 0001: the whole first schema of the embedded store.

CREATE TABLE groups (
	id          TEXT PRIMARY KEY,
	name_nl     TEXT NOT NULL,
	name_en     TEXT NOT NULL,
	desc_nl     TEXT NOT NULL DEFAULT '',
	desc_en     TEXT NOT NULL DEFAULT '',
	status      TEXT NOT NULL CHECK (status IN ('active','watch','proposed','retired')),
	terms       TEXT NOT NULL DEFAULT '[]', -- JSON array of {lang, pattern}
	ord         INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE risk_factors (
	id      TEXT PRIMARY KEY,
	name_nl TEXT NOT NULL,
	name_en TEXT NOT NULL,
	terms   TEXT NOT NULL DEFAULT '[]'
);

CREATE TABLE recommendations (
	id        INTEGER PRIMARY KEY,
	group_id  TEXT NOT NULL REFERENCES groups(id),
	text_nl   TEXT NOT NULL,
	text_en   TEXT NOT NULL,
	audience  TEXT NOT NULL DEFAULT '',
	status    TEXT NOT NULL,
	origin    TEXT NOT NULL DEFAULT ''
);

-- Original bytes, content addressed by their SHA-256.
CREATE TABLE originals (
	hash  TEXT PRIMARY KEY,
	bytes BLOB NOT NULL
);

CREATE TABLE documents (
	id        TEXT PRIMARY KEY REFERENCES originals(hash),
	canonical TEXT NOT NULL DEFAULT '',
	source    TEXT NOT NULL DEFAULT '',
	kind      TEXT NOT NULL,
	format    TEXT NOT NULL,
	lang      TEXT NOT NULL DEFAULT '',
	title     TEXT NOT NULL DEFAULT '',
	date      TEXT NOT NULL DEFAULT '',
	size      INTEGER NOT NULL,
	text      TEXT NOT NULL,
	repairs   TEXT NOT NULL DEFAULT '[]',
	meta      TEXT NOT NULL DEFAULT '{}',
	added_at  TEXT NOT NULL
);

CREATE TABLE passages (
	id      INTEGER PRIMARY KEY,
	doc     TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
	start   INTEGER NOT NULL,
	"end"   INTEGER NOT NULL,
	text    TEXT NOT NULL,
	section TEXT NOT NULL DEFAULT ''
);
CREATE INDEX passages_doc ON passages(doc, start);

-- Full-text index over passages; diacritics folded so "cooordinatie" finds "coördinatie".
CREATE VIRTUAL TABLE passages_fts USING fts5(
	text, content='passages', content_rowid='id',
	tokenize='unicode61 remove_diacritics 2'
);
CREATE TRIGGER passages_ai AFTER INSERT ON passages BEGIN
	INSERT INTO passages_fts(rowid, text) VALUES (new.id, new.text);
END;
CREATE TRIGGER passages_ad AFTER DELETE ON passages BEGIN
	INSERT INTO passages_fts(passages_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;

CREATE TABLE signals (
	id            INTEGER PRIMARY KEY,
	doc           TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
	start         INTEGER NOT NULL,
	"end"         INTEGER NOT NULL,
	text          TEXT NOT NULL,
	group_id      TEXT NOT NULL,
	population    TEXT NOT NULL DEFAULT '',
	question      TEXT NOT NULL CHECK (question IN ('Q1','Q2')),
	polarity      TEXT NOT NULL CHECK (polarity IN ('asserted','negated','hedged')),
	level         TEXT NOT NULL DEFAULT '',
	evidence_type TEXT NOT NULL,
	risk_factors  TEXT NOT NULL DEFAULT '[]',
	terms         TEXT NOT NULL DEFAULT '[]',
	triggers      TEXT NOT NULL DEFAULT '[]',
	score         REAL NOT NULL,
	detector      TEXT NOT NULL,
	status        TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending','accepted','rejected'))
);
CREATE INDEX signals_doc ON signals(doc);
CREATE INDEX signals_group ON signals(group_id, question, status);

CREATE TABLE evidence (
	id        INTEGER PRIMARY KEY,
	signal    INTEGER REFERENCES signals(id),
	doc       TEXT REFERENCES documents(id),
	group_id  TEXT NOT NULL,
	question  TEXT NOT NULL CHECK (question IN ('Q1','Q2')),
	polarity  TEXT NOT NULL CHECK (polarity IN ('asserted','negated','hedged')),
	level     TEXT NOT NULL DEFAULT '',
	type      TEXT NOT NULL,
	text      TEXT NOT NULL,
	citation  TEXT NOT NULL DEFAULT '',
	case_key  TEXT NOT NULL DEFAULT '',
	date      TEXT NOT NULL DEFAULT '',
	added_by  TEXT NOT NULL,
	added_at  TEXT NOT NULL
);
CREATE INDEX evidence_group ON evidence(group_id, question);

CREATE TABLE assessments (
	id          INTEGER PRIMARY KEY,
	group_id    TEXT NOT NULL REFERENCES groups(id),
	question    TEXT NOT NULL CHECK (question IN ('Q1','Q2')),
	suggested   TEXT NOT NULL DEFAULT '',
	final       TEXT NOT NULL DEFAULT '',
	confidence  TEXT NOT NULL DEFAULT '',
	summary_nl  TEXT NOT NULL DEFAULT '',
	summary_en  TEXT NOT NULL DEFAULT '',
	rationale   TEXT NOT NULL DEFAULT '',
	items       TEXT NOT NULL DEFAULT '[]',
	method      TEXT NOT NULL,
	origin      TEXT NOT NULL,
	author      TEXT NOT NULL,
	reviewer    TEXT NOT NULL DEFAULT '',
	status      TEXT NOT NULL CHECK (status IN ('draft','approved')),
	supersedes  INTEGER REFERENCES assessments(id),
	created_at  TEXT NOT NULL,
	approved_at TEXT NOT NULL DEFAULT ''
);
CREATE INDEX assessments_group ON assessments(group_id, question, id);

-- Approved assessments are history: the database itself refuses to change them.
CREATE TRIGGER assessments_immutable_update BEFORE UPDATE ON assessments
WHEN OLD.status = 'approved' BEGIN
	SELECT RAISE(ABORT, 'approved assessment is immutable');
END;
CREATE TRIGGER assessments_immutable_delete BEFORE DELETE ON assessments
WHEN OLD.status = 'approved' BEGIN
	SELECT RAISE(ABORT, 'approved assessment is immutable');
END;

CREATE TABLE publications (
	id         INTEGER PRIMARY KEY,
	title      TEXT NOT NULL,
	date       TEXT NOT NULL,
	created_by TEXT NOT NULL
);
CREATE TABLE publication_assessments (
	publication INTEGER NOT NULL REFERENCES publications(id),
	assessment  INTEGER NOT NULL REFERENCES assessments(id),
	PRIMARY KEY (publication, assessment)
);

CREATE TABLE audit (
	id     INTEGER PRIMARY KEY,
	at     TEXT NOT NULL,
	actor  TEXT NOT NULL,
	action TEXT NOT NULL,
	object TEXT NOT NULL,
	detail TEXT NOT NULL DEFAULT ''
);
