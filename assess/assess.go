// Package assess turns the evidence for one group and one question into a
// suggested level with a confidence grade and an explanation: which items
// counted, with what weight, and why.
//
// The method is versioned (Version) and documented in docs/method.md. A new
// version recomputes suggestions; it never rewrites approved history.
package assess

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strings"
	"time"

	"github.com/zicht-project/zicht"
)

// Version names the method; it is recorded on every suggestion.
const Version = "assess/1"

// DefaultHalfLife is how long it takes an item's weight to halve with age.
const DefaultHalfLife = 5 * 365 * 24 * time.Hour

// Config tunes the method.
type Config struct {
	// HalfLife is the age at which an item counts half; 0 means DefaultHalfLife.
	HalfLife time.Duration
	// Now is the date recency is measured from; zero means time.Now().
	Now time.Time
}

func (c Config) halfLife() time.Duration {
	if c.HalfLife <= 0 {
		return DefaultHalfLife
	}
	return c.HalfLife
}

func (c Config) now() time.Time {
	if c.Now.IsZero() {
		return time.Now()
	}
	return c.Now
}

// Input is one item of evidence as the method sees it: reviewed evidence, or
// a signal nobody has reviewed yet (which counts for less and caps the
// confidence).
type Input struct {
	Evidence zicht.EvidenceID
	Signal   zicht.SignalID
	Doc      zicht.DocumentID
	Type     zicht.EvidenceType
	Polarity zicht.Polarity
	Level    zicht.Level // the level the passage words, if any
	Date     time.Time   // when the item dates from; zero when unknown
	CaseKey  string      // same case, same key: counted once
	Reviewed bool
	Text     string
}

// FromEvidence makes an Input of reviewed evidence.
func FromEvidence(e zicht.Evidence) Input {
	return Input{Evidence: e.ID, Signal: e.Signal, Doc: e.Doc, Type: e.Type, Polarity: e.Polarity, Level: e.Level,
		Date: e.Date, CaseKey: e.CaseKey, Reviewed: true, Text: e.Text}
}

// FromSignal makes an Input of an unreviewed signal found in a document of date docDate.
func FromSignal(s zicht.Signal, docDate time.Time) Input {
	return Input{Signal: s.ID, Doc: s.Doc, Type: s.EvidenceType, Polarity: s.Polarity, Level: s.Level,
		Date: docDate, Reviewed: false, Text: s.Text}
}

// typeWeight is how much one item of each type counts, before polarity and recency.
var typeWeight = map[zicht.EvidenceType]float64{
	zicht.Conviction:         1.0,
	zicht.Prosecution:        0.8,
	zicht.Acquittal:          0.8, // counts against targeting
	zicht.Research:           0.7,
	zicht.OfficialReport:     0.6,
	zicht.ProfessionalSignal: 0.5,
	zicht.MediaReport:        0.3,
	zicht.Policy:             0.1,
	zicht.EvidenceNone:       0.2,
}

// polarityFactor scales an item by how firmly it is stated.
var polarityFactor = map[zicht.Polarity]float64{zicht.Asserted: 1, zicht.Hedged: 0.4, zicht.Negated: 1}

// unreviewedFactor scales items nobody has reviewed yet.
const unreviewedFactor = 0.5

// Result is a suggestion with its explanation.
type Result struct {
	Level      zicht.Level
	Confidence zicht.Confidence
	Items      []zicht.Item // every input, with its weight; zero weight means it did not count and Note says why
	Reasons    []string     // the rule that fixed the level and each confidence step, in order
}

// scored is an input with its weight; against means it speaks against the
// question (a denial, an acquittal).
type scored struct {
	in      Input
	weight  float64
	against bool
	counted bool
	note    string
}

// Suggest applies the method to the inputs for question q.
func Suggest(cfg Config, q zicht.Question, inputs []Input) Result {
	items := weigh(cfg, inputs)
	var r Result
	if q == zicht.Q1 {
		r.Level, r.Reasons = levelQ1(items)
	} else {
		r.Level, r.Reasons = levelQ2(items)
	}
	r.Confidence, r.Reasons = confidence(items, r.Level, r.Reasons)
	for _, s := range items {
		w := s.weight
		if s.against {
			w = -w
		}
		if !s.counted {
			w = 0
		}
		r.Items = append(r.Items, zicht.Item{Evidence: s.in.Evidence, Signal: s.in.Signal, Doc: s.in.Doc, Type: s.in.Type,
			Polarity: s.in.Polarity, Level: s.in.Level, Weight: math.Round(w*1000) / 1000, Note: s.note})
	}
	slices.SortStableFunc(r.Items, func(a, b zicht.Item) int { return cmp.Compare(math.Abs(b.Weight), math.Abs(a.Weight)) })
	return r
}

