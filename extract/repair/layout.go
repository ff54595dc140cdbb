package repair

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/zicht-project/zicht/extract/wordlist"
)

// Layout thresholds, in characters.
const (
	// unwrappedLen is the length above which a line is taken to be a whole
	// paragraph: nobody wraps text that wide, so such a line ends a paragraph.
	unwrappedLen = 160
	// headingLen is the longest line that can be a heading.
	headingLen = 80
	// minWrapWidth is the narrowest typical line width for which the
	// short-line rule applies.
	minWrapWidth = 30
)

// shortLine is the fraction of the typical line width below which a line is
// taken to end its paragraph: a wrapped line is cut only because the next
// word did not fit, so it is rarely much shorter than the width.
const shortLine = 0.6

// line is one line of the text: s[start:end] without its "\n", and
// s[cs:ce] its content without leading and trailing blanks.
type line struct {
	start, end int
	cs, ce     int
	runes      int // length of the content in runes
}

func (l line) blank() bool { return l.cs == l.ce }

// layout normalises whitespace and line breaks: runs of blanks inside a line
// become one space, blanks at line ends go, lines of one paragraph are joined
// with a space (or without one where line-end hyphenation split a word), and
// paragraphs are separated by exactly one blank line. A line stays a
// paragraph of its own when it is a heading (a short line without final
// punctuation), a list item, or when the line before it is short (the text
// broke it on purpose).
func layout(s string) []edit {
	lines := splitLines(s)
	var edits []edit
	var text []line // the lines with content
	for _, l := range lines {
		if !l.blank() {
			text = append(text, l)
		}
	}
	if len(text) == 0 {
		if s != "" {
			edits = append(edits, edit{Start: 0, End: len(s), Kind: KindLineBreak})
		}
		return edits
	}
	width := typicalWidth(text)
	words := &lexicon{s: s}

	// The blanks before the first line with content.
	edits = append(edits, edit{Start: 0, End: text[0].cs, Kind: KindLineBreak})
	for i, l := range text {
		edits = append(edits, spaces(s, l)...)
		if i == len(text)-1 {
			break
		}
		next := text[i+1]
		blankBetween := strings.Count(s[l.ce:next.cs], "\n") > 1
		edits = append(edits, join(s, l, next, blankBetween, width, nextIsLast(s, next), words))
	}
	// The blanks after the last line with content.
	last := text[len(text)-1]
	edits = append(edits, dropSoftHyphen(s[last.cs:last.ce], edit{Start: last.ce, End: len(s), Kind: KindLineBreak}))
	return edits
}

// dropSoftHyphen widens e, which starts where the line content cur ends, to
// remove a soft hyphen that ends cur: chars leaves those for join, and when
// a paragraph ends there they split no word.
func dropSoftHyphen(cur string, e edit) edit {
	if strings.HasSuffix(cur, "\u00AD") {
		e.Start -= len("\u00AD")
		e.Kind = KindSoftHyphen + "+" + e.Kind
	}
	return e
}

// splitLines splits s at "\n".
func splitLines(s string) []line {
	var lines []line
	for start := 0; start <= len(s); {
		end := strings.IndexByte(s[start:], '\n')
		if end < 0 {
			end = len(s)
		} else {
			end += start
		}
		l := line{start: start, end: end, cs: start, ce: end}
		for l.cs < l.ce && isBlank(s[l.cs]) {
			l.cs++
		}
		for l.ce > l.cs && isBlank(s[l.ce-1]) {
			l.ce--
		}
		l.runes = utf8.RuneCountInString(s[l.cs:l.ce])
		lines = append(lines, l)
		start = end + 1
	}
	return lines
}

func isBlank(b byte) bool { return b == ' ' || b == '\t' }

// nextIsLast reports whether l is followed by a blank line or the end of the text.
func nextIsLast(s string, l line) bool {
	rest := s[l.end:]
	if rest == "" {
		return true
	}
	rest = rest[1:] // the "\n"
	i := strings.IndexByte(rest, '\n')
	if i < 0 {
		return strings.TrimLeft(rest, " \t") == ""
	}
	return strings.TrimLeft(rest[:i], " \t") == ""
}

