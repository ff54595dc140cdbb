// Package queue runs zicht's ingestion as durable jobs on PostgreSQL, with
// River (github.com/riverqueue/river), so that workers on as many machines as
// needed share one queue.
//
// A file is enqueued in one transaction that stores its bytes in a staging
// table keyed by their SHA-256 and inserts an ingest job that carries only
// the source name and that hash. River keeps one live job per hash (a unique
// job), so enqueueing the same files twice adds nothing. A worker reads the
// staged bytes, runs the ingest pipeline (itself idempotent by hash: a
// document is stored once however often its job runs), and then, in one
// transaction, drops the staged bytes, queues an assess job and marks the
// job completed. A job that fails is retried with River's backoff and, after
// its last attempt, discarded with its errors kept for `zicht jobs`; a job
// whose worker died is rescued by another worker and run again.
//
// Everything lives in the connection's current schema (the first on its
// search_path), next to the store's own tables.
package queue

import (
	"context"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"path"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/riverqueue/river"
	"github.com/riverqueue/river/riverdriver/riverpgxv5"
	"github.com/riverqueue/river/rivermigrate"
	"github.com/riverqueue/river/rivertype"

	"github.com/zicht-project/zicht"
	"github.com/zicht-project/zicht/ingest"
)

//go:embed migrations/*.sql
var migrations embed.FS

// Job kinds, as shown by `zicht jobs`.
const (
	KindIngest = "ingest"
	KindAssess = "assess"
)

// Defaults for Config.
const (
	DefaultMaxAttempts = 5
	DefaultJobTimeout  = 10 * time.Minute
	DefaultAssessDelay = 30 * time.Second
)

// IngestArgs is an ingest job: the file's name and the SHA-256 of its bytes,
// which wait in the staging table. Jobs are unique by hash.
type IngestArgs struct {
	Source string `json:"source"`
	Hash   string `json:"hash" river:"unique"`
}

// Kind implements river.JobArgs.
func (IngestArgs) Kind() string { return KindIngest }

// AssessArgs is an assess job: recompute the suggested levels of every
// group from the evidence and signals in the store.
type AssessArgs struct{}

// Kind implements river.JobArgs.
func (AssessArgs) Kind() string { return KindAssess }

// Ingester stores one document given as bytes; *ingest.Pipeline is one.
type Ingester interface {
	Bytes(ctx context.Context, name string, data []byte) (ingest.Outcome, int, error)
}

// Config configures a Queue. Only a Queue that works jobs (Run) needs
// Ingest and Assess; one that only enqueues or reports leaves them nil.
type Config struct {
	DSN    string       // required: postgres://...; search_path selects the schema
	Logger *slog.Logger // nil means discard

	Ingest Ingester                        // runs ingest jobs
	Assess func(ctx context.Context) error // runs assess jobs

	// Concurrency is how many jobs one worker runs at once; 0 means GOMAXPROCS.
	Concurrency int
	// MaxAttempts is how often a new job is tried before it is discarded;
	// 0 means DefaultMaxAttempts.
	MaxAttempts int
	// JobTimeout cancels a job that runs longer; 0 means DefaultJobTimeout.
	JobTimeout time.Duration
	// RescueAfter is how long a job may stay running before another worker
	// takes it as abandoned (its worker died) and runs it again; 0 means
	// JobTimeout plus one minute. It must be longer than JobTimeout.
	RescueAfter time.Duration
	// AssessDelay gathers the documents added within this period into one
	// assess job run at its end; 0 means DefaultAssessDelay.
	AssessDelay time.Duration
	// Delay makes every ingest job wait this long before it stores its
	// document. Only tests set it, to kill a worker in the middle of a job.
	Delay time.Duration
}

// Queue is the job queue in one PostgreSQL schema.
type Queue struct {
	cfg    Config
	pool   *pgxpool.Pool
	client *river.Client[pgx.Tx]
}

