package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/zicht-project/zicht"
	"github.com/zicht-project/zicht/ingest"
	"github.com/zicht-project/zicht/queue"
)

func cmdJobs(ctx context.Context, e *env, args []string) error {
	if len(args) > 0 {
		switch args[0] {
		case "retry":
			return cmdJobsRetry(ctx, e, args[1:])
		case "enqueue":
			return cmdJobsEnqueue(ctx, e, args[1:])
		}
	}
	fs := flags(e, "jobs", "--db URL [--failed N] | retry [--all|ID] | enqueue PATH...")
	data := dataFlag(fs)
	limit := fs.Int("failed", 20, "show at most this many failed jobs")
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		if a := fs.Arg(0); a == "retry" || a == "enqueue" {
			return zicht.Errorf(zicht.CodeInvalid, "put the subcommand first: zicht jobs %s [flags]", a)
		}
		return zicht.Errorf(zicht.CodeInvalid, "unknown subcommand %q (want retry or enqueue)", fs.Arg(0))
	}
	q, err := openQueue(ctx, *data)
	if err != nil {
		return err
	}
	defer q.Close()
	stats, err := q.Stats(ctx)
	if err != nil {
		return err
	}
	tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "KIND\tQUEUED\tRUNNING\tDONE LAST MIN\tPER SECOND\tETA\tDONE\tFAILED")
	for _, s := range stats {
		eta := "-"
		if d, ok := s.ETA(); ok {
			eta = d.Round(time.Second).String()
		} else if s.Queued+s.Running > 0 {
			eta = "unknown (nothing done in the last minute)"
		}
		fmt.Fprintf(tw, "%s\t%d\t%d\t%d\t%.2f\t%s\t%d\t%d\n", s.Kind, s.Queued, s.Running, s.Recent, s.Rate, eta, s.Completed, s.Failed)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	fails, err := q.Failures(ctx, *limit)
	if err != nil {
		return err
	}
	if len(fails) == 0 {
		fmt.Fprintln(e.stdout, "\nno failed jobs")
		return nil
	}
	fmt.Fprintln(e.stdout, "\nfailed jobs (retry with 'zicht jobs retry ID' or 'zicht jobs retry --all'):")
	for _, f := range fails {
		what := f.Kind
		if f.Source != "" {
			what += " " + f.Source
		}
		var state string
		switch f.State {
		case "retryable":
			state = fmt.Sprintf("attempt %d of %d failed, next try %s", f.Attempt, f.Max, f.NextTry.Local().Format(time.DateTime))
		case "cancelled":
			state = fmt.Sprintf("cancelled after attempt %d (cannot succeed as is)", f.Attempt)
		default:
			state = fmt.Sprintf("%s after %d of %d attempts", f.State, f.Attempt, f.Max)
		}
		fmt.Fprintf(e.stdout, "  #%d %s: %s: %s\n", f.ID, what, state, strings.Join(strings.Fields(f.Error), " "))
	}
	return nil
}

func cmdJobsRetry(ctx context.Context, e *env, args []string) error {
	fs := flags(e, "jobs retry", "--db URL [--all | ID...]")
	data := dataFlag(fs)
	all := fs.Bool("all", false, "retry every failed job")
	if err := parse(fs, args); err != nil {
		return err
	}
	if *all == (fs.NArg() > 0) {
		return zicht.Errorf(zicht.CodeInvalid, "give either --all or job IDs")
	}
	var ids []int64
	for _, a := range fs.Args() {
		id, err := strconv.ParseInt(strings.TrimPrefix(a, "#"), 10, 64)
		if err != nil || id <= 0 {
			return zicht.Errorf(zicht.CodeInvalid, "%q is not a job ID", a)
		}
		ids = append(ids, id)
	}
	q, err := openQueue(ctx, *data)
	if err != nil {
		return err
	}
	defer q.Close()
	if *all {
		n, err := q.RetryFailed(ctx)
		if err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "%d jobs queued again\n", n)
		return nil
	}
	for _, id := range ids {
		if err := q.Retry(ctx, id); err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "job %d queued again\n", id)
	}
	return nil
}

func cmdJobsEnqueue(ctx context.Context, e *env, args []string) error {
	fs := flags(e, "jobs enqueue", "--db URL PATH...")
	data := dataFlag(fs)
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return zicht.Errorf(zicht.CodeInvalid, "no files or folders given")
	}
	return ingestQueued(ctx, e, *data, fs.Args())
}

func openQueue(ctx context.Context, where string) (*queue.Queue, error) {
	dsn, err := queueDB(where)
	if err != nil {
		return nil, err
	}
	return queue.Open(ctx, queue.Config{DSN: dsn})
}

// ingestQueued is `zicht ingest --queue`: it stores the originals of the
// files under paths and queues one ingest job per file for `zicht worker`.
// Files already stored, or already queued, are skipped.
func ingestQueued(ctx context.Context, e *env, where string, paths []string) error {
	dsn, err := queueDB(where)
	if err != nil {
		return err
	}
	st, err := openStore(ctx, dsn, true)
	if err != nil {
		return err
	}
	defer st.Close()
	q, err := queue.Open(ctx, queue.Config{DSN: dsn})
	if err != nil {
		return err
	}
	defer q.Close()
	var queued, stored, already, failed int
	fail := func(name string, err error) {
		failed++
		fmt.Fprintf(e.stderr, "zicht ingest: %s: %s\n", name, oneLine(err))
	}
	one := func(name string) error {
		b, err := readLimited(name, ingest.DefaultMaxSize)
		if err != nil {
			fail(name, err)
			return nil
		}
		known, err := st.HasDocument(ctx, zicht.DocumentID(queue.Hash(b)))
		if err != nil {
			return err
		}
		if known {
			stored++
			return nil
		}
		ok, err := q.Enqueue(ctx, name, b)
		if zicht.ErrorCode(err) == zicht.CodeInvalid {
			fail(name, err)
			return nil
		} else if err != nil {
			return err
		}
		if ok {
			queued++
		} else {
			already++
		}
		return nil
	}
	for _, root := range paths {
		err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				fail(p, err)
				if d != nil && d.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			if p != root && strings.HasPrefix(d.Name(), ".") {
				if d.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			if !d.Type().IsRegular() {
				return nil
			}
			return one(p)
		})
		if err != nil {
			return err
		}
		if ctx.Err() != nil {
			return ctx.Err()
		}
	}
	fmt.Fprintf(e.stdout, "%d files queued, %d already queued or done, %d already stored, %d failed; run 'zicht worker' to process them and 'zicht jobs' to watch\n",
		queued, already, stored, failed)
	if failed > 0 {
		return fmt.Errorf("%d files could not be queued", failed)
	}
	return nil
}

// readLimited reads a file of at most limit bytes.
func readLimited(name string, limit int64) ([]byte, error) {
	f, err := os.Open(name)
	if err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			return nil, pe.Err
		}
		return nil, err
	}
	defer f.Close()
	b, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, fmt.Errorf("read: %w", err)
	}
	if int64(len(b)) > limit {
		return nil, fmt.Errorf("file is larger than the limit of %d MiB", limit>>20)
	}
	return b, nil
}
