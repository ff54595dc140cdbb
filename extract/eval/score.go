package eval

import (
	"fmt"
	"strings"
	"unicode"

	"github.com/zicht-project/zicht/extract"
	"github.com/zicht-project/zicht/extract/repair"
	"github.com/zicht-project/zicht/extract/wordlist"
	"golang.org/x/text/unicode/norm"
)

// Score is how well one case came out.
type Score struct {
	Text                  string   `json:"text"`
	Case                  string   `json:"case"`
	Words                 int      `json:"words"`                   // words in the truth
	Correct               int      `json:"correct"`                 // of those, found in order in the output
	Accuracy              float64  `json:"accuracy"`                // Correct / Words
	LigatureWords         int      `json:"ligature_words"`          // truth words with fi, fl, ff, ffi or ffl
	LigatureRepaired      int      `json:"ligature_repaired"`       // of those, correct in the output
	LigatureKnown         int      `json:"ligature_known"`          // ligature words the word lists know
	LigatureRepairedKnown int      `json:"ligature_repaired_known"` // of those, correct in the output
	DiacriticWords        int      `json:"diacritic_words"`         // truth words with a letter outside ASCII
	DiacriticRestored     int      `json:"diacritic_restored"`      // of those, correct in the output
	FalseJoins            int      `json:"false_joins"`             // output words that are two truth words run together
	FalseRepairs          int      `json:"false_repairs"`           // word repairs whose result is not a truth word
	Repairs               int      `json:"repairs"`                 // word repairs made (ligature, split, diacritic)
	Examples              []string `json:"examples,omitempty"`      // some errors
}

// maxCells bounds the alignment table (words × words).
const maxCells = 16 << 20

func score(text, kase, src, truth string, res *extract.Result) Score {
	s := Score{Text: text, Case: kase}
	want, got := words(truth), words(res.Text)
	s.Words = len(want)
	matched, gotMatched := align(want, got)
	inTruth := map[string]bool{}
	for _, w := range want {
		inTruth[strings.ToLower(w)] = true
	}
	for i, w := range want {
		if matched[i] {
			s.Correct++
		}
		lw := strings.ToLower(w)
		if hasLigature(lw) {
			s.LigatureWords++
			known := wordlist.Known(lw)
			if known {
				s.LigatureKnown++
			}
			if matched[i] {
				s.LigatureRepaired++
				if known {
					s.LigatureRepairedKnown++
				}
			}
		}
		if strings.IndexFunc(w, func(r rune) bool { return r >= 0x80 }) >= 0 {
			s.DiacriticWords++
			if matched[i] {
				s.DiacriticRestored++
			}
		}
		if !matched[i] && len(s.Examples) < 4 {
			s.Examples = append(s.Examples, "missed "+w)
		}
	}
	pairs := map[string]bool{}
	for i := 1; i < len(want); i++ {
		pairs[strings.ToLower(want[i-1]+want[i])] = true
	}
	for j, w := range got {
		if gotMatched[j] {
			continue
		}
		if pairs[strings.ToLower(w)] {
			s.FalseJoins++
			if len(s.Examples) < 8 {
				s.Examples = append(s.Examples, "joined "+w)
			}
		}
	}
	for _, r := range res.Repairs {
		if !strings.Contains(r.Kind, repair.KindLostLigature) && !strings.Contains(r.Kind, repair.KindSplitWord) &&
			!strings.Contains(r.Kind, repair.KindDiacritic) {
			continue
		}
		s.Repairs++
		for _, w := range words(r.After) {
			if !inTruth[strings.ToLower(w)] {
				s.FalseRepairs++
				if len(s.Examples) < 10 {
					s.Examples = append(s.Examples, fmt.Sprintf("false repair %q → %q", r.Before, r.After))
				}
				break
			}
		}
	}
	s.Accuracy = ratio(s.Correct, s.Words)
	return s
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

func hasLigature(w string) bool {
	for _, q := range lostSequences {
		if strings.Contains(w, q) {
			return true
		}
	}
	return false
}

// words splits s into words: runs of letters and digits, NFC.
func words(s string) []string {
	return strings.FieldsFunc(norm.NFC.String(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.Is(unicode.Mn, r)
	})
}

// align finds a longest common subsequence of a and b and reports which
// words of each are in it. Beyond maxCells, words are matched as a bag.
func align(a, b []string) (am, bm []bool) {
	am, bm = make([]bool, len(a)), make([]bool, len(b))
	if len(a)*len(b) > maxCells {
		count := map[string]int{}
		for _, w := range b {
			count[w]++
		}
		for i, w := range a {
			if count[w] > 0 {
				count[w]--
				am[i] = true
			}
		}
		return am, bm
	}
	n, m := len(a), len(b)
	t := make([]uint16, (n+1)*(m+1))
	at := func(i, j int) uint16 { return t[i*(m+1)+j] }
	for i := n - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			v := max(at(i+1, j), at(i, j+1))
			if a[i] == b[j] {
				v = max(v, at(i+1, j+1)+1)
			}
			t[i*(m+1)+j] = v
		}
	}
	for i, j := 0, 0; i < n && j < m; {
		switch {
		case a[i] == b[j] && at(i, j) == at(i+1, j+1)+1:
			am[i], bm[j] = true, true
			i++
			j++
		case at(i+1, j) >= at(i, j+1):
			i++
		default:
			j++
		}
	}
	return am, bm
}
