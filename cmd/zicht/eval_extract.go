package main

import (
	"context"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/zicht-project/zicht"
	"github.com/zicht-project/zicht/extract/eval"
)

// cmdEvalExtract measures extraction and repair: `zicht eval extract`
// renders the embedded texts (or the .txt files of --texts DIR) into PDFs
// with groff and LibreOffice where installed, one and two columns, with and
// without ligatures, damages them as earlier tools do (lost ligature glyphs;
// lower case without punctuation and diacritics), extracts and repairs them,
// and prints word accuracy, ligature words repaired, diacritics restored,
// false joins and false repairs per case.
func cmdEvalExtract(ctx context.Context, e *env, args []string) error {
	const synopsis = "[--texts DIR] [--no-pdf] [--keep DIR] [--format text|json]"
	fs := flags(e, "eval extract", synopsis)
	texts := fs.String("texts", "", "directory of UTF-8 .txt source texts (title, blank line, paragraphs); default: the embedded texts")
	noPDF := fs.Bool("no-pdf", false, "skip rendering PDFs (only the damaged-text cases, which need no tools)")
	keep := fs.String("keep", "", "keep the rendered files in this directory (default: a temporary one, removed)")
	format := fs.String("format", "text", "output format: text or json")
	if err := parse(fs, args); err != nil {
		return err
	}
	if *format != "text" && *format != "json" {
		return zicht.Errorf(zicht.CodeInvalid, "unknown format %q (want text or json)", *format)
	}
	if fs.NArg() > 0 {
		return zicht.Errorf(zicht.CodeInvalid, "unexpected argument %q", fs.Arg(0))
	}
	cfg := eval.Config{NoPDF: *noPDF, Dir: *keep}
	if *keep != "" {
		if err := os.MkdirAll(*keep, 0o755); err != nil {
			return zicht.Errorf(zicht.CodeInvalid, "%s: %v", *keep, err)
		}
	}
	if *texts != "" {
		m, err := readTexts(*texts)
		if err != nil {
			return err
		}
		cfg.Texts = m
	}
	r, err := eval.Run(ctx, cfg)
	if err != nil {
		return err
	}
	if *format == "json" {
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(r)
	}
	_, err = io.WriteString(e.stdout, r.String())
	return err
}

// readTexts reads the .txt files of dir by name without the extension.
func readTexts(dir string) (map[string]string, error) {
	paths, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil || len(paths) == 0 {
		return nil, zicht.Errorf(zicht.CodeInvalid, "%s: no .txt files", dir)
	}
	m := map[string]string{}
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			return nil, zicht.Errorf(zicht.CodeInvalid, "%s: %v", p, err)
		}
		m[strings.TrimSuffix(filepath.Base(p), ".txt")] = string(b)
	}
	return m, nil
}
