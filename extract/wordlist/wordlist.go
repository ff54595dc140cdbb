// Package wordlist holds the Dutch and English word lists embedded in the
// binary (OpenTaal, BSD; SCOWL, see README.md), for repairs that must know
// whether a string is a word: lost ligatures, words split in two, lost
// diacritics.
//
// A List is loaded the first time it is used and never changes after; it
// takes about 7 MB of memory for both languages.
package wordlist

import (
	"bytes"
	"compress/gzip"
	"embed"
	"io"
	"sort"
	"strings"
	"sync"
)

//go:embed nl.txt.gz en.txt.gz
var files embed.FS

// A List is a sorted set of lower-case words.
type List struct {
	words string   // the words, each followed by "\n", sorted by bytes
	offs  []uint32 // the start of each word in words, and len(words)
}

// Len returns the number of words in l.
func (l *List) Len() int { return len(l.offs) - 1 }

// Has reports whether w, lower case and NFC, is in l.
func (l *List) Has(w string) bool {
	n := len(l.offs) - 1
	if w == "" || n <= 0 {
		return false
	}
	i := sort.Search(n, func(i int) bool { return l.word(i) >= w })
	return i < n && l.word(i) == w
}

func (l *List) word(i int) string {
	return l.words[l.offs[i] : l.offs[i+1]-1]
}

// New returns a List of the words in text, one a line, which must be
// sorted by bytes and unique.
func New(text string) *List {
	if text != "" && !strings.HasSuffix(text, "\n") {
		text += "\n"
	}
	l := &List{words: text, offs: make([]uint32, 0, strings.Count(text, "\n")+1)}
	for i := 0; i < len(text); {
		l.offs = append(l.offs, uint32(i))
		i += strings.IndexByte(text[i:], '\n') + 1
	}
	l.offs = append(l.offs, uint32(len(text)))
	return l
}

func load(name string) *List {
	b, err := files.ReadFile(name)
	if err != nil {
		panic("wordlist: " + err.Error()) // embedded: cannot happen
	}
	zr, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		panic("wordlist: " + name + ": " + err.Error())
	}
	text, err := io.ReadAll(zr)
	if err != nil {
		panic("wordlist: " + name + ": " + err.Error())
	}
	return New(string(text))
}

var (
	dutch   = sync.OnceValue(func() *List { return load("nl.txt.gz") })
	english = sync.OnceValue(func() *List { return load("en.txt.gz") })
)

// Dutch returns the Dutch word list (OpenTaal).
func Dutch() *List { return dutch() }

// English returns the English word list (SCOWL, American spelling).
func English() *List { return english() }

// Known reports whether w, lower case and NFC, is a Dutch or English word.
func Known(w string) bool { return Dutch().Has(w) || English().Has(w) }
