package detect

import (
	"slices"
	"testing"

	"github.com/zicht-project/zicht"
	"github.com/zicht-project/zicht/lexicon"
)

func TestMatchNear(t *testing.T) {
	p, err := lexicon.ParsePattern("kind* NEAR/3 uitbuit*")
	if err != nil {
		t.Fatal(err)
	}
	m := newMatcher([]entry{{role: roleTrafficking, term: lexicon.Term{Pattern: p}}})
	tests := []struct {
		text     string
		from, to int // the hit's tokens; -1 for none
	}{
		{"kinderen worden uitgebuit", -1, -1}, // "uitgebuit" does not begin with "uitbuit"
		{"kinderen worden ernstig uitgebuit", -1, -1},
		{"kinderen worden door hun ouders uitgebuit", -1, -1},
		{"uitbuiting van kinderen", 0, 3},
		{"kinderen die men uitbuit", 0, 4},
		{"kinderen die men daar uitbuit", 0, 5},        // three words between
		{"kinderen die men daar vaak uitbuit", -1, -1}, // four
		{"kinderen, die men uitbuit", 0, 5},            // a comma is no sentence end
		{"Kinderen. Uitbuiting", -1, -1},               // another sentence
	}
	for _, tt := range tests {
		toks := lexicon.Tokenize(tt.text, nil)
		hits := m.match(toks, tt.text, "", nil, maxHits)
		switch {
		case tt.from < 0 && len(hits) > 0:
			t.Errorf("%q: hit %+v, want none", tt.text, hits)
		case tt.from >= 0 && (len(hits) != 1 || hits[0].from != tt.from || hits[0].to != tt.to || !hits[0].near):
			t.Errorf("%q: hits %+v, want one near hit on [%d, %d)", tt.text, hits, tt.from, tt.to)
		}
	}
}

// TestNearKeepsOtherHits: the words between the sides of a proximity rule
// are not its own, so a cue among them is kept.
func TestNearKeepsOtherHits(t *testing.T) {
	a := hit{e: 0, from: 0, to: 8, near: true}
	b := hit{e: 1, from: 3, to: 4}
	got := longestFirst([]hit{a, b}, true)
	if len(got) != 2 {
		t.Errorf("longestFirst dropped a hit: %+v", got)
	}
}

// TestNearScan: a proximity rule names a group no single term names, and a
// negation between its sides still negates.
func TestNearScan(t *testing.T) {
	d := newDefault(t)
	tests := []struct {
		text     string
		lang     zicht.Lang
		term     string
		polarity zicht.Polarity
	}{
		// Without the rules these are "other": no group term names them.
		{"Kinderen worden op de plantages uitgebuit.", zicht.Dutch, "kinder* NEAR/6 plantage*", zicht.Asserted},
		{"Kinderen worden op de plantages niet uitgebuit.", zicht.Dutch, "kinder* NEAR/6 plantage*", zicht.Negated},
		{"In the mines, children as young as six are exploited.", zicht.English, "child* NEAR/6 mines", zicht.Asserted},
	}
	for _, tt := range tests {
		_, sigs := d.Scan("near", tt.text, tt.lang)
		found := false
		for _, s := range sigs {
			if s.Group == "supply-chain-child-labour" && s.Question == zicht.Q2 {
				found = slices.Contains(s.Terms, tt.term)
				if s.Polarity != tt.polarity {
					t.Errorf("%q: polarity %s, want %s", tt.text, s.Polarity, tt.polarity)
				}
			}
		}
		if !found {
			t.Errorf("%q: no Q2 signal for supply-chain-child-labour by %q:\n%s", tt.text, tt.term, dump(sigs))
		}
	}
}

// TestStemScan: a {stem} term matches inflections it does not list.
func TestStemScan(t *testing.T) {
	d := newDefault(t)
	for text, want := range map[string]zicht.EvidenceType{
		"At the sentencing hearing the traffickers of the Roma children were given six years.": zicht.Conviction,
	} {
		if got := d.Evidence(text, zicht.English); got != want {
			t.Errorf("%q: evidence %s, want %s", text, got, want)
		}
	}
}
