-- 0003: accounts, sessions and API tokens.

CREATE TABLE users (
	name          text PRIMARY KEY,
	role          text NOT NULL CHECK (role IN ('admin','analyst','reviewer','viewer')),
	password_hash text NOT NULL,
	created_at    timestamptz NOT NULL
);

-- Only the SHA-256 of a token's secret is stored.
CREATE TABLE tokens (
	hash       text PRIMARY KEY,
	user_name  text NOT NULL REFERENCES users(name) ON DELETE CASCADE,
	kind       text NOT NULL CHECK (kind IN ('session','api')),
	name       text NOT NULL DEFAULT '',
	created_at timestamptz NOT NULL,
	expires_at timestamptz
);
CREATE INDEX tokens_user ON tokens(user_name, kind);
