package lexicon

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// TokenKind tells words, numbers and punctuation apart.
type TokenKind uint8

// Token kinds.
const (
	TokenWord   TokenKind = iota + 1 // letters, possibly with digits
	TokenNumber                      // digits only
	TokenPunct                       // one punctuation mark
)

// Token is one word, number or punctuation mark of a text.
type Token struct {
	Start, End int // byte offsets into the text
	// Norm is the folded form that patterns are matched against: lower case,
	// diacritics and compatibility forms (ligatures) removed. For punctuation
	// it is the mark, with typographic quotes and dashes made plain.
	Norm string
	Kind TokenKind
	// Joined is true when the token is attached to the previous one by a
	// hyphen, slash or apostrophe without space ("Roma-kinderen", "homo's"),
	// so "roma kinderen" and "Roma-kinderen" give the same words.
	Joined bool
}

// Tokenize appends the tokens of text to dst and returns it. Whitespace and
// symbols that are neither letters, digits nor sentence punctuation are
// skipped; invalid UTF-8 is skipped byte by byte. It runs in time linear in
// len(text).
func Tokenize(text string, dst []Token) []Token {
	joined := false
	for i := 0; i < len(text); {
		r, size := rune(text[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(text[i:])
		}
		switch {
		case isWordRune(r):
			start, ascii, digits := i, true, true
			j := i
			for j < len(text) {
				r2, s2 := rune(text[j]), 1
				if r2 >= utf8.RuneSelf {
					r2, s2 = utf8.DecodeRuneInString(text[j:])
					ascii = false
				}
				if !isWordRune(r2) {
					break
				}
				if r2 < '0' || r2 > '9' {
					digits = false
				}
				j += s2
			}
			kind := TokenWord
			if digits {
				kind = TokenNumber
			}
			dst = append(dst, Token{Start: start, End: j, Norm: fold(text[start:j], ascii), Kind: kind, Joined: joined})
			joined = false
			i = j
			// A joiner between two word runes binds the next token to this one.
			if j < len(text) {
				jr, js := utf8.DecodeRuneInString(text[j:])
				if isJoiner(jr) && j+js < len(text) {
					nr, _ := utf8.DecodeRuneInString(text[j+js:])
					if isWordRune(nr) {
						joined = true
						i = j + js
					}
				}
			}
			continue
		case isPunct(r):
			dst = append(dst, Token{Start: i, End: i + size, Norm: punctNorm(r), Kind: TokenPunct})
		}
		joined = false
		i += size
	}
	return dst
}

// Fold returns s as patterns and tokens are compared: lower case, without
// diacritics or compatibility forms ("Coördinatie" → "coordinatie", "ﬁ" → "fi").
func Fold(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	return fold(s, ascii)
}

func fold(s string, ascii bool) string {
	if ascii {
		for i := 0; i < len(s); i++ {
			if 'A' <= s[i] && s[i] <= 'Z' {
				return strings.ToLower(s)
			}
		}
		return s
	}
	d := norm.NFKD.String(strings.ToLower(s))
	var b strings.Builder
	b.Grow(len(d))
	for _, r := range d {
		if unicode.Is(unicode.Mn, r) {
			continue
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

func isJoiner(r rune) bool {
	switch r {
	case '-', '/', '\'', '\u2019', '\u2010', '\u2011', '\u00ad':
		return true
	}
	return false
}

func isPunct(r rune) bool {
	switch r {
	case '.', ',', ';', ':', '!', '?', '(', ')', '[', ']', '"', '\'',
		'\u201c', '\u201d', '\u201e', '\u00ab', '\u00bb', '\u2018', '\u2019', '\u2026', '\u2013', '\u2014', '-':
		return true
	}
	return false
}

func punctNorm(r rune) string {
	switch r {
	case '\u201c', '\u201d', '\u201e', '\u00ab', '\u00bb':
		return `"`
	case '\u2018', '\u2019':
		return "'"
	case '\u2026':
		return "..."
	case '\u2013', '\u2014':
		return "-"
	}
	return string(r)
}
