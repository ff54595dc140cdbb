package review

import (
	"fmt"
	"slices"
	"strings"

	"github.com/zicht-project/zicht"
	"github.com/zicht-project/zicht/detect"
)

// Label builds the replay queue for a simulation from an annotated set: the
// signals the detector finds in each passage, each marked relevant when an
// analyst following the annotation would accept it — its group is one the
// passage is about, and for Q2 its polarity is the passage's stance on
// traffickers.
func Label(d *detect.Detector, items []detect.GoldItem) []Labelled {
	var out []Labelled
	id := zicht.SignalID(0)
	for _, it := range items {
		groups := map[zicht.GroupID]bool{}
		for _, g := range it.Groups {
			groups[detect.GoldGroup(g)] = true
		}
		rel := detect.GoldRelation(it.Relation)
		_, sigs := d.Scan(zicht.DocumentID(it.ID), it.Text, zicht.Lang(it.Lang))
		for _, s := range sigs {
			id++
			s.ID = id
			relevant := groups[s.Group] && (s.Question == zicht.Q1 || rel != "none" && string(s.Polarity) == rel)
			out = append(out, Labelled{Signal: s, Relevant: relevant})
		}
	}
	return out
}

// SimReport compares the three orders on one labelled queue.
type SimReport struct {
	Signals, Relevant int
	// At maps a strategy to the share of relevant signals found after
	// reviewing 10, 20 and 50 % of the queue (random: averaged over seeds).
	At map[Strategy][3]float64
}

// Fractions are the points of the queue a SimReport reports.
var Fractions = [3]float64{0.1, 0.2, 0.5}

// Compare replays items under every strategy; Random is averaged over seeds runs.
func Compare(items []Labelled, seeds int) SimReport {
	r := SimReport{Signals: len(items), At: map[Strategy][3]float64{}}
	for _, it := range items {
		if it.Relevant {
			r.Relevant++
		}
	}
	for _, st := range []Strategy{Learned, ScoreOnly, Random} {
		runs := 1
		if st == Random {
			runs = max(1, seeds)
		}
		var sum [3]float64
		for seed := range runs {
			c := Simulate(items, st, uint64(seed+1))
			for i, f := range Fractions {
				sum[i] += c.At(f)
			}
		}
		for i := range sum {
			sum[i] /= float64(runs)
		}
		r.At[st] = sum
	}
	return r
}

func (r SimReport) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%d signals, %d relevant (%.0f%%)\n", r.Signals, r.Relevant, 100*float64(r.Relevant)/float64(max(1, r.Signals)))
	fmt.Fprintf(&b, "%-9s %6s %6s %6s   (share of relevant signals found after reviewing this much of the queue)\n", "order", "10%", "20%", "50%")
	for _, st := range slices.Sorted(func(yield func(Strategy) bool) {
		for k := range r.At {
			if !yield(k) {
				return
			}
		}
	}) {
		a := r.At[st]
		fmt.Fprintf(&b, "%-9s %6.2f %6.2f %6.2f\n", st, a[0], a[1], a[2])
	}
	return b.String()
}
