package detect

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/zicht-project/zicht/lexicon"
)

// TestEval measures the detector on an annotated set of passages kept
// outside the repository: ZICHT_EVAL_DIR names a folder with <id>.txt files
// and gold-*.jsonl labels (see shared/eval/README.md). It reports group F1,
// polarity, level and evidence-type accuracy, and fails on nothing: it is a
// measurement, not a test. ZICHT_EVAL_VERBOSE=1 lists every disagreement.
func TestEval(t *testing.T) {
	dir := os.Getenv("ZICHT_EVAL_DIR")
	if dir == "" {
		t.Skip("ZICHT_EVAL_DIR not set")
	}
	items, err := LoadGold(dir)
	if err != nil {
		t.Fatal(err)
	}
	r := Evaluate(newDefault(t), items)
	t.Log("\n" + r.String())
	if os.Getenv("ZICHT_EVAL_VERBOSE") != "" {
		t.Log("\n" + r.MissList())
	}
}

// TestGold holds the detector to the targets agreed for our own gold set
// (testdata/gold.jsonl, written for zicht): a change to the rules or the
// lexicon that falls below them fails.
func TestGold(t *testing.T) {
	items, err := LoadGold(filepath.Join("testdata", "gold.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	if len(items) < 400 {
		t.Fatalf("gold set has %d items, want at least 400", len(items))
	}
	r := Evaluate(newDefault(t), items)
	t.Log("\n" + r.String())
	if os.Getenv("ZICHT_EVAL_VERBOSE") != "" {
		t.Log("\n" + r.MissList())
	}
	for _, c := range []struct {
		name      string
		got, want float64
	}{
		{"group micro-F1", r.Micro.F1, 0.90},
		{"polarity accuracy", r.Polarity.Ratio, 0.90},
		{"level exact match where worded", r.Level.Ratio, 0.95},
		{"evidence type accuracy", r.Evidence.Ratio, 0.85},
	} {
		if c.got < c.want {
			t.Errorf("%s %.3f, want at least %.2f", c.name, c.got, c.want)
		}
	}
}

func newDefault(t testing.TB) *Detector {
	t.Helper()
	lex, err := lexicon.Default()
	if err != nil {
		t.Fatal(err)
	}
	d, err := New(lex, nil)
	if err != nil {
		t.Fatal(err)
	}
	return d
}
