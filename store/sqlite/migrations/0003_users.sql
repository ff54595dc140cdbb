-- 0003: accounts, sessions and API tokens.

CREATE TABLE users (
	name          TEXT PRIMARY KEY,
	role          TEXT NOT NULL CHECK (role IN ('admin','analyst','reviewer','viewer')),
	password_hash TEXT NOT NULL,
	created_at    TEXT NOT NULL
);

-- Only the SHA-256 of a token's secret is stored.
CREATE TABLE tokens (
	hash       TEXT PRIMARY KEY,
	user_name  TEXT NOT NULL REFERENCES users(name) ON DELETE CASCADE,
	kind       TEXT NOT NULL CHECK (kind IN ('session','api')),
	name       TEXT NOT NULL DEFAULT '',
	created_at TEXT NOT NULL,
	expires_at TEXT NOT NULL DEFAULT ''
);
CREATE INDEX tokens_user ON tokens(user_name, kind);
