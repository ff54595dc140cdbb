package report

import (
	"bytes"
	"encoding/xml"
	"io"
	"strings"
)

// fontStack names only widely installed sans-serif fonts and ends in the
// generic family, so the SVG needs no font file.
const fontStack = "Arial, Helvetica, 'Liberation Sans', 'Nimbus Sans', 'DejaVu Sans', sans-serif"

// SVG writes the overview as one standalone SVG page: one panel per group,
// a header and a legend.
func SVG(w io.Writer, d *Data, p Page) error {
	return writeSVG(w, d, p, false)
}

// writeSVG writes the page; inline leaves out the XML declaration and the
// namespace, for embedding in HTML.
func writeSVG(w io.Writer, d *Data, p Page, inline bool) error {
	s := layout(d, p)
	var b bytes.Buffer
	if !inline {
		b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	}
	b.WriteString(`<svg`)
	if !inline {
		b.WriteString(` xmlns="http://www.w3.org/2000/svg"`)
	}
	b.WriteString(` width="` + num(s.WMM) + `mm" height="` + num(s.HMM) + `mm" viewBox="0 0 ` + num(s.W) + ` ` + num(s.H) + `"`)
	b.WriteString(` role="img" aria-labelledby="zicht-title zicht-desc" lang="` + string(d.Lang) + `"`)
	b.WriteString(` font-family="` + fontStack + `">` + "\n")
	b.WriteString(`<title id="zicht-title">`)
	esc(&b, d.Title.In(d.Lang))
	b.WriteString("</title>\n<desc id=\"zicht-desc\">")
	esc(&b, wordSource.In(d.Lang)+": "+d.sourceWord(d.Lang)+" · "+wordDate.In(d.Lang)+": "+d.dateWord())
	b.WriteString("</desc>\n")
	b.WriteString(`<rect x="0" y="0" width="` + num(s.W) + `" height="` + num(s.H) + `" fill="#ffffff"/>` + "\n")
	s.draw(&svgCanvas{b: &b}, d)
	b.WriteString("</svg>\n")
	_, err := w.Write(b.Bytes())
	return err
}

func esc(b *bytes.Buffer, s string) {
	_ = xml.EscapeText(b, []byte(s)) // writing to a bytes.Buffer cannot fail
}

type svgCanvas struct{ b *bytes.Buffer }

func (c *svgCanvas) rect(r rect, fill, stroke string, dashed bool) {
	c.b.WriteString(`<rect x="` + num(r.X) + `" y="` + num(r.Y) + `" width="` + num(r.W) + `" height="` + num(r.H) +
		`" fill="` + fill + `" stroke="` + stroke + `" stroke-width="0.6"`)
	if dashed {
		c.b.WriteString(` stroke-dasharray="1.5 1"`)
	}
	c.b.WriteString("/>\n")
}

func (c *svgCanvas) text(x, y, size float64, bold bool, color, s string) {
	c.b.WriteString(`<text x="` + num(x) + `" y="` + num(y) + `" font-size="` + num(size) + `"`)
	if bold {
		c.b.WriteString(` font-weight="bold"`)
	}
	c.b.WriteString(` fill="` + color + `">`)
	esc(c.b, s)
	c.b.WriteString("</text>\n")
}

func (c *svgCanvas) group(id, label string) {
	c.b.WriteString(`<g id="`)
	esc(c.b, idSafe(id))
	c.b.WriteString(`" aria-label="`)
	esc(c.b, label)
	c.b.WriteString("\">\n")
}

func (c *svgCanvas) endGroup() { c.b.WriteString("</g>\n") }

// idSafe keeps letters, digits, '-' and '_' of an id.
func idSafe(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '_' {
			return r
		}
		return '_'
	}, s)
}
