package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"text/tabwriter"
	"time"

	"golang.org/x/term"

	"github.com/zicht-project/zicht"
	"github.com/zicht-project/zicht/assess"
	"github.com/zicht-project/zicht/auth"
	"github.com/zicht-project/zicht/detect"
	"github.com/zicht-project/zicht/extract"
	"github.com/zicht-project/zicht/ingest"
	"github.com/zicht-project/zicht/overview"
	"github.com/zicht-project/zicht/queue"
	"github.com/zicht-project/zicht/sample"
	"github.com/zicht-project/zicht/web"
)

func cmdInit(ctx context.Context, e *env, args []string) error {
	fs := flags(e, "init", "[--data DIR]")
	data := dataFlag(fs)
	if err := parse(fs, args); err != nil {
		return err
	}
	st, err := openStore(ctx, *data, true)
	if err != nil {
		return err
	}
	defer st.Close()
	groups, err := st.Groups(ctx)
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "zicht data in %s: %d groups from the 2017 baseline\n", *data, len(groups))
	return nil
}

func cmdIngest(ctx context.Context, e *env, args []string) error {
	fs := flags(e, "ingest", "[--data DIR | --db URL] [--workers N] [--queue] PATH...")
	data := dataFlag(fs)
	workers := fs.Int("workers", 0, "files processed at once (0: one per CPU)")
	quiet := fs.Bool("quiet", false, "no progress output")
	queued := fs.Bool("queue", false, "store the originals and queue one job per file for 'zicht worker' (needs --db)")
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return zicht.Errorf(zicht.CodeInvalid, "no files or folders given")
	}
	if *queued {
		return ingestQueued(ctx, e, *data, fs.Args())
	}
	st, err := openStore(ctx, *data, true)
	if err != nil {
		return err
	}
	defer st.Close()
	det, err := newDetector(ctx, *data, st)
	if err != nil {
		return err
	}
	var progress io.Writer = e.stderr
	if *quiet {
		progress = nil
	}
	p, err := ingest.New(ingest.Config{Store: st, Extract: extractor, Scanner: det, Logger: e.log,
		Progress: progress, Bar: isTerminal(e.stderr), Workers: *workers})
	if err != nil {
		return err
	}
	sum, err := p.Paths(ctx, fs.Args())
	for _, f := range sum.Failures {
		fmt.Fprintf(e.stderr, "zicht ingest: %s: %s\n", f.Name, oneLine(stripName(f.Err, f.Name)))
	}
	fmt.Fprintln(e.stdout, sum)
	if err != nil {
		return err
	}
	if sum.Added == 0 && len(sum.Failures) == 0 && sum.Duplicates > 0 {
		fmt.Fprintln(e.stdout, "nothing new: every document was already stored")
	}
	if len(sum.Failures) > 0 {
		return fmt.Errorf("%d of %d files failed", len(sum.Failures), sum.Files)
	}
	return nil
}

