package lexicon

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Limits on patterns, so that no term can match (nearly) everything.
const (
	// MinStem is the least number of letters before or after a wildcard.
	MinStem = 3
	// MaxGap is the largest gap "~N" a pattern may leave between two words.
	MaxGap = 5
	// MaxWords is the largest number of words in one pattern.
	MaxWords = 12
)

// Pattern is a compiled lexicon pattern: a sequence of words matched against
// consecutive tokens, case- and diacritics-insensitively, at word boundaries.
//
// In the written form a trailing "*" makes a word match any word it begins
// ("kind*" matches "kinderen"), a leading "*" any word it ends ("*uitbuiting"
// matches "arbeidsuitbuiting"; not both), and "~N" between two words lets up to N other
// words stand between them ("Syrische ~2 meisjes"). A hyphen, slash or
// apostrophe inside a word splits it like a space does, so "roma-kind*"
// matches "Roma-kinderen" and "Roma kinderen".
type Pattern struct {
	Text  string // as written in the lexicon
	Words []PatternWord
}

// PatternWord is one word of a pattern.
type PatternWord struct {
	Norm   string // folded, as Token.Norm
	Raw    string // as written, for case-sensitive terms
	Prefix bool   // written "word*": matches words that begin with Norm
	Suffix bool   // written "*word": matches words that end with Norm
	Punct  bool   // a punctuation mark (only clause boundaries use these)
	Gap    int    // up to Gap other tokens may precede this word
}

// Match reports whether the word matches token t of text (cased: compare
// the token as written with Raw).
func (w PatternWord) Match(t Token, text string, cased bool) bool {
	if w.Punct != (t.Kind == TokenPunct) {
		return false
	}
	n := t.Norm
	var ok bool
	switch {
	case w.Prefix:
		ok = strings.HasPrefix(n, w.Norm)
	case w.Suffix:
		ok = strings.HasSuffix(n, w.Norm)
	default:
		ok = n == w.Norm
	}
	if ok && cased && !w.Punct {
		raw := text[t.Start:t.End]
		switch {
		case w.Prefix:
			ok = strings.HasPrefix(raw, w.Raw)
		case w.Suffix:
			ok = strings.HasSuffix(raw, w.Raw)
		default:
			ok = raw == w.Raw
		}
	}
	return ok
}

// Key is a canonical form of the pattern, equal for patterns that match the
// same words; the loader uses it to find duplicates.
func (p Pattern) Key() string {
	var b strings.Builder
	for i, w := range p.Words {
		if i > 0 {
			b.WriteByte(' ')
		}
		if w.Gap > 0 {
			b.WriteString("~" + strconv.Itoa(w.Gap) + " ")
		}
		if w.Suffix {
			b.WriteByte('*')
		}
		b.WriteString(w.Norm)
		if w.Prefix {
			b.WriteByte('*')
		}
	}
	return b.String()
}

// OnlyPunct reports whether the pattern consists of punctuation marks only.
func (p Pattern) OnlyPunct() bool {
	for _, w := range p.Words {
		if !w.Punct {
			return false
		}
	}
	return len(p.Words) > 0
}

// ParsePattern compiles a written pattern. The error says what is wrong,
// without file or line; the loader adds those.
func ParsePattern(s string) (Pattern, error) {
	p := Pattern{Text: strings.TrimSpace(s)}
	if p.Text == "" {
		return p, errors.New("empty term")
	}
	if !utf8.ValidString(p.Text) {
		return p, errors.New("term is not valid UTF-8")
	}
	gap := 0
	fields := strings.Fields(p.Text)
	for fi, f := range fields {
		if strings.HasPrefix(f, "~") {
			n, err := strconv.Atoi(f[1:])
			switch {
			case err != nil || n < 1 || n > MaxGap:
				return p, fmt.Errorf("gap %q: want ~1 to ~%d", f, MaxGap)
			case len(p.Words) == 0:
				return p, fmt.Errorf("gap %q at the start of %q: a gap stands between two words", f, p.Text)
			case fi == len(fields)-1:
				return p, fmt.Errorf("gap %q at the end of %q: a gap stands between two words", f, p.Text)
			case gap > 0:
				return p, fmt.Errorf("two gaps in a row in %q", p.Text)
			}
			gap = n
			continue
		}
		if strings.Trim(f, "*") == "" {
			return p, fmt.Errorf("wildcard %q alone would match every word", f)
		}
		suffix := strings.HasPrefix(f, "*")
		prefix := strings.HasSuffix(f, "*")
		core := f
		if suffix {
			core = core[1:]
		}
		if prefix {
			core = core[:len(core)-1]
		}
		if suffix && prefix {
			return p, fmt.Errorf("unbalanced wildcard in %q: \"*\" may begin or end a word, not both", f)
		}
		if strings.Contains(core, "*") {
			return p, fmt.Errorf("unbalanced wildcard in %q: \"*\" may only begin or end a word", f)
		}
		toks := Tokenize(core, nil)
		if len(toks) == 0 {
			return p, fmt.Errorf("%q has no letters, digits or punctuation to match", f)
		}
		for ti, t := range toks {
			w := PatternWord{Norm: t.Norm, Raw: core[t.Start:t.End], Punct: t.Kind == TokenPunct}
			if ti == 0 {
				w.Suffix = suffix
				w.Gap = gap
				gap = 0
			}
			if ti == len(toks)-1 {
				w.Prefix = prefix
			}
			if (w.Prefix || w.Suffix) && (w.Punct || utf8.RuneCountInString(w.Norm) < MinStem) {
				return p, fmt.Errorf("wildcard stem %q in %q is shorter than %d letters and would match too much", w.Norm, f, MinStem)
			}
			if w.Norm == "" {
				return p, fmt.Errorf("%q folds to nothing", f)
			}
			p.Words = append(p.Words, w)
		}
	}
	if len(p.Words) > MaxWords {
		return p, fmt.Errorf("term %q has %d words; at most %d", p.Text, len(p.Words), MaxWords)
	}
	return p, nil
}
