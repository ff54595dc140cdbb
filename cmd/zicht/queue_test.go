package main

import (
	"bytes"
	"context"
	"database/sql"
	"fmt"
	"log/slog"
	"math/rand/v2"
	"net/url"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/zicht-project/zicht"
)

// The queue tests run cmdWorker in a child process: the test binary itself,
// started with helperWorkerEnv set, which runs the worker command from init,
// before TestMain would build the zicht binary again. Everything else runs
// in process.
const helperWorkerEnv = "ZICHT_TEST_HELPER_WORKER_ARGS"

func init() {
	args := os.Getenv(helperWorkerEnv)
	if args == "" {
		return
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	e := &env{stdin: strings.NewReader(""), stdout: os.Stdout, stderr: os.Stderr,
		log: slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))}
	err := cmdWorker(ctx, e, strings.Split(args, "\x1f"))
	stop()
	if err != nil {
		fmt.Fprintf(os.Stderr, "zicht worker: %s\n", oneLine(err))
		os.Exit(zicht.ExitCode(err))
	}
	os.Exit(0)
}

// pgQueue is one fresh PostgreSQL schema for a test.
type pgQueue struct {
	dsn string
	db  *sql.DB // on the same schema
}

func newPgQueue(t *testing.T) *pgQueue {
	t.Helper()
	base := os.Getenv("ZICHT_TEST_POSTGRES_URL")
	if base == "" {
		t.Skip("ZICHT_TEST_POSTGRES_URL not set")
	}
	admin, err := sql.Open("pgx", base)
	must(t, err)
	schema := fmt.Sprintf("zicht_queue_%d", rand.Uint32())
	_, err = admin.ExecContext(context.Background(), "CREATE SCHEMA "+schema)
	must(t, err)
	t.Cleanup(func() {
		admin.ExecContext(context.Background(), "DROP SCHEMA "+schema+" CASCADE")
		admin.Close()
	})
	u, err := url.Parse(base)
	must(t, err)
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	db, err := sql.Open("pgx", u.String())
	must(t, err)
	t.Cleanup(func() { db.Close() })
	return &pgQueue{dsn: u.String(), db: db}
}

func (p *pgQueue) count(t *testing.T, query string, args ...any) int {
	t.Helper()
	var n int
	must(t, p.db.QueryRowContext(context.Background(), query, args...).Scan(&n))
	return n
}

// docsAdded counts documents and the audit events of their adding: both
// must equal the number of distinct files for "stored exactly once".
func (p *pgQueue) docsAdded(t *testing.T) (docs, adds int) {
	t.Helper()
	return p.count(t, `SELECT count(*) FROM documents`), p.count(t, `SELECT count(*) FROM audit WHERE action = 'document.add'`)
}

// runIn runs a command function in process.
func runIn(t *testing.T, fn func(context.Context, *env, []string) error, args ...string) result {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	var out, errb bytes.Buffer
	e := &env{stdin: strings.NewReader(""), stdout: &out, stderr: &errb,
		log: slog.New(slog.NewTextHandler(&errb, &slog.HandlerOptions{Level: slog.LevelWarn}))}
	code := 0
	if err := fn(ctx, e, args); err != nil {
		fmt.Fprintf(&errb, "%s\n", oneLine(err))
		code = zicht.ExitCode(err)
	}
	return result{out.String(), errb.String(), code}
}

// worker is a `zicht worker` child process.
type worker struct {
	cmd    *exec.Cmd
	stderr bytes.Buffer
	done   chan struct{} // closed when the process has exited
	err    error         // its exit status, once done is closed
}

func startWorker(t *testing.T, dsn string, extraEnv []string, args ...string) *worker {
	t.Helper()
	args = append([]string{"--db", dsn}, args...)
	w := &worker{cmd: exec.Command(os.Args[0]), done: make(chan struct{})}
	w.cmd.Env = append(append(os.Environ(), helperWorkerEnv+"="+strings.Join(args, "\x1f")), extraEnv...)
	w.cmd.Stderr = &w.stderr
	must(t, w.cmd.Start())
	go func() {
		w.err = w.cmd.Wait()
		close(w.done)
	}()
	t.Cleanup(func() {
		select {
		case <-w.done:
		default:
			w.cmd.Process.Kill()
			<-w.done
		}
		if t.Failed() {
			t.Logf("worker %d stderr:\n%s", w.cmd.Process.Pid, w.stderr.String())
		}
	})
	return w
}

