package extract

import "strings"

// standardWidths are the glyph widths, in thousandths of the font size, of
// codes 32–126 in the standard Type 1 fonts Helvetica and Times-Roman (from
// their Adobe font metrics). PDFs may use the standard fonts without a
// /Widths array; the layout needs widths to find word gaps.
var standardWidths = map[string][95]float64{
	"helvetica": {
		278, 278, 355, 556, 556, 889, 667, 222, 333, 333, 389, 584, 278, 333, 278, 278,
		556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556,
		1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778,
		667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556,
		222, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556,
		556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,
	},
	"times": {
		250, 333, 408, 500, 500, 833, 778, 333, 333, 333, 500, 564, 250, 333, 250, 278,
		500, 500, 500, 500, 500, 500, 500, 500, 500, 500, 278, 278, 564, 564, 564, 444,
		921, 722, 667, 667, 722, 611, 556, 722, 722, 333, 389, 722, 611, 889, 722, 722,
		556, 722, 667, 556, 611, 722, 722, 944, 722, 722, 611, 333, 278, 333, 469, 500,
		333, 444, 500, 444, 500, 444, 333, 500, 500, 278, 278, 500, 278, 778, 500, 500,
		500, 500, 333, 389, 278, 500, 500, 722, 500, 500, 444, 480, 200, 480, 541,
	},
}

// standardFont returns the widths of codes 32–126 and a default width for
// other codes of the standard font named base ("Times-Bold",
// "ABCDEF+Helvetica"), approximating bold and italic faces by the regular
// one. ok is false for fonts that are not standard.
func standardFont(base string) (widths []float64, dflt float64, ok bool) {
	if i := strings.IndexByte(base, '+'); i >= 0 {
		base = base[i+1:]
	}
	b := strings.ToLower(base)
	switch {
	case strings.Contains(b, "courier"):
		w := make([]float64, 95)
		for i := range w {
			w[i] = 600
		}
		return w, 600, true
	case strings.Contains(b, "helvetica"), strings.Contains(b, "arial"):
		w := standardWidths["helvetica"]
		return w[:], 556, true
	case strings.Contains(b, "times"):
		w := standardWidths["times"]
		return w[:], 500, true
	}
	return nil, 0, false
}
