package postgres_test

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"net/url"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // registers the "pgx" driver

	"github.com/zicht-project/zicht"
	"github.com/zicht-project/zicht/store/postgres"
	"github.com/zicht-project/zicht/storetest"
)

// testDSN returns a DSN whose search_path is a new, empty schema that is
// dropped when t ends. It skips t only when ZICHT_TEST_POSTGRES_URL is unset.
func testDSN(t *testing.T) string {
	t.Helper()
	base := os.Getenv("ZICHT_TEST_POSTGRES_URL")
	if base == "" {
		t.Skip("ZICHT_TEST_POSTGRES_URL is not set")
	}
	ctx := context.Background()
	admin, err := sql.Open("pgx", base)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { admin.Close() })
	suffix := make([]byte, 6)
	if _, err := rand.Read(suffix); err != nil {
		t.Fatal(err)
	}
	schema := "zicht_test_" + hex.EncodeToString(suffix)
	if _, err := admin.ExecContext(ctx, `CREATE SCHEMA `+schema); err != nil {
		t.Fatalf("create schema: %v", err)
	}
	t.Cleanup(func() {
		if _, err := admin.ExecContext(ctx, `DROP SCHEMA `+schema+` CASCADE`); err != nil {
			t.Errorf("drop schema %s: %v", schema, err)
		}
	})
	u, err := url.Parse(base)
	if err != nil {
		t.Fatalf("ZICHT_TEST_POSTGRES_URL must be a postgres:// URL: %v", err)
	}
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	return u.String()
}

