package queue

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
)

// Window is the period over which Stats measures throughput.
const Window = time.Minute

// KindStats is the state of one kind of job.
type KindStats struct {
	Kind      string
	Queued    int // waiting: available, scheduled, or retrying after an error
	Running   int
	Recent    int // completed within the last Window
	Completed int // completed and not yet cleaned up (River keeps them a day)
	Failed    int // discarded after the last attempt, or cancelled
	// Rate is jobs completed per second over the last Window (or since the
	// first of them started, if that is later); for ingest, documents per second.
	Rate float64
}

// ETA is the estimated time to work off the queued and running jobs at
// the current rate; ok is false when nothing completed recently.
func (s KindStats) ETA() (d time.Duration, ok bool) {
	if s.Rate <= 0 {
		return 0, false
	}
	return time.Duration(float64(s.Queued+s.Running) / s.Rate * float64(time.Second)), true
}

// Stats returns the state of every job kind, in the order ingest, assess.
func (q *Queue) Stats(ctx context.Context) ([]KindStats, error) {
	rows, err := q.pool.Query(ctx, `
		SELECT kind,
			count(*) FILTER (WHERE state IN ('available', 'scheduled', 'retryable', 'pending')),
			count(*) FILTER (WHERE state = 'running'),
			count(*) FILTER (WHERE state = 'completed' AND finalized_at > now() - $1::interval),
			count(*) FILTER (WHERE state = 'completed'),
			count(*) FILTER (WHERE state IN ('discarded', 'cancelled')),
			coalesce(extract(epoch FROM now() - min(attempted_at) FILTER (
				WHERE state = 'completed' AND finalized_at > now() - $1::interval)), 0)
		FROM river_job GROUP BY kind`, Window)
	if err != nil {
		return nil, fmt.Errorf("job stats: %w", err)
	}
	byKind := map[string]KindStats{}
	var s KindStats
	var span float64
	_, err = pgx.ForEachRow(rows, []any{&s.Kind, &s.Queued, &s.Running, &s.Recent, &s.Completed, &s.Failed, &span}, func() error {
		if s.Recent > 0 {
			s.Rate = float64(s.Recent) / max(min(span, Window.Seconds()), 1)
		}
		byKind[s.Kind] = s
		s = KindStats{}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("job stats: %w", err)
	}
	return statsOrdered(byKind), nil
}

func statsOrdered(byKind map[string]KindStats) []KindStats {
	out := []KindStats{}
	for _, k := range []string{KindIngest, KindAssess} {
		s := byKind[k]
		s.Kind = k
		out = append(out, s)
		delete(byKind, k)
	}
	for _, s := range byKind {
		out = append(out, s)
	}
	return out
}

// Failure is a job that failed at least once: discarded or cancelled for
// good, or waiting to be retried.
type Failure struct {
	ID       int64
	Kind     string
	State    string // discarded, cancelled or retryable
	Source   string // the file, for ingest jobs
	Attempt  int
	Max      int
	Error    string    // the last attempt's error
	At       time.Time // when that error happened
	NextTry  time.Time // for retryable jobs
	Finished time.Time // for discarded and cancelled jobs
}

// Failures returns up to limit failed jobs, newest first.
func (q *Queue) Failures(ctx context.Context, limit int) ([]Failure, error) {
	rows, err := q.pool.Query(ctx, `
		SELECT id, kind, state::text, args, attempt, max_attempts, errors, scheduled_at, coalesce(finalized_at, 'epoch')
		FROM river_job WHERE state IN ('discarded', 'cancelled', 'retryable')
		ORDER BY id DESC LIMIT $1`, limit)
	if err != nil {
		return nil, fmt.Errorf("list failed jobs: %w", err)
	}
	defer rows.Close()
	var out []Failure
	for rows.Next() {
		var f Failure
		var args []byte
		var errs [][]byte
		if err := rows.Scan(&f.ID, &f.Kind, &f.State, &args, &f.Attempt, &f.Max, &errs, &f.NextTry, &f.Finished); err != nil {
			return nil, fmt.Errorf("list failed jobs: %w", err)
		}
		var a IngestArgs
		if f.Kind == KindIngest && json.Unmarshal(args, &a) == nil {
			f.Source = a.Source
		}
		if len(errs) > 0 {
			var e struct {
				At    time.Time `json:"at"`
				Error string    `json:"error"`
			}
			if json.Unmarshal(errs[len(errs)-1], &e) == nil {
				f.Error, f.At = strings.TrimPrefix(e.Error, "JobCancelError: "), e.At
			}
		}
		out = append(out, f)
	}
	return out, rows.Err()
}
