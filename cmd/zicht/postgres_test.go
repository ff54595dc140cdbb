package main

import (
	"bufio"
	"context"
	"database/sql"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
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
	// The jobs page of a server on PostgreSQL shows the queued job.
	if r := runZicht(t, "a long enough password\n", "user", "add", "--role", "viewer", "--db", dsn, "vic"); r.code != 0 {
		t.Fatalf("user add: %+v", r)
	}
	tok := strings.TrimSpace(runZicht(t, "", "user", "token", "--name", "t", "--db", dsn, "vic").stdout)
	srv := exec.Command(zichtBin, "serve", "--db", dsn, "--addr", "127.0.0.1:0")
	out, perr := srv.StdoutPipe()
	must(t, perr)
	must(t, srv.Start())
	sc := bufio.NewScanner(out)
	site := ""
	for sc.Scan() {
		if m := regexp.MustCompile(`http://\S+/`).FindString(sc.Text()); m != "" {
			site = m
			break
		}
	}
	go io.Copy(io.Discard, out)
	if site != "" {
		req, _ := http.NewRequest("GET", site+"api/jobs", nil)
		req.Header.Set("Authorization", "Bearer "+tok)
		resp, err := http.DefaultClient.Do(req)
		must(t, err)
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != 200 || !strings.Contains(string(body), `"Kind":"ingest"`) || !strings.Contains(string(body), `"Enabled":true`) {
			t.Errorf("/api/jobs: %d %s", resp.StatusCode, body)
		}
	} else {
		t.Error("serve printed no URL")
	}
	srv.Process.Signal(os.Interrupt)
	srv.Wait()
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
