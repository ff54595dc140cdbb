package detect

import (
	"sort"

	"github.com/zicht-project/zicht"
	"github.com/zicht-project/zicht/lexicon"
)

// role is what a matched term means to the analysis.
type role uint8

const (
	roleGroup        role = iota // names a group (ref: group id)
	roleGroupNot                 // a phrase in which a group term does not name the group
	roleGroupNear                // names the group only beside a risk factor of its With (ref: group id)
	roleRisk                     // a risk factor (ref: risk factor id)
	roleLevel                    // a level word (ref: level slug)
	roleLevelTarget              // what a level word must qualify (ref: question)
	roleLevelLink                // a copula or "as" tying a level word to a target before it
	roleEvidence                 // an evidence cue (ref: evidence type)
	roleCue                      // a question cue (ref: question)
	roleTrafficking              // trafficking or exploitation (a Q2 cue and an anchor)
	roleTrigger                  // negation, hedge or pseudo trigger
	rolePopulation               // a phrase naming children at risk outside the groups
	roleChildren                 // children
	roleNotChildren              // a word that contains a children term but is not about children
	roleAnaphor                  // a sentence opening that refers back
	roleBoundary                 // a clause boundary
	roleBoundaryBack             // a boundary for backward scopes only
)

// entry is one term with its meaning.
type entry struct {
	role role
	ref  string
	trig lexicon.TriggerKind
	dir  lexicon.Direction
	term lexicon.Term
}

// hit is a match of entry e on tokens [from, to) of a passage.
type hit struct {
	e        int32
	from, to int
}

func (h hit) len() int { return h.to - h.from }

func (h hit) overlaps(o hit) bool { return h.from < o.to && o.from < h.to }

func (h hit) contains(o hit) bool { return h.from <= o.from && o.to <= h.to }

// matcher finds every entry in a token sequence in one pass. Tokens are
// already folded, so a term's first word is looked up in a hash map: exact
// words directly, prefix wildcards ("kind*") by each prefix length that
// occurs in the lexicon, suffix wildcards ("*uitbuiting") by each suffix
// length. Only candidates whose first word matches are checked further.
// This is Aho–Corasick's job done over words instead of bytes, which gives
// word boundaries, wildcards and folding for free and needs no dependency.
type matcher struct {
	entries    []entry
	exact      map[string][]int32
	prefix     map[string][]int32
	suffix     map[string][]int32
	prefixLens []int // distinct stem lengths in bytes, ascending
	suffixLens []int
}

func newMatcher(entries []entry) *matcher {
	m := &matcher{
		entries: entries,
		exact:   map[string][]int32{},
		prefix:  map[string][]int32{},
		suffix:  map[string][]int32{},
	}
	pl, sl := map[int]bool{}, map[int]bool{}
	for i, e := range entries {
		w := e.term.Words[0]
		switch {
		case w.Prefix:
			m.prefix[w.Norm] = append(m.prefix[w.Norm], int32(i))
			pl[len(w.Norm)] = true
		case w.Suffix:
			m.suffix[w.Norm] = append(m.suffix[w.Norm], int32(i))
			sl[len(w.Norm)] = true
		default:
			m.exact[w.Norm] = append(m.exact[w.Norm], int32(i))
		}
	}
	for n := range pl {
		m.prefixLens = append(m.prefixLens, n)
	}
	for n := range sl {
		m.suffixLens = append(m.suffixLens, n)
	}
	sort.Ints(m.prefixLens)
	sort.Ints(m.suffixLens)
	return m
}

// match appends to dst the hits in toks (tokens of text) of entries usable
// for lang ("" for every language), at most max of them, in token order.
func (m *matcher) match(toks []lexicon.Token, text string, lang zicht.Lang, dst []hit, max int) []hit {
	try := func(cands []int32, i int) {
		for _, c := range cands {
			if len(dst) >= max {
				return
			}
			e := &m.entries[c]
			if e.term.Lang != "" && lang != "" && e.term.Lang != lang {
				continue
			}
			w := e.term.Words
			if !w[0].Match(toks[i], text, e.term.Case) {
				continue
			}
			if end, ok := matchRest(w[1:], toks, text, i+1, e.term.Case); ok {
				dst = append(dst, hit{e: c, from: i, to: end})
			}
		}
	}
	for i, t := range toks {
		if len(dst) >= max {
			break
		}
		n := t.Norm
		if c, ok := m.exact[n]; ok {
			try(c, i)
		}
		for _, l := range m.prefixLens {
			if l > len(n) {
				break
			}
			if c, ok := m.prefix[n[:l]]; ok {
				try(c, i)
			}
		}
		for _, l := range m.suffixLens {
			if l > len(n) {
				break
			}
			if c, ok := m.suffix[n[len(n)-l:]]; ok {
				try(c, i)
			}
		}
	}
	return dst
}

// matchRest matches words against toks from index j on, letting a word with
// a gap skip up to Gap tokens: words, brackets and quotes, never clause
// punctuation. It returns the index after the last matched token.
func matchRest(words []lexicon.PatternWord, toks []lexicon.Token, text string, j int, cased bool) (int, bool) {
	if len(words) == 0 {
		return j, true
	}
	w := words[0]
	for skip := 0; skip <= w.Gap; skip++ {
		k := j + skip
		if k >= len(toks) || skip > 0 && clausePunct(toks[k-1]) {
			break
		}
		if w.Match(toks[k], text, cased) {
			if end, ok := matchRest(words[1:], toks, text, k+1, cased); ok {
				return end, true
			}
		}
	}
	return 0, false
}

// clausePunct reports whether t is punctuation that separates clauses or
// sentences (a bracket or quote does not).
func clausePunct(t lexicon.Token) bool {
	if t.Kind != lexicon.TokenPunct {
		return false
	}
	switch t.Norm {
	case ",", ";", ":", ".", "!", "?", "...", "-":
		return true
	}
	return false
}
