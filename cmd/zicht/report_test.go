package main

import (
	"bytes"
	"context"
	"errors"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/zicht-project/zicht"
)

func TestReportCommand(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	st, err := openStore(ctx, dir, true)
	if err != nil {
		t.Fatal(err)
	}
	st.Close()
	report := func(args ...string) (string, error) {
		var out, errs bytes.Buffer
		e := &env{stdin: strings.NewReader(""), stdout: &out, stderr: &errs, log: slog.New(slog.NewTextHandler(io.Discard, nil))}
		err := cmdReport(ctx, e, append([]string{"--data", dir}, args...))
		return out.String(), err
	}

	svg, err := report("--publication", "1")
	if err != nil || !strings.Contains(svg, "Roma-kinderen") || !strings.HasPrefix(svg, "<?xml") {
		t.Fatalf("svg: %v\n%.200s", err, svg)
	}
	again, _ := report("--publication", "1")
	if again != svg {
		t.Error("two runs differ")
	}

	_, err = report("--publication", "99")
	var ze *zicht.Error
	if !errors.As(err, &ze) || ze.Code != zicht.CodeNotFound || strings.Contains(err.Error(), "\n") {
		t.Errorf("unknown publication: %v", err)
	}
	for _, bad := range [][]string{{"--format", "docx"}, {"--lang", "de"}, {"--paper", "a5"}, {"--group", "roma"}} {
		if _, err := report(bad...); !errors.As(err, &ze) || ze.Code != zicht.CodeInvalid {
			t.Errorf("%v: got %v, want a usage error", bad, err)
		}
	}

	brief, err := report("--format", "md", "--group", "roma", "--lang", "en")
	if err != nil || !strings.HasPrefix(brief, "# Roma children\n") {
		t.Errorf("brief: %v\n%.200s", err, brief)
	}
	briefs := filepath.Join(t.TempDir(), "briefs")
	if _, err := report("--format", "md", "--out", briefs); err != nil {
		t.Fatal(err)
	}
	if files, _ := filepath.Glob(filepath.Join(briefs, "*.md")); len(files) != 7 {
		t.Errorf("%d briefs, want 7", len(files))
	}

	pdf := filepath.Join(t.TempDir(), "overview.pdf")
	if _, err := report("--format", "pdf", "--paper", "a3", "--orientation", "landscape", "--out", pdf); err != nil {
		t.Fatal(err)
	}
	if b, err := os.ReadFile(pdf); err != nil || !bytes.HasPrefix(b, []byte("%PDF-")) {
		t.Errorf("pdf: %v", err)
	}
	for _, f := range []string{"html", "csv", "json"} {
		if out, err := report("--format", f, "--order", "level"); err != nil || out == "" {
			t.Errorf("%s: %v", f, err)
		}
	}
}