// stop sends SIGTERM and waits for a graceful exit.
func (w *worker) stop(t *testing.T) {
	t.Helper()
	select {
	case <-w.done:
		t.Fatalf("worker exited before it was stopped: %v\n%s", w.err, w.stderr.String())
	default:
	}
	must(t, w.cmd.Process.Signal(syscall.SIGTERM))
	select {
	case <-w.done:
		if w.err != nil {
			t.Errorf("worker did not stop cleanly: %v\n%s", w.err, w.stderr.String())
		}
	case <-time.After(90 * time.Second):
		t.Fatalf("worker did not stop within 90s after SIGTERM")
	}
}

// waitFor polls cond until it holds or the deadline passes.
func waitFor(t *testing.T, what string, d time.Duration, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(d)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out after %s waiting for %s", d, what)
		}
		time.Sleep(200 * time.Millisecond)
	}
}

// writeDocs writes n distinct small documents and returns their folder.
func writeDocs(t *testing.T, n int) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "docs")
	must(t, os.MkdirAll(dir, 0o755))
	base, err := os.ReadFile(filepath.Join("testdata", "roma-nl.txt"))
	must(t, err)
	for i := range n {
		body := fmt.Sprintf("%s\n\nKopie %d voor de wachtrij.\n", base, i)
		must(t, os.WriteFile(filepath.Join(dir, fmt.Sprintf("doc-%02d.txt", i)), []byte(body), 0o644))
	}
	return dir
}

func TestQueueIngestOnce(t *testing.T) {
	pg := newPgQueue(t)
	docs := writeDocs(t, 6)
	r := runIn(t, cmdJobs, "enqueue", "--db", pg.dsn, docs)
	if r.code != 0 || !strings.Contains(r.stdout, "6 files queued") {
		t.Fatalf("enqueue: %+v", r)
	}
	// The same files again, and the same bytes under another name: no new job.
	must(t, os.WriteFile(filepath.Join(docs, "copy.txt"), must2(os.ReadFile(filepath.Join(docs, "doc-00.txt"))), 0o644))
	r = runIn(t, cmdJobs, "enqueue", "--db", pg.dsn, docs)
	if r.code != 0 || !strings.Contains(r.stdout, "0 files queued, 7 already queued or done") {
		t.Fatalf("enqueue again: %+v", r)
	}
	if n := pg.count(t, `SELECT count(*) FROM river_job WHERE kind = 'ingest'`); n != 6 {
		t.Fatalf("%d ingest jobs, want 6", n)
	}
	if n := pg.count(t, `SELECT count(*) FROM zicht_queue_originals`); n != 6 {
		t.Fatalf("%d staged originals, want 6", n)
	}
	r = runIn(t, cmdJobs, "--db", pg.dsn)
	if r.code != 0 || !regexpMatch(`(?m)^ingest\s+6\s+0\s+0\s`, r.stdout) {
		t.Fatalf("jobs before work: %+v", r)
	}

	w1 := startWorker(t, pg.dsn, nil, "--concurrency", "2", "--assess-delay", "1s")
	w2 := startWorker(t, pg.dsn, nil, "--concurrency", "2", "--assess-delay", "1s")
	waitFor(t, "six documents", time.Minute, func() bool {
		return pg.count(t, `SELECT count(*) FROM river_job WHERE kind = 'ingest' AND state = 'completed'`) == 6
	})
	waitFor(t, "the assess job", time.Minute, func() bool {
		return pg.count(t, `SELECT count(*) FROM river_job WHERE kind = 'assess' AND state = 'completed'`) >= 1
	})
	w1.stop(t)
	w2.stop(t)
	if d, a := pg.docsAdded(t); d != 6 || a != 6 {
		t.Errorf("%d documents, added %d times; want 6 and 6", d, a)
	}
	if n := pg.count(t, `SELECT count(*) FROM zicht_queue_originals`); n != 0 {
		t.Errorf("%d staged originals left, want 0", n)
	}
	r = runIn(t, cmdJobs, "--db", pg.dsn)
	if r.code != 0 || !regexpMatch(`(?m)^ingest\s+0\s+0\s+6\s`, r.stdout) || !strings.Contains(r.stdout, "no failed jobs") {
		t.Errorf("jobs after work: %+v", r)
	}
	// Once stored, enqueueing the files again queues nothing.
	r = runIn(t, cmdJobs, "enqueue", "--db", pg.dsn, docs)
	if r.code != 0 || !strings.Contains(r.stdout, "0 files queued, 0 already queued or done, 7 already stored") {
		t.Errorf("enqueue after work: %+v", r)
	}
}

