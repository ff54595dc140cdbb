package postgres

import "database/sql"

// DB exposes the handle to tests that check what the schema itself enforces.
func DB(s *Store) *sql.DB { return s.db }
