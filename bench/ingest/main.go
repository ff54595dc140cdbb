// Command ingest-bench compares ingestion throughput of one embedded
// process (SQLite, in-process pipeline) with PostgreSQL and the job queue
// worked by 1, 2 and 4 worker processes, over the same corpus, in one run.
//
//	go run ./bench/ingest -db postgres://postgres@127.0.0.1:5432/test?sslmode=disable [-copies 20]
//
// The corpus is the text and HTML documents of sample/corpus, each copied
// -copies times with a numbered line appended so every copy is a distinct
// document. Each PostgreSQL run gets a fresh schema: the files are enqueued
// first (timed apart), then the workers are started together, each running
// one job at a time (the embedded run uses one goroutine per CPU, as
// `zicht ingest` does). Throughput is documents over the time from the
// first job's start to the last job's end, so process start-up does not
// count; for the embedded run it is ingest's own elapsed time.
//
// `ingest-bench worker -db URL` is the worker process the runs start.
package main

import (
	"context"
	"database/sql"
	"flag"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"net/url"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib"

	"github.com/zicht-project/zicht/detect"
	"github.com/zicht-project/zicht/extract"
	"github.com/zicht-project/zicht/ingest"
	"github.com/zicht-project/zicht/lexicon"
	"github.com/zicht-project/zicht/queue"
	"github.com/zicht-project/zicht/store/postgres"
	"github.com/zicht-project/zicht/store/sqlite"
)

func main() {
	var err error
	if len(os.Args) > 1 && os.Args[1] == "worker" {
		err = worker(os.Args[2:])
	} else {
		err = bench(os.Args[1:])
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "ingest-bench:", err)
		os.Exit(1)
	}
}

func pipeline(st ingest.Store, workers int) (*ingest.Pipeline, error) {
	lex, err := lexicon.Default()
	if err != nil {
		return nil, err
	}
	det, err := detect.New(lex, nil)
	if err != nil {
		return nil, err
	}
	return ingest.New(ingest.Config{Store: st, Scanner: det, Workers: workers,
		Extract: func(ctx context.Context, name string, data []byte) (*ingest.Extracted, error) {
			r, err := extract.Extract(ctx, name, data)
			if err != nil {
				return nil, err
			}
			return &ingest.Extracted{Format: r.Format, Lang: r.Lang, Title: r.Title, Date: r.Date, Text: r.Text,
				Repairs: r.Repairs, Meta: r.Meta}, nil
		}})
}

func worker(args []string) error {
	fl := flag.NewFlagSet("worker", flag.ExitOnError)
	dsn := fl.String("db", "", "PostgreSQL URL")
	fl.Parse(args)
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	st, err := postgres.Open(ctx, *dsn)
	if err != nil {
		return err
	}
	defer st.Close()
	p, err := pipeline(st, 1)
	if err != nil {
		return err
	}
	q, err := queue.Open(ctx, queue.Config{DSN: *dsn, Ingest: p, Concurrency: 1, AssessDelay: time.Hour,
		Assess: func(context.Context) error { return nil }})
	if err != nil {
		return err
	}
	defer q.Close()
	return q.Run(ctx)
}

