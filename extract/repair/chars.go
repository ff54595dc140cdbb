package repair

import (
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// ligatures maps the Latin ligature code points to their letters. PDF
// producers emit them for the glyphs fi, fl, ...; a search for "officieel"
// must find "o\uFB03cieel".
var ligatures = map[rune]string{
	'\uFB00': "ff",
	'\uFB01': "fi",
	'\uFB02': "fl",
	'\uFB03': "ffi",
	'\uFB04': "ffl",
	'\uFB05': "st", // long s + t
	'\uFB06': "st",
}

// chars removes control characters, soft hyphens and invisible format
// characters, makes odd spaces plain, and expands ligature code points.
// A soft hyphen at the end of a line is left for layout, which joins the
// word it splits.
func chars(s string) []edit {
	var edits []edit
	prev := rune(-1)
	for i := 0; i < len(s); {
		if c := s[i]; c >= 0x20 && c < 0x7F { // printable ASCII: nothing to do
			prev = rune(c)
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		e := edit{Start: i, End: i + n}
		switch {
		case r == '\u00AD':
			if !atLineEnd(s[i+n:]) {
				e.Kind = KindSoftHyphen
			}
		case r == '\t' || r == '\n':
		case r < 0x20 || r >= 0x7F && r <= 0x9F:
			e.Kind = KindControl
		case invisible(r):
			e.Kind = KindZeroWidth
		case r == '\u200C' || r == '\u200D':
			// Joiners shape emoji and some scripts; between Latin
			// letters or at a word edge they are noise.
			next, _ := utf8.DecodeRuneInString(s[i+n:])
			if !joins(prev) && !joins(next) {
				e.Kind = KindZeroWidth
			}
		case oddSpace(r):
			e.Kind, e.After = KindSpace, " "
		case r >= '\uFB00' && r <= '\uFB06':
			e.Kind, e.After = KindLigature, ligatures[r]
		}
		if e.Kind != "" {
			edits = append(edits, e)
		}
		prev = r
		i += n
	}
	return edits
}

// atLineEnd reports whether s starts with optional spaces and a line break.
func atLineEnd(s string) bool {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case ' ', '\t':
			continue
		case '\n':
			return true
		}
		return false
	}
	return false
}

// invisible reports whether r is a format character with no visible glyph
// that carries no meaning in Dutch or English text: zero-width space, word
// joiner, byte order mark, direction marks, embeddings and isolates.
func invisible(r rune) bool {
	switch {
	case r == '\u200B', r == '\u2060', r == '\uFEFF', r == '\u180E',
		r == '\u200E', r == '\u200F', r == '\u2061', r == '\u2062', r == '\u2063', r == '\u2064':
		return true
	case r >= '\u202A' && r <= '\u202E', r >= '\u2066' && r <= '\u2069':
		return true
	}
	return false
}

// joins reports whether a zero-width joiner or non-joiner next to r may
// matter: r is a symbol (emoji) or a letter of a script other than Latin.
func joins(r rune) bool {
	if r < 0 {
		return false
	}
	if unicode.Is(unicode.So, r) || unicode.Is(unicode.Sk, r) {
		return true
	}
	return unicode.IsLetter(r) && !unicode.Is(unicode.Latin, r)
}

// oddSpace reports whether r is a space character other than the plain
// space and the tab: no-break, en, em, thin, hair, ideographic, ...
func oddSpace(r rune) bool {
	return r != ' ' && unicode.Is(unicode.Zs, r)
}

// nfc composes s to Unicode Normalization Form C, one edit per changed
// normalisation segment (a letter and its combining marks).
func nfc(s string) []edit {
	if norm.NFC.IsNormalString(s) {
		return nil
	}
	var edits []edit
	var it norm.Iter
	it.InitString(norm.NFC, s)
	for !it.Done() {
		start := it.Pos()
		seg := it.Next()
		end := it.Pos()
		if string(seg) != s[start:end] {
			edits = append(edits, edit{Start: start, End: end, After: string(seg), Kind: KindNFC})
		}
	}
	return edits
}