func TestQueueFailedJobsDiscardedAndRetried(t *testing.T) {
	pg := newPgQueue(t)
	docs := writeDocs(t, 1)
	must(t, os.WriteFile(filepath.Join(docs, "blank.txt"), []byte(" \n\n "), 0o644))
	empty := filepath.Join(t.TempDir(), "empty.txt")
	must(t, os.WriteFile(empty, nil, 0o644))
	if r := runIn(t, cmdJobs, "enqueue", "--db", pg.dsn, docs, empty); r.code != 1 || !strings.Contains(r.stderr, "file is empty") || !strings.Contains(r.stdout, "2 files queued") {
		t.Fatalf("enqueue with an empty file: %+v", r)
	}
	// Lose the staged bytes of doc-00: its job fails on every attempt.
	_, err := pg.db.Exec(`DELETE FROM zicht_queue_originals WHERE source LIKE '%doc-00.txt'`)
	must(t, err)
	_, err = pg.db.Exec(`UPDATE river_job SET max_attempts = 2`)
	must(t, err)

	w := startWorker(t, pg.dsn, nil, "--concurrency", "1")
	waitFor(t, "one job discarded, one cancelled", time.Minute, func() bool {
		return pg.count(t, `SELECT count(*) FROM river_job WHERE state = 'discarded'`) == 1 &&
			pg.count(t, `SELECT count(*) FROM river_job WHERE state = 'cancelled'`) == 1
	})
	w.stop(t)
	r := runIn(t, cmdJobs, "--db", pg.dsn)
	t.Logf("zicht jobs:\n%s", r.stdout)
	if r.code != 0 || !regexpMatch(`(?m)^ingest\s+0\s+0\s+0\s.*\s2$`, r.stdout) ||
		!regexpMatch(`#\d+ ingest .*doc-00.txt: discarded after 2 of 2 attempts: .*not in the staging table`, r.stdout) ||
		!regexpMatch(`#\d+ ingest .*blank.txt: cancelled after attempt 1 .*no text found`, r.stdout) {
		t.Fatalf("jobs: %+v", r)
	}

	if r := runIn(t, cmdJobs, "retry", "--db", pg.dsn); r.code != 2 {
		t.Errorf("retry without ID: %+v", r)
	}
	if r := runIn(t, cmdJobs, "retry", "--db", pg.dsn, "999999"); r.code != 1 || !strings.Contains(r.stderr, "job 999999 not found") {
		t.Errorf("retry unknown ID: %+v", r)
	}
	// Put the bytes back and retry the discarded job by its ID, then the rest.
	data := must2(os.ReadFile(filepath.Join(docs, "doc-00.txt")))
	_, err = pg.db.Exec(`INSERT INTO zicht_queue_originals (hash, source, data)
		SELECT args->>'hash', args->>'source', $1 FROM river_job WHERE state = 'discarded'`, data)
	must(t, err)
	id := pg.count(t, `SELECT id FROM river_job WHERE state = 'discarded'`)
	if r := runIn(t, cmdJobs, "retry", "--db", pg.dsn, fmt.Sprint(id)); r.code != 0 || !strings.Contains(r.stdout, fmt.Sprintf("job %d queued again", id)) {
		t.Fatalf("retry %d: %+v", id, r)
	}
	if r := runIn(t, cmdJobs, "retry", "--db", pg.dsn, "--all"); r.code != 0 || !strings.Contains(r.stdout, "1 jobs queued again") {
		t.Fatalf("retry --all: %+v", r)
	}
	w = startWorker(t, pg.dsn, nil)
	waitFor(t, "the retried jobs", time.Minute, func() bool {
		return pg.count(t, `SELECT count(*) FROM river_job WHERE kind = 'ingest' AND state = 'completed'`) == 1 &&
			pg.count(t, `SELECT count(*) FROM river_job WHERE kind = 'ingest' AND state = 'cancelled' AND attempt = 2`) == 1
	})
	w.stop(t)
	if d, a := pg.docsAdded(t); d != 1 || a != 1 {
		t.Errorf("%d documents, added %d times; want 1 and 1", d, a)
	}
}

