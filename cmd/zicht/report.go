package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"

	"github.com/zicht-project/zicht"
	"github.com/zicht-project/zicht/report"
)

func cmdReport(ctx context.Context, e *env, args []string) error {
	fs := flags(e, "report", "[--data DIR] [--publication ID|current] [--format svg|html|pdf|md|csv|json] [--lang nl|en] "+
		"[--order group|level|name] [--paper a4|a3] [--orientation portrait|landscape] [--group ID] [--out PATH]")
	data := dataFlag(fs)
	pub := fs.String("publication", report.Current, "publication id, or current for the latest approved assessments")
	formatFlag := fs.String("format", "svg", "svg, html, pdf, md (a brief per group), csv or json")
	langFlag := fs.String("lang", "nl", "language: nl or en")
	orderFlag := fs.String("order", "group", "panel order: group, level or name")
	paperFlag := fs.String("paper", "a4", "paper size of svg, html and pdf: a4 or a3")
	orientFlag := fs.String("orientation", "portrait", "portrait or landscape")
	group := fs.String("group", "", "md: write only this group's brief")
	out := fs.String("out", "", "output file (md without --group: a directory, one file per group); default standard output")
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return zicht.Errorf(zicht.CodeInvalid, "unexpected argument %q", fs.Arg(0))
	}
	format, err := report.ParseFormat(*formatFlag)
	if err != nil {
		return err
	}
	lang, err := zicht.ParseLang(*langFlag)
	if err != nil {
		return err
	}
	order, err := report.ParseOrder(*orderFlag)
	if err != nil {
		return err
	}
	paper, err := report.ParsePaper(*paperFlag)
	if err != nil {
		return err
	}
	orient, err := report.ParseOrientation(*orientFlag)
	if err != nil {
		return err
	}
	if *group != "" && format != report.FormatMD {
		return zicht.Errorf(zicht.CodeInvalid, "--group works with --format md only")
	}
	if format.Binary() && *out == "" && isTerminal(e.stdout) {
		return zicht.Errorf(zicht.CodeInvalid, "%s is binary: give --out FILE or redirect standard output", format)
	}
	st, err := openStore(ctx, *data, false)
	if err != nil {
		return err
	}
	defer st.Close()
	d, err := report.Build(ctx, st, report.Options{Publication: *pub, Lang: lang, Order: order})
	if err != nil {
		return err
	}
	page := report.Page{Paper: paper, Orientation: orient}

	var b bytes.Buffer
	switch {
	case format == report.FormatMD && *group != "":
		p, err := d.Group(zicht.GroupID(*group))
		if err != nil {
			return err
		}
		if err := report.Brief(&b, d, p); err != nil {
			return err
		}
	case format == report.FormatMD && *out != "":
		return writeBriefs(d, *out)
	default:
		if err := report.Write(&b, d, format, page); err != nil {
			return err
		}
	}
	if *out == "" {
		_, err := e.stdout.Write(b.Bytes())
		return err
	}
	if err := os.WriteFile(*out, b.Bytes(), 0o644); err != nil {
		return zicht.Errorf(zicht.CodeInvalid, "%s: %v", *out, describe(err))
	}
	return nil
}

// writeBriefs writes one Markdown brief per group into dir, as GROUP.md.
func writeBriefs(d *report.Data, dir string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return zicht.Errorf(zicht.CodeInvalid, "%s: %v", dir, describe(err))
	}
	for i := range d.Panels {
		p := &d.Panels[i]
		var b bytes.Buffer
		if err := report.Brief(&b, d, p); err != nil {
			return err
		}
		name := filepath.Join(dir, filepath.Base(string(p.Group.ID))+".md")
		if err := os.WriteFile(name, b.Bytes(), 0o644); err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
	}
	return nil
}