// typicalWidth is the width of the text's wrapped lines: the 90th percentile
// of the lengths of lines no longer than unwrappedLen. It is 0 when a quarter
// or more of the lines are longer: then the text is not wrapped at all, and
// every line is a paragraph.
func typicalWidth(text []line) int {
	var ns []int
	for _, l := range text {
		if l.runes <= unwrappedLen {
			ns = append(ns, l.runes)
		}
	}
	if len(ns) == 0 || (len(text)-len(ns))*4 >= len(text) {
		return 0
	}
	sort.Ints(ns)
	return ns[len(ns)*9/10]
}

// spaces turns each run of blanks inside the content of l that is not a
// single space into one space.
func spaces(s string, l line) []edit {
	var edits []edit
	for i := l.cs; i < l.ce; {
		if !isBlank(s[i]) {
			i++
			continue
		}
		j := i
		for j < l.ce && isBlank(s[j]) {
			j++
		}
		if s[i:j] != " " {
			edits = append(edits, edit{Start: i, End: j, After: " ", Kind: KindSpace})
		}
		i = j
	}
	return edits
}

// join returns the edit that replaces what lies between the content of l and
// that of next: a paragraph break, a space, or nothing when a word split by
// line-end hyphenation is joined.
func join(s string, l, next line, blankBetween bool, width int, nextEndsPara bool, words *lexicon) edit {
	e := edit{Start: l.ce, End: next.cs, After: "\n\n", Kind: KindLineBreak}
	cur, nxt := s[l.cs:l.ce], s[next.cs:next.ce]
	if blankBetween || breaksBefore(cur, l.runes, nxt, next.runes, width, nextEndsPara) {
		return dropSoftHyphen(cur, e)
	}
	e.After = " "
	hyphen, size := lastRune(cur)
	switch hyphen {
	case '\u00AD':
		// A soft hyphen marks a break the producer chose: always join.
		e.Start -= size
		e.After, e.Kind = "", KindHyphenation
	case '-', '\u2010':
		if len(cur) == size || isBlank(cur[len(cur)-size-1]) {
			break // a dash standing alone: keep it, join with a space
		}
		switch keep, space := keepHyphen(cur[:len(cur)-size], nxt, words); {
		case space:
		case keep:
			e.After = ""
		default:
			e.Start -= size
			e.After, e.Kind = "", KindHyphenation
		}
	}
	return e
}

// breaksBefore reports whether next starts a new paragraph although no blank
// line separates it from cur.
func breaksBefore(cur string, curRunes int, next string, nextRunes int, width int, nextEndsPara bool) bool {
	short := func(runes int) bool { return float64(runes) < shortLine*float64(width) }
	switch {
	case curRunes > unwrappedLen:
		return true // cur is a whole paragraph on one line
	case listItem(next), field(next):
		return true
	case heading(next, nextRunes) && finalPunct(cur) && (nextEndsPara || short(nextRunes)):
		return true // a heading after a paragraph
	case hyphenated(cur):
		return false
	case width < minWrapWidth:
		return true // no wrapped text: lines are broken on purpose
	case short(curRunes):
		return true
	}
	return false
}

// field reports whether s starts with a short capitalised label and a colon,
// as in "Date of judgment: 2 May 2024".
func field(s string) bool {
	i := strings.Index(s, ": ")
	if i <= 0 || i > 30 {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r) && strings.Count(s[:i], " ") < 4 && !strings.ContainsAny(s[:i], ".,;")
}

// hyphenated reports whether line ends in a hyphen attached to a word.
func hyphenated(line string) bool {
	r, size := lastRune(line)
	if r == '\u00AD' {
		return true
	}
	if r != '-' && r != '\u2010' || len(line) == size {
		return false
	}
	p, _ := lastRune(line[:len(line)-size])
	return unicode.IsLetter(p)
}