// Open connects to cfg.DSN, brings River's tables and the staging table in
// the current schema up to date, and returns the queue. It returns
// CodeInvalid for a malformed DSN.
func Open(ctx context.Context, cfg Config) (*Queue, error) {
	if cfg.DSN == "" {
		return nil, errors.New("queue: DSN is required")
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	if cfg.Concurrency <= 0 {
		cfg.Concurrency = runtime.GOMAXPROCS(0)
	}
	if cfg.MaxAttempts <= 0 {
		cfg.MaxAttempts = DefaultMaxAttempts
	}
	if cfg.JobTimeout <= 0 {
		cfg.JobTimeout = DefaultJobTimeout
	}
	if cfg.RescueAfter <= 0 {
		cfg.RescueAfter = cfg.JobTimeout + time.Minute
	}
	if cfg.RescueAfter <= cfg.JobTimeout {
		return nil, zicht.Errorf(zicht.CodeInvalid, "queue: rescue-after (%s) must be longer than the job timeout (%s)", cfg.RescueAfter, cfg.JobTimeout)
	}
	if cfg.AssessDelay <= 0 {
		cfg.AssessDelay = DefaultAssessDelay
	}
	pcfg, err := pgxpool.ParseConfig(cfg.DSN)
	if err != nil {
		return nil, zicht.Errorf(zicht.CodeInvalid, "postgres dsn: %v", err)
	}
	pool, err := pgxpool.NewWithConfig(ctx, pcfg)
	if err != nil {
		return nil, fmt.Errorf("connect: %w", err)
	}
	q := &Queue{cfg: cfg, pool: pool}
	if err := q.migrate(ctx); err != nil {
		pool.Close()
		return nil, err
	}
	workers := river.NewWorkers()
	river.AddWorker(workers, &ingestWorker{q: q})
	river.AddWorker(workers, &assessWorker{q: q})
	rcfg := &river.Config{
		Logger:               cfg.Logger,
		MaxAttempts:          cfg.MaxAttempts,
		JobTimeout:           cfg.JobTimeout,
		RescueStuckJobsAfter: cfg.RescueAfter,
		Workers:              workers,
		// A worker fetches new jobs at most this often. River's default,
		// 100ms, caps a worker running one job at a time at 10 jobs/s,
		// below what one CPU ingests; jobs here take milliseconds to
		// minutes, so a short cooldown costs a few more cheap queries.
		FetchCooldown: 5 * time.Millisecond,
	}
	if cfg.Ingest != nil && cfg.Assess != nil {
		rcfg.Queues = map[string]river.QueueConfig{river.QueueDefault: {MaxWorkers: cfg.Concurrency}}
	}
	q.client, err = river.NewClient(riverpgxv5.New(pool), rcfg)
	if err != nil {
		pool.Close()
		return nil, fmt.Errorf("queue: %w", err)
	}
	return q, nil
}

// Close closes the connections. Stop a running queue first (cancel Run's ctx).
func (q *Queue) Close() { q.pool.Close() }

// migrate applies River's migrations and then zicht's own, under an
// advisory lock so workers starting together do not race.
func (q *Queue) migrate(ctx context.Context) error {
	conn, err := q.pool.Acquire(ctx)
	if err != nil {
		return fmt.Errorf("connect: %w", err)
	}
	defer conn.Release()
	const lock = 0x7a69636874 // "zicht"
	if _, err := conn.Exec(ctx, `SELECT pg_advisory_lock($1)`, lock); err != nil {
		return fmt.Errorf("lock for migration: %w", err)
	}
	defer conn.Exec(context.WithoutCancel(ctx), `SELECT pg_advisory_unlock($1)`, lock)

	m, err := rivermigrate.New(riverpgxv5.New(q.pool), &rivermigrate.Config{Logger: q.cfg.Logger})
	if err != nil {
		return fmt.Errorf("river migrations: %w", err)
	}
	if _, err := m.Migrate(ctx, rivermigrate.DirectionUp, nil); err != nil {
		return fmt.Errorf("river migrations: %w", err)
	}
	if _, err := conn.Exec(ctx, `CREATE TABLE IF NOT EXISTS zicht_queue_migrations (
		version int PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`); err != nil {
		return fmt.Errorf("queue migrations: %w", err)
	}
	names, err := fs.Glob(migrations, "migrations/*.sql")
	if err != nil {
		return err
	}
	sort.Strings(names)
	for _, name := range names {
		v, err := strconv.Atoi(strings.SplitN(path.Base(name), "_", 2)[0])
		if err != nil {
			return fmt.Errorf("queue migration %s: bad name", name)
		}
		body, err := migrations.ReadFile(name)
		if err != nil {
			return err
		}
		err = pgx.BeginFunc(ctx, conn, func(tx pgx.Tx) error {
			tag, err := tx.Exec(ctx, `INSERT INTO zicht_queue_migrations (version) VALUES ($1) ON CONFLICT DO NOTHING`, v)
			if err != nil || tag.RowsAffected() == 0 {
				return err // applied before
			}
			_, err = tx.Exec(ctx, string(body))
			return err
		})
		if err != nil {
			return fmt.Errorf("queue migration %s: %w", name, err)
		}
	}
	return nil
}

// Hash is the content hash of data as used for document IDs and jobs.
func Hash(data []byte) string {
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:])
}

