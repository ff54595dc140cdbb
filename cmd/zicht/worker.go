package main

import (
	"context"
	"fmt"
	"os"
	"time"

	"github.com/zicht-project/zicht"
	"github.com/zicht-project/zicht/assess"
	"github.com/zicht-project/zicht/ingest"
	"github.com/zicht-project/zicht/queue"
	"github.com/zicht-project/zicht/store/postgres"
)

// testJobDelay names the environment variable that makes every ingest job
// wait (a Go duration) before storing its document: tests use it to kill a
// worker in the middle of a job.
const testJobDelay = "ZICHT_TEST_JOB_DELAY"

// queueDB returns the PostgreSQL URL the queue lives in, or a usage error:
// the job queue needs server mode.
func queueDB(where string) (string, error) {
	if !isPostgres(where) {
		return "", zicht.Errorf(zicht.CodeInvalid, "the job queue needs PostgreSQL: give --db postgres://... or set ZICHT_DB")
	}
	return where, nil
}

func cmdWorker(ctx context.Context, e *env, args []string) error {
	fs := flags(e, "worker", "--db URL [--concurrency N]")
	data := dataFlag(fs)
	concurrency := fs.Int("concurrency", 0, "jobs run at once (0: one per CPU)")
	timeout := fs.Duration("job-timeout", queue.DefaultJobTimeout, "cancel a job that runs longer than this")
	rescue := fs.Duration("rescue-after", 0, "run a job again elsewhere when it has been running this long, its worker presumed dead (0: job timeout + 1m)")
	assessDelay := fs.Duration("assess-delay", queue.DefaultAssessDelay, "gather documents added within this period into one assess job")
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return zicht.Errorf(zicht.CodeInvalid, "worker takes no arguments")
	}
	dsn, err := queueDB(*data)
	if err != nil {
		return err
	}
	var delay time.Duration
	if v := os.Getenv(testJobDelay); v != "" {
		if delay, err = time.ParseDuration(v); err != nil {
			return zicht.Errorf(zicht.CodeInvalid, "%s: %v", testJobDelay, err)
		}
	}
	// Not openStore: workers starting together on a new database must not
	// each load the baseline; 'zicht init' (or 'ingest --queue') does it once.
	st, err := postgres.Open(ctx, dsn)
	if err != nil {
		return err
	}
	defer st.Close()
	if groups, err := st.Groups(ctx); err != nil {
		return err
	} else if len(groups) == 0 {
		return zicht.Errorf(zicht.CodeInvalid, "the database has no zicht store yet; run 'zicht init --db URL' first")
	}
	det, err := newDetector(ctx, dsn, st)
	if err != nil {
		return err
	}
	p, err := ingest.New(ingest.Config{Store: st, Extract: extractor, Scanner: det, Logger: e.log, Actor: "worker"})
	if err != nil {
		return err
	}
	q, err := queue.Open(ctx, queue.Config{
		DSN:    dsn,
		Logger: e.log,
		Ingest: p,
		Assess: func(ctx context.Context) error {
			_, err := assess.Run(ctx, st, assess.Config{HalfLife: time.Duration(5 * 365.25 * 24 * float64(time.Hour))})
			return err
		},
		Concurrency: *concurrency,
		JobTimeout:  *timeout,
		RescueAfter: *rescue,
		AssessDelay: *assessDelay,
		Delay:       delay,
	})
	if err != nil {
		return err
	}
	defer q.Close()
	fmt.Fprintln(e.stderr, "zicht worker: running jobs; stop with Ctrl-C (SIGINT) or SIGTERM")
	if err := q.Run(ctx); err != nil {
		return err
	}
	fmt.Fprintln(e.stderr, "zicht worker: stopped")
	return nil
}