func open(t *testing.T, dsn string) *postgres.Store {
	t.Helper()
	s, err := postgres.Open(context.Background(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestContract(t *testing.T) {
	storetest.Run(t, func(t *testing.T) zicht.Store { return open(t, testDSN(t)) })
}

func TestConcurrentAddDocument(t *testing.T) {
	ctx := context.Background()
	dsn := testDSN(t)
	// Two stores stand for two processes: separate pools, separate sessions.
	stores := []*postgres.Store{open(t, dsn), open(t, dsn)}
	for _, s := range stores {
		t.Cleanup(func() { s.Close() })
	}
	text := "Roma-kinderen worden uitgebuit."
	in := zicht.Ingested{
		Document: zicht.Document{ID: "same", Kind: zicht.KindNews, Format: "text", Text: text},
		Original: []byte(text),
		Passages: []zicht.Passage{{Start: 0, End: len(text), Text: text}},
		Signals: []zicht.Signal{{Text: "Roma", Group: "roma", Question: zicht.Q1, Polarity: zicht.Asserted,
			EvidenceType: zicht.EvidenceNone, Score: 0.5, Detector: "t"}},
	}
	const n = 8
	var wg sync.WaitGroup
	var mu sync.Mutex
	added := 0
	for i := range n {
		wg.Go(func() {
			ok, err := stores[i%2].AddDocument(ctx, in)
			if err != nil {
				t.Errorf("AddDocument: %v", err)
				return
			}
			if ok {
				mu.Lock()
				added++
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	if added != 1 {
		t.Errorf("%d concurrent AddDocument calls reported adding, want 1", added)
	}
	counts, err := stores[0].Counts(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for table, want := range map[string]int{"documents": 1, "originals": 1, "passages": 1, "signals": 1} {
		if counts[table] != want {
			t.Errorf("%d rows in %s, want %d", counts[table], table, want)
		}
	}
	if err := stores[1].Check(ctx); err != nil {
		t.Errorf("Check: %v", err)
	}
}

func TestReopenAppliesNoMigrationTwice(t *testing.T) {
	ctx := context.Background()
	dsn := testDSN(t)
	// Two processes opening a new schema at once: the advisory lock makes one wait.
	var wg sync.WaitGroup
	for range 2 {
		wg.Go(func() {
			s, err := postgres.Open(ctx, dsn)
			if err != nil {
				t.Errorf("concurrent open: %v", err)
				return
			}
			s.Close()
		})
	}
	wg.Wait()
	s := open(t, dsn)
	if err := s.PutGroup(ctx, zicht.Group{ID: "roma", Name: zicht.Text{NL: "Roma-kinderen", EN: "Roma children"}}); err != nil {
		t.Fatal(err)
	}
	var applied int
	if err := postgres.DB(s).QueryRowContext(ctx, `SELECT count(*) FROM schema_migrations`).Scan(&applied); err != nil {
		t.Fatal(err)
	}
	s.Close()
	s = open(t, dsn)
	defer s.Close()
	var again, distinct int
	if err := postgres.DB(s).QueryRowContext(ctx, `SELECT count(*), count(DISTINCT version) FROM schema_migrations`).
		Scan(&again, &distinct); err != nil {
		t.Fatal(err)
	}
	if applied == 0 || again != applied || distinct != again {
		t.Errorf("schema_migrations: %d rows after first opens, %d (%d versions) after reopening", applied, again, distinct)
	}
	g, err := s.Group(ctx, "roma")
	if err != nil || g.Name.EN != "Roma children" {
		t.Fatalf("after reopen: %+v, %v", g, err)
	}
}

func TestImmutableInSchema(t *testing.T) {
	// The database itself refuses to change an approved assessment, whatever
	// code path tries.
	ctx := context.Background()
	s := open(t, testDSN(t))
	defer s.Close()
	if err := s.PutGroup(ctx, zicht.Group{ID: "roma", Name: zicht.Text{NL: "R", EN: "R"}}); err != nil {
		t.Fatal(err)
	}
	a, err := s.AddAssessment(ctx, zicht.Assessment{Group: "roma", Question: zicht.Q1, Suggested: "high", Final: "high",
		Method: "m", Origin: zicht.OriginAnalyst, Author: "ana", Status: zicht.Draft})
	if err != nil {
		t.Fatal(err)
	}
	db := postgres.DB(s)
	// A draft may still change.
	if _, err := db.ExecContext(ctx, `UPDATE assessments SET rationale = 'r' WHERE id = $1`, int64(a.ID)); err != nil {
		t.Fatalf("UPDATE of a draft: %v", err)
	}
	if err := s.Approve(ctx, a.ID, "rob", a.CreatedAt); err != nil {
		t.Fatal(err)
	}
	if _, err := db.ExecContext(ctx, `UPDATE assessments SET final = 'slight' WHERE id = $1`, int64(a.ID)); err == nil {
		t.Error("UPDATE of an approved assessment succeeded")
	}
	if _, err := db.ExecContext(ctx, `DELETE FROM assessments WHERE id = $1`, int64(a.ID)); err == nil {
		t.Error("DELETE of an approved assessment succeeded")
	}
	got, err := s.Assessment(ctx, a.ID)
	if err != nil || got.Final != "high" || got.Status != zicht.Approved {
		t.Errorf("after refused changes: %+v, %v", got, err)
	}
}

func TestSearchFolding(t *testing.T) {
	ctx := context.Background()
	s := open(t, testDSN(t))
	defer s.Close()
	text := "Naïeve jongeren, o.a. Roma-kinderen, werden geronseld (coördinatie: 3.5%)."
	if _, err := s.AddDocument(ctx, zicht.Ingested{
		Document: zicht.Document{ID: "fold", Kind: zicht.KindNews, Format: "text", Text: text, Title: "F"},
		Original: []byte(text),
		Passages: []zicht.Passage{{Start: 0, End: len(text), Text: text}},
	}); err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{"naieve", "NAÏEVE", "roma-kinderen", "kinderen roma", "o.a.", "geron*", "COÖRD*", "3.5", "'roma'"} {
		hits, err := s.Search(ctx, q, 10)
		if err != nil {
			t.Fatalf("Search(%q): %v", q, err)
		}
		if len(hits) != 1 {
			t.Errorf("Search(%q): %d hits, want 1", q, len(hits))
		}
	}
	for q, want := range map[string]string{"coordinatie": "[coördinatie]", "NAIEVE": "[Naïeve]", "geron*": "[geronseld]",
		"kinderen": "Roma-[kinderen]"} {
		hits, err := s.Search(ctx, q, 10)
		if err != nil {
			t.Fatalf("Search(%q): %v", q, err)
		}
		if len(hits) != 1 || !strings.Contains(hits[0].Snippet, want) {
			t.Errorf("Search(%q) = %+v, want a snippet with %s", q, hits, want)
		}
	}
	for _, q := range []string{"naief", "kind", "it's & | ! :* <->"} {
		hits, err := s.Search(ctx, q, 10)
		if err != nil {
			t.Fatalf("Search(%q): %v", q, err)
		}
		if len(hits) != 0 {
			t.Errorf("Search(%q): %d hits, want none", q, len(hits))
		}
	}
}

// TestAddDocumentWaitsForOtherWriter forces the interleaving that concurrent
// ingest workers produce: another transaction has inserted the same document
// but not committed yet. AddDocument must wait for it, then report "not
// added" when it commits, or add the document when it rolls back.
func TestAddDocumentWaitsForOtherWriter(t *testing.T) {
	for _, commit := range []bool{true, false} {
		t.Run(map[bool]string{true: "commit", false: "rollback"}[commit], func(t *testing.T) {
			ctx := context.Background()
			s := open(t, testDSN(t))
			defer s.Close()
			db := postgres.DB(s)
			text := "Een tekst."
			in := zicht.Ingested{Document: zicht.Document{ID: "racy", Kind: zicht.KindNews, Format: "text", Text: text},
				Original: []byte(text), Passages: []zicht.Passage{{Start: 0, End: len(text), Text: text}}}
			tx, err := db.BeginTx(ctx, nil)
			if err != nil {
				t.Fatal(err)
			}
			defer tx.Rollback()
			if _, err := tx.ExecContext(ctx, `INSERT INTO originals (hash, bytes) VALUES ('racy', '\x00')`); err != nil {
				t.Fatal(err)
			}
			if _, err := tx.ExecContext(ctx, `INSERT INTO documents (id, kind, format, size, text, added_at)
				VALUES ('racy', 'news', 'text', 1, 'x', now())`); err != nil {
				t.Fatal(err)
			}
			type result struct {
				added bool
				err   error
			}
			done := make(chan result, 1)
			go func() {
				added, err := s.AddDocument(ctx, in)
				done <- result{added, err}
			}()
			waitForLockWait(t, db)
			if commit {
				err = tx.Commit()
			} else {
				err = tx.Rollback()
			}
			if err != nil {
				t.Fatal(err)
			}
			r := <-done
			if r.err != nil {
				t.Fatalf("AddDocument: %v", r.err)
			}
			if r.added != !commit {
				t.Errorf("AddDocument added = %v after the other writer's %s", r.added, t.Name())
			}
			counts, err := s.Counts(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if counts["documents"] != 1 || counts["originals"] != 1 || counts["passages"] != map[bool]int{true: 0, false: 1}[commit] {
				t.Errorf("counts = %v", counts)
			}
		})
	}
}

// waitForLockWait returns once a session of the database waits for a lock
// while inserting an original.
func waitForLockWait(t *testing.T, db *sql.DB) {
	t.Helper()
	for range 500 {
		var waiting bool
		if err := db.QueryRow(`SELECT EXISTS (SELECT 1 FROM pg_stat_activity
			WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE '%INSERT INTO originals%')`).Scan(&waiting); err != nil {
			t.Fatal(err)
		}
		if waiting {
			return
		}
		time.Sleep(10 * time.Millisecond)
	}
	t.Fatal("AddDocument never waited for the other writer")
}

func TestOpenWithoutSchema(t *testing.T) {
	dsn := testDSN(t)
	u, err := url.Parse(dsn)
	if err != nil {
		t.Fatal(err)
	}
	q := u.Query()
	q.Set("search_path", q.Get("search_path")+"_missing")
	u.RawQuery = q.Encode()
	_, err = postgres.Open(context.Background(), u.String())
	if zicht.ErrorCode(err) != zicht.CodeInvalid {
		t.Errorf("Open with a search_path of no schema: %v, want an invalid error", err)
	}
	_, err = postgres.Open(context.Background(), "postgres://[bad")
	if zicht.ErrorCode(err) != zicht.CodeInvalid {
		t.Errorf("Open with a malformed DSN: %v, want an invalid error", err)
	}
}

func TestCheckFindsBrokenOffsets(t *testing.T) {
	ctx := context.Background()
	s := open(t, testDSN(t))
	defer s.Close()
	if err := s.Check(ctx); err != nil {
		t.Fatalf("empty store: %v", err)
	}
	text := "Een korte tekst."
	if _, err := s.AddDocument(ctx, zicht.Ingested{Document: zicht.Document{ID: "abc", Kind: zicht.KindOther, Format: "text", Text: text},
		Original: []byte(text), Passages: []zicht.Passage{{Start: 0, End: len(text), Text: text}}}); err != nil {
		t.Fatal(err)
	}
	if err := s.Check(ctx); err != nil {
		t.Fatalf("consistent store: %v", err)
	}
	// Break it the way a buggy writer could: a passage beyond the text.
	if _, err := postgres.DB(s).ExecContext(ctx, `UPDATE passages SET "end" = 9999`); err != nil {
		t.Fatal(err)
	}
	if err := s.Check(ctx); zicht.ErrorCode(err) != zicht.CodeConflict {
		t.Fatalf("Check after corruption = %v, want a conflict", err)
	}
}

func TestConcurrentReplaceDraftKeepsOne(t *testing.T) {
	ctx := context.Background()
	dsn := testDSN(t)
	stores := []*postgres.Store{open(t, dsn), open(t, dsn)}
	for _, s := range stores {
		t.Cleanup(func() { s.Close() })
	}
	if err := stores[0].PutGroup(ctx, zicht.Group{ID: "roma", Name: zicht.Text{NL: "R", EN: "R"}}); err != nil {
		t.Fatal(err)
	}
	d := zicht.Assessment{Group: "roma", Question: zicht.Q1, Suggested: "high", Final: "high", Method: "m",
		Origin: zicht.OriginComputed, Author: "system"}
	var wg sync.WaitGroup
	for i := range 8 {
		wg.Go(func() {
			if _, err := stores[i%2].ReplaceDraft(ctx, d); err != nil {
				t.Errorf("ReplaceDraft: %v", err)
			}
		})
	}
	wg.Wait()
	list, err := stores[0].Assessments(ctx, zicht.AssessmentFilter{Group: "roma"})
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != 1 {
		t.Errorf("%d drafts after concurrent ReplaceDraft, want 1", len(list))
	}
}
