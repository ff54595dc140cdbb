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

// content reports whether a hit of the role can lead to a signal or link a
// group: a passage without one is not analysed.
func (r role) content() bool {
	switch r {
	case roleGroup, roleGroupNear, roleRisk, roleEvidence, roleCue, roleTrafficking, rolePopulation, roleChildren, roleAnaphor:
		return true
	}
	return false
}

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
	// near marks the hit of a proximity rule: its span holds words that
	// are not its own, so it neither swallows nor gives way to other hits.
	near bool
}

// nearSide marks a candidate found by the second side of a proximity rule.
const nearSide = 1 << 30

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
	// heads and tails are a prefilter: bit gram(w) is set for the first
	// (last) bytes of every exact or prefix (suffix) first word, so that
	// most tokens of an irrelevant text are dismissed without a map lookup.
	heads, tails *[1 << 16]bool
}

// gram folds the first three bytes of s (all of them when shorter) into 16 bits.
func gram(s string) uint16 {
	switch len(s) {
	case 0:
		return 0
	case 1:
		return uint16(s[0]) | 1<<15
	case 2:
		return (uint16(s[0])<<7 ^ uint16(s[1])) | 1<<15
	}
	return (uint16(s[0])<<10 ^ uint16(s[1])<<5 ^ uint16(s[2])) &^ (1 << 15)
}

// tailGram is gram of the last three bytes of s.
func tailGram(s string) uint16 {
	if len(s) > 3 {
		s = s[len(s)-3:]
	}
	return gram(s)
}

func newMatcher(entries []entry) *matcher {
	m := &matcher{
		entries: entries,
		exact:   map[string][]int32{},
		prefix:  map[string][]int32{},
		suffix:  map[string][]int32{},
		heads:   new([1 << 16]bool),
		tails:   new([1 << 16]bool),
	}
	pl, sl := map[int]bool{}, map[int]bool{}
	index := func(w lexicon.PatternWord, c int32) {
		switch {
		case w.Stemmed:
			// Every token with this stem begins with its key.
			k := w.StemKey()
			m.prefix[k] = append(m.prefix[k], c)
			pl[len(k)] = true
			m.heads[gram(k)] = true
		case w.Prefix:
			m.prefix[w.Norm] = append(m.prefix[w.Norm], c)
			pl[len(w.Norm)] = true
			if len(w.Norm) < 3 {
				// Cannot happen for lexicon stems (MinStem); keep the
				// prefilter exact anyway by letting every head through.
				for k := range m.heads {
					m.heads[k] = true
				}
			}
			m.heads[gram(w.Norm)] = true
		case w.Suffix:
			m.suffix[w.Norm] = append(m.suffix[w.Norm], c)
			sl[len(w.Norm)] = true
			if len(w.Norm) < 3 {
				for k := range m.tails {
					m.tails[k] = true
				}
			}
			m.tails[tailGram(w.Norm)] = true
		default:
			m.exact[w.Norm] = append(m.exact[w.Norm], c)
			m.heads[gram(w.Norm)] = true
		}
	}
	for i, e := range entries {
		index(e.term.Words[0], int32(i))
		if len(e.term.Near) > 0 {
			index(e.term.Near[0], int32(i)|nearSide)
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
			side := c&nearSide != 0
			c &^= nearSide
			e := &m.entries[c]
			if e.term.Lang != "" && lang != "" && e.term.Lang != lang {
				continue
			}
			w, other := e.term.Words, e.term.Near
			if side {
				w, other = other, w
			}
			if !w[0].Match(toks[i], text, e.term.Case) {
				continue
			}
			end, ok := matchRest(w[1:], toks, text, i+1, e.term.Case)
			if !ok {
				continue
			}
			if len(other) == 0 {
				dst = append(dst, hit{e: c, from: i, to: end})
				continue
			}
			// A proximity rule: the other side after this one (so that
			// each pair is found once, by the side that comes first).
			if to, ok := matchNear(other, e.term.NearWords, toks, text, end, e.term.Case); ok {
				dst = append(dst, hit{e: c, from: i, to: to, near: true})
			}
		}
	}
	for i, t := range toks {
		if len(dst) >= max {
			break
		}
		n := t.Norm
		if m.heads[gram(n)] {
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
		}
		if m.tails[tailGram(n)] {
			for _, l := range m.suffixLens {
				if l > len(n) {
					break
				}
				if c, ok := m.suffix[n[len(n)-l:]]; ok {
					try(c, i)
				}
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

// matchNear looks for words starting at most n words after token j, within
// the sentence, and returns the index after the last matched token.
func matchNear(words []lexicon.PatternWord, n int, toks []lexicon.Token, text string, j int, cased bool) (int, bool) {
	between := 0
	for k := j; k < len(toks) && between <= n; k++ {
		t := toks[k]
		if t.Kind == lexicon.TokenPunct {
			switch t.Norm {
			case ".", "!", "?", "...":
				return 0, false
			}
			continue
		}
		if words[0].Match(t, text, cased) {
			if end, ok := matchRest(words[1:], toks, text, k+1, cased); ok {
				return end, true
			}
		}
		between++
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
