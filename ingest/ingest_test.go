package ingest_test

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/zicht-project/zicht"
	"github.com/zicht-project/zicht/detect"
	"github.com/zicht-project/zicht/extract"
	"github.com/zicht-project/zicht/ingest"
	"github.com/zicht-project/zicht/lexicon"
	"github.com/zicht-project/zicht/store/sqlite"
)

func newPipeline(t *testing.T, progress *bytes.Buffer) (*ingest.Pipeline, *sqlite.Store) {
	t.Helper()
	ctx := context.Background()
	st, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "zicht.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	lex, err := lexicon.Default()
	if err != nil {
		t.Fatal(err)
	}
	det, err := detect.New(lex, nil)
	if err != nil {
		t.Fatal(err)
	}
	cfg := ingest.Config{Store: st, Scanner: det, Workers: 4,
		Extract: func(ctx context.Context, name string, data []byte) (*ingest.Extracted, error) {
			r, err := extract.Extract(ctx, name, data)
			if err != nil {
				return nil, err
			}
			return &ingest.Extracted{Format: r.Format, Lang: r.Lang, Title: r.Title, Text: r.Text, Repairs: r.Repairs, Meta: r.Meta}, nil
		}}
	if progress != nil {
		cfg.Progress = progress
	}
	p, err := ingest.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return p, st
}

const roma = "FICTIEF. De rechtbank heeft twee ooms veroordeeld wegens mensenhandel, omdat zij Roma-kinderen lieten stelen."

func TestFSCountsDuplicatesAndFailures(t *testing.T) {
	ctx := context.Background()
	var prog bytes.Buffer
	p, st := newPipeline(t, &prog)
	fsys := fstest.MapFS{
		"a/roma.txt":       {Data: []byte(roma)},
		"b/same-bytes.txt": {Data: []byte(roma)}, // same content under another name: stored once
		"c/recipe.txt":     {Data: []byte("Snijd de uien en bak ze glazig in boter.")},
		"d/empty.txt":      {Data: nil},
		"e/binary.txt":     {Data: []byte{0, 1, 2, 3, 0, 0, 0, 7, 8, 9, 0, 0}},
		".hidden/x.txt":    {Data: []byte("hidden files are skipped")},
	}
	sum, err := p.FS(ctx, fsys, ".")
	if err != nil {
		t.Fatal(err)
	}
	if sum.Files != 5 || sum.Added != 2 || sum.Duplicates != 1 || len(sum.Failures) != 2 {
		t.Fatalf("summary = %+v", sum)
	}
	if sum.Failures[0].Name != "d/empty.txt" || sum.Failures[1].Name != "e/binary.txt" {
		t.Errorf("failures = %+v", sum.Failures)
	}
	if !strings.Contains(prog.String(), "5/5 files") {
		t.Errorf("progress never reached the end: %q", prog.String())
	}
	docs, err := st.Documents(ctx, zicht.DocumentFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 2 {
		t.Errorf("%d documents stored, want 2", len(docs))
	}
	sigs, err := st.Signals(ctx, zicht.SignalFilter{Group: "roma"})
	if err != nil || len(sigs) == 0 {
		t.Fatalf("no roma signals stored (%v)", err)
	}
	for _, d := range docs {
		if d.Kind == "" || d.Format != "text" || d.Size == 0 {
			t.Errorf("document metadata = %+v", d)
		}
	}
	again, err := p.FS(ctx, fsys, ".")
	if err != nil {
		t.Fatal(err)
	}
	if again.Added != 0 || again.Duplicates != 3 {
		t.Errorf("second run = %+v, want nothing added", again)
	}
}

func TestBytesAndCancel(t *testing.T) {
	p, _ := newPipeline(t, nil)
	out, n, err := p.Bytes(context.Background(), "upload.txt", []byte(roma))
	if err != nil || out != ingest.Added || n == 0 {
		t.Fatalf("Bytes = %v, %d, %v", out, n, err)
	}
	if out, _, _ := p.Bytes(context.Background(), "again.txt", []byte(roma)); out != ingest.Duplicate {
		t.Errorf("same bytes again: %v, want Duplicate", out)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	fsys := fstest.MapFS{"x.txt": {Data: []byte("Roma-kinderen zijn kwetsbaar.")}}
	if _, err := p.FS(ctx, fsys, "."); err == nil {
		t.Error("a cancelled run reported success")
	}
}
