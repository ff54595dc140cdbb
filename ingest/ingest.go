// Package ingest turns files into stored documents: read, hash, extract,
// detect, and store everything a document contributes in one transaction.
// Documents are content addressed by the SHA-256 of their original bytes, so
// ingesting the same file twice, or again after a crash, stores it once.
package ingest

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"runtime"
	"sort"
	"strings"
	"sync"
	"time"

	"golang.org/x/sync/errgroup"

	"github.com/zicht-project/zicht"
)

// DefaultMaxSize is the largest file ingested unless Config.MaxSize says otherwise.
const DefaultMaxSize = 256 << 20

// Extracted is what an Extractor returns for one file.
type Extracted struct {
	Format  string
	Lang    zicht.Lang
	Title   string
	Date    time.Time
	Text    string
	Repairs []zicht.Repair
	Meta    map[string]string
}

// Extractor reads the text of one file; name is used in messages and as a type hint.
type Extractor func(ctx context.Context, name string, data []byte) (*Extracted, error)

// Scanner finds passages and signals in a document's text.
type Scanner interface {
	Scan(doc zicht.DocumentID, text string, lang zicht.Lang) ([]zicht.Passage, []zicht.Signal)
}

// Store is the part of zicht.Store ingest writes to.
type Store interface {
	HasDocument(ctx context.Context, id zicht.DocumentID) (bool, error)
	AddDocument(ctx context.Context, in zicht.Ingested) (bool, error)
	Audit(ctx context.Context, e zicht.AuditEvent) error
}

// Config configures a Pipeline.
type Config struct {
	Store   Store        // required
	Extract Extractor    // required
	Scanner Scanner      // required
	Logger  *slog.Logger // nil means discard
	// Progress receives progress output; nil means none.
	Progress io.Writer
	// Bar draws a progress bar (for a terminal) instead of plain lines.
	Bar bool
	// Workers is how many files are processed at once; 0 means GOMAXPROCS.
	Workers int
	// MaxSize is the largest file accepted in bytes; 0 means DefaultMaxSize.
	MaxSize int64
	// Actor is recorded in the audit trail; "" means "system".
	Actor string
}

// Pipeline ingests files.
type Pipeline struct {
	cfg Config
}

// New checks cfg and returns a Pipeline.
func New(cfg Config) (*Pipeline, error) {
	if cfg.Store == nil || cfg.Extract == nil || cfg.Scanner == nil {
		return nil, errors.New("ingest: Store, Extract and Scanner are required")
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	if cfg.Workers <= 0 {
		cfg.Workers = runtime.GOMAXPROCS(0)
	}
	if cfg.MaxSize <= 0 {
		cfg.MaxSize = DefaultMaxSize
	}
	if cfg.Actor == "" {
		cfg.Actor = "system"
	}
	return &Pipeline{cfg: cfg}, nil
}

// Outcome is what happened to one file.
type Outcome int

// Outcomes of ingesting one file.
const (
	Added Outcome = iota
	Duplicate
	Failed
)

// Failure is a file that could not be ingested, and why.
type Failure struct {
	Name string
	Err  error
}

// Summary counts what a run did.
type Summary struct {
	Files      int
	Added      int
	Duplicates int
	Signals    int
	Failures   []Failure
	Elapsed    time.Duration
}

// String is the one-line summary printed at the end of a run.
func (s Summary) String() string {
	return fmt.Sprintf("%d files: %d added, %d skipped as duplicate, %d failed; %d signals found (%s)",
		s.Files, s.Added, s.Duplicates, len(s.Failures), s.Signals, s.Elapsed.Round(time.Millisecond))
}

// file is one thing to ingest: a name for messages and a way to read it.
type file struct {
	name string
	open func() (io.ReadCloser, error)
}

// Paths ingests files and folders (recursively). A file that fails is
// recorded in the summary and the run goes on; the returned error is only
// for the run as a whole (a cancelled context).
func (p *Pipeline) Paths(ctx context.Context, paths []string) (Summary, error) {
	var files []file
	var failures []Failure
	for _, root := range paths {
		info, err := os.Stat(root)
		if err != nil {
			failures = append(failures, Failure{root, describe(err)})
			continue
		}
		if !info.IsDir() {
			files = append(files, osFile(root))
			continue
		}
		err = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				failures = append(failures, Failure{p, describe(err)})
				if d != nil && d.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			if d.IsDir() {
				if p != root && strings.HasPrefix(d.Name(), ".") {
					return fs.SkipDir
				}
				return nil
			}
			if d.Type().IsRegular() && !strings.HasPrefix(d.Name(), ".") {
				files = append(files, osFile(p))
			}
			return nil
		})
		if err != nil {
			failures = append(failures, Failure{root, describe(err)})
		}
	}
	sum, err := p.run(ctx, files)
	sum.Files += len(failures)
	sum.Failures = append(failures, sum.Failures...)
	return sum, err
}

