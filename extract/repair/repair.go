// Package repair mends text that came out of a PDF, web page or text file:
// Unicode normalisation, invisible characters, odd spaces, ligature code
// points, words split by line-end hyphenation, and line breaks, so that
// paragraphs are separated by one blank line and lines within a paragraph are
// joined.
//
// Every change is recorded as a zicht.Repair, so nothing is changed silently.
// The repairs are made by a list of passes, each of which only finds edits in
// its input; apply makes them and keeps the record. A later repair (lost
// ligature glyphs, lost diacritics, repeated text) is one more pass.
package repair

import (
	"strings"
	"unicode/utf8"

	"github.com/zicht-project/zicht"
)

// Kinds of repair, as recorded in zicht.Repair.Kind. A repair that merges
// changes of several kinds joins them with "+", such as "zero_width+space".
const (
	KindLineBreak   = "linebreak"   // line ends normalised, lines joined, blank lines normalised
	KindControl     = "control"     // a control character removed
	KindSoftHyphen  = "soft_hyphen" // a soft hyphen (U+00AD) removed
	KindZeroWidth   = "zero_width"  // an invisible format character removed
	KindLigature    = "ligature"    // a ligature code point (U+FB00–FB06) expanded
	KindNFC         = "nfc"         // Unicode canonical composition
	KindSpace       = "space"       // odd or repeated spaces made one plain space
	KindHyphenation = "hyphenation" // a word split by line-end hyphenation joined
)

// passes run in this order. Line ends come first so that every later pass
// sees only "\n"; characters are cleaned before NFC so that a removed
// invisible character cannot keep a letter and its accent apart; the layout
// pass comes last because it decides on the cleaned words.
var passes = []pass{
	lineEnds,
	chars,
	nfc,
	layout,
}

// wordRounds is how often the word pass runs at most: a repair can make
// the word another repair needs ("finali" then "finalist"), and Text must
// give text that a second Text leaves alone.
const wordRounds = 4

// Text repairs s and returns the repaired text and the repairs made, in order
// of offset (offsets are byte offsets into the returned text). Invalid UTF-8
// in s is replaced by U+FFFD first, and that is recorded too.
func Text(s string) (string, []zicht.Repair) {
	var reps []zicht.Repair
	if !utf8.ValidString(s) {
		s, reps = apply(s, nil, invalidUTF8(s))
	}
	for _, p := range passes {
		s, reps = apply(s, reps, p(s))
	}
	for range wordRounds {
		edits := words(s)
		if len(edits) == 0 {
			break
		}
		s, reps = apply(s, reps, edits)
	}
	return s, reps
}

// invalidUTF8 replaces each run of invalid bytes by U+FFFD.
func invalidUTF8(s string) []edit {
	var edits []edit
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if r != utf8.RuneError || n != 1 {
			i += n
			continue
		}
		j := i + 1
		for j < len(s) {
			r, n := utf8.DecodeRuneInString(s[j:])
			if r != utf8.RuneError || n != 1 {
				break
			}
			j++
		}
		edits = append(edits, edit{Start: i, End: j, After: "\uFFFD", Kind: "invalid_utf8"})
		i = j
	}
	return edits
}

// lineEnds turns CR LF, CR, NEL and the Unicode line separator into "\n",
// and the Unicode paragraph separator into a blank line.
func lineEnds(s string) []edit {
	var edits []edit
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch r {
		case '\r':
			if strings.HasPrefix(s[i+1:], "\n") {
				n = 2
			}
			edits = append(edits, edit{Start: i, End: i + n, After: "\n", Kind: KindLineBreak})
		case '\u0085', '\u2028', '\v', '\f':
			edits = append(edits, edit{Start: i, End: i + n, After: "\n", Kind: KindLineBreak})
		case '\u2029':
			edits = append(edits, edit{Start: i, End: i + n, After: "\n\n", Kind: KindLineBreak})
		}
		i += n
	}
	return edits
}