// weigh gives every input its weight and keeps, of items reporting the same
// case, only the strongest, so one case is not counted as many.
func weigh(cfg Config, inputs []Input) []*scored {
	now, half := cfg.now(), cfg.halfLife()
	var out []*scored
	best := map[string]*scored{}
	for _, in := range inputs {
		t := in.Type
		if _, ok := typeWeight[t]; !ok {
			t = zicht.EvidenceNone
		}
		w := typeWeight[t] * polarityFactor[in.Polarity]
		var notes []string
		notes = append(notes, fmt.Sprintf("%s, %s", t, in.Polarity))
		if !in.Date.IsZero() {
			age := now.Sub(in.Date)
			if age > 0 {
				f := math.Pow(0.5, float64(age)/float64(half))
				w *= f
				notes = append(notes, fmt.Sprintf("dated %s (recency ×%.2f)", in.Date.Format("2006-01-02"), f))
			}
		} else {
			notes = append(notes, "undated")
		}
		if !in.Reviewed {
			w *= unreviewedFactor
			notes = append(notes, fmt.Sprintf("unreviewed signal (×%.1f)", unreviewedFactor))
		}
		s := &scored{in: in, weight: w, counted: true,
			against: in.Polarity == zicht.Negated || t == zicht.Acquittal && in.Polarity != zicht.Negated}
		s.note = strings.Join(notes, "; ")
		out = append(out, s)
		key := caseKey(in)
		if prev, ok := best[key]; ok {
			weaker, stronger := s, prev
			if s.weight > prev.weight {
				weaker, stronger = prev, s
			}
			weaker.counted = false
			weaker.note += "; same case or same document as a stronger item, not counted again"
			best[key] = stronger
		} else {
			best[key] = s
		}
	}
	return out
}

// caseKey is what makes two inputs the same case: an explicit case key;
// for unreviewed signals, the same document reporting the same type of
// evidence in the same direction, with the same worded level (a ruling that mentions its charges five
// times is one prosecution); otherwise each item is its own case.
func caseKey(in Input) string {
	if in.CaseKey != "" {
		return "case:" + in.CaseKey
	}
	if !in.Reviewed && in.Doc != "" {
		against := in.Polarity == zicht.Negated || in.Type == zicht.Acquittal
		return fmt.Sprintf("doc:%s:%s:%v:%s", in.Doc, in.Type, against, in.Level)
	}
	if in.Evidence != 0 {
		return fmt.Sprintf("evidence:%d", in.Evidence)
	}
	if in.Signal != 0 {
		return fmt.Sprintf("signal:%d", in.Signal)
	}
	return fmt.Sprintf("text:%s:%s", in.Doc, in.Text)
}

// sum adds the weights of counted items that pass keep.
func sum(items []*scored, keep func(*scored) bool) float64 {
	var t float64
	for _, s := range items {
		if s.counted && keep(s) {
			t += s.weight
		}
	}
	return t
}

func anyCounted(items []*scored) bool {
	return slices.ContainsFunc(items, func(s *scored) bool { return s.counted })
}

// levelQ2 follows the study's wording for targeting: several convictions are
// high, a conviction or prosecutions elevated, repeated professional signals
// fair, some unconfirmed signals moderate, very slight signals slight, and
// explicit denials without signals none.
func levelQ2(items []*scored) (zicht.Level, []string) {
	if !anyCounted(items) {
		return zicht.LevelUnknown, []string{"no evidence: no level"}
	}
	of := func(types ...zicht.EvidenceType) func(*scored) bool {
		return func(s *scored) bool {
			return !s.against && s.in.Polarity == zicht.Asserted && slices.Contains(types, s.in.Type)
		}
	}
	conv := sum(items, of(zicht.Conviction))
	pros := sum(items, of(zicht.Prosecution))
	acq := sum(items, func(s *scored) bool { return s.in.Type == zicht.Acquittal && s.against })
	firm := sum(items, of(zicht.Research, zicht.OfficialReport, zicht.ProfessionalSignal))
	soft := sum(items, of(zicht.MediaReport, zicht.Policy, zicht.EvidenceNone))
	hedged := sum(items, func(s *scored) bool { return s.in.Polarity == zicht.Hedged && !s.against })
	denied := sum(items, func(s *scored) bool { return s.in.Polarity == zicht.Negated })
	// An acquittal cancels a prosecution of equal weight.
	pros = math.Max(0, pros-acq)
	r := func(format string, args ...any) []string { return []string{fmt.Sprintf(format, args...)} }
	switch {
	case conv >= 1.5:
		return zicht.LevelHigh, r("convictions weigh %.2f ≥ 1.5 (several convictions): high", conv)
	case conv >= 0.5 || pros >= 0.5:
		return zicht.LevelElevated, r("convictions %.2f or prosecutions %.2f (after acquittals %.2f) ≥ 0.5: elevated", conv, pros, acq)
	case firm >= 1.0:
		return zicht.LevelFair, r("repeated signals from research, reports and professionals weigh %.2f ≥ 1.0: fair", firm)
	case firm+soft+pros+conv >= 0.25 && firm+soft+pros+conv > denied:
		return zicht.LevelModerate, r("some asserted signals (%.2f ≥ 0.25) outweigh denials (%.2f): moderate", firm+soft+pros+conv, denied)
	case hedged > 0 || firm+soft+pros+conv > 0:
		return zicht.LevelSlight, r("only hedged or weak signals (hedged %.2f, asserted %.2f, denied %.2f): slight", hedged, firm+soft+pros+conv, denied)
	default:
		return zicht.LevelNone, r("only denials and acquittals (%.2f): none", denied+acq)
	}
}

