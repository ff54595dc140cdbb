package review

import (
	"cmp"
	"math/rand/v2"
	"slices"

	"github.com/zicht-project/zicht"
)

// Strategy orders the queue in a simulation.
type Strategy string

// The strategies compared.
const (
	Random    Strategy = "random"
	ScoreOnly Strategy = "score"
	Learned   Strategy = "learned"
)

// Labelled is a signal with the decision an analyst made (or would make).
type Labelled struct {
	Signal   zicht.Signal
	Relevant bool
}

// Curve is, after each decision, the share of all relevant signals found.
type Curve []float64

// At is the share of relevant signals found after reviewing frac of the queue.
func (c Curve) At(frac float64) float64 {
	if len(c) == 0 {
		return 0
	}
	n := int(frac*float64(len(c)) + 0.5)
	if n <= 0 {
		return 0
	}
	return c[min(n, len(c))-1]
}

// Simulate replays a review of items in the order strategy gives: it takes
// the top signal, reveals its label, lets the model learn (Learned re-ranks
// the rest after every decision), and records the recall curve. seed makes
// Random repeatable.
func Simulate(items []Labelled, strategy Strategy, seed uint64) Curve {
	total := 0
	for _, it := range items {
		if it.Relevant {
			total++
		}
	}
	queue := slices.Clone(items)
	switch strategy {
	case Random:
		r := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
		r.Shuffle(len(queue), func(i, j int) { queue[i], queue[j] = queue[j], queue[i] })
	default:
		slices.SortStableFunc(queue, func(a, b Labelled) int { return cmp.Compare(b.Signal.Score, a.Signal.Score) })
	}
	m := NewModel()
	curve := make(Curve, 0, len(items))
	found := 0
	for len(queue) > 0 {
		if strategy == Learned && m.Ready() {
			best := 0
			bestP := m.Probability(queue[0].Signal)
			for i := 1; i < len(queue); i++ {
				if p := m.Probability(queue[i].Signal); p > bestP {
					best, bestP = i, p
				}
			}
			queue[0], queue[best] = queue[best], queue[0]
		}
		it := queue[0]
		queue = queue[1:]
		if it.Relevant {
			found++
		}
		m.Learn(it.Signal, it.Relevant)
		if total == 0 {
			curve = append(curve, 1)
		} else {
			curve = append(curve, float64(found)/float64(total))
		}
	}
	return curve
}
