package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/zicht-project/zicht"
)

// evalCmd runs cmdEval in process: the command is wired into the command
// table by the lead, so the test does not depend on that.
func evalCmd(t *testing.T, args ...string) (string, error) {
	t.Helper()
	var out, errb bytes.Buffer
	e := &env{stdin: strings.NewReader(""), stdout: &out, stderr: &errb, log: slog.New(slog.NewTextHandler(&errb, nil))}
	err := cmdEval(context.Background(), e, args)
	return out.String(), err
}

func TestEvalDetect(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "gold.jsonl")
	lines := []string{
		`{"id":"nl-1","lang":"nl","text":"Een man is veroordeeld omdat hij Roma-kinderen dwong te stelen.","groups":["roma"],"population":null,"q1_level":null,"trafficking_relation":"asserted","evidence_type":"conviction","risk_factors":[],"note":""}`,
		`{"id":"en-1","lang":"en","text":"The club signed a new striker.","groups":[],"population":null,"q1_level":null,"trafficking_relation":"none","evidence_type":"none","risk_factors":[],"note":""}`,
	}
	writeFile(t, file, strings.Join(lines, "\n")+"\n")

	out, err := evalCmd(t, "detect", "--gold", file)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"on 2 items", "roma", "micro", "polarity accuracy", "evidence type accuracy"} {
		if !strings.Contains(out, want) {
			t.Errorf("text report lacks %q:\n%s", want, out)
		}
	}

	out, err = evalCmd(t, "detect", "--gold", file, "--format", "json")
	if err != nil {
		t.Fatal(err)
	}
	var r struct {
		Items int `json:"items"`
		Micro struct {
			F1 float64 `json:"f1"`
		} `json:"micro"`
		Evidence struct {
			Ratio float64 `json:"ratio"`
		} `json:"evidence"`
	}
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatalf("json report: %v\n%s", err, out)
	}
	if r.Items != 2 || r.Micro.F1 != 1 || r.Evidence.Ratio != 1 {
		t.Errorf("json report = %+v, want 2 items, F1 1, evidence 1", r)
	}

	// The shared layout: a directory with gold-*.jsonl and <id>.txt.
	sub := filepath.Join(dir, "set", "dev")
	if err := os.MkdirAll(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(sub, "en-9.txt"), "Two men were charged with trafficking Roma children.")
	writeFile(t, filepath.Join(sub, "gold-en.jsonl"), `{"id":"en-9","lang":"en","groups":["G4"],"q1_level":null,"trafficking_relation":"asserted","evidence_type":"prosecution"}`+"\n")
	if out, err = evalCmd(t, "detect", "--gold", filepath.Join(dir, "set")); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out, "on 1 items") {
		t.Errorf("directory layout: %s", out)
	}
}

func TestEvalUsageErrors(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.jsonl")
	writeFile(t, bad, "{not json\n")
	for _, args := range [][]string{
		{},
		{"assess"},
		{"detect"},
		{"detect", "--gold", filepath.Join(dir, "missing.jsonl")},
		{"detect", "--gold", bad},
		{"detect", "--gold", bad, "--format", "xml"},
		{"detect", "--gold", dir},
		{"detect", "--bogus"},
	} {
		_, err := evalCmd(t, args...)
		var ze *zicht.Error
		if !errors.As(err, &ze) || ze.Code != zicht.CodeInvalid {
			t.Errorf("eval %v: err %v, want a usage error", args, err)
		}
	}
}

func writeFile(t *testing.T, name, content string) {
	t.Helper()
	if err := os.WriteFile(name, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}
