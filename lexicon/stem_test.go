package lexicon

import (
	"testing"

	"github.com/zicht-project/zicht"
)

// TestStemPinned guards the stemmer version: these stems are what the
// lexicon was written against. If an upgrade changes them, re-read the
// {stem} terms and TestStemConflations before changing this table.
func TestStemPinned(t *testing.T) {
	tests := []struct {
		lang       zicht.Lang
		word, stem string
	}{
		{zicht.Dutch, "uitbuiting", "uitbuit"},
		{zicht.Dutch, "uitbuiten", "uitbuit"},
		{zicht.Dutch, "kwetsbare", "kwetsbar"},
		{zicht.Dutch, "kwetsbaarheid", "kwetsbar"},
		{zicht.Dutch, "veroordelingen", "veroordel"},
		{zicht.Dutch, "ronselaars", "ronselar"},
		{zicht.Dutch, "geent", "geent"}, // folded "geënt": no conflation with "en"
		{zicht.Dutch, "geind", "geind"}, // folded "geïnd": none with "in"
		{zicht.English, "exploitation", "exploit"},
		{zicht.English, "exploited", "exploit"},
		{zicht.English, "convictions", "convict"},
		{zicht.English, "recruiting", "recruit"},
		{zicht.English, "vulnerability", "vulner"},
		{"de", "kinder", "kinder"},
	}
	for _, tt := range tests {
		if got := Stem(tt.word, tt.lang); got != tt.stem {
			t.Errorf("Stem(%q, %q) = %q, want %q", tt.word, tt.lang, got, tt.stem)
		}
	}
}

func TestStemmedPattern(t *testing.T) {
	p, err := ParsePattern("uitbuiting van kinderen")
	if err != nil {
		t.Fatal(err)
	}
	if err := p.SetStems(zicht.Dutch); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		text string
		want bool
	}{
		{"uitbuiting van kinderen", true},
		{"Uitbuiten van kinderen", true},
		{"uitbuiting van kind", false}, // "kind" and "kinder" are different stems
		{"uitbuiter van kinderen", false},
		{"uitbuiting voor kinderen", false}, // "van" is not stemmed (too short) and must be there
	} {
		toks := Tokenize(tc.text, nil)
		got := len(toks) == len(p.Words)
		for i := 0; got && i < len(toks); i++ {
			got = p.Words[i].Match(toks[i], tc.text, false)
		}
		if got != tc.want {
			t.Errorf("%q: match %v, want %v", tc.text, got, tc.want)
		}
	}
	if p.Words[1].Stemmed {
		t.Error(`"van" is stemmed; its stem is too short`)
	}
	if k := p.Key(); k != "uitbuiting{stem} van kinderen{stem}" {
		t.Errorf("key %q", k)
	}
}

// conflations are words that a stemmer is known to conflate with short,
// frequent words (Snowball issue 208: "geënt" → "en", "geïnd" → "in"), and
// frequent function words. No {stem} term of the lexicon may match them.
var conflations = []string{
	"geënt", "geïnd", "geëerd", "geëist", "geüit", "beïnvloed", "geïnteresseerd", "naïef",
	"en", "in", "een", "de", "het", "is", "was", "van", "voor", "niet", "geen", "zijn", "worden",
	"the", "and", "in", "is", "not", "no", "of", "for", "with", "are", "be", "been", "being",
}

// TestStemConflations checks the embedded lexicon against the pinned
// stemmer: every {stem} word matches itself, and none matches a known
// conflation or a function word.
func TestStemConflations(t *testing.T) {
	l, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	check := func(term Term) {
		for _, w := range term.Words {
			if !w.Stemmed {
				continue
			}
			n++
			self := Tokenize(w.Norm, nil)[0]
			if !w.Match(self, w.Norm, false) {
				t.Errorf("%s:%d: %q does not match itself", term.File, term.Line, w.Norm)
			}
			for _, c := range conflations {
				tok := Tokenize(c, nil)[0]
				if w.Match(tok, c, false) {
					t.Errorf("%s:%d: stemmed %q matches %q", term.File, term.Line, w.Norm, c)
				}
			}
		}
	}
	for _, term := range allTerms(l) {
		check(term)
	}
	if n == 0 {
		t.Error("the lexicon has no {stem} terms: nothing was checked")
	}
}

func allTerms(l *Lexicon) []Term {
	var all []Term
	for _, g := range l.Groups {
		all = append(all, g.Terms...)
		all = append(all, g.Not...)
		all = append(all, g.Near...)
	}
	for _, r := range l.RiskFactors {
		all = append(all, r.Terms...)
	}
	for _, x := range l.Levels {
		all = append(all, x.Terms...)
	}
	for _, x := range l.LevelTargets {
		all = append(all, x.Terms...)
	}
	for _, x := range l.Evidence {
		all = append(all, x.Terms...)
	}
	for _, x := range l.Cues {
		all = append(all, x.Terms...)
	}
	for _, x := range l.Triggers {
		all = append(all, x.Term)
	}
	for _, x := range [][]Term{l.LevelLinks, l.Population, l.Children, l.NotChildren, l.Trafficking, l.Anaphors, l.Boundaries, l.BackwardBoundaries, l.Stopwords} {
		all = append(all, x...)
	}
	return all
}
