package detect

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/zicht-project/zicht"
	"github.com/zicht-project/zicht/lexicon"
)

// MaxPassage is the longest passage in bytes. A longer sentence (a table
// flattened into one line, a text without punctuation) is cut at white space,
// so that analysis stays bounded whatever the input.
const MaxPassage = 2000

// segment is a passage with what detection needs besides: the paragraph it
// belongs to, for carrying a group to the next sentence.
type segment struct {
	start, end int
	para       int
	section    string
}

// Segment splits text into passages: sentences, list items and lines of
// their own, with byte offsets into text. Headings (a Markdown "#" line, a
// short line standing alone without final punctuation, or a short first
// line of a paragraph) are not passages; they become the Section of the
// passages below them. Abbreviations from the lexicon ("bijv.", "o.a.",
// "e.g.") and initials do not end a sentence, list markers ("1.", "a)",
// "-") start a new passage, and a passage is at most MaxPassage bytes.
func (d *Detector) Segment(doc zicht.DocumentID, text string) []zicht.Passage {
	segs := d.segments(text)
	out := make([]zicht.Passage, len(segs))
	for i, s := range segs {
		out[i] = zicht.Passage{Doc: doc, Start: s.start, End: s.end, Text: validText(text[s.start:s.end]), Section: s.section}
	}
	return out
}

// validText returns s, with invalid UTF-8 replaced when the input had any.
func validText(s string) string {
	if utf8.ValidString(s) {
		return s
	}
	return strings.ToValidUTF8(s, "\uFFFD")
}

type line struct {
	start, end int // the line without its newline and surrounding space
}

func (d *Detector) segments(text string) []segment {
	var lines []line
	for i := 0; i <= len(text); {
		j := strings.IndexByte(text[i:], '\n')
		if j < 0 {
			j = len(text) - i
		}
		s, e := trimSpace(text, i, i+j)
		lines = append(lines, line{s, e})
		i += j + 1
	}
	// lastContent is the index of the last non-blank line: a heading
	// candidate with nothing after it is text, not a heading.
	lastContent := -1
	for i, l := range lines {
		if l.end > l.start {
			lastContent = i
		}
	}

	var out []segment
	para, section := 0, ""
	blockStart, blockEnd := -1, -1
	flush := func() {
		if blockStart >= 0 {
			out = d.sentences(text, blockStart, blockEnd, para, section, out)
		}
		blockStart, blockEnd = -1, -1
	}
	prevBlank := true
	for i, l := range lines {
		if l.end == l.start {
			flush()
			if !prevBlank {
				para++
			}
			prevBlank = true
			continue
		}
		next := ""
		if i+1 < len(lines) {
			next = text[lines[i+1].start:lines[i+1].end]
		}
		s := text[l.start:l.end]
		if h, ok := heading(s, prevBlank, next, i < lastContent); ok {
			flush()
			section = h
			para++
			// What follows starts a paragraph, but is no heading itself
			// unless a blank line comes first: a run of short lines is text.
			prevBlank = false
			continue
		}
		if m := listMarker(s); m > 0 {
			flush()
			st, _ := trimSpace(text, l.start+m, l.end)
			blockStart, blockEnd = st, l.end
		} else if blockStart < 0 {
			blockStart, blockEnd = l.start, l.end
		} else {
			blockEnd = l.end
		}
		prevBlank = false
	}
	flush()
	return out
}

// trimSpace narrows [s, e) of text to exclude white space at both ends.
func trimSpace(text string, s, e int) (int, int) {
	for s < e {
		r, n := utf8.DecodeRuneInString(text[s:e])
		if !unicode.IsSpace(r) {
			break
		}
		s += n
	}
	for e > s {
		r, n := utf8.DecodeLastRuneInString(text[s:e])
		if !unicode.IsSpace(r) {
			break
		}
		e -= n
	}
	return s, e
}

// heading reports whether line s is a heading, and its text.
func heading(s string, prevBlank bool, next string, more bool) (string, bool) {
	if strings.HasPrefix(s, "#") {
		h := strings.TrimSpace(strings.TrimLeft(s, "#"))
		if h != "" && len(s) <= 200 {
			return h, true
		}
		return "", false
	}
	if !prevBlank || !more || len(s) > 120 {
		return "", false
	}
	last, _ := utf8.DecodeLastRuneInString(s)
	if strings.ContainsRune(".,;:!?…-–—\"”’'(", last) || strings.HasSuffix(s, ".)") {
		return "", false
	}
	first, _ := utf8.DecodeRuneInString(s)
	if !unicode.IsUpper(first) && !unicode.IsDigit(first) {
		return "", false
	}
	words := strings.Fields(s)
	if len(words) > 14 {
		return "", false
	}
	if strings.TrimSpace(next) == "" {
		return s, true // a line standing alone
	}
	// The first line of a paragraph is a heading when it is short, has no
	// comma and no number (but a leading section number), does not end in a
	// short lower-case word (a wrapped line often does), and the next line
	// starts anew. When in doubt it is text: a heading read as text costs
	// little, a sentence cut in two costs more.
	nf, _ := utf8.DecodeRuneInString(next)
	lw := words[len(words)-1]
	lf, _ := utf8.DecodeRuneInString(lw)
	if len(words) > 8 || strings.Contains(s, ",") || unicode.IsLower(lf) && utf8.RuneCountInString(lw) < 6 {
		return "", false
	}
	for i, w := range words {
		if i > 0 && strings.ContainsAny(w, "0123456789") {
			return "", false
		}
	}
	if unicode.IsUpper(nf) || unicode.IsDigit(nf) || listMarker(next) > 0 {
		return s, true
	}
	return "", false
}