// stripName drops a leading "name: " from an error that already names the
// file, so the failure line names it once.
func stripName(err error, name string) error {
	msg := err.Error()
	for _, n := range []string{name, filepath.Base(name)} {
		if rest, ok := strings.CutPrefix(msg, n+": "); ok {
			return errors.New(rest)
		}
	}
	return err
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

// readInput reads a file, or stdin for "-".
func readInput(e *env, name string) ([]byte, error) {
	var r io.Reader
	if name == "-" {
		r = e.stdin
	} else {
		info, err := os.Stat(name)
		if err != nil {
			return nil, zicht.Errorf(zicht.CodeInvalid, "%s: %v", name, describe(err))
		}
		if info.IsDir() {
			return nil, zicht.Errorf(zicht.CodeInvalid, "%s: is a directory", name)
		}
		f, err := os.Open(name)
		if err != nil {
			return nil, zicht.Errorf(zicht.CodeInvalid, "%s: %v", name, describe(err))
		}
		defer f.Close()
		r = f
	}
	data, err := io.ReadAll(io.LimitReader(r, ingest.DefaultMaxSize+1))
	if err != nil {
		return nil, fmt.Errorf("%s: read: %w", name, err)
	}
	if len(data) > ingest.DefaultMaxSize {
		return nil, zicht.Errorf(zicht.CodeInvalid, "%s: larger than %d MiB", name, ingest.DefaultMaxSize>>20)
	}
	if len(data) == 0 {
		return nil, zicht.Errorf(zicht.CodeInvalid, "%s: file is empty", name)
	}
	return data, nil
}

func describe(err error) string {
	switch {
	case errors.Is(err, os.ErrNotExist):
		return "no such file or directory"
	case errors.Is(err, os.ErrPermission):
		return "permission denied"
	}
	return err.Error()
}

func cmdExtract(ctx context.Context, e *env, args []string) error {
	fs := flags(e, "extract", "[--format text|json] FILE|-")
	format := fs.String("format", "text", "output format: text or json")
	if err := parse(fs, args); err != nil {
		return err
	}
	if *format != "text" && *format != "json" {
		return zicht.Errorf(zicht.CodeInvalid, "unknown format %q (want text or json)", *format)
	}
	if fs.NArg() != 1 {
		return zicht.Errorf(zicht.CodeInvalid, "want exactly one FILE or - for standard input")
	}
	name := fs.Arg(0)
	data, err := readInput(e, name)
	if err != nil {
		return err
	}
	r, err := extract.Extract(ctx, displayName(name), data)
	if err != nil {
		return err
	}
	if *format == "text" {
		_, err := io.WriteString(e.stdout, strings.TrimRight(r.Text, "\n")+"\n")
		return err
	}
	repairs := r.Repairs
	if repairs == nil {
		repairs = []zicht.Repair{}
	}
	enc := json.NewEncoder(e.stdout)
	enc.SetIndent("", "  ")
	return enc.Encode(struct {
		Path    string            `json:"path"`
		Format  string            `json:"format"`
		Lang    zicht.Lang        `json:"lang"`
		Title   string            `json:"title"`
		Date    string            `json:"date,omitempty"`
		Text    string            `json:"text"`
		Repairs []zicht.Repair    `json:"repairs"`
		Meta    map[string]string `json:"meta,omitempty"`
	}{name, r.Format, r.Lang, r.Title, dateString(r.Date), r.Text, repairs, r.Meta})
}

func displayName(name string) string {
	if name == "-" {
		return "stdin"
	}
	return name
}

func dateString(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(time.DateOnly)
}

// scanLine is one signal in the `zicht scan` JSON-lines contract.
type scanLine struct {
	Doc          string             `json:"doc"`
	Start        int                `json:"start"`
	End          int                `json:"end"`
	Text         string             `json:"text"`
	Group        zicht.GroupID      `json:"group"`
	Population   string             `json:"population,omitempty"`
	Question     zicht.Question     `json:"question"`
	Polarity     zicht.Polarity     `json:"polarity"`
	Level        *zicht.Level       `json:"level"`
	EvidenceType zicht.EvidenceType `json:"evidence_type"`
	RiskFactors  []string           `json:"risk_factors"`
	Terms        []string           `json:"terms"`
	Triggers     []string           `json:"triggers"`
	Score        float64            `json:"score"`
}

func cmdScan(ctx context.Context, e *env, args []string) error {
	fs := flags(e, "scan", "[--format jsonl|table] [--data DIR] FILE...|-")
	format := fs.String("format", "jsonl", "output format: jsonl or table")
	data := fs.String("data", "", "data directory whose lexicon overrides and groups to use (default: the embedded lexicon only)")
	if err := parse(fs, args); err != nil {
		return err
	}
	if *format != "jsonl" && *format != "table" {
		return zicht.Errorf(zicht.CodeInvalid, "unknown format %q (want jsonl or table)", *format)
	}
	if fs.NArg() == 0 {
		return zicht.Errorf(zicht.CodeInvalid, "no FILE given (use - for standard input)")
	}
	var det *detect.Detector
	var err error
	if *data != "" {
		st, err := openStore(ctx, *data, false)
		if err != nil {
			return err
		}
		det, err = newDetector(ctx, *data, st)
		st.Close()
		if err != nil {
			return err
		}
	} else if det, err = newDetector(ctx, "", nil); err != nil {
		return err
	}
	enc := json.NewEncoder(e.stdout)
	enc.SetEscapeHTML(false)
	tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
	if *format == "table" {
		fmt.Fprintln(tw, "DOC\tSTART\tGROUP\tQ\tPOLARITY\tLEVEL\tEVIDENCE\tSCORE\tTEXT")
	}
	failed := 0
	for _, name := range fs.Args() {
		raw, err := readInput(e, name)
		if err == nil {
			var r *extract.Result
			if r, err = extract.Extract(ctx, displayName(name), raw); err == nil {
				_, signals := det.Scan(zicht.DocumentID(name), r.Text, r.Lang)
				for _, s := range signals {
					line := scanLine{Doc: name, Start: s.Start, End: s.End, Text: s.Text, Group: s.Group, Population: s.Population,
						Question: s.Question, Polarity: s.Polarity, EvidenceType: s.EvidenceType, RiskFactors: nonNil(s.RiskFactors),
						Terms: nonNil(s.Terms), Triggers: nonNil(s.Triggers), Score: s.Score}
					if s.Level != zicht.LevelUnknown {
						l := s.Level
						line.Level = &l
					}
					if *format == "jsonl" {
						if err := enc.Encode(line); err != nil {
							return err
						}
					} else {
						fmt.Fprintf(tw, "%s\t%d\t%s\t%s\t%s\t%s\t%s\t%.2f\t%s\n", filepath.Base(name), s.Start, s.Group, s.Question,
							s.Polarity, orDash(string(s.Level)), s.EvidenceType, s.Score, clip(s.Text, 70))
					}
				}
			}
		}
		if err != nil {
			failed++
			fmt.Fprintf(e.stderr, "zicht scan: %s\n", oneLine(err))
		}
	}
	tw.Flush()
	if failed > 0 {
		return fmt.Errorf("%d of %d inputs could not be scanned", failed, fs.NArg())
	}
	return nil
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

func orDash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}

func clip(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > n {
		return string(r[:n-1]) + "…"
	}
	return s
}

func cmdAssess(ctx context.Context, e *env, args []string) error {
	fs := flags(e, "assess", "[--data DIR] [--group ID] [--half-life-years N]")
	data := dataFlag(fs)
	group := fs.String("group", "", "explain only this group")
	halfLife := fs.Float64("half-life-years", 5, "years after which an item of evidence counts half")
	if err := parse(fs, args); err != nil {
		return err
	}
	if *halfLife <= 0 {
		return zicht.Errorf(zicht.CodeInvalid, "--half-life-years must be positive")
	}
	st, err := openStore(ctx, *data, false)
	if err != nil {
		return err
	}
	defer st.Close()
	if *group != "" {
		if _, err := st.Group(ctx, zicht.GroupID(*group)); err != nil {
			return err
		}
	}
	cfg := assess.Config{HalfLife: time.Duration(*halfLife * 365.25 * 24 * float64(time.Hour))}
	results, err := assess.Run(ctx, st, cfg)
	if err != nil {
		return err
	}
	for _, a := range results {
		if *group != "" && string(a.Group) != *group {
			continue
		}
		fmt.Fprintf(e.stdout, "%s %s: suggested %s, confidence %s (%s, %d items)\n", a.Group, a.Question,
			orDash(string(a.Suggested)), orDash(string(a.Confidence)), a.Method, len(a.Items))
		if *group != "" {
			for _, r := range strings.Split(a.Rationale, "\n") {
				fmt.Fprintf(e.stdout, "    %s\n", r)
			}
			for _, it := range a.Items {
				fmt.Fprintf(e.stdout, "    %+.3f  %s\n", it.Weight, it.Note)
			}
		}
	}
	return nil
}

func cmdGroups(ctx context.Context, e *env, args []string) error {
	fs := flags(e, "groups", "[--data DIR] [--lang nl|en] [--format table|json]")
	data := dataFlag(fs)
	langFlag := fs.String("lang", "en", "language of names and levels: nl or en")
	format := fs.String("format", "table", "table or json")
	if err := parse(fs, args); err != nil {
		return err
	}
	lang, err := zicht.ParseLang(*langFlag)
	if err != nil {
		return err
	}
	if *format != "table" && *format != "json" {
		return zicht.Errorf(zicht.CodeInvalid, "unknown format %q (want table or json)", *format)
	}
	st, err := openStore(ctx, *data, false)
	if err != nil {
		return err
	}
	defer st.Close()
	ov, err := overview.Build(ctx, st)
	if err != nil {
		return err
	}
	if *format == "json" {
		type row struct {
			Group      zicht.GroupID    `json:"group"`
			Name       string           `json:"name"`
			Q1         zicht.Level      `json:"q1"`
			Q2         zicht.Level      `json:"q2"`
			Suggested  [2]zicht.Level   `json:"suggested"`
			Confidence zicht.Confidence `json:"confidence"`
			Signals    int              `json:"signals"`
			LastChange time.Time        `json:"last_change"`
		}
		var rows []row
		for _, r := range ov.Rows {
			x := row{Group: r.Group.ID, Name: r.Group.Name.In(lang), Q1: r.Q1.Level(), Q2: r.Q2.Level(),
				Confidence: r.Confidence(), Signals: r.Signals(), LastChange: r.LastChange}
			for i, c := range []overview.Cell{r.Q1, r.Q2} {
				if c.Suggestion != nil {
					x.Suggested[i] = c.Suggestion.Suggested
				}
			}
			rows = append(rows, x)
		}
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(rows)
	}
	tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, zicht.Text{NL: "GROEP\tQ1 NIVEAU\tQ2 NIVEAU\tVERTROUWEN\tSIGNALEN\tLAATSTE WIJZIGING",
		EN: "GROUP\tQ1 LEVEL\tQ2 LEVEL\tCONFIDENCE\tSIGNALS\tLAST CHANGE"}.In(lang))
	for _, r := range ov.Rows {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%d\t%s\n", r.Group.ID, cell(r.Q1, lang), cell(r.Q2, lang),
			r.Confidence().Label(lang), r.Signals(), r.LastChange.Format(time.DateOnly))
	}
	tw.Flush()
	fmt.Fprintf(e.stdout, zicht.Text{
		NL: "\nNiveaus zijn de laatst goedgekeurde; → wijst op het voorstel van zicht waar dat afwijkt. %d signalen passen in geen groep (other).\n",
		EN: "\nLevels are the latest approved; → marks zicht's suggestion where it differs. %d signals fit no group (other).\n",
	}.In(lang), ov.Other)
	return nil
}

