-- Originals waiting for an ingest job, keyed by the SHA-256 of their bytes.
-- A job carries only the hash; the row goes in the transaction that
-- completes the job, once the document is in the store.
CREATE TABLE zicht_queue_originals (
	hash     text PRIMARY KEY CHECK (hash ~ '^[0-9a-f]{64}$'),
	source   text NOT NULL,
	data     bytea NOT NULL,
	added_at timestamptz NOT NULL DEFAULT now()
);
