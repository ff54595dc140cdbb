package main

import (
	"context"
	"database/sql"
	"fmt"
	"math/rand/v2"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	_ "github.com/jackc/pgx/v5/stdlib"
)

// TestServerModeOnPostgres runs the CLI against this machine's PostgreSQL
// (ZICHT_TEST_POSTGRES_URL, set by .ci/run) in a fresh schema.
func TestServerModeOnPostgres(t *testing.T) {
	base := os.Getenv("ZICHT_TEST_POSTGRES_URL")
	if base == "" {
		t.Skip("ZICHT_TEST_POSTGRES_URL not set")
	}
	db, err := sql.Open("pgx", base)
	must(t, err)
	defer db.Close()
	schema := fmt.Sprintf("zicht_cli_%d", rand.Uint32())
	_, err = db.ExecContext(context.Background(), "CREATE SCHEMA "+schema)
	must(t, err)
	t.Cleanup(func() { db.ExecContext(context.Background(), "DROP SCHEMA "+schema+" CASCADE") })
	u, err := url.Parse(base)
	must(t, err)
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	dsn := u.String()

	docs := filepath.Join(t.TempDir(), "docs")
	must(t, os.MkdirAll(docs, 0o755))
	for _, f := range []string{"roma-nl.txt", "lgbt-en.txt"} {
		b, err := os.ReadFile(filepath.Join("testdata", f))
		must(t, err)
		must(t, os.WriteFile(filepath.Join(docs, f), b, 0o644))
	}
	if r := runZicht(t, "", "init", "--db", dsn); r.code != 0 {
		t.Fatalf("init: %+v", r)
	}
	for i, want := range []string{"2 added", "0 added, 2 skipped as duplicate"} {
		r := runZicht(t, "", "ingest", "--quiet", "--db", dsn, docs)
		if r.code != 0 || !strings.Contains(r.stdout, want) {
			t.Errorf("ingest run %d: %+v, want %q", i+1, r, want)
		}
	}
	// Queued ingest: originals stored, one job per new file; known ones skipped.
	extra := filepath.Join(t.TempDir(), "extra")
	must(t, os.MkdirAll(extra, 0o755))
	b, err := os.ReadFile(filepath.Join("testdata", "recipe-nl.txt"))
	must(t, err)
	must(t, os.WriteFile(filepath.Join(extra, "recipe.txt"), b, 0o644))
	b, err = os.ReadFile(filepath.Join("testdata", "roma-nl.txt"))
	must(t, err)
	must(t, os.WriteFile(filepath.Join(extra, "roma-again.txt"), b, 0o644))
	if r := runZicht(t, "", "ingest", "--queue", "--db", dsn, extra); r.code != 0 || !strings.Contains(r.stdout, "1 files queued, 0 already queued or done, 1 already stored") {
		t.Errorf("ingest --queue: %+v", r)
	}
	if r := runZicht(t, "", "jobs", "--db", dsn); r.code != 0 || !strings.Contains(r.stdout, "ingest") {
		t.Errorf("jobs: %+v", r)
	}
	if r := runZicht(t, "", "assess", "--db", dsn); r.code != 0 {
		t.Errorf("assess: %+v", r)
	}
	r := runZicht(t, "", "groups", "--db", dsn)
	if r.code != 0 || !strings.Contains(r.stdout, "roma") {
		t.Errorf("groups: %+v", r)
	}
	r = runZicht(t, "", "check", "--db", dsn)
	if r.code != 0 || !strings.Contains(r.stdout, "is consistent: 2 documents") || strings.Contains(r.stdout, "password") {
		t.Errorf("check: %+v", r)
	}
	if r := runZicht(t, "", "backup", "--db", dsn, "--to", filepath.Join(t.TempDir(), "b.db")); r.code != 2 || !strings.Contains(r.stderr, "pg_dump") {
		t.Errorf("backup of PostgreSQL: %+v", r)
	}
	if r := runZicht(t, "", "groups", "--db", "mysql://x"); r.code != 2 || !strings.Contains(r.stderr, "not a postgres:// URL") {
		t.Errorf("bad --db: %+v", r)
	}
}