// cell shows the approved level and, when it differs, the suggestion.
func cell(c overview.Cell, lang zicht.Lang) string {
	s := c.Level().Label(lang)
	if c.Suggestion != nil && c.Suggestion.Suggested != c.Level() && c.Suggestion.Suggested != zicht.LevelUnknown {
		s += " → " + c.Suggestion.Suggested.Label(lang)
	}
	return s
}

func cmdVersion(_ context.Context, e *env, args []string) error {
	fs := flags(e, "version", "")
	if err := parse(fs, args); err != nil {
		return err
	}
	v := "(devel)"
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" {
		v = bi.Main.Version
	}
	fmt.Fprintf(e.stdout, "zicht %s (detector %s, method %s)\n", v, detect.Version, assess.Version)
	return nil
}

func cmdServe(ctx context.Context, e *env, args []string) error {
	fs := flags(e, "serve", "[--data DIR] [--addr HOST:PORT]")
	data := dataFlag(fs)
	addr := fs.String("addr", "127.0.0.1:8080", "address to listen on")
	public := fs.Bool("public", false, "publish the overview and publications without login")
	if err := parse(fs, args); err != nil {
		return err
	}
	st, err := openStore(ctx, *data, false)
	if err != nil {
		return err
	}
	defer st.Close()
	users, err := st.Users(ctx)
	if err != nil {
		return err
	}
	if len(users) == 0 {
		fmt.Fprintf(e.stderr, "zicht serve: no accounts yet; create the first with 'zicht user add --role admin --data %s NAME'\n", *data)
	}
	return serve(ctx, e, st, *addr, *public, *data)
}