func TestQueueWorkerKilledMidJob(t *testing.T) {
	pg := newPgQueue(t)
	docs := writeDocs(t, 1)
	if r := runIn(t, cmdJobs, "enqueue", "--db", pg.dsn, docs); r.code != 0 {
		t.Fatalf("enqueue: %+v", r)
	}
	slow := startWorker(t, pg.dsn, []string{testJobDelay + "=5m"}, "--job-timeout", "10m")
	waitFor(t, "the job to run", time.Minute, func() bool {
		return pg.count(t, `SELECT count(*) FROM river_job WHERE kind = 'ingest' AND state = 'running'`) == 1
	})
	must(t, slow.cmd.Process.Signal(syscall.SIGKILL))
	<-slow.done
	if d, _ := pg.docsAdded(t); d != 0 {
		t.Fatalf("%d documents stored before the kill, want 0", d)
	}
	// The job stays "running" until a worker's rescuer sees it has run
	// longer than --rescue-after and hands it out again.
	w := startWorker(t, pg.dsn, nil, "--job-timeout", "2s", "--rescue-after", "3s")
	waitFor(t, "the rescued job to complete", 3*time.Minute, func() bool {
		return pg.count(t, `SELECT count(*) FROM river_job WHERE kind = 'ingest' AND state = 'completed'`) == 1
	})
	w.stop(t)
	if d, a := pg.docsAdded(t); d != 1 || a != 1 {
		t.Errorf("%d documents, added %d times; want 1 and 1", d, a)
	}
	if n := pg.count(t, `SELECT attempt FROM river_job WHERE kind = 'ingest'`); n != 2 {
		t.Errorf("job ran %d times, want 2 (killed, then rescued)", n)
	}
}

func TestQueueNeedsPostgres(t *testing.T) {
	for _, args := range [][]string{{"--data", t.TempDir()}, {"retry", "--all", "--data", t.TempDir()}} {
		if r := runIn(t, cmdJobs, args...); r.code != 2 || !strings.Contains(r.stderr, "needs PostgreSQL") {
			t.Errorf("jobs %v: %+v", args, r)
		}
	}
	if r := runIn(t, cmdWorker, "--data", t.TempDir()); r.code != 2 || !strings.Contains(r.stderr, "needs PostgreSQL") {
		t.Errorf("worker: %+v", r)
	}
	for _, c := range []struct {
		fn   func(context.Context, *env, []string) error
		args []string
		want string
	}{
		{cmdWorker, []string{"--help"}, "Usage: zicht worker --db URL [--concurrency N]"},
		{cmdJobs, []string{"--help"}, "Usage: zicht jobs --db URL"},
		{cmdJobs, []string{"retry", "--help"}, "Usage: zicht jobs retry --db URL [--all | ID...]"},
		{cmdMigrateStore, []string{"--help"}, "Usage: zicht migrate-store --from DATA_DIR --to postgres://..."},
	} {
		if r := runIn(t, c.fn, c.args...); !strings.Contains(r.stderr, c.want) {
			t.Errorf("%v: %+v, want %q", c.args, r, c.want)
		}
	}
	if r := runIn(t, cmdJobs, "--data", t.TempDir(), "retry"); r.code != 2 || !strings.Contains(r.stderr, "put the subcommand first") {
		t.Errorf("jobs --data D retry: %+v", r)
	}
}

func regexpMatch(expr, s string) bool { return regexp.MustCompile(expr).MatchString(s) }

func must2[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

// TestQueueSurvivesDroppedConnections ends every PostgreSQL connection of
// the worker in the middle of ingestion: the worker reconnects, the jobs cut
// off are retried, and every document is stored exactly once.
func TestQueueSurvivesDroppedConnections(t *testing.T) {
	pg := newPgQueue(t)
	app := fmt.Sprintf("zicht_worker_test_%d", rand.Uint32())
	u, err := url.Parse(pg.dsn)
	must(t, err)
	q := u.Query()
	q.Set("application_name", app)
	u.RawQuery = q.Encode()
	dsn := u.String()

	docs := writeDocs(t, 8)
	if r := runIn(t, cmdJobs, "enqueue", "--db", pg.dsn, docs); r.code != 0 {
		t.Fatalf("enqueue: %+v", r)
	}
	w := startWorker(t, dsn, []string{testJobDelay + "=400ms"}, "--concurrency", "2")
	done := func() int {
		return pg.count(t, `SELECT count(*) FROM river_job WHERE kind = 'ingest' AND state = 'completed'`)
	}
	waitFor(t, "the first jobs", time.Minute, func() bool { return done() >= 2 })
	n := pg.count(t, `SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = $1`, app)
	if n == 0 {
		t.Fatal("no worker connection found to end")
	}
	t.Logf("ended %d connections after %d jobs", n, done())
	waitFor(t, "every job after the reconnect", 2*time.Minute, func() bool { return done() == 8 })
	w.stop(t)
	if d, a := pg.docsAdded(t); d != 8 || a != 8 {
		t.Errorf("%d documents, added %d times; want 8 and 8", d, a)
	}
	if n := pg.count(t, `SELECT count(*) FROM zicht_queue_originals`); n != 0 {
		t.Errorf("%d staged originals left", n)
	}
}
