package review

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/zicht-project/zicht"
)

// synthetic makes a queue in which the detector's score is a poor guide:
// signals with the term "loverboy*" are relevant whatever their score, and
// signals of evidence type media_report are mostly not.
func synthetic(n int, seed uint64) []Labelled {
	r := rand.New(rand.NewPCG(seed, 1))
	var out []Labelled
	for i := range n {
		s := zicht.Signal{ID: zicht.SignalID(i + 1), Group: "lgbt", Question: zicht.Q2, Polarity: zicht.Asserted,
			EvidenceType: zicht.MediaReport, Terms: []string{"lhbt*"}, Score: r.Float64()}
		relevant := false
		switch r.IntN(4) {
		case 0:
			s.Terms = append(s.Terms, "loverboy*")
			s.EvidenceType = zicht.ProfessionalSignal
			relevant = true
		case 1:
			s.Terms = append(s.Terms, fmt.Sprintf("noise%d", r.IntN(50)))
			relevant = r.IntN(10) == 0
		}
		out = append(out, Labelled{Signal: s, Relevant: relevant})
	}
	return out
}

func TestLearnedRankingFindsRelevantSooner(t *testing.T) {
	items := synthetic(400, 7)
	learned := Simulate(items, Learned, 1)
	score := Simulate(items, ScoreOnly, 1)
	random := Simulate(items, Random, 1)
	for _, frac := range []float64{0.1, 0.2, 0.5} {
		t.Logf("after %.0f%%: learned %.2f, score %.2f, random %.2f", frac*100, learned.At(frac), score.At(frac), random.At(frac))
	}
	if learned.At(0.2) <= score.At(0.2)+0.2 {
		t.Errorf("learned ranking found %.2f of relevant signals after 20%%, score-only %.2f: no real gain",
			learned.At(0.2), score.At(0.2))
	}
	if learned.At(1) != 1 || score.At(1) != 1 || random.At(1) != 1 {
		t.Error("a full review must find every relevant signal")
	}
}

func TestModelWaitsForBothKinds(t *testing.T) {
	m := NewModel()
	s := zicht.Signal{Group: "roma", Question: zicht.Q1, Score: 0.42}
	for range 5 {
		m.Learn(s, true)
	}
	if m.Ready() || m.Priority(s) != 0.42 {
		t.Errorf("model ranks after only accepted decisions (ready %v, priority %v)", m.Ready(), m.Priority(s))
	}
	m.Learn(s, false)
	m.Learn(s, false)
	if !m.Ready() {
		t.Error("model not ready after 5 accepted and 2 rejected decisions")
	}
}

func TestCurveAt(t *testing.T) {
	c := Curve{0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1}
	for frac, want := range map[float64]float64{0: 0, 0.1: 0.1, 0.5: 0.5, 1: 1} {
		if got := c.At(frac); got != want {
			t.Errorf("At(%v) = %v, want %v", frac, got, want)
		}
	}
}
