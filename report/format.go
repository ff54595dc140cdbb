package report

import (
	"io"
	"strings"

	"github.com/zicht-project/zicht"
)

// Format is an output format of the report.
type Format string

// The formats.
const (
	FormatSVG  Format = "svg"
	FormatHTML Format = "html"
	FormatPDF  Format = "pdf"
	FormatMD   Format = "md"
	FormatCSV  Format = "csv"
	FormatJSON Format = "json"
)

// Formats lists every format.
var Formats = []Format{FormatSVG, FormatHTML, FormatPDF, FormatMD, FormatCSV, FormatJSON}

// ParseFormat returns the format named s, or a CodeInvalid error.
func ParseFormat(s string) (Format, error) {
	f := Format(strings.ToLower(strings.TrimSpace(s)))
	for _, g := range Formats {
		if g == f {
			return f, nil
		}
	}
	return "", zicht.Errorf(zicht.CodeInvalid, "unknown format %q (want svg, html, pdf, md, csv or json)", s)
}

// Binary reports whether the format is not text (PDF).
func (f Format) Binary() bool { return f == FormatPDF }

// Write renders d in format f to w; p sets the page of SVG, HTML and PDF.
// Markdown writes the briefs of all groups one after the other.
func Write(w io.Writer, d *Data, f Format, p Page) error {
	switch f {
	case FormatSVG:
		return SVG(w, d, p)
	case FormatHTML:
		return HTML(w, d, p)
	case FormatPDF:
		return PDF(w, d, p)
	case FormatMD:
		for i := range d.Panels {
			if i > 0 {
				if _, err := io.WriteString(w, "\n---\n\n"); err != nil {
					return err
				}
			}
			if err := Brief(w, d, &d.Panels[i]); err != nil {
				return err
			}
		}
		return nil
	case FormatCSV:
		return CSV(w, d)
	case FormatJSON:
		return JSON(w, d)
	}
	return zicht.Errorf(zicht.CodeInvalid, "unknown format %q", f)
}
