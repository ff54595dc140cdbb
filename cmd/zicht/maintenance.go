package main

import (
	"context"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"time"

	"github.com/zicht-project/zicht"
	"github.com/zicht-project/zicht/store/sqlite"
)

func cmdCheck(ctx context.Context, e *env, args []string) error {
	fs := flags(e, "check", "[--data DIR]")
	data := dataFlag(fs)
	if err := parse(fs, args); err != nil {
		return err
	}
	st, err := openStore(ctx, *data, false)
	if err != nil {
		return err
	}
	defer st.Close()
	if err := st.Check(ctx); err != nil {
		return err
	}
	c, err := st.Counts(ctx)
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "store %s is consistent: %d documents, %d passages, %d signals, %d evidence, %d assessments, %d publications, %d audit events\n",
		storeName(*data), c["documents"], c["passages"], c["signals"], c["evidence"], c["assessments"], c["publications"], c["audit"])
	return nil
}

func cmdBackup(ctx context.Context, e *env, args []string) error {
	fs := flags(e, "backup", "[--data DIR] --to FILE")
	data := dataFlag(fs)
	to := fs.String("to", "", "the backup file to write (must not exist)")
	if err := parse(fs, args); err != nil {
		return err
	}
	if *to == "" {
		*to = fmt.Sprintf("zicht-backup-%s.db", time.Now().UTC().Format("20060102T150405Z"))
	}
	st, err := openStore(ctx, *data, false)
	if err != nil {
		return err
	}
	defer st.Close()
	lite, ok := st.(*sqlite.Store)
	if !ok {
		return zicht.Errorf(zicht.CodeInvalid, "zicht backup copies the embedded store; back up PostgreSQL with pg_dump (docs/operations.md)")
	}
	if err := lite.Backup(ctx, *to); err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "backup of %s written to %s and verified\n", *data, *to)
	return nil
}

func cmdRestore(ctx context.Context, e *env, args []string) error {
	fs := flags(e, "restore", "[--data DIR] --from FILE")
	data := dataFlag(fs)
	from := fs.String("from", "", "a backup made by 'zicht backup'")
	if err := parse(fs, args); err != nil {
		return err
	}
	if *from == "" {
		return zicht.Errorf(zicht.CodeInvalid, "--from FILE is required")
	}
	if isPostgres(*data) {
		return zicht.Errorf(zicht.CodeInvalid, "zicht restore brings back the embedded store; restore PostgreSQL with pg_restore (docs/operations.md)")
	}
	// Check the backup before touching anything.
	b, err := sqlite.Open(ctx, *from)
	if err != nil {
		return zicht.Errorf(zicht.CodeInvalid, "%s: not a usable zicht backup: %v", *from, err)
	}
	checkErr := b.Check(ctx)
	b.Close()
	if checkErr != nil {
		return zicht.Errorf(zicht.CodeInvalid, "%s: backup is damaged: %v", *from, checkErr)
	}
	if err := os.MkdirAll(*data, 0o750); err != nil {
		return fmt.Errorf("create data directory: %w", err)
	}
	dst := filepath.Join(*data, sqlite.FileName)
	tmp := dst + ".restoring"
	if err := copyFile(*from, tmp); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("restore %s: %w", *from, err)
	}
	// Keep what was there: a restore never loses the current state.
	kept := ""
	if _, err := os.Stat(dst); err == nil {
		kept = fmt.Sprintf("%s.before-restore-%s", dst, time.Now().UTC().Format("20060102T150405Z"))
		cur, err := sqlite.Open(ctx, dst)
		if err != nil {
			return err
		}
		err = cur.Backup(ctx, kept)
		cur.Close()
		if err != nil {
			return fmt.Errorf("keep the current store: %w", err)
		}
		for _, suffix := range []string{"-wal", "-shm"} {
			os.Remove(dst + suffix)
		}
	}
	if err := os.Rename(tmp, dst); err != nil {
		return fmt.Errorf("restore %s: %w", *from, err)
	}
	fmt.Fprintf(e.stdout, "restored %s into %s\n", *from, *data)
	if kept != "" {
		fmt.Fprintf(e.stdout, "the previous store was kept as %s\n", kept)
	}
	return nil
}

// copyFile copies src to dst and syncs it to disk.
func copyFile(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(dst, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o640)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	if err := out.Sync(); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

// storeName shows where a store is without a password.
func storeName(where string) string {
	if !isPostgres(where) {
		return where
	}
	u, err := url.Parse(where)
	if err != nil {
		return "postgres://…"
	}
	return u.Redacted()
}
