package report

import (
	"bytes"
	"fmt"
	"io"
	"strconv"
	"time"

	"codeberg.org/go-pdf/fpdf"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goregular"
)

// PDF writes the overview as a one-page PDF with the same panels as the
// SVG, in the Go fonts (BSD licence), embedded. The document's dates are the
// report's date, so the same data gives the same bytes.
func PDF(w io.Writer, d *Data, p Page) error {
	s := layout(d, p)
	orient := "P"
	if s.W > s.H {
		orient = "L"
	}
	doc := fpdf.NewCustom(&fpdf.InitType{OrientationStr: orient, UnitStr: "pt", Size: fpdf.SizeType{Wd: min(s.W, s.H), Ht: max(s.W, s.H)}}) // fpdf turns the portrait size for "L"
	at := d.Date
	if at.IsZero() {
		at = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	doc.SetCreationDate(at.UTC())
	doc.SetModificationDate(at.UTC())
	doc.SetCatalogSort(true)
	doc.SetCompression(true)
	doc.SetProducer("zicht", true)
	doc.SetCreator("zicht report", true)
	doc.SetTitle(d.Title.In(d.Lang), true)
	doc.SetLang(string(d.Lang))
	doc.AddUTF8FontFromBytes("go", "", goregular.TTF)
	doc.AddUTF8FontFromBytes("go", "B", gobold.TTF)
	doc.SetMargins(0, 0, 0)
	doc.SetAutoPageBreak(false, 0)
	doc.AddPage()
	s.draw(&pdfCanvas{doc: doc}, d)
	if err := doc.Error(); err != nil {
		return fmt.Errorf("pdf: %w", err)
	}
	var b bytes.Buffer
	if err := doc.Output(&b); err != nil {
		return fmt.Errorf("pdf: %w", err)
	}
	_, err := w.Write(b.Bytes())
	return err
}

type pdfCanvas struct{ doc *fpdf.Fpdf }

func rgb(hex string) (r, g, b int) {
	if len(hex) == 7 && hex[0] == '#' {
		v, err := strconv.ParseUint(hex[1:], 16, 32)
		if err == nil {
			return int(v >> 16 & 0xff), int(v >> 8 & 0xff), int(v & 0xff)
		}
	}
	return 0, 0, 0
}

func (c *pdfCanvas) rect(r rect, fill, stroke string, dashed bool) {
	c.doc.SetFillColor(rgb(fill))
	c.doc.SetDrawColor(rgb(stroke))
	c.doc.SetLineWidth(0.6)
	if dashed {
		c.doc.SetDashPattern([]float64{1.5, 1}, 0)
	}
	c.doc.Rect(r.X, r.Y, r.W, r.H, "FD")
	if dashed {
		c.doc.SetDashPattern([]float64{}, 0)
	}
}

func (c *pdfCanvas) text(x, y, size float64, bold bool, color, s string) {
	style := ""
	if bold {
		style = "B"
	}
	c.doc.SetFont("go", style, size)
	c.doc.SetTextColor(rgb(color))
	c.doc.Text(x, y, s)
}

func (c *pdfCanvas) group(string, string) {}
func (c *pdfCanvas) endGroup()            {}
