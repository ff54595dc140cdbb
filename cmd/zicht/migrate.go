package main

import (
	"context"
	"database/sql"
	"fmt"
	"path/filepath"
	"text/tabwriter"

	"github.com/zicht-project/zicht"
	"github.com/zicht-project/zicht/store/postgres"
	"github.com/zicht-project/zicht/store/sqlite"
)

// cmdMigrateStore is `zicht migrate-store --from DATA_DIR --to postgres://...`:
// it copies an embedded installation into an empty PostgreSQL store, all of
// it in one transaction, and compares the row counts of every table.
func cmdMigrateStore(ctx context.Context, e *env, args []string) error {
	fs := flags(e, "migrate-store", "--from DATA_DIR --to postgres://...")
	from := fs.String("from", "", "data directory of the embedded store to copy")
	to := fs.String("to", "", "PostgreSQL URL of an empty database or schema")
	if err := parse(fs, args); err != nil {
		return err
	}
	if *from == "" || *to == "" || fs.NArg() > 0 {
		return zicht.Errorf(zicht.CodeInvalid, "want --from DATA_DIR and --to postgres://...")
	}
	if !isPostgres(*to) {
		return zicht.Errorf(zicht.CodeInvalid, "--to %q is not a postgres:// URL", *to)
	}
	if isPostgres(*from) {
		return zicht.Errorf(zicht.CodeInvalid, "--from must be a data directory")
	}
	// Opening the embedded store brings its schema to the newest version,
	// the one the PostgreSQL store has too; a damaged store is not copied.
	st, err := openStore(ctx, *from, false)
	if err != nil {
		return err
	}
	err = st.Check(ctx)
	st.Close()
	if err != nil {
		return fmt.Errorf("%s: the embedded store is damaged, not copied: %w", *from, err)
	}
	src, err := sql.Open("sqlite", "file:"+filepath.Join(*from, sqlite.FileName)+"?mode=ro")
	if err != nil {
		return fmt.Errorf("open %s: %w", *from, err)
	}
	defer src.Close()
	dst, err := postgres.Open(ctx, *to)
	if err != nil {
		return err
	}
	defer dst.Close()
	counts, err := dst.Import(ctx, src)
	if err != nil {
		return err
	}
	if err := dst.Check(ctx); err != nil {
		return fmt.Errorf("the copy fails its check: %w", err)
	}
	tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "TABLE\tEMBEDDED\tPOSTGRESQL")
	total := 0
	for _, c := range counts {
		fmt.Fprintf(tw, "%s\t%d\t%d\n", c.Table, c.Source, c.Dest)
		total += c.Dest
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "copied %d rows; every count matches and the copy passes 'zicht check'\n", total)
	fmt.Fprintf(e.stdout, "lexicon files in %s, if any, are not in the database: keep them with the binary\n", filepath.Join(*from, "lexicon"))
	return nil
}
