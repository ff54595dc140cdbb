package queue

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/riverqueue/river"
	"github.com/riverqueue/river/riverdriver/riverpgxv5"

	"github.com/zicht-project/zicht"
	"github.com/zicht-project/zicht/ingest"
)

type ingestWorker struct {
	river.WorkerDefaults[IngestArgs]
	q *Queue
}

// Work stores the staged document. A file that can never be ingested (no
// text: CodeInvalid; a format zicht does not read: CodeUnsupported) is
// cancelled at once rather than retried; any other error is retried until the job's last attempt.
func (w *ingestWorker) Work(ctx context.Context, job *river.Job[IngestArgs]) error {
	q := w.q
	log := q.cfg.Logger.With("job", job.ID, "document", job.Args.Hash, "stage", KindIngest)
	var source string
	var data []byte
	err := q.pool.QueryRow(ctx, `SELECT source, data FROM zicht_queue_originals WHERE hash = $1`, job.Args.Hash).Scan(&source, &data)
	if errors.Is(err, pgx.ErrNoRows) {
		return fmt.Errorf("original %s is not in the staging table; enqueue the file again", job.Args.Hash)
	} else if err != nil {
		return fmt.Errorf("read staged original: %w", err)
	}
	if got := Hash(data); got != job.Args.Hash {
		return river.JobCancel(fmt.Errorf("%s: staged bytes hash to %s, not %s", source, got, job.Args.Hash))
	}
	if q.cfg.Delay > 0 {
		select {
		case <-time.After(q.cfg.Delay):
		case <-ctx.Done():
			return ctx.Err()
		}
	}
	out, _, err := q.cfg.Ingest.Bytes(ctx, source, data)
	if err != nil {
		if c := zicht.ErrorCode(err); c == zicht.CodeInvalid || c == zicht.CodeUnsupported {
			return river.JobCancel(err)
		}
		return err
	}
	log.Debug("ingested", "added", out == ingest.Added)
	return pgx.BeginFunc(ctx, q.pool, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, `DELETE FROM zicht_queue_originals WHERE hash = $1`, job.Args.Hash); err != nil {
			return fmt.Errorf("drop staged original: %w", err)
		}
		if out == ingest.Added {
			// One assess job per AssessDelay window, run at its end, covers
			// every document added within the window.
			at := time.Now().Truncate(q.cfg.AssessDelay).Add(q.cfg.AssessDelay)
			_, err := q.client.InsertTx(ctx, tx, AssessArgs{}, &river.InsertOpts{ScheduledAt: at,
				UniqueOpts: river.UniqueOpts{ByPeriod: q.cfg.AssessDelay}})
			if err != nil {
				return fmt.Errorf("queue assess job: %w", err)
			}
		}
		if _, err := river.JobCompleteTx[*riverpgxv5.Driver](ctx, tx, job); err != nil {
			return fmt.Errorf("complete job: %w", err)
		}
		return nil
	})
}

type assessWorker struct {
	river.WorkerDefaults[AssessArgs]
	q *Queue
}

func (w *assessWorker) Work(ctx context.Context, job *river.Job[AssessArgs]) error {
	return w.q.cfg.Assess(ctx)
}
