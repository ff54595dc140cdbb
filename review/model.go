// Package review ranks the signals awaiting review so that the relevant ones
// come first, and learns from every decision an analyst makes.
//
// The model is online logistic regression over hashed features of a signal
// (its group, question, polarity, evidence type, worded level, risk factors,
// matched terms and triggers, and the detector's own score). Until it has
// seen enough decisions of both kinds it ranks by the detector's score, as
// active-learning screening tools do.
package review

import (
	"hash/fnv"
	"math"
	"strconv"

	"github.com/zicht-project/zicht"
)

// dims is the size of the hashed feature space.
const dims = 1 << 16

// MinDecisions is how many accepted and how many rejected signals the model
// needs before it ranks; before that the detector's score does.
const MinDecisions = 2

// Model is an online logistic-regression ranker. The zero value is not
// ready; use NewModel.
type Model struct {
	w        []float64
	rate     float64
	l2       float64
	pos, neg int
}

// NewModel returns an untrained model.
func NewModel() *Model {
	return &Model{w: make([]float64, dims), rate: 0.3, l2: 1e-4}
}

// Ready reports whether the model has seen enough decisions to rank.
func (m *Model) Ready() bool { return m.pos >= MinDecisions && m.neg >= MinDecisions }

// feature is one hashed feature with its value.
type feature struct {
	i int
	v float64
}

func hash(s string) int {
	h := fnv.New32a()
	h.Write([]byte(s))
	return int(h.Sum32() % dims)
}

// features describes a signal for the model.
func features(s zicht.Signal) []feature {
	names := []string{
		"bias",
		"g=" + string(s.Group),
		"q=" + string(s.Question),
		"gq=" + string(s.Group) + "|" + string(s.Question),
		"p=" + string(s.Polarity),
		"e=" + string(s.EvidenceType),
		"qe=" + string(s.Question) + "|" + string(s.EvidenceType),
		"l=" + strconv.FormatBool(s.Level != zicht.LevelUnknown),
	}
	for _, rf := range s.RiskFactors {
		names = append(names, "rf="+rf)
	}
	for _, t := range s.Terms {
		names = append(names, "t="+t)
	}
	for _, t := range s.Triggers {
		names = append(names, "tr="+t)
	}
	fs := make([]feature, 0, len(names)+1)
	norm := 1 / math.Sqrt(float64(len(names)))
	for _, n := range names {
		fs = append(fs, feature{hash(n), norm})
	}
	fs = append(fs, feature{hash("score"), s.Score})
	return fs
}

func (m *Model) logit(fs []feature) float64 {
	var z float64
	for _, f := range fs {
		z += m.w[f.i] * f.v
	}
	return z
}

// Probability is the model's estimate that s will be accepted.
func (m *Model) Probability(s zicht.Signal) float64 {
	return 1 / (1 + math.Exp(-m.logit(features(s))))
}

// Priority orders the queue: the model's probability once it is ready, the
// detector's score before.
func (m *Model) Priority(s zicht.Signal) float64 {
	if !m.Ready() {
		return s.Score
	}
	return m.Probability(s)
}

// Learn takes one decision: accepted (possibly after correction) or rejected.
func (m *Model) Learn(s zicht.Signal, accepted bool) {
	fs := features(s)
	y := 0.0
	if accepted {
		y = 1
		m.pos++
	} else {
		m.neg++
	}
	p := 1 / (1 + math.Exp(-m.logit(fs)))
	g := p - y
	for _, f := range fs {
		m.w[f.i] -= m.rate * (g*f.v + m.l2*m.w[f.i])
	}
}