func bench(args []string) error {
	fl := flag.NewFlagSet("ingest-bench", flag.ExitOnError)
	dsn := fl.String("db", os.Getenv("ZICHT_TEST_POSTGRES_URL"), "PostgreSQL URL (a fresh schema is made per run)")
	copies := fl.Int("copies", 20, "copies of each sample document")
	corpusDir := fl.String("corpus", "sample/corpus", "folder of documents to copy")
	fl.Parse(args)
	if *dsn == "" {
		return fmt.Errorf("no database: give -db URL or set ZICHT_TEST_POSTGRES_URL")
	}
	ctx := context.Background()
	work, err := os.MkdirTemp("", "zicht-bench-ingest-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(work)
	n, err := makeCorpus(*corpusDir, filepath.Join(work, "corpus"), *copies)
	if err != nil {
		return err
	}
	fmt.Printf("machine: %d CPUs, %s; load average %s\n", runtime.NumCPU(), cpuModel(), loadavg())
	fmt.Printf("date:    %s\n", time.Now().UTC().Format("2006-01-02 15:04 UTC"))
	fmt.Printf("corpus:  %d documents (%d text and HTML files of %s, %d copies each)\n\n", n, n / *copies, *corpusDir, *copies)

	st, err := sqlite.Open(ctx, filepath.Join(work, "embedded.db"))
	if err != nil {
		return err
	}
	p, err := pipeline(st, 0)
	if err != nil {
		return err
	}
	sum, err := p.Paths(ctx, []string{filepath.Join(work, "corpus")})
	st.Close()
	if err != nil {
		return err
	}
	if sum.Added != n {
		return fmt.Errorf("embedded: %s", sum)
	}
	base := float64(n) / sum.Elapsed.Seconds()
	fmt.Printf("| setup | documents | seconds | docs/s | vs embedded |\n|---|---|---|---|---|\n")
	fmt.Printf("| embedded (SQLite, 1 process, %d goroutines) | %d | %.2f | %.1f | 1.00 |\n", runtime.GOMAXPROCS(0), n, sum.Elapsed.Seconds(), base)

	self, err := os.Executable()
	if err != nil {
		return err
	}
	var one float64
	var rates []float64
	for _, k := range []int{1, 2, 4} {
		secs, enq, err := pgRun(ctx, *dsn, self, filepath.Join(work, "corpus"), n, k)
		if err != nil {
			return fmt.Errorf("PostgreSQL with %d workers: %w", k, err)
		}
		rate := float64(n) / secs
		if k == 1 {
			one = rate
		}
		fmt.Printf("| PostgreSQL + queue, %d worker process(es) | %d | %.2f | %.1f | %.2f |\n", k, n, secs, rate, rate/base)
		if k == 4 {
			fmt.Printf("\nenqueueing %d files (staging + job, one transaction each): %.2f s\n", n, enq)
		}
		rates = append(rates, rate)
	}
	fmt.Printf("scaling vs 1 worker: 2 workers %.2fx, 4 workers %.2fx\n", rates[1]/one, rates[2]/one)
	return nil
}

// pgRun enqueues the corpus into a fresh schema, runs k workers until every
// job is done, and returns the seconds from the first job's start to the
// last one's end, and the seconds enqueueing took.
func pgRun(ctx context.Context, base, self, corpus string, n, k int) (float64, float64, error) {
	admin, err := sql.Open("pgx", base)
	if err != nil {
		return 0, 0, err
	}
	defer admin.Close()
	schema := fmt.Sprintf("zicht_bench_%d", rand.Uint32())
	if _, err := admin.ExecContext(ctx, "CREATE SCHEMA "+schema); err != nil {
		return 0, 0, err
	}
	defer admin.ExecContext(ctx, "DROP SCHEMA "+schema+" CASCADE")
	u, err := url.Parse(base)
	if err != nil {
		return 0, 0, err
	}
	qv := u.Query()
	qv.Set("search_path", schema)
	u.RawQuery = qv.Encode()
	dsn := u.String()

	st, err := postgres.Open(ctx, dsn)
	if err != nil {
		return 0, 0, err
	}
	st.Close()
	q, err := queue.Open(ctx, queue.Config{DSN: dsn})
	if err != nil {
		return 0, 0, err
	}
	start := time.Now()
	err = filepath.WalkDir(corpus, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		_, err = q.Enqueue(ctx, p, b)
		return err
	})
	q.Close()
	if err != nil {
		return 0, 0, err
	}
	enq := time.Since(start).Seconds()

	var procs []*exec.Cmd
	defer func() {
		for _, c := range procs {
			c.Process.Signal(syscall.SIGTERM)
			c.Wait()
		}
	}()
	for range k {
		c := exec.Command(self, "worker", "-db", dsn)
		c.Stderr = os.Stderr
		if err := c.Start(); err != nil {
			return 0, 0, err
		}
		procs = append(procs, c)
	}
	db, err := sql.Open("pgx", dsn)
	if err != nil {
		return 0, 0, err
	}
	defer db.Close()
	deadline := time.Now().Add(30 * time.Minute)
	for {
		var done, failed int
		err := db.QueryRowContext(ctx, `SELECT count(*) FILTER (WHERE state = 'completed'),
			count(*) FILTER (WHERE state IN ('discarded', 'cancelled', 'retryable')) FROM river_job WHERE kind = 'ingest'`).Scan(&done, &failed)
		if err != nil {
			return 0, 0, err
		}
		if failed > 0 {
			return 0, 0, fmt.Errorf("%d jobs failed", failed)
		}
		if done == n {
			break
		}
		if time.Now().After(deadline) {
			return 0, 0, fmt.Errorf("only %d of %d jobs done after 30 minutes", done, n)
		}
		time.Sleep(100 * time.Millisecond)
	}
	var secs float64
	var docs int
	err = db.QueryRowContext(ctx, `SELECT extract(epoch FROM max(finalized_at) - min(attempted_at))::float8,
		(SELECT count(*) FROM documents) FROM river_job WHERE kind = 'ingest'`).Scan(&secs, &docs)
	if err != nil {
		return 0, 0, err
	}
	if docs != n {
		return 0, 0, fmt.Errorf("%d documents stored, want %d", docs, n)
	}
	return secs, enq, nil
}

// makeCorpus writes copies of the text and HTML files of src to dst, each
// with a numbered line appended, and returns how many files it wrote.
func makeCorpus(src, dst string, copies int) (int, error) {
	entries, err := os.ReadDir(src)
	if err != nil {
		return 0, err
	}
	n := 0
	for i := range copies {
		dir := filepath.Join(dst, fmt.Sprintf("copy-%03d", i))
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return 0, err
		}
		for _, e := range entries {
			ext := filepath.Ext(e.Name())
			if ext != ".txt" && ext != ".html" {
				continue
			}
			b, err := os.ReadFile(filepath.Join(src, e.Name()))
			if err != nil {
				return 0, err
			}
			line := fmt.Sprintf("\nCopy %d of this document, for the ingest benchmark.\n", i)
			if ext == ".html" {
				line = fmt.Sprintf("\n<!-- copy %d -->\n", i)
			}
			if err := os.WriteFile(filepath.Join(dir, e.Name()), append(b, line...), 0o644); err != nil {
				return 0, err
			}
			n++
		}
	}
	return n, nil
}

func cpuModel() string {
	b, _ := os.ReadFile("/proc/cpuinfo")
	for _, l := range strings.Split(string(b), "\n") {
		if strings.HasPrefix(l, "model name") {
			if _, v, ok := strings.Cut(l, ":"); ok {
				return strings.TrimSpace(v)
			}
		}
	}
	return "unknown CPU"
}

func loadavg() string {
	b, _ := os.ReadFile("/proc/loadavg")
	f := strings.Fields(string(b))
	if len(f) < 3 {
		return "?"
	}
	return strings.Join(f[:3], " ")
}