func cmdDemo(ctx context.Context, e *env, args []string) error {
	fs := flags(e, "demo", "[--data DIR] [--addr HOST:PORT] [--no-serve]")
	data := dataFlag(fs)
	addr := fs.String("addr", "127.0.0.1:8080", "address to listen on")
	noServe := fs.Bool("no-serve", false, "set up and exit without serving")
	if err := parse(fs, args); err != nil {
		return err
	}
	st, err := openStore(ctx, *data, true)
	if err != nil {
		return err
	}
	defer st.Close()
	fmt.Fprintf(e.stdout, "zicht demo: data in %s, 2017 baseline loaded\n", *data)
	det, err := newDetector(ctx, *data, st)
	if err != nil {
		return err
	}
	p, err := ingest.New(ingest.Config{Store: st, Extract: extractor, Scanner: det, Logger: e.log})
	if err != nil {
		return err
	}
	sum, err := p.FS(ctx, sample.Corpus(), ".")
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "zicht demo: sample corpus (fictional): %s\n", sum)
	for _, f := range sum.Failures {
		fmt.Fprintf(e.stderr, "zicht demo: %s: %s\n", f.Name, oneLine(stripName(f.Err, f.Name)))
	}
	results, err := assess.Run(ctx, st, assess.Config{})
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "zicht demo: %d suggestions computed (method %s)\n", len(results), assess.Version)
	if err := demoUser(ctx, e, st); err != nil {
		return err
	}
	if *noServe {
		return nil
	}
	return serve(ctx, e, st, *addr, true, *data)
}

