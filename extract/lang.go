package extract

import (
	"strings"
	"unicode"

	"github.com/zicht-project/zicht"
)

// Language detection thresholds.
const (
	// langMinWords is the fewest words DetectLang decides on.
	langMinWords = 8
	// langMinHits is the fewest stopwords of the winning language.
	langMinHits = 3
	// langMinShare is the least share of the words that must be stopwords
	// of the winning language; Dutch and English prose run at 30–45 %,
	// German or French text scores a few percent on these lists.
	langMinShare = 0.12
	// langMaxBytes is how much of the text DetectLang reads.
	langMaxBytes = 64 << 10
)

// stopwords of Dutch and English, leaving out the words both use
// (in, is, was, of, over, door, ...), so a hit says which language it is.
var stopwords = map[zicht.Lang]map[string]bool{
	zicht.Dutch: set("de het een en van dat die niet zijn op te voor met aan er om ook als bij " +
		"maar worden wordt dan nog wel kan tot uit deze naar hun zij ze hebben heeft werd " +
		"meer geen onder tussen dit wat wie hoe waar zich al moet kunnen zou " +
		"zo na omdat volgens tegen wij ons onze haar hij mijn jaar"),
	zicht.English: set("the and to that for it with as on are be by this from at which have has " +
		"not were their they been who but would there what can all its more when will " +
		"than these such into other may should also our them some only could any " +
		"between under about after against where how whether"),
}

func set(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}

// DetectLang guesses nl or en from stopword frequencies; "" when the text is
// too short or neither.
func DetectLang(text string) zicht.Lang {
	if len(text) > langMaxBytes {
		text = text[:langMaxBytes]
	}
	words := strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r) && r != '\''
	})
	if len(words) < langMinWords {
		return ""
	}
	var nl, en int
	for _, w := range words {
		switch {
		case stopwords[zicht.Dutch][w]:
			nl++
		case stopwords[zicht.English][w]:
			en++
		}
	}
	best, hits, other := zicht.Dutch, nl, en
	if en > nl {
		best, hits, other = zicht.English, en, nl
	}
	if hits < langMinHits || hits < 2*other || float64(hits) < langMinShare*float64(len(words)) {
		return ""
	}
	return best
}