// levelQ1 takes the weighted median of the levels the evidence words (a
// hedged level counts one step lower, a denial as none). Without worded
// levels it weighs the asserted indications against the denials.
func levelQ1(items []*scored) (zicht.Level, []string) {
	if !anyCounted(items) {
		return zicht.LevelUnknown, []string{"no evidence: no level"}
	}
	type vote struct {
		rank   int
		weight float64
	}
	var votes []vote
	var total float64
	worded := 0
	for _, s := range items {
		if !s.counted {
			continue
		}
		switch {
		case s.in.Polarity == zicht.Negated:
			votes = append(votes, vote{0, s.weight})
		case s.in.Level.Rank() >= 0:
			rank := s.in.Level.Rank()
			if s.in.Polarity == zicht.Hedged {
				rank = max(1, rank-1)
			}
			votes = append(votes, vote{rank, s.weight})
			worded++
		default:
			continue
		}
		total += s.weight
	}
	if worded > 0 && total > 0 {
		slices.SortFunc(votes, func(a, b vote) int { return cmp.Compare(a.rank, b.rank) })
		var acc float64
		for _, v := range votes {
			acc += v.weight
			if acc >= total/2 {
				l := zicht.LevelAt(v.rank)
				return l, []string{fmt.Sprintf("weighted median of %d worded levels and %d denials: %s", worded, len(votes)-worded, l)}
			}
		}
	}
	pro := sum(items, func(s *scored) bool { return s.in.Polarity != zicht.Negated })
	con := sum(items, func(s *scored) bool { return s.in.Polarity == zicht.Negated })
	switch {
	case pro == 0:
		return zicht.LevelNone, []string{fmt.Sprintf("no worded level; only denials (%.2f): none", con)}
	case pro-con >= 1.0:
		return zicht.LevelModerate, []string{fmt.Sprintf("no worded level; indications %.2f minus denials %.2f ≥ 1.0: moderate", pro, con)}
	default:
		return zicht.LevelSlight, []string{fmt.Sprintf("no worded level; indications %.2f, denials %.2f: slight", pro, con)}
	}
}

var grades = []zicht.Confidence{zicht.ConfidenceVeryLow, zicht.ConfidenceLow, zicht.ConfidenceModerate, zicht.ConfidenceHigh}

// confidence grades the suggestion in the spirit of GRADE: the strongest
// counted evidence type sets the start, and inconsistency, imprecision and
// unreviewed items each lower it.
func confidence(items []*scored, l zicht.Level, reasons []string) (zicht.Confidence, []string) {
	if l == zicht.LevelUnknown {
		return "", reasons
	}
	strongest := 0
	independent := 0
	reviewed := 0
	var pro, con float64
	for _, s := range items {
		if !s.counted {
			continue
		}
		independent++
		if s.in.Reviewed {
			reviewed++
		}
		strongest = max(strongest, s.in.Type.Strength())
		if s.against {
			con += s.weight
		} else {
			pro += s.weight
		}
	}
	g := 0
	switch {
	case strongest >= 4: // conviction, prosecution, acquittal, research
		g = 3
	case strongest == 3: // official report
		g = 2
	case strongest >= 1: // professional signal, media
		g = 1
	}
	reasons = append(reasons, fmt.Sprintf("start: %s (strongest evidence type)", grades[g]))
	if pro > 0 && con > 0 && math.Min(pro, con) >= 0.3*math.Max(pro, con) {
		g--
		reasons = append(reasons, fmt.Sprintf("−1 inconsistency: for %.2f, against %.2f", pro, con))
	}
	if independent < 3 {
		g--
		reasons = append(reasons, fmt.Sprintf("−1 imprecision: %d independent item(s)", independent))
	}
	if reviewed == 0 {
		g -= 2
		reasons = append(reasons, "−2 nothing reviewed yet: suggestion rests on unreviewed signals")
	}
	g = max(0, g)
	reasons = append(reasons, "confidence: "+string(grades[g]))
	return grades[g], reasons
}
