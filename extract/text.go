package extract

import (
	"bytes"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/encoding/unicode/utf32"
)

// Charset names, as recorded in Result.Meta["charset"].
const (
	charsetUTF8    = "utf-8"
	charsetUTF16LE = "utf-16le"
	charsetUTF16BE = "utf-16be"
	charsetUTF32LE = "utf-32le"
	charsetUTF32BE = "utf-32be"
	charset1252    = "windows-1252"
	charsetLatin1  = "iso-8859-1"
)

// extractText reads a plain-text file in any of the encodings decodeText
// detects. Binary data is CodeUnsupported.
func extractText(name string, data []byte) (*raw, error) {
	s, cs := decodeText(data)
	if binary(s) {
		return nil, unsupportedBinary(name)
	}
	return &raw{format: FormatText, text: s, meta: map[string]string{"charset": cs}}, nil
}

// decodeText decodes data to UTF-8 and names the encoding it found: a byte
// order mark (UTF-8, UTF-16, UTF-32) decides; else valid UTF-8 is UTF-8;
// else NUL bytes in every other place make UTF-16 without a BOM; else the
// bytes are Windows-1252 when any is in 0x80–0x9F (C1 controls in
// ISO-8859-1, but curly quotes, dashes and € in Windows-1252), and
// ISO-8859-1 otherwise. The BOM is not part of the text.
func decodeText(data []byte) (string, string) {
	switch {
	case bytes.HasPrefix(data, []byte("\xEF\xBB\xBF")):
		return string(data[3:]), charsetUTF8
	case bytes.HasPrefix(data, []byte("\xFF\xFE\x00\x00")):
		return decodeWith(utf32.UTF32(utf32.LittleEndian, utf32.ExpectBOM), data), charsetUTF32LE
	case bytes.HasPrefix(data, []byte("\x00\x00\xFE\xFF")):
		return decodeWith(utf32.UTF32(utf32.BigEndian, utf32.ExpectBOM), data), charsetUTF32BE
	case bytes.HasPrefix(data, []byte("\xFF\xFE")):
		return decodeWith(unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM), data), charsetUTF16LE
	case bytes.HasPrefix(data, []byte("\xFE\xFF")):
		return decodeWith(unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM), data), charsetUTF16BE
	case utf8.Valid(data):
		return string(data), charsetUTF8
	}
	switch utf16Order(data) {
	case 'L':
		return decodeWith(unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM), data), charsetUTF16LE
	case 'B':
		return decodeWith(unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM), data), charsetUTF16BE
	}
	return decodeLegacy(data)
}

// decodeLegacy decodes data as Windows-1252 when it has bytes in 0x80–0x9F,
// and as ISO-8859-1 otherwise.
func decodeLegacy(data []byte) (string, string) {
	for _, b := range data {
		if b >= 0x80 && b <= 0x9F {
			return decodeWith(charmap.Windows1252, data), charset1252
		}
	}
	return decodeWith(charmap.ISO8859_1, data), charsetLatin1
}

// decodeWith decodes data with e; bytes e cannot decode become U+FFFD.
func decodeWith(e encoding.Encoding, data []byte) string {
	out, err := e.NewDecoder().Bytes(data)
	if err != nil {
		// The x/text decoders replace what they cannot decode rather than
		// fail; this is a fallback that keeps what can be kept.
		return string(bytes.ToValidUTF8(data, []byte("\uFFFD")))
	}
	return string(out)
}

// utf16Order returns 'L' or 'B' when data looks like UTF-16 text without a
// BOM (most of the high or low bytes of its first code units are NUL, as in
// Latin text, and almost none of the others), and 0 otherwise.
func utf16Order(data []byte) byte {
	n := min(len(data), 4096) / 2
	if n < 2 {
		return 0
	}
	var even, odd int
	for i := 0; i < n; i++ {
		if data[2*i] == 0 {
			even++
		}
		if data[2*i+1] == 0 {
			odd++
		}
	}
	switch {
	case odd*10 >= n*6 && even*20 <= n:
		return 'L'
	case even*10 >= n*6 && odd*20 <= n:
		return 'B'
	}
	return 0
}

// binary reports whether decoded text is binary data rather than text: it
// has NUL characters, or more than one in a hundred of its characters are
// control characters other than tab, line feed, carriage return, form feed
// and escape, or more than one in ten are U+FFFD.
func binary(s string) bool {
	var n, ctl, bad int
	for _, r := range s {
		n++
		switch {
		case r == 0:
			return true
		case r == utf8.RuneError:
			bad++
		case r < 0x20 && r != '\t' && r != '\n' && r != '\r' && r != '\f' && r != 0x1B,
			r >= 0x7F && r <= 0x9F:
			ctl++
		}
	}
	return ctl*100 > n || bad*10 > n
}

// unsupportedBinary is the error for data that is neither text nor a known format.
func unsupportedBinary(name string) error {
	return unsupported(name, "application/octet-stream (binary data, not text)")
}
