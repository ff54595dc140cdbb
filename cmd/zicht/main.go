// Command zicht keeps an evidence-based overview of which groups of children
// are vulnerable to human trafficking. See README.md for a tour.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"slices"
	"strings"
	"syscall"

	"github.com/zicht-project/zicht"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// env is what every command gets: its streams and a logger.
type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	log            *slog.Logger
}

type command struct {
	name    string
	summary string
	run     func(ctx context.Context, e *env, args []string) error
}

func commands() []command {
	return []command{
		{"init", "create a data directory and load the 2017 baseline", cmdInit},
		{"demo", "set up everything with the sample corpus and serve the overview", cmdDemo},
		{"serve", "serve the web application", cmdServe},
		{"ingest", "add files and folders to the store", cmdIngest},
		{"extract", "print the repaired text of a document", cmdExtract},
		{"scan", "print the signals found in documents", cmdScan},
		{"assess", "recompute the suggested level of every group and explain it", cmdAssess},
		{"groups", "print the overview of all groups as a table", cmdGroups},
		{"review", "the review queue: queue, accept, reject, undo, bulk, history", cmdReview},
		{"evidence", "add evidence by hand, or list it", cmdEvidence},
		{"assessment", "set a final level, approve, show, history", cmdAssessment},
		{"recommendation", "follow-up steps per group: add, list, status", cmdRecommendation},
		{"publish", "freeze the approved assessments into a publication", cmdPublish},
		{"user", "accounts: add (with a role), list, token (a personal API token)", cmdUser},
		{"eval", "measure detection against an annotated gold set", cmdEval},
		{"worker", "run queued jobs from PostgreSQL until interrupted (--concurrency N)", cmdWorker},
		{"jobs", "the job queue: depth, throughput, ETA, failures; retry, enqueue", cmdJobs},
		{"migrate-store", "copy an embedded store into PostgreSQL and verify the counts", cmdMigrateStore},
		{"report", "render the overview as svg, html, pdf, md, csv or json", cmdReport},
		{"check", "check the store's integrity", cmdCheck},
		{"backup", "write a consistent, verified copy of the store", cmdBackup},
		{"restore", "bring a backup back (the current store is kept aside)", cmdRestore},
		{"version", "print the version", cmdVersion},
	}
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "zicht — insight into the vulnerability of groups of children to human trafficking")
	fmt.Fprintln(w, "\nUsage: zicht COMMAND [flags] [args]\n\nCommands:")
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-8s %s\n", c.name, c.summary)
	}
	fmt.Fprintln(w, "\nRun 'zicht COMMAND --help' for a command's flags.")
}

// run executes one command line and returns the exit code: 0 success,
// 1 failure, 2 usage error. Errors are printed on stderr in one line.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	e := &env{stdin: stdin, stdout: stdout, stderr: stderr,
		log: slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: logLevel()}))}
	if len(args) == 0 {
		usage(stderr)
		return 2
	}
	name := args[0]
	if name == "-h" || name == "--help" || name == "help" {
		usage(stdout)
		return 0
	}
	for _, c := range commands() {
		if c.name == name {
			err := c.run(ctx, e, args[1:])
			if errors.Is(err, flag.ErrHelp) {
				return 0
			}
			if err != nil {
				fmt.Fprintf(stderr, "zicht %s: %s\n", name, oneLine(err))
				return zicht.ExitCode(err)
			}
			return 0
		}
	}
	fmt.Fprintf(stderr, "zicht: unknown command %q (run 'zicht --help' for the list)\n", name)
	return 2
}

func oneLine(err error) string {
	return strings.Join(strings.Fields(err.Error()), " ")
}

func logLevel() slog.Level {
	if os.Getenv("ZICHT_DEBUG") != "" {
		return slog.LevelDebug
	}
	return slog.LevelWarn
}

// flags makes a flag set whose errors are usage errors (exit 2) and whose
// --help prints the command's synopsis.
func flags(e *env, name, synopsis string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	fs.Usage = func() {
		fmt.Fprintf(e.stderr, "Usage: zicht %s %s\n\nFlags:\n", name, synopsis)
		fs.PrintDefaults()
	}
	return fs
}

// parse parses args, turning flag errors into usage errors. Flags may come
// before or after the positional arguments ("accept 12 --user ana"), as
// users expect; everything after "--" is positional.
func parse(fs *flag.FlagSet, args []string) error {
	var rest []string
	if i := slices.Index(args, "--"); i >= 0 {
		args, rest = args[:i], args[i+1:]
	}
	var positional []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return err
			}
			return zicht.Errorf(zicht.CodeInvalid, "%v", err)
		}
		args = fs.Args()
		if len(args) == 0 {
			break
		}
		positional = append(positional, args[0])
		args = args[1:]
	}
	return fs.Parse(append([]string{"--"}, append(positional, rest...)...))
}

// dataFlag registers --data and --db: where the store is. --db (or
// ZICHT_DB) names a PostgreSQL database for server mode and wins over the
// data directory.
func dataFlag(fs *flag.FlagSet) *string {
	def := os.Getenv("ZICHT_DATA")
	if def == "" {
		def = "./zicht-data"
	}
	if db := os.Getenv("ZICHT_DB"); db != "" {
		def = db
	}
	where := fs.String("data", def, "data directory of the embedded store (env ZICHT_DATA)")
	fs.Func("db", "PostgreSQL URL for server mode, postgres://... (env ZICHT_DB)", func(v string) error {
		if !isPostgres(v) {
			return fmt.Errorf("%q is not a postgres:// URL", v)
		}
		*where = v
		return nil
	})
	return where
}
