package postgres

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/zicht-project/zicht"
)

// importTables are the tables of both stores in an order that satisfies
// their foreign keys: a row only references rows of earlier tables, or
// earlier rows of its own table (assessments.supersedes).
var importTables = []string{
	"groups", "risk_factors", "recommendations", "originals", "documents", "passages", "signals",
	"evidence", "assessments", "publications", "publication_assessments", "audit", "decisions",
	"users", "tokens",
}

// ImportCount is one table's rows in the source and, after the copy, here.
type ImportCount struct {
	Table        string
	Source, Dest int
}

// Import copies every row of src, a database with the embedded (SQLite)
// store's schema at the same migration version, into this store in one
// transaction, keeping ids, and then compares the row counts of every
// table. The store must be empty (not even the baseline loaded); otherwise
// Import returns CodeConflict. A count that differs is CodeInternal and
// rolls the copy back.
//
// Values are converted by the destination column's type: SQLite's RFC 3339
// text becomes timestamptz ("" becomes NULL), JSON text becomes jsonb,
// 0/1 becomes boolean; passages get their folded search words, as AddDocument
// writes them.
func (s *Store) Import(ctx context.Context, src *sql.DB) ([]ImportCount, error) {
	if err := checkSourceTables(ctx, src); err != nil {
		return nil, err
	}
	var counts []ImportCount
	err := s.withTx(ctx, func(tx *sql.Tx) error {
		for _, t := range importTables {
			var n int
			if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM `+t).Scan(&n); err != nil {
				return fmt.Errorf("count %s: %w", t, err)
			}
			if n > 0 {
				return zicht.Errorf(zicht.CodeConflict, "the PostgreSQL store is not empty (%d rows in %s); migrate into a new database or schema", n, t)
			}
		}
		for _, t := range importTables {
			n, err := copyTable(ctx, src, tx, t)
			if err != nil {
				return fmt.Errorf("copy %s: %w", t, err)
			}
			var got int
			if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM `+t).Scan(&got); err != nil {
				return fmt.Errorf("count %s: %w", t, err)
			}
			counts = append(counts, ImportCount{Table: t, Source: n, Dest: got})
			if got != n {
				return fmt.Errorf("copy %s: %d rows in the source, %d after the copy", t, n, got)
			}
			// Ids were copied; new rows must be numbered after them.
			var seq sql.NullString
			if err := tx.QueryRowContext(ctx, `SELECT (SELECT pg_get_serial_sequence($1, 'id') FROM information_schema.columns
				WHERE table_schema = current_schema() AND table_name = $1 AND column_name = 'id' AND data_type = 'bigint')`, t).Scan(&seq); err != nil {
				return fmt.Errorf("sequence of %s: %w", t, err)
			}
			if seq.Valid {
				if _, err := tx.ExecContext(ctx, `SELECT setval($1, coalesce((SELECT max(id) FROM `+t+`), 0) + 1, false)`, seq.String); err != nil {
					return fmt.Errorf("sequence of %s: %w", t, err)
				}
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return counts, nil
}

// checkSourceTables makes sure Import knows every table of src, so that a
// table added by a later migration is never silently left behind.
func checkSourceTables(ctx context.Context, src *sql.DB) error {
	rows, err := src.QueryContext(ctx, `SELECT name FROM sqlite_master WHERE type = 'table'
		AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'passages_fts%' AND name <> 'schema_migrations'`)
	if err != nil {
		return fmt.Errorf("list source tables: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var name string
		if err := rows.Scan(&name); err != nil {
			return fmt.Errorf("list source tables: %w", err)
		}
		if !slices.Contains(importTables, name) {
			return fmt.Errorf("source table %s: this version of zicht does not know how to copy it", name)
		}
	}
	return rows.Err()
}

// copyTable copies the rows of table t from src into tx and returns how
// many there were in src.
func copyTable(ctx context.Context, src *sql.DB, tx *sql.Tx, t string) (int, error) {
	types := map[string]string{}
	rows, err := tx.QueryContext(ctx, `SELECT column_name, data_type FROM information_schema.columns
		WHERE table_schema = current_schema() AND table_name = $1 AND is_generated = 'NEVER'`, t)
	if err != nil {
		return 0, err
	}
	for rows.Next() {
		var c, typ string
		if err := rows.Scan(&c, &typ); err != nil {
			rows.Close()
			return 0, err
		}
		types[c] = typ
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return 0, err
	}

	order := ""
	if _, ok := types["id"]; ok {
		order = " ORDER BY id"
	}
	in, err := src.QueryContext(ctx, `SELECT * FROM `+t+order)
	if err != nil {
		return 0, err
	}
	defer in.Close()
	cols, err := in.Columns()
	if err != nil {
		return 0, err
	}
	dest := append([]string{}, cols...)
	textCol := -1
	for i, c := range cols {
		if _, ok := types[c]; !ok {
			return 0, fmt.Errorf("column %s has no counterpart in PostgreSQL", c)
		}
		if c == "text" {
			textCol = i
		}
	}
	addSearch := t == "passages"
	if addSearch {
		dest = append(dest, "search")
	}
	quoted := make([]string, len(dest))
	marks := make([]string, len(dest))
	for i, c := range dest {
		quoted[i] = `"` + c + `"`
		marks[i] = fmt.Sprintf("$%d", i+1)
	}
	stmt, err := tx.PrepareContext(ctx, `INSERT INTO `+t+` (`+strings.Join(quoted, ", ")+`) VALUES (`+strings.Join(marks, ", ")+`)`)
	if err != nil {
		return 0, err
	}
	defer stmt.Close()
	n := 0
	vals := make([]any, len(cols))
	ptrs := make([]any, len(cols))
	for i := range vals {
		ptrs[i] = &vals[i]
	}
	for in.Next() {
		if err := in.Scan(ptrs...); err != nil {
			return n, err
		}
		args := make([]any, 0, len(dest))
		for i, c := range cols {
			v, err := convert(vals[i], types[c])
			if err != nil {
				return n, fmt.Errorf("row %d, column %s: %w", n+1, c, err)
			}
			args = append(args, v)
		}
		if addSearch {
			text, _ := vals[textCol].(string)
			args = append(args, strings.Join(searchWords(text), " "))
		}
		if _, err := stmt.ExecContext(ctx, args...); err != nil {
			return n, fmt.Errorf("row %d: %w", n+1, err)
		}
		n++
	}
	return n, in.Err()
}

// convert turns a value read from SQLite into one for a PostgreSQL column
// of type typ (information_schema's data_type).
func convert(v any, typ string) (any, error) {
	if b, ok := v.([]byte); ok && typ != "bytea" {
		v = string(b)
	}
	switch typ {
	case "timestamp with time zone":
		switch x := v.(type) {
		case nil:
			return nil, nil
		case string:
			if x == "" {
				return nil, nil
			}
			t, err := time.Parse(time.RFC3339Nano, x)
			if err != nil {
				return nil, fmt.Errorf("time %q: %w", x, err)
			}
			return t.UTC(), nil
		case time.Time:
			return timeArg(x), nil
		}
	case "boolean":
		switch x := v.(type) {
		case int64:
			return x != 0, nil
		case bool:
			return x, nil
		}
	default:
		return v, nil
	}
	return nil, fmt.Errorf("cannot store %T as %s", v, typ)
}
