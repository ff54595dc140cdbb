package main

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/zicht-project/zicht/store/postgres"
)

// TestMigrateStore copies a used embedded installation (the demo corpus,
// a user, a review decision) into a fresh PostgreSQL schema and checks that
// every count matches and that the copy keeps working.
func TestMigrateStore(t *testing.T) {
	pg := newPgQueue(t)
	data := filepath.Join(t.TempDir(), "data")
	ok := func(stdin string, args ...string) string {
		t.Helper()
		r := runZicht(t, stdin, args...)
		if r.code != 0 {
			t.Fatalf("zicht %v: exit %d: %s", args, r.code, r.stderr)
		}
		return r.stdout
	}
	ok("", "demo", "--no-serve", "--data", data)
	ok("a long enough password\n", "user", "add", "--role", "admin", "ana", "--data", data)
	var queue []struct {
		ID int64 `json:"id"`
	}
	must(t, json.Unmarshal([]byte(ok("", "review", "queue", "--limit", "0", "--format", "json", "--data", data)), &queue))
	if len(queue) < 2 {
		t.Fatalf("review queue has %d signals", len(queue))
	}
	ok("", "review", "accept", strconv.FormatInt(queue[0].ID, 10), "--user", "ana", "--data", data)
	want := counts(t, data)

	r := runIn(t, cmdMigrateStore, "--from", data, "--to", pg.dsn)
	if r.code != 0 || !strings.Contains(r.stdout, "every count matches") {
		t.Fatalf("migrate-store: %+v", r)
	}
	t.Logf("zicht migrate-store:\n%s", r.stdout)
	st, err := postgres.Open(context.Background(), pg.dsn)
	must(t, err)
	defer st.Close()
	got, err := st.Counts(context.Background())
	must(t, err)
	for k, n := range want {
		if got[k] != n {
			t.Errorf("%s: %d in the embedded store, %d in PostgreSQL", k, n, got[k])
		}
	}
	if want["documents"] == 0 || want["decisions"] != 1 || want["evidence"] == 0 {
		t.Errorf("the embedded store was not used as planned: %v", want)
	}

	// The copy works: new rows get new ids, the user and the queue came along.
	ok("", "review", "accept", strconv.FormatInt(queue[1].ID, 10), "--user", "ana", "--db", pg.dsn)
	doc := filepath.Join(t.TempDir(), "new.txt")
	b, err := os.ReadFile(filepath.Join("testdata", "lgbt-en.txt"))
	must(t, err)
	must(t, os.WriteFile(doc, append(b, "\nA new document after the move.\n"...), 0o644))
	if out := ok("", "ingest", "--quiet", "--db", pg.dsn, doc); !strings.Contains(out, "1 added") {
		t.Errorf("ingest after migration: %s", out)
	}
	if out := ok("", "check", "--db", pg.dsn); !strings.Contains(out, "is consistent") {
		t.Errorf("check after migration: %s", out)
	}

	// A second copy into the same, now used, schema is refused.
	if r := runIn(t, cmdMigrateStore, "--from", data, "--to", pg.dsn); r.code != 1 || !strings.Contains(r.stderr, "is not empty") {
		t.Errorf("second migrate-store: %+v", r)
	}
	if r := runIn(t, cmdMigrateStore, "--from", data); r.code != 2 {
		t.Errorf("migrate-store without --to: %+v", r)
	}
}