// listMarker returns the length of a list marker that begins line s, with
// the space after it ("- ", "• ", "1. ", "2) ", "a) ", "(iv) "), or 0.
func listMarker(s string) int {
	r, n := utf8.DecodeRuneInString(s)
	switch r {
	case '-', '*', '•', '–', '·', '▪', '◦', '○', '●':
		if n < len(s) && (s[n] == ' ' || s[n] == '\t') {
			return n + 1
		}
		return 0
	}
	i := 0
	paren := strings.HasPrefix(s, "(")
	if paren {
		i = 1
	}
	j := i
	for j < len(s) && j-i < 4 && ('0' <= s[j] && s[j] <= '9' || 'a' <= s[j] && s[j] <= 'z') {
		j++
	}
	if j == i || j+1 >= len(s) || s[j+1] != ' ' && s[j+1] != '\t' {
		return 0
	}
	m := s[i:j]
	switch {
	case isDigits(m) && len(m) <= 3:
		// "1.", "1)", "(1)"
		if s[j] == ')' || s[j] == '.' && !paren {
			return j + 2
		}
	case len(m) == 1 || romanNumerals[m]:
		// "a)", "(a)", "iv)"; not "a." which is too often a word and a dot.
		if s[j] == ')' {
			return j + 2
		}
	}
	return 0
}

var romanNumerals = map[string]bool{"i": true, "ii": true, "iii": true, "iv": true, "v": true, "vi": true, "vii": true, "viii": true, "ix": true, "x": true}

// sentences splits text[bs:be) into sentences and appends them to out.
func (d *Detector) sentences(text string, bs, be, para int, section string, out []segment) []segment {
	s := text[bs:be]
	emit := func(a, b int) {
		a, b = trimSpace(text, bs+a, bs+b)
		for b-a > MaxPassage {
			cut := cutPoint(text, a, a+MaxPassage)
			if x, y := trimSpace(text, a, cut); y > x {
				out = append(out, segment{start: x, end: y, para: para, section: section})
			}
			a, _ = trimSpace(text, cut, b)
		}
		if b > a {
			out = append(out, segment{start: a, end: b, para: para, section: section})
		}
	}
	start := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		size := 1
		switch {
		case c == '.' || c == '!' || c == '?':
		case c == 0xE2 && strings.HasPrefix(s[i:], "…"):
			size = len("…")
		default:
			continue
		}
		// Take in further marks and closing quotes or brackets: `?!`, `."`, `.)`.
		j := i + size
		for j < len(s) {
			r, n := utf8.DecodeRuneInString(s[j:])
			if strings.ContainsRune(".!?…\"'”’»)]", r) {
				j += n
				continue
			}
			break
		}
		if j < len(s) {
			if r, _ := utf8.DecodeRuneInString(s[j:]); !unicode.IsSpace(r) {
				i = j - 1
				continue // "3.5", "o.a.", "www.example.nl"
			}
		}
		k := j
		for k < len(s) {
			r, n := utf8.DecodeRuneInString(s[k:])
			if !unicode.IsSpace(r) {
				break
			}
			k += n
		}
		if k >= len(s) {
			break
		}
		next := firstLetter(s[k:])
		if unicode.IsLower(next) || c == '.' && !d.endsSentence(s, i, start, next) {
			i = j - 1
			continue
		}
		emit(start, j)
		start = k
		i = k - 1
	}
	emit(start, len(s))
	return out
}

// firstLetter returns the first letter or digit of s, after opening quotes
// and brackets.
func firstLetter(s string) rune {
	for i, r := range s {
		if i > 16 {
			break
		}
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return r
		}
	}
	return ' '
}

// endsSentence reports whether the dot at s[i] ends a sentence that began
// at start, given the letter that follows.
func (d *Detector) endsSentence(s string, i, start int, next rune) bool {
	// The word before the dot, at most 24 bytes back.
	w := i
	for w > start && i-w < 24 {
		r, n := utf8.DecodeLastRuneInString(s[:w])
		if unicode.IsSpace(r) {
			break
		}
		w -= n
	}
	word := strings.TrimLeft(s[w:i], "(\"'“‘„[")
	if word == "" {
		return true
	}
	key := lexicon.Fold(word)
	if final, ok := d.abbrev[key]; ok {
		return final && unicode.IsUpper(next)
	}
	// Initials and dotted short forms: "J.", "J.K.", "U.S.".
	if initials(word) {
		return false
	}
	// A number that opens the sentence is a list marker: "... . 2. Het ...".
	if isDigits(word) && len(word) <= 3 && strings.TrimSpace(s[start:w]) == "" {
		return false
	}
	return true
}

// initials reports whether w is an initial ("J") or single letters separated
// by dots ("J.K", "U.S", "z.g").
func initials(w string) bool {
	parts := strings.Split(w, ".")
	for _, part := range parts {
		if utf8.RuneCountInString(part) != 1 {
			return false
		}
		r, _ := utf8.DecodeRuneInString(part)
		if !unicode.IsLetter(r) || len(parts) == 1 && !unicode.IsUpper(r) {
			return false
		}
	}
	return true
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// cutPoint returns where to cut text between a and limit: after the last
// white space in the second half of the window, else at a rune boundary.
func cutPoint(text string, a, limit int) int {
	for i := limit; i > a+(limit-a)/2; i-- {
		if text[i-1] == ' ' || text[i-1] == '\n' || text[i-1] == '\t' {
			return i
		}
	}
	for limit > a && !utf8.RuneStart(text[limit]) {
		limit--
	}
	if limit == a {
		_, n := utf8.DecodeRuneInString(text[a:])
		return a + n
	}
	return limit
}
