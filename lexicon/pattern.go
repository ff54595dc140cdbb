package lexicon

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/zicht-project/zicht"
)

// Limits on patterns, so that no term can match (nearly) everything.
const (
	// MinStem is the least number of letters before or after a wildcard.
	MinStem = 3
	// MaxGap is the largest gap "~N" a pattern may leave between two words.
	MaxGap = 5
	// MaxWords is the largest number of words in one pattern.
	MaxWords = 12
	// MaxNear is the largest distance N of a proximity rule "a NEAR/N b".
	MaxNear = 20
	// MaxGapWays bounds the ways the gaps of one pattern can be filled
	// (the product of Gap+1 over its words): matching tries them all at
	// each start, so "a ~5 a ~5 a ~5 ..." would take exponential time on
	// "a a a a ...".
	MaxGapWays = 36
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
//
// Two patterns joined by "NEAR/N" ("kind* NEAR/6 uitbuit*") are a proximity
// rule: both in one sentence, in either order, at most N words apart. The
// loader's {stem} option (SetStems) makes words match by their Snowball stem.
type Pattern struct {
	Text  string // as written in the lexicon
	Words []PatternWord
	// Near, for a proximity rule "kind* NEAR/6 uitbuit*", is the second
	// side (Words being the first): the rule matches where both sides occur
	// in one sentence, in either order, with at most NearWords words
	// between them.
	Near      []PatternWord
	NearWords int
}

// PatternWord is one word of a pattern.
type PatternWord struct {
	Norm   string // folded, as Token.Norm
	Raw    string // as written, for case-sensitive terms
	Prefix bool   // written "word*": matches words that begin with Norm
	Suffix bool   // written "*word": matches words that end with Norm
	Punct  bool   // a punctuation mark (only clause boundaries use these)
	Gap    int    // up to Gap other tokens may precede this word
	// Stemmed words (a term written with {stem}) match every word with
	// the same Snowball stem in the term's language(s): StemNL and StemEN
	// are the stems, "" for a language the term is not used in.
	Stemmed        bool
	StemNL, StemEN string
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
	case w.Stemmed:
		ok = t.Kind == TokenWord && w.matchStem(n)
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
	if len(p.Near) > 0 {
		// Both orders are one rule.
		a, b := wordsKey(p.Words), wordsKey(p.Near)
		if b < a {
			a, b = b, a
		}
		return a + " NEAR/" + strconv.Itoa(p.NearWords) + " " + b
	}
	return wordsKey(p.Words)
}

func wordsKey(words []PatternWord) string {
	var b strings.Builder
	for i, w := range words {
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
		if w.Stemmed {
			b.WriteString("{stem}")
		}
	}
	return b.String()
}

// OnlyPunct reports whether the pattern consists of punctuation marks only.
func (p Pattern) OnlyPunct() bool {
	for _, w := range append(p.Words[:len(p.Words):len(p.Words)], p.Near...) {
		if !w.Punct {
			return false
		}
	}
	return len(p.Words) > 0
}

// StemKey is the first three bytes every token matching a stemmed word
// begins with (the stem's and the word's common beginning); matchers index
// stemmed words by it.
func (w PatternWord) StemKey() string {
	s := w.StemNL
	if s == "" {
		s = w.StemEN
	}
	return s[:3]
}

// SetStems marks the words of p without a wildcard as stemmed, with their
// stems in lang ("" for both Dutch and English). A word whose stem is
// shorter than MinStemmed bytes ("van", "hoge" → "hog") stays matched as
// written: so short a stem would match too much. It fails when no word is
// left to stem, or a stem does not begin as its word does (the matcher
// could not find it by its index).
func (p *Pattern) SetStems(lang zicht.Lang) error {
	n := 0
	var short []string
	words := make([]*PatternWord, 0, len(p.Words)+len(p.Near))
	for i := range p.Words {
		words = append(words, &p.Words[i])
	}
	for i := range p.Near {
		words = append(words, &p.Near[i])
	}
	for _, w := range words {
		if w.Prefix || w.Suffix || w.Punct {
			continue
		}
		var nl, en string
		if lang == "" || lang == zicht.Dutch {
			nl = Stem(w.Norm, zicht.Dutch)
		}
		if lang == "" || lang == zicht.English {
			en = Stem(w.Norm, zicht.English)
		}
		if nl != "" && len(nl) < MinStemmed || en != "" && len(en) < MinStemmed {
			s := nl
			if s == "" || en != "" && len(en) < len(nl) {
				s = en
			}
			short = append(short, fmt.Sprintf("%q → %q", w.Norm, s))
			continue
		}
		for _, s := range []string{nl, en} {
			if s != "" && (!strings.HasPrefix(w.Norm, stemHead(s)) || nl != "" && en != "" && nl[:3] != en[:3]) {
				return fmt.Errorf("{stem}: the stem %q of %q does not begin as the word does", s, w.Norm)
			}
		}
		w.Stemmed, w.StemNL, w.StemEN = true, nl, en
		n++
	}
	if n == 0 {
		if len(short) > 0 {
			return fmt.Errorf("{stem}: no word of %q has a stem of %d letters or more (%s); write the inflections out", p.Text, MinStemmed, strings.Join(short, ", "))
		}
		return errors.New("{stem} on a term without a word to stem (wildcard words are not stemmed)")
	}
	return nil
}

// ParsePattern compiles a written pattern. The error says what is wrong,
// without file or line; the loader adds those.
func ParsePattern(s string) (Pattern, error) {
	text := strings.TrimSpace(s)
	fields := strings.Fields(text)
	at := -1
	for i, f := range fields {
		if strings.HasPrefix(strings.ToUpper(f), "NEAR/") {
			if at >= 0 {
				return Pattern{Text: text}, fmt.Errorf("two NEAR in %q: a proximity rule joins two sides", text)
			}
			at = i
		}
	}
	if at < 0 {
		return parseWords(text)
	}
	f := fields[at]
	n, err := strconv.Atoi(f[len("NEAR/"):])
	switch {
	case !strings.HasPrefix(f, "NEAR/"):
		return Pattern{Text: text}, fmt.Errorf("%q: write NEAR in capitals", f)
	case err != nil || n < 1 || n > MaxNear:
		return Pattern{Text: text}, fmt.Errorf("%q: want NEAR/1 to NEAR/%d", f, MaxNear)
	case at == 0 || at == len(fields)-1:
		return Pattern{Text: text}, fmt.Errorf("%q in %q: NEAR/N stands between two sides", f, text)
	}
	left, err := parseWords(strings.Join(fields[:at], " "))
	if err != nil {
		return Pattern{Text: text}, err
	}
	right, err := parseWords(strings.Join(fields[at+1:], " "))
	if err != nil {
		return Pattern{Text: text}, err
	}
	if left.OnlyPunct() || right.OnlyPunct() {
		return Pattern{Text: text}, fmt.Errorf("each side of %q needs a word", text)
	}
	for _, w := range append(left.Words[:len(left.Words):len(left.Words)], right.Words...) {
		if w.Gap > 0 {
			return Pattern{Text: text}, fmt.Errorf("gap ~%d in %q: a proximity rule takes no gaps, NEAR/N sets the distance", w.Gap, text)
		}
	}
	if len(left.Words)+len(right.Words) > MaxWords {
		return Pattern{Text: text}, fmt.Errorf("term %q has %d words; at most %d", text, len(left.Words)+len(right.Words), MaxWords)
	}
	return Pattern{Text: text, Words: left.Words, Near: right.Words, NearWords: n}, nil
}

func parseWords(s string) (Pattern, error) {
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
	ways := 1
	for _, w := range p.Words {
		ways *= w.Gap + 1
		if ways > MaxGapWays {
			return p, fmt.Errorf("the gaps of %q leave too many ways to match (more than %d; at most two gaps of ~5): a catastrophic pattern", p.Text, MaxGapWays)
		}
	}
	return p, nil
}