// keepHyphen decides how a line ending in "before-" joins the line starting
// with after. keep: the hyphen belongs to the word (Roma-kinderen, LHBT-jongeren,
// e-mail, 2017-2020), join without a space. space: the hyphen stands for a
// part left out ("jeugd- en zedenpolitie"), join with a space. Neither: the
// hyphen is line-end hyphenation (kin-deren), remove it and join.
//
// The text itself is asked first: when it has the word elsewhere with the
// hyphen and not without, or the other way round, that decides (so
// "Open-baar" joins in a text that says "Openbaar Ministerie" elsewhere).
// Otherwise the rules decide.
func keepHyphen(before, after string, words *lexicon) (keep, space bool) {
	// The word before the hyphen: the letters that end before.
	wordStart := len(before)
	for wordStart > 0 {
		r, size := utf8.DecodeLastRuneInString(before[:wordStart])
		if !unicode.IsLetter(r) && !unicode.Is(unicode.Mn, r) {
			break
		}
		wordStart -= size
	}
	word := before[wordStart:]
	if word == "" {
		return true, false // after a digit, bracket or quote: 2017-2020, (LHBT)-jongeren
	}
	if wordStart > 0 {
		if r, _ := utf8.DecodeLastRuneInString(before[:wordStart]); r == '-' || r == '\u2010' || r == '/' || unicode.IsDigit(r) {
			return true, false // already a compound: non-punishment-beginsel
		}
	}
	first, _ := utf8.DecodeRuneInString(after)
	if !unicode.IsLower(first) {
		return true, false // Roma-Kinderen, 18-jarigen, "x-"
	}
	if conjunction(after) {
		return false, true
	}
	if words != nil {
		next := leadingWord(after)
		joined, compound := words.has(word+next), words.has(word+"-"+next)
		switch {
		case joined && !compound:
			return false, false
		case compound && !joined:
			return true, false
		}
	}
	// Then the word lists: a listed compound with a hyphen keeps it
	// (e-mail), a listed word without one is joined (Traffick-ers, In-vest).
	if next := strings.ToLower(leadingWord(after)); next != "" && !hasUpper(word[1:]) {
		lw := strings.ToLower(word)
		switch {
		case wordlist.Known(lw + "-" + next):
			return true, false
		case wordlist.Known(lw + next):
			return false, false
		}
	}
	w0, _ := utf8.DecodeRuneInString(word)
	switch {
	case unicode.IsUpper(w0):
		return true, false // Roma-kinderen, LHBT-jongeren
	case hasUpper(word):
		return true, false // an acronym or a name in the word: eID-kaart
	case utf8.RuneCountInString(word) == 1, compoundPrefix(word, leadingWord(after)):
		return true, false // e-mail, pro-ana, ex-partner
	}
	return false, false
}

// leadingWord returns the letters s starts with.
func leadingWord(s string) string {
	for i, r := range s {
		if !unicode.IsLetter(r) && !unicode.Is(unicode.Mn, r) {
			return s[:i]
		}
	}
	return s
}

// lexicon is the set of words of a text, lower case, built when first asked.
// Words are runs of letters, digits and inner hyphens; a word that ends in a
// hyphen is half a word and left out.
type lexicon struct {
	s     string
	words map[string]bool
}

func (x *lexicon) has(w string) bool {
	if x.words == nil {
		x.words = map[string]bool{}
		word := func(r rune) bool {
			return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) || r == '-' || r == '\u2010'
		}
		for _, f := range strings.FieldsFunc(x.s, func(r rune) bool { return !word(r) }) {
			f = strings.TrimLeft(f, "-\u2010")
			if f != "" && !strings.HasSuffix(f, "-") && !strings.HasSuffix(f, "\u2010") {
				x.words[strings.ToLower(f)] = true
			}
		}
	}
	return x.words[strings.ToLower(w)]
}

