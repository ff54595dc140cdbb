package extract

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode"

	"golang.org/x/text/encoding/charmap"
)

// XML limits.
const (
	// maxXMLDepth is the deepest element nesting accepted. Rulings and
	// office documents nest a few dozen levels; deeper is an attack or junk.
	maxXMLDepth = 512
)

// errDTD is returned for XML with a document type declaration: zicht reads
// no DTDs, so that entity declarations cannot expand ("billion laughs") or
// reach outside the file (external entities).
var errDTD = errors.New("XML with a document type declaration (DTD) is refused: entities are not expanded")

// xmlReader reads the tokens of an XML document safely: no DTDs, no entity
// other than the five predefined ones and character references, bounded
// nesting.
type xmlReader struct {
	d     *xml.Decoder
	depth int
}

func newXMLReader(data []byte) *xmlReader {
	d := xml.NewDecoder(bytes.NewReader(data))
	d.Strict = true
	d.Entity = nil // only &lt; &gt; &amp; &apos; &quot; and &#...;
	d.CharsetReader = func(label string, in io.Reader) (io.Reader, error) {
		switch strings.ToLower(label) {
		case "utf-8", "utf8", "us-ascii", "ascii":
			return in, nil
		case "iso-8859-1", "latin1", "latin-1", "iso_8859-1":
			return charmap.ISO8859_1.NewDecoder().Reader(in), nil
		case "windows-1252", "cp1252":
			return charmap.Windows1252.NewDecoder().Reader(in), nil
		}
		return nil, fmt.Errorf("unsupported XML encoding %q", label)
	}
	return &xmlReader{d: d}
}

// next returns the next token (a copy-free token: its data is valid until the
// next call), io.EOF at the end, or an error for a DTD, nesting deeper than
// maxXMLDepth, or malformed XML.
func (r *xmlReader) next() (xml.Token, error) {
	t, err := r.d.RawToken()
	if err != nil {
		return nil, err
	}
	switch t := t.(type) {
	case xml.StartElement:
		r.depth++
		if r.depth > maxXMLDepth {
			return nil, fmt.Errorf("XML nested deeper than %d elements", maxXMLDepth)
		}
	case xml.EndElement:
		r.depth--
	case xml.Directive:
		if bytes.HasPrefix(bytes.TrimSpace(t), []byte("DOCTYPE")) || bytes.Contains(t, []byte("ENTITY")) {
			return nil, errDTD
		}
	}
	return t, nil
}

// xmlError turns an error from xmlReader into the one-line reason given to
// the user.
func xmlError(err error) string {
	if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
		return "truncated XML"
	}
	var se *xml.SyntaxError
	if errors.As(err, &se) {
		return fmt.Sprintf("malformed XML at line %d: %s", se.Line, se.Msg)
	}
	return oneLine(err.Error())
}

// paraWriter collects the text of XML documents: text is added with its
// whitespace collapsed; block() ends a paragraph, so that paragraphs are
// separated by one blank line.
type paraWriter struct {
	b       strings.Builder
	brk     bool // a paragraph break is pending
	space   bool // a space is pending
	noBreak bool // the next break becomes a space (after a number: "1. De Raad")
	limit   int  // the most bytes kept; 0: no limit
}

func (w *paraWriter) block() {
	if w.noBreak {
		w.noBreak = false
		w.space = true
		return
	}
	w.brk = true
}

// lineBreak ends a line inside a paragraph.
func (w *paraWriter) lineBreak() {
	if w.b.Len() > 0 && !w.brk {
		w.b.WriteByte('\n')
		w.space = false
	}
}

// tab adds a tab as a space.
func (w *paraWriter) tab() { w.space = true }

// spaces adds n literal spaces (ODF text:s), which are kept.
func (w *paraWriter) spaces(n int) {
	w.flush()
	w.b.WriteString(strings.Repeat(" ", min(n, 16)))
}

func (w *paraWriter) flush() {
	if w.b.Len() > 0 {
		switch {
		case w.brk:
			w.b.WriteString("\n\n")
		case w.space:
			w.b.WriteByte(' ')
		}
	}
	w.brk, w.space = false, false
}

// text adds s, collapsing its whitespace.
func (w *paraWriter) text(s string) {
	if w.limit > 0 && w.b.Len() > w.limit {
		return
	}
	for i, f := range strings.FieldsFunc(s, unicode.IsSpace) {
		if i > 0 {
			w.space = true
		} else if s != "" && unicode.IsSpace(rune(s[0])) {
			w.space = true
		}
		w.flush()
		w.b.WriteString(f)
	}
	if s != "" && unicode.IsSpace(rune(s[len(s)-1])) {
		w.space = true
	}
}

// raw adds s as it is (DOCX w:t, whose spaces are meant).
func (w *paraWriter) raw(s string) {
	if s == "" || w.limit > 0 && w.b.Len() > w.limit {
		return
	}
	w.flush()
	w.b.WriteString(s)
}

func (w *paraWriter) String() string { return w.b.String() }