// FS ingests every regular file under root in fsys, such as a corpus
// embedded in the binary.
func (p *Pipeline) FS(ctx context.Context, fsys fs.FS, root string) (Summary, error) {
	var files []file
	err := fs.WalkDir(fsys, root, func(name string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && name != root && strings.HasPrefix(d.Name(), ".") {
			return fs.SkipDir
		}
		if d.Type().IsRegular() && !strings.HasPrefix(d.Name(), ".") {
			files = append(files, file{name: name, open: func() (io.ReadCloser, error) { return fsys.Open(name) }})
		}
		return nil
	})
	if err != nil {
		return Summary{}, fmt.Errorf("ingest %s: %w", root, err)
	}
	return p.run(ctx, files)
}

// Bytes ingests one document given as bytes, such as an upload.
func (p *Pipeline) Bytes(ctx context.Context, name string, data []byte) (Outcome, int, error) {
	return p.one(ctx, name, data)
}

func osFile(name string) file {
	return file{name: name, open: func() (io.ReadCloser, error) { return os.Open(name) }}
}

// describe turns file system errors into a short reason.
func describe(err error) error {
	var pe *fs.PathError
	switch {
	case errors.Is(err, fs.ErrPermission):
		return errors.New("permission denied")
	case errors.Is(err, fs.ErrNotExist):
		return errors.New("no such file or directory")
	case errors.As(err, &pe):
		return pe.Err
	}
	return err
}

func (p *Pipeline) run(ctx context.Context, files []file) (Summary, error) {
	start := time.Now()
	sort.Slice(files, func(i, j int) bool { return files[i].name < files[j].name })
	prog := newProgress(p.cfg.Progress, p.cfg.Bar, len(files))
	var mu sync.Mutex
	sum := Summary{Files: len(files)}
	g, gctx := errgroup.WithContext(ctx)
	g.SetLimit(p.cfg.Workers)
	for _, f := range files {
		if gctx.Err() != nil {
			break
		}
		g.Go(func() error {
			out, n, err := p.read(gctx, f)
			mu.Lock()
			defer mu.Unlock()
			switch out {
			case Added:
				sum.Added++
				sum.Signals += n
			case Duplicate:
				sum.Duplicates++
			case Failed:
				if gctx.Err() != nil {
					return gctx.Err() // cancelled: not the file's fault
				}
				sum.Failures = append(sum.Failures, Failure{f.name, err})
				p.cfg.Logger.Warn("ingest failed", "file", f.name, "err", err)
			}
			prog.step(sum)
			return nil
		})
	}
	err := g.Wait()
	if err == nil {
		err = ctx.Err()
	}
	sum.Elapsed = time.Since(start)
	prog.done(sum)
	sort.Slice(sum.Failures, func(i, j int) bool { return sum.Failures[i].Name < sum.Failures[j].Name })
	return sum, err
}

