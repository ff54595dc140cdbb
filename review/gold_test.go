package review_test

import (
	"os"
	"testing"

	"github.com/zicht-project/zicht/detect"
	"github.com/zicht-project/zicht/lexicon"
	"github.com/zicht-project/zicht/review"
)

func detector(t *testing.T) *detect.Detector {
	t.Helper()
	lex, err := lexicon.Default()
	if err != nil {
		t.Fatal(err)
	}
	d, err := detect.New(lex, nil)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// TestSimulationOnAnnotatedSets replays review on our gold set (and on the
// shared development set when ZICHT_EVAL_DIR names it) and reports how soon
// each order finds the relevant signals.
func TestSimulationOnAnnotatedSets(t *testing.T) {
	sets := map[string]string{"gold": "../detect/testdata/gold.jsonl"}
	if dir := os.Getenv("ZICHT_EVAL_DIR"); dir != "" {
		sets["dev"] = dir
	}
	d := detector(t)
	for name, path := range sets {
		items, err := detect.LoadGold(path)
		if err != nil {
			t.Fatal(err)
		}
		labelled := review.Label(d, items)
		rep := review.Compare(labelled, 20)
		t.Logf("%s:\n%s", name, rep)
		if rep.Signals == 0 || rep.Relevant == 0 {
			t.Fatalf("%s: empty queue: %d signals, %d relevant", name, rep.Signals, rep.Relevant)
		}
		for st, at := range rep.At {
			if at[0] > at[1] || at[1] > at[2] {
				t.Errorf("%s %s: recall falls as more is reviewed: %v", name, st, at)
			}
		}
		// Any informed order must beat chance early in the queue, where
		// there is room to: a queue that is nearly all relevant leaves none.
		if float64(rep.Relevant) > 0.9*float64(rep.Signals) {
			continue
		}
		if rep.At[review.Learned][1] <= rep.At[review.Random][1] {
			t.Errorf("%s: learned order (%.2f at 20%%) no better than random (%.2f)", name, rep.At[review.Learned][1], rep.At[review.Random][1])
		}
	}
}