// demoUser makes the demo's account, once, with a fresh random password,
// and says how to log in.
func demoUser(ctx context.Context, e *env, st zicht.Store) error {
	if _, _, err := st.UserByName(ctx, "demo"); err == nil {
		fmt.Fprintln(e.stdout, "zicht demo: log in as 'demo' with the password printed when this data directory was made (or set one: zicht user add --role admin demo)")
		return nil
	} else if zicht.ErrorCode(err) != zicht.CodeNotFound {
		return err
	}
	secret, _, err := auth.NewToken()
	if err != nil {
		return err
	}
	pw := strings.TrimPrefix(secret, "zt_")[:20]
	hash, err := auth.HashPassword(pw)
	if err != nil {
		return err
	}
	if err := st.PutUser(ctx, zicht.User{Name: "demo", Role: zicht.RoleAdmin}, hash); err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "zicht demo: the overview is public; to review and search, log in as 'demo' with password %s\n", pw)
	return nil
}

// serve runs the web application on addr until ctx ends; uploads go through
// the same pipeline as zicht ingest, with the lexicon of data.
func serve(ctx context.Context, e *env, st zicht.Store, addr string, public bool, data string) error {
	det, err := newDetector(ctx, data, st)
	if err != nil {
		return err
	}
	pipe, err := ingest.New(ingest.Config{Store: st, Extract: extractor, Scanner: det, Logger: e.log})
	if err != nil {
		return err
	}
	cfg := web.Config{Store: st, Logger: e.log, PublicOverview: public, Ingest: pipe}
	if isPostgres(data) {
		q, err := queue.Open(ctx, queue.Config{DSN: data})
		if err != nil {
			return err
		}
		defer q.Close()
		cfg.Jobs = q
	} else {
		cfg.DataDir = data
	}
	srv, err := web.New(cfg)
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return zicht.Errorf(zicht.CodeInvalid, "cannot listen on %s: %v (is another zicht running? use --addr)", addr, err)
	}
	hs := &http.Server{Handler: srv.Handler(), ReadHeaderTimeout: 10 * time.Second}
	fmt.Fprintf(e.stdout, "zicht: serving the overview at http://%s/ (Ctrl-C to stop)\n", ln.Addr())
	errc := make(chan error, 1)
	go func() { errc <- hs.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
		shut, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		if err := hs.Shutdown(shut); err != nil {
			return err
		}
		fmt.Fprintln(e.stdout, "zicht: stopped")
		return nil
	}
}