func (p *Pipeline) read(ctx context.Context, f file) (Outcome, int, error) {
	rc, err := f.open()
	if err != nil {
		return Failed, 0, describe(err)
	}
	defer rc.Close()
	data, err := io.ReadAll(io.LimitReader(rc, p.cfg.MaxSize+1))
	if err != nil {
		return Failed, 0, fmt.Errorf("read: %w", describe(err))
	}
	if int64(len(data)) > p.cfg.MaxSize {
		return Failed, 0, fmt.Errorf("file is larger than the limit of %d MiB", p.cfg.MaxSize>>20)
	}
	return p.one(ctx, f.name, data)
}

// one ingests a document's bytes: it is skipped when its hash is known,
// else extracted, scanned and stored in one transaction.
func (p *Pipeline) one(ctx context.Context, name string, data []byte) (Outcome, int, error) {
	sum := sha256.Sum256(data)
	id := zicht.DocumentID(hex.EncodeToString(sum[:]))
	known, err := p.cfg.Store.HasDocument(ctx, id)
	if err != nil {
		return Failed, 0, err
	}
	if known {
		return Duplicate, 0, nil
	}
	if len(data) == 0 {
		return Failed, 0, zicht.Errorf(zicht.CodeInvalid, "%s: file is empty", path.Base(filepath.ToSlash(name)))
	}
	x, err := p.cfg.Extract(ctx, filepath.Base(name), data)
	if err != nil {
		return Failed, 0, err
	}
	if strings.TrimSpace(x.Text) == "" {
		return Failed, 0, zicht.Errorf(zicht.CodeInvalid, "%s: no text found", filepath.Base(name))
	}
	passages, signals := p.cfg.Scanner.Scan(id, x.Text, x.Lang)
	title := x.Title
	if title == "" {
		title = filepath.Base(name)
	}
	doc := zicht.Document{ID: id, Source: name, Kind: guessKind(x), Format: x.Format, Lang: x.Lang, Title: title,
		Date: x.Date, Size: int64(len(data)), Text: x.Text, Repairs: x.Repairs, Meta: x.Meta, AddedAt: time.Now().UTC()}
	if ecli := x.Meta["ecli"]; ecli != "" {
		doc.Canonical = ecli
	}
	added, err := p.cfg.Store.AddDocument(ctx, zicht.Ingested{Document: doc, Original: data, Passages: passages, Signals: signals})
	if err != nil {
		return Failed, 0, err
	}
	if !added {
		return Duplicate, 0, nil // another worker stored it first
	}
	if err := p.cfg.Store.Audit(ctx, zicht.AuditEvent{Actor: p.cfg.Actor, Action: "document.add", Object: string(id),
		Detail: name}); err != nil {
		p.cfg.Logger.Warn("audit", "err", err)
	}
	return Added, len(signals), nil
}

var (
	rulingRe   = regexp.MustCompile(`(?i)\b(ECLI:NL:|de rechtbank|het gerechtshof|the court (found|convicted|sentenced)|veroordeelt verdachte|vonnis)`)
	researchRe = regexp.MustCompile(`(?i)\b(onderzoek(ers)?|respondenten|interviews|study|survey|researchers)\b`)
	parlRe     = regexp.MustCompile(`(?i)\b(Tweede Kamer|Kamerbrief|Kamervragen|minister|staatssecretaris|parliament(ary)?)\b`)
	newsRe     = regexp.MustCompile(`(?i)\b(nieuws|news|reporter|verslaggever|redactie)\b`)
)

// guessKind classifies a document from its metadata or, failing that, from
// words typical of each kind in its first lines.
func guessKind(x *Extracted) zicht.DocumentKind {
	if k := x.Meta["kind"]; k != "" {
		return zicht.DocumentKind(k)
	}
	head := x.Text
	if len(head) > 2000 {
		head = head[:2000]
	}
	switch {
	case x.Meta["ecli"] != "" || rulingRe.MatchString(head):
		return zicht.KindCourtRuling
	case parlRe.MatchString(head):
		return zicht.KindParliament
	case researchRe.MatchString(head):
		return zicht.KindResearch
	case newsRe.MatchString(head):
		return zicht.KindNews
	}
	return zicht.KindOther
}
