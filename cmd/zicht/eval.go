package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"

	"github.com/zicht-project/zicht"
	"github.com/zicht-project/zicht/detect"
)

// cmdEval measures a part of zicht against annotated data. Only the detector
// can be measured so far: `zicht eval detect --gold FILE|DIR` scans every
// gold passage and prints group precision, recall and F1, polarity accuracy,
// level exact match and evidence-type accuracy.
func cmdEval(ctx context.Context, e *env, args []string) error {
	const synopsis = "detect --gold FILE|DIR [--format text|json] [--misses] [--data DIR]  |  extract [--texts DIR] [--no-pdf] [--format text|json]"
	if len(args) > 0 && args[0] == "extract" {
		return cmdEvalExtract(ctx, e, args[1:])
	}
	if len(args) == 0 || args[0] != "detect" {
		fs := flags(e, "eval", synopsis)
		if len(args) > 0 && (args[0] == "-h" || args[0] == "-help" || args[0] == "--help") {
			return parse(fs, args)
		}
		if len(args) == 0 {
			return zicht.Errorf(zicht.CodeInvalid, "want what to evaluate: zicht eval %s", synopsis)
		}
		return zicht.Errorf(zicht.CodeInvalid, "cannot evaluate %q (want detect or extract)", args[0])
	}
	fs := flags(e, "eval detect", "--gold FILE|DIR [--format text|json] [--misses] [--data DIR]")
	gold := fs.String("gold", "", "gold set: a JSON-lines file with a text per item, or a directory of gold-*.jsonl and <id>.txt files")
	format := fs.String("format", "text", "output format: text or json")
	misses := fs.Bool("misses", false, "list every item the detector gets wrong")
	data := fs.String("data", "", "data directory whose lexicon overrides and groups to use (default: the embedded lexicon only)")
	if err := parse(fs, args[1:]); err != nil {
		return err
	}
	if *format != "text" && *format != "json" {
		return zicht.Errorf(zicht.CodeInvalid, "unknown format %q (want text or json)", *format)
	}
	if *gold == "" {
		return zicht.Errorf(zicht.CodeInvalid, "no gold set given (use --gold FILE|DIR)")
	}
	if fs.NArg() > 0 {
		return zicht.Errorf(zicht.CodeInvalid, "unexpected argument %q", fs.Arg(0))
	}
	items, err := detect.LoadGold(*gold)
	if err != nil {
		return err
	}
	if len(items) == 0 {
		return zicht.Errorf(zicht.CodeInvalid, "%s: no gold items", *gold)
	}
	var det *detect.Detector
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
	r := detect.Evaluate(det, items)
	if *format == "json" {
		if !*misses {
			r.Misses = nil
		}
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(r)
	}
	if _, err := io.WriteString(e.stdout, r.String()); err != nil {
		return err
	}
	if *misses && len(r.Misses) > 0 {
		fmt.Fprintf(e.stdout, "\n%s", r.MissList())
	}
	return nil
}
