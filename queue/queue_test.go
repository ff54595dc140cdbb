package queue_test

import (
	"context"
	"database/sql"
	"fmt"
	"math/rand/v2"
	"net/url"
	"os"
	"testing"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib"

	"github.com/zicht-project/zicht"
	"github.com/zicht-project/zicht/queue"
)

func TestETA(t *testing.T) {
	cases := []struct {
		s    queue.KindStats
		want time.Duration
		ok   bool
	}{
		{queue.KindStats{Queued: 10, Running: 2, Rate: 4}, 3 * time.Second, true},
		{queue.KindStats{Queued: 10}, 0, false},
		{queue.KindStats{Rate: 1}, 0, true},
	}
	for _, c := range cases {
		if got, ok := c.s.ETA(); got != c.want || ok != c.ok {
			t.Errorf("%+v.ETA() = %s, %v; want %s, %v", c.s, got, ok, c.want, c.ok)
		}
	}
}

// freshDSN returns a DSN for a new schema, dropped after the test.
func freshDSN(t *testing.T) string {
	t.Helper()
	base := os.Getenv("ZICHT_TEST_POSTGRES_URL")
	if base == "" {
		t.Skip("ZICHT_TEST_POSTGRES_URL not set")
	}
	db, err := sql.Open("pgx", base)
	if err != nil {
		t.Fatal(err)
	}
	schema := fmt.Sprintf("zicht_queue_unit_%d", rand.Uint32())
	if _, err := db.Exec("CREATE SCHEMA " + schema); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		db.Exec("DROP SCHEMA " + schema + " CASCADE")
		db.Close()
	})
	u, err := url.Parse(base)
	if err != nil {
		t.Fatal(err)
	}
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	return u.String()
}

func TestEnqueueIsIdempotent(t *testing.T) {
	ctx := context.Background()
	dsn := freshDSN(t)
	q, err := queue.Open(ctx, queue.Config{DSN: dsn})
	if err != nil {
		t.Fatal(err)
	}
	defer q.Close()
	// Opening again (a second worker starting) finds everything migrated.
	q2, err := queue.Open(ctx, queue.Config{DSN: dsn})
	if err != nil {
		t.Fatal(err)
	}
	q2.Close()

	for i, want := range []bool{true, false} {
		for _, name := range []string{"a.txt", "copy-of-a.txt"} {
			ok, err := q.Enqueue(ctx, name, []byte("same bytes"))
			if err != nil {
				t.Fatal(err)
			}
			if ok != (want && name == "a.txt") {
				t.Errorf("round %d: Enqueue(%s) = %v", i, name, ok)
			}
		}
	}
	if _, err := q.Enqueue(ctx, "empty.txt", nil); zicht.ErrorCode(err) != zicht.CodeInvalid {
		t.Errorf("Enqueue(empty) = %v, want CodeInvalid", err)
	}
	stats, err := q.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(stats) != 2 || stats[0].Kind != queue.KindIngest || stats[0].Queued != 1 || stats[1].Kind != queue.KindAssess || stats[1].Queued != 0 {
		t.Errorf("Stats = %+v", stats)
	}
	if err := q.Retry(ctx, 424242); zicht.ErrorCode(err) != zicht.CodeNotFound {
		t.Errorf("Retry(unknown) = %v, want CodeNotFound", err)
	}
	if err := q.Run(ctx); err == nil {
		t.Error("Run without Ingest and Assess succeeded")
	}
}

func TestOpenChecksConfig(t *testing.T) {
	ctx := context.Background()
	if _, err := queue.Open(ctx, queue.Config{}); err == nil {
		t.Error("Open without DSN succeeded")
	}
	_, err := queue.Open(ctx, queue.Config{DSN: "postgres://127.0.0.1:1/x", JobTimeout: time.Minute, RescueAfter: time.Second})
	if zicht.ErrorCode(err) != zicht.CodeInvalid {
		t.Errorf("Open with RescueAfter < JobTimeout = %v, want CodeInvalid", err)
	}
}
