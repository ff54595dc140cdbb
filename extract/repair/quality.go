package repair

import (
	"strings"
	"unicode"

	"github.com/zicht-project/zicht"
)

// Reasons Quality gives for degraded text.
const (
	ReasonLowercase     = "lowercase"          // no capital letters in a long text
	ReasonNoPunctuation = "no_punctuation"     // hardly any punctuation between many words
	ReasonDiacritics    = "diacritics_dropped" // letters with diacritics were dropped (and some restored)
	ReasonLostGlyphs    = "lost_glyphs"        // lost-glyph markers (U+FFFD, private use) remain in the text
)

// Quality tells whether text, repaired with reps, was degraded by an
// earlier tool: lower-cased, stripped of punctuation, or stripped of letters
// with diacritics. It returns the reasons, nil for text that looks sound.
// Short texts (under 200 letters) are not judged.
func Quality(text string, reps []zicht.Repair) []string {
	var letters, upper, words, punct, lost int
	inWord := false
	for _, r := range text {
		switch {
		case unicode.IsLetter(r):
			letters++
			if unicode.IsUpper(r) || unicode.IsTitle(r) {
				upper++
			}
			if !inWord {
				words++
			}
			inWord = true
			continue
		case strings.ContainsRune(".,;:!?", r):
			punct++
		case lostGlyph(r):
			lost++
		}
		inWord = false
	}
	var reasons []string
	if letters >= 200 && upper*1000 < letters {
		reasons = append(reasons, ReasonLowercase)
	}
	if words >= 50 && punct*100 < words {
		reasons = append(reasons, ReasonNoPunctuation)
	}
	for _, r := range reps {
		if strings.Contains(r.Kind, KindDiacritic) {
			reasons = append(reasons, ReasonDiacritics)
			break
		}
	}
	if lost > 0 {
		reasons = append(reasons, ReasonLostGlyphs)
	}
	return reasons
}