// Enqueue stages data under its hash and inserts an ingest job for it, in
// one transaction. It returns false, and stages nothing, when a job for the
// same bytes is already queued, running or completed.
func (q *Queue) Enqueue(ctx context.Context, source string, data []byte) (bool, error) {
	if len(data) == 0 {
		return false, zicht.Errorf(zicht.CodeInvalid, "%s: file is empty", path.Base(source))
	}
	hash := Hash(data)
	var queued bool
	err := pgx.BeginFunc(ctx, q.pool, func(tx pgx.Tx) error {
		res, err := q.client.InsertTx(ctx, tx, IngestArgs{Source: source, Hash: hash},
			&river.InsertOpts{UniqueOpts: river.UniqueOpts{ByArgs: true}})
		if err != nil {
			return fmt.Errorf("insert job: %w", err)
		}
		if res.UniqueSkippedAsDuplicate {
			return nil
		}
		queued = true
		_, err = tx.Exec(ctx, `INSERT INTO zicht_queue_originals (hash, source, data) VALUES ($1, $2, $3)
			ON CONFLICT (hash) DO NOTHING`, hash, source, data)
		if err != nil {
			return fmt.Errorf("stage original: %w", err)
		}
		return nil
	})
	if err != nil {
		return false, fmt.Errorf("enqueue %s: %w", source, err)
	}
	return queued, nil
}

// Run works jobs until ctx is cancelled, then stops gracefully: it takes no
// new jobs and waits up to a minute for running ones (their contexts are
// cancelled after that; River runs them again later).
func (q *Queue) Run(ctx context.Context) error {
	if q.cfg.Ingest == nil || q.cfg.Assess == nil {
		return errors.New("queue: Ingest and Assess are required to work jobs")
	}
	if err := q.client.Start(ctx); err != nil {
		return fmt.Errorf("start worker: %w", err)
	}
	<-ctx.Done()
	stopCtx, cancel := context.WithTimeout(context.WithoutCancel(ctx), time.Minute)
	defer cancel()
	if err := q.client.Stop(stopCtx); err != nil && !errors.Is(err, context.Canceled) {
		return fmt.Errorf("stop worker: %w", err)
	}
	return nil
}

// Retry makes the job with id available to run again now, whatever its
// state except running. It returns CodeNotFound for an unknown id.
func (q *Queue) Retry(ctx context.Context, id int64) error {
	_, err := q.client.JobRetry(ctx, id)
	if errors.Is(err, rivertype.ErrNotFound) {
		return zicht.Errorf(zicht.CodeNotFound, "job %d not found", id)
	}
	if err != nil {
		return fmt.Errorf("retry job %d: %w", id, err)
	}
	return nil
}

// RetryFailed retries every discarded, cancelled or retrying job and
// returns how many.
func (q *Queue) RetryFailed(ctx context.Context) (int, error) {
	rows, err := q.pool.Query(ctx, `SELECT id FROM river_job WHERE state IN ('discarded', 'cancelled', 'retryable') ORDER BY id`)
	if err != nil {
		return 0, fmt.Errorf("list failed jobs: %w", err)
	}
	ids, err := pgx.CollectRows(rows, pgx.RowTo[int64])
	if err != nil {
		return 0, fmt.Errorf("list failed jobs: %w", err)
	}
	for _, id := range ids {
		if err := q.Retry(ctx, id); err != nil {
			return 0, err
		}
	}
	return len(ids), nil
}
