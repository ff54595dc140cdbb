package main

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/zicht-project/zicht"
	"github.com/zicht-project/zicht/baseline"
	"github.com/zicht-project/zicht/detect"
	"github.com/zicht-project/zicht/extract"
	"github.com/zicht-project/zicht/ingest"
	"github.com/zicht-project/zicht/lexicon"
	"github.com/zicht-project/zicht/store/postgres"
	"github.com/zicht-project/zicht/store/sqlite"
)

// appStore is a store the commands can check and count.
type appStore interface {
	zicht.Store
	Check(ctx context.Context) error
	Counts(ctx context.Context) (map[string]int, error)
}

// isPostgres tells a PostgreSQL URL from a data directory.
func isPostgres(where string) bool {
	return strings.HasPrefix(where, "postgres://") || strings.HasPrefix(where, "postgresql://")
}

// openStore opens the store at where: a PostgreSQL URL (server mode), or a
// data directory with the embedded store. With create it makes the
// directory and loads the baseline; otherwise a missing directory is an
// error that says to run init.
func openStore(ctx context.Context, where string, create bool) (appStore, error) {
	if isPostgres(where) {
		st, err := postgres.Open(ctx, where)
		if err != nil {
			return nil, err
		}
		if _, err := baseline.Load(ctx, st); err != nil { // idempotent: a new database gets the baseline
			st.Close()
			return nil, err
		}
		return st, nil
	}
	dir := where
	path := filepath.Join(dir, sqlite.FileName)
	if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
		if !create {
			return nil, zicht.Errorf(zicht.CodeInvalid, "%s: no zicht data here; run 'zicht init --data %s' first", dir, dir)
		}
		if err := os.MkdirAll(dir, 0o750); err != nil {
			return nil, fmt.Errorf("create data directory: %w", err)
		}
	}
	st, err := sqlite.Open(ctx, path)
	if err != nil {
		return nil, err
	}
	if create {
		if _, err := baseline.Load(ctx, st); err != nil {
			st.Close()
			return nil, err
		}
	}
	return st, nil
}

// newDetector builds the detector from the embedded lexicon, files in
// DATA/lexicon that override it, and analyst-added group terms in st.
func newDetector(ctx context.Context, dataDir string, st zicht.GroupStore) (*detect.Detector, error) {
	lex, err := loadLexicon(dataDir)
	if err != nil {
		return nil, err
	}
	var extra []zicht.Group
	if st != nil {
		groups, err := st.Groups(ctx)
		if err != nil {
			return nil, err
		}
		for _, g := range groups {
			if len(g.Terms) > 0 {
				extra = append(extra, g)
			}
		}
	}
	return detect.New(lex, extra)
}

func loadLexicon(dataDir string) (*lexicon.Lexicon, error) {
	if dataDir == "" || isPostgres(dataDir) {
		return lexicon.Default()
	}
	return lexicon.LoadOverride(dataDir)
}

// extractor adapts package extract to what ingest needs.
func extractor(ctx context.Context, name string, data []byte) (*ingest.Extracted, error) {
	r, err := extract.Extract(ctx, name, data)
	if err != nil {
		return nil, err
	}
	return &ingest.Extracted{Format: r.Format, Lang: r.Lang, Title: r.Title, Date: r.Date, Text: r.Text,
		Repairs: r.Repairs, Meta: r.Meta}, nil
}