// prefixes are short parts that Dutch and English write with a hyphen
// before a word. A prefix with a list keeps its hyphen only before those
// words: "pro-" and "ex-" also end many lines where hyphenation split
// prostitutie, professional, prosecution, exploitation or expected.
var prefixes = map[string][]string{
	"anti": nil, "niet": nil, "non": nil, "vice": nil, "self": nil,
	"pro": {"ana", "mia", "ed", "deo", "forma", "rata", "life", "choice", "bono"},
	"ex": {"partner", "vriend", "man", "vrouw", "echtgeno", "gedetineerd", "gevangen",
		"husband", "wife", "boyfriend", "girlfriend", "minister", "prisoner", "offender",
		"convict", "member", "lid", "leden", "militair", "soldier", "werknemer", "employee",
		"president", "collega", "colleague", "pooier", "pimp", "loverboy", "slachtoffer",
		"victim", "cliënt", "client", "bewoner", "resident", "leerling", "student", "moslim",
		"jihadist", "strijder", "fighter", "lover", "schoon"},
}

// compoundPrefix reports whether word is a prefix that keeps its hyphen before next.
func compoundPrefix(word, next string) bool {
	tails, ok := prefixes[strings.ToLower(word)]
	if !ok {
		return false
	}
	if tails == nil {
		return true
	}
	for _, t := range tails {
		if strings.HasPrefix(next, t) {
			return true
		}
	}
	return false
}

// conjunction reports whether s starts with a word that makes a hyphen before
// it an elision: "jeugd- en zedenpolitie", "child- or forced labour".
func conjunction(s string) bool {
	for _, w := range []string{"en", "of", "and", "or", "tot", "dan", "als", "noch", "nor"} {
		if strings.HasPrefix(s, w) {
			rest := s[len(w):]
			r, _ := utf8.DecodeRuneInString(rest)
			if rest == "" || !unicode.IsLetter(r) {
				return true
			}
		}
	}
	return false
}

func hasUpper(s string) bool {
	for _, r := range s {
		if unicode.IsUpper(r) {
			return true
		}
	}
	return false
}

// listItem reports whether s starts with a bullet or an enumeration: "- ",
// "• ", "1. ", "2) ", "a) ", "(iii) ".
func listItem(s string) bool {
	r, size := utf8.DecodeRuneInString(s)
	if strings.ContainsRune("-*•·▪‣◦–—○■□➢►", r) {
		return blankAt(s, size)
	}
	t := strings.TrimPrefix(s, "(")
	n := 0
	for n < len(t) && n < 3 && t[n] >= '0' && t[n] <= '9' {
		n++
	}
	if n == 0 {
		for n < len(t) && n < 4 && strings.IndexByte("ivx", t[n]) >= 0 {
			n++
		}
	}
	if n == 0 && t != "" && t[0] >= 'a' && t[0] <= 'z' {
		n = 1
	}
	if n == 0 || n >= len(t) {
		return false
	}
	return (t[n] == '.' || t[n] == ')') && blankAt(t, n+1)
}

// blankAt reports whether s has a blank at byte i.
func blankAt(s string, i int) bool { return i < len(s) && isBlank(s[i]) }

// heading reports whether s looks like a heading: short, starting with a
// capital or a digit, and not ending in punctuation that ends or continues a
// sentence.
func heading(s string, runes int) bool {
	if runes == 0 || runes > headingLen {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s)
	if !unicode.IsUpper(r) && !unicode.IsDigit(r) {
		return false
	}
	last, _ := lastRune(s)
	return !strings.ContainsRune(".,;:!?…-\u00AD\u2010", last)
}

// finalPunct reports whether s ends a sentence or announces what follows.
func finalPunct(s string) bool {
	s = strings.TrimRight(s, "\"'”’»)]")
	last, _ := lastRune(s)
	return strings.ContainsRune(".!?:…", last)
}

func lastRune(s string) (rune, int) {
	return utf8.DecodeLastRuneInString(s)
}
