package report

import (
	"math"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"golang.org/x/image/font"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"

	"github.com/zicht-project/zicht"
)

// Paper is a paper size.
type Paper string

// The paper sizes.
const (
	A4 Paper = "a4"
	A3 Paper = "a3"
)

// Orientation is portrait or landscape.
type Orientation string

// The orientations.
const (
	Portrait  Orientation = "portrait"
	Landscape Orientation = "landscape"
)

// ParsePaper returns the paper named s ("" gives A4), or a CodeInvalid error.
func ParsePaper(s string) (Paper, error) {
	switch p := Paper(strings.ToLower(strings.TrimSpace(s))); p {
	case "":
		return A4, nil
	case A4, A3:
		return p, nil
	}
	return "", zicht.Errorf(zicht.CodeInvalid, "unknown paper %q (want a4 or a3)", s)
}

// ParseOrientation returns the orientation named s ("" gives Portrait), or a CodeInvalid error.
func ParseOrientation(s string) (Orientation, error) {
	switch o := Orientation(strings.ToLower(strings.TrimSpace(s))); o {
	case "":
		return Portrait, nil
	case Portrait, Landscape:
		return o, nil
	}
	return "", zicht.Errorf(zicht.CodeInvalid, "unknown orientation %q (want portrait or landscape)", s)
}

// Page chooses the page of the graphic formats (SVG, HTML, PDF).
type Page struct {
	Paper       Paper       // default A4
	Orientation Orientation // default Portrait
}

// size is the page's width and height in points, and its name in mm.
func (p Page) size() (w, h, wmm, hmm float64) {
	w, h, wmm, hmm = 595.28, 841.89, 210, 297
	if p.Paper == A3 {
		w, h, wmm, hmm = 841.89, 1190.55, 297, 420
	}
	if p.Orientation == Landscape {
		w, h, wmm, hmm = h, w, hmm, wmm
	}
	return w, h, wmm, hmm
}

// rect is a rectangle in points, from the page's top left corner.
type rect struct{ X, Y, W, H float64 }

func (r rect) inside(o rect) bool {
	const eps = 1e-6
	return r.X >= o.X-eps && r.Y >= o.Y-eps && r.X+r.W <= o.X+o.W+eps && r.Y+r.H <= o.Y+o.H+eps
}

func (r rect) overlaps(o rect) bool {
	return r.X < o.X+o.W && o.X < r.X+r.W && r.Y < o.Y+o.H && o.Y < r.Y+r.H
}

// canvas is what the SVG and PDF writers draw on. Coordinates are points
// from the top left; text is placed at its baseline, left aligned.
type canvas interface {
	rect(r rect, fill, stroke string, dashed bool)
	text(x, y, size float64, bold bool, color, s string)
	group(id, label string) // starts a group of related shapes (a panel)
	endGroup()
}

// nop measures layout without drawing.
type nop struct{}

func (nop) rect(rect, string, string, bool)                      {}
func (nop) text(float64, float64, float64, bool, string, string) {}
func (nop) group(string, string)                                 {}
func (nop) endGroup()                                            {}

// Colours. Levels are never shown by colour alone: the word is always drawn.
const (
	colInk     = "#1a1a1a"
	colMuted   = "#555555"
	colPanel   = "#f7f4ef"
	colBorder  = "#b9b0a4"
	colEmpty   = "#ffffff"
	colUnknown = "#8a8a8a"
)

// gaugeColours fill the gauge's five steps, light to dark.
var gaugeColours = []string{"#f3d9a4", "#eeb467", "#e0813a", "#c4501f", "#8e2410"}

// metrics holds the advance widths of the Go fonts, used to measure text
// for both SVG (with a safety margin, as the viewer may pick another
// sans-serif font) and PDF (which embeds the Go fonts).
type metrics struct {
	adv [2]map[rune]float64 // [regular, bold]: advance per em
}

var fontMetrics = sync.OnceValue(func() *metrics {
	m := &metrics{}
	for i, ttf := range [][]byte{goregular.TTF, gobold.TTF} {
		m.adv[i] = map[rune]float64{}
		f, err := sfnt.Parse(ttf)
		if err != nil {
			continue // cannot happen with the embedded fonts; width falls back below
		}
		var b sfnt.Buffer
		upem := fixed.Int26_6(f.UnitsPerEm())
		for r := rune(0x20); r < 0x2100; r++ {
			gi, err := f.GlyphIndex(&b, r)
			if err != nil || gi == 0 {
				continue
			}
			a, err := f.GlyphAdvance(&b, gi, upem, font.HintingNone)
			if err != nil {
				continue
			}
			m.adv[i][r] = float64(a) / float64(upem)
		}
	}
	return m
})

// width is the width of s in points at size, in the Go fonts.
func width(s string, size float64, bold bool) float64 {
	m := fontMetrics()
	i := 0
	if bold {
		i = 1
	}
	w := 0.0
	for _, r := range s {
		a, ok := m.adv[i][r]
		if !ok {
			a = 0.6
		}
		w += a
	}
	return w * size
}

// slack widens measured text so that it still fits when a viewer renders
// the SVG in a wider sans-serif font than Go.
const slack = 1.08

// wrap breaks s into lines no wider than w at size.
func wrap(s string, w, size float64, bold bool) []string {
	var lines []string
	line := ""
	for _, word := range strings.Fields(s) {
		try := word
		if line != "" {
			try = line + " " + word
		}
		if width(try, size, bold)*slack <= w || line == "" && width(word, size, bold)*slack <= w {
			line = try
			continue
		}
		if line != "" {
			lines = append(lines, line)
		}
		// A word wider than the line is cut.
		for width(word, size, bold)*slack > w && utf8.RuneCountInString(word) > 1 {
			cut := fit(word, w, size, bold)
			lines = append(lines, cut)
			word = word[len(cut):]
		}
		line = word
	}
	if line != "" {
		lines = append(lines, line)
	}
	return lines
}

// fit is the longest prefix of s (at least one rune) that fits in w.
func fit(s string, w, size float64, bold bool) string {
	end := 0
	for i, r := range s {
		next := i + utf8.RuneLen(r)
		if end > 0 && width(s[:next], size, bold)*slack > w {
			break
		}
		end = next
	}
	return s[:end]
}

// clip keeps at most n lines, marking a cut with an ellipsis.
func clip(lines []string, n int, w, size float64, bold bool) []string {
	if n <= 0 {
		return nil
	}
	if len(lines) <= n {
		return lines
	}
	lines = slices0(lines[:n])
	last := lines[n-1]
	for last != "" && width(last+"…", size, bold)*slack > w {
		_, sz := utf8.DecodeLastRuneInString(last)
		last = strings.TrimRight(last[:len(last)-sz], " ")
	}
	lines[n-1] = last + "…"
	return lines
}

func slices0(s []string) []string { return append([]string(nil), s...) }

// num formats a coordinate with at most two decimals, the same on every run.
func num(v float64) string {
	v = math.Round(v*100) / 100
	if v == 0 {
		v = 0 // no "-0"
	}
	return strconv.FormatFloat(v, 'f', -1, 64)
}

func itoa(i int64) string { return strconv.FormatInt(i, 10) }

// sheet is the laid-out page: where the header, the legend and every panel go.
type sheet struct {
	W, H       float64
	WMM, HMM   float64
	margin     float64
	scale      float64 // 1 on A4, larger on A3
	font       float64 // the panels' text size
	header     rect
	legend     rect
	panels     []rect
	cols, rows int
}

// layout places the panels of d on page p.
func layout(d *Data, p Page) *sheet {
	s := &sheet{}
	s.W, s.H, s.WMM, s.HMM = p.size()
	s.scale = math.Min(s.W, s.H) / 595.28
	s.margin = 24 * s.scale
	inner := s.W - 2*s.margin
	hh := headerHeight(d, inner, s.scale)
	s.header = rect{s.margin, s.margin, inner, hh}
	lh := drawLegend(nop{}, d.Lang, rect{s.margin, 0, inner, 0}, s.scale)
	s.legend = rect{s.margin, s.H - s.margin - lh, inner, lh}
	gap := 6 * s.scale
	area := rect{s.margin, s.header.Y + hh + gap, inner, s.legend.Y - gap - (s.header.Y + hh + gap)}
	n := max(len(d.Panels), 1)
	best := -1.0
	for c := 1; c <= n; c++ {
		r := (n + c - 1) / c
		if (r-1)*c >= n {
			continue // a whole empty row: fewer columns do better
		}
		pw := (area.W - float64(c-1)*gap) / float64(c)
		ph := (area.H - float64(r-1)*gap) / float64(r)
		// Panels read best a little taller than wide.
		score := math.Min(pw, ph/1.15)
		if score > best {
			best, s.cols, s.rows = score, c, r
		}
	}
	pw := (area.W - float64(s.cols-1)*gap) / float64(s.cols)
	ph := (area.H - float64(s.rows-1)*gap) / float64(s.rows)
	for i := range d.Panels {
		c, r := i%s.cols, i/s.cols
		s.panels = append(s.panels, rect{area.X + float64(c)*(pw+gap), area.Y + float64(r)*(ph+gap), pw, ph})
	}
	s.font = panelFont(d, pw, ph, s.scale)
	return s
}

func titleSize(d *Data, w, scale float64) float64 {
	size := 16 * scale
	if tw := width(d.Title.In(d.Lang), size, true) * slack; tw > w {
		size *= w / tw
	}
	return size
}

func headerHeight(d *Data, w, scale float64) float64 {
	return titleSize(d, w, scale)*1.2 + 9*scale*1.6
}

// draw draws the whole page on c.
func (s *sheet) draw(c canvas, d *Data) {
	lang := d.Lang
	ts := titleSize(d, s.header.W, s.scale)
	c.text(s.header.X, s.header.Y+ts, ts, true, colInk, d.Title.In(lang))
	sub := wordSource.In(lang) + ": " + d.sourceWord(lang) + " · " + wordDate.In(lang) + ": " + d.dateWord()
	c.text(s.header.X, s.header.Y+ts*1.2+9*s.scale*1.2, 9*s.scale, false, colMuted, sub)
	for i := range d.Panels {
		drawPanel(c, &d.Panels[i], lang, s.panels[i], s.font)
	}
	drawLegend(c, lang, s.legend, s.scale)
}

// drawGauge draws the five steps of the scale for level l at (x, top) and
// returns its width. None fills no step; unknown draws dashed empty steps.
func drawGauge(c canvas, l zicht.Level, x, top, bw, bh float64) float64 {
	gap := bw * 0.18
	rank := l.Rank() // 0 none .. 5 high; -1 unknown
	for i := range 5 {
		fill, stroke := colEmpty, colBorder
		if i < rank {
			fill, stroke = gaugeColours[i], colInk
		}
		if rank < 0 {
			stroke = colUnknown
		}
		c.rect(rect{x + float64(i)*(bw+gap), top, bw, bh}, fill, stroke, rank < 0)
	}
	return 5*bw + 4*gap
}

// drawPanel draws one group's panel in r.
// It returns the height the panel's content needs at font size f; texts
// that do not fit in r are cut with an ellipsis.
func drawPanel(c canvas, p *Panel, lang zicht.Lang, r rect, f float64) float64 {
	c.group("panel-"+string(p.Group.ID), p.Group.Name.In(lang))
	defer c.endGroup()
	c.rect(r, colPanel, colBorder, false)
	pad := f * 0.8
	x, w := r.X+pad, r.W-2*pad
	y := r.Y + pad
	lh := f * 1.25
	bottom := r.Y + r.H - pad

	// Name: up to three lines, bold.
	ns := f * 1.15
	for _, l := range clip(wrap(p.Group.Name.In(lang), w, ns, true), 3, w, ns, true) {
		y += ns * 1.2
		c.text(x, y, ns, true, colInk, l)
	}
	y += f * 0.5

	// Q1: heading, gauge and the level in words.
	hs := f * 0.85
	y += hs * 1.2
	c.text(x, y, hs, true, colMuted, "Q1 "+wordQ1.In(lang))
	bh, bw := f*1.2, math.Min(f*1.5, w/12)
	top := y + f*0.35
	gw := drawGauge(c, p.Q1.Level, x, top, bw, bh)
	word := levelWord(p.Q1.Level, lang)
	ws := f * 1.05
	if width(word, ws, true)*slack > w-gw-f*0.6 {
		ws = math.Max(f*0.6, (w-gw-f*0.6)/(width(word, 1, true)*slack))
	}
	c.text(x+gw+f*0.6, top+bh*0.5+ws*0.36, ws, true, colInk, word)
	y = top + bh

	// Fixed rows below: Q2 line, step heading, confidence line.
	q2 := "Q2 " + wordQ2.In(lang) + ": " + levelWord(p.Q2.Level, lang)
	q2lines := clip(wrap(q2, w, f, true), 2, w, f, true)
	conf := wordConfidence.In(lang) + ": " + confidenceWord(p.Confidence, lang)
	confLines := clip(wrap(conf, w, f*0.9, false), 1, w, f*0.9, false)
	step := p.step(lang)
	if step == "" {
		step = wordNoStep.In(lang)
	}
	fixed := float64(len(q2lines))*lh + lh + lh + f*1.2 // Q2, step heading, confidence, spacing
	avail := bottom - y - fixed
	blocks := [][]string{
		wrap(summary(p.Q1.Summary, lang), w, f, false),
		wrap(summary(p.Q2.Summary, lang), w, f, false),
		wrap(step, w, f, false),
	}
	budget := share(int(math.Floor(avail/lh)), []int{len(blocks[0]), len(blocks[1]), len(blocks[2])})
	for i := range blocks {
		blocks[i] = clip(blocks[i], budget[i], w, f, false)
	}

	y += f * 0.3
	for _, l := range blocks[0] {
		y += lh
		c.text(x, y, f, false, colInk, l)
	}
	y += f * 0.4
	for _, l := range q2lines {
		y += lh
		c.text(x, y, f, true, colInk, l)
	}
	for _, l := range blocks[1] {
		y += lh
		c.text(x, y, f, false, colInk, l)
	}
	y += f * 0.4
	y += lh
	c.text(x, y, f, true, colInk, wordStep.In(lang)+":")
	for _, l := range blocks[2] {
		y += lh
		c.text(x, y, f, false, colInk, l)
	}
	for _, l := range confLines {
		c.text(x, bottom-f*0.2, f*0.9, false, colMuted, l)
	}
	return y + f*1.2 + lh + pad - r.Y
}

func summary(t zicht.Text, lang zicht.Lang) string {
	if s := t.In(lang); strings.TrimSpace(s) != "" {
		return s
	}
	return wordNoSummary.In(lang)
}

// share splits n lines over blocks that want want[i] lines: each gets an
// equal share, and what a block leaves goes to the others.
func share(n int, want []int) []int {
	got := make([]int, len(want))
	for n > 0 {
		open := 0
		for i := range want {
			if got[i] < want[i] {
				open++
			}
		}
		if open == 0 {
			break
		}
		each := max(n/open, 1)
		for i := range want {
			if got[i] < want[i] && n > 0 {
				g := min(each, want[i]-got[i], n)
				got[i] += g
				n -= g
			}
		}
	}
	return got
}

// drawLegend draws the legend in r (its height is ignored) and returns the height it needs.
func drawLegend(c canvas, lang zicht.Lang, r rect, scale float64) float64 {
	f := 7 * scale
	lh := f * 1.3
	pad := f * 0.8
	x, w := r.X+pad, r.W-2*pad
	y := r.Y + pad
	c.group("legend", wordLegend.In(lang))
	defer c.endGroup()
	var texts [][]string
	for _, t := range []zicht.Text{wordLegendQ1, wordLegendQ2} {
		texts = append(texts, wrap(t.In(lang), w, f, false))
	}
	// Scale: every level as a gauge with its word, flowing over as many rows as needed.
	type item struct {
		l zicht.Level
		w float64
	}
	bw, bh := f*1.2, f*1.0
	var items []item
	for _, l := range append([]zicht.Level{zicht.LevelUnknown}, zicht.Levels...) {
		items = append(items, item{l, 5*bw + 4*bw*0.18 + f*0.5 + width(levelWord(l, lang), f, true)*slack + f*1.6})
	}
	label := wordScale.In(lang) + ":"
	lw := width(label, f, true)*slack + f*0.6
	var rows [][]item
	cur, used := []item{}, lw
	for _, it := range items {
		if used+it.w > w && len(cur) > 0 {
			rows = append(rows, cur)
			cur, used = nil, lw
		}
		cur = append(cur, it)
		used += it.w
	}
	rows = append(rows, cur)
	conf := wrap(wordLegendConfidence.In(lang), w, f, false)
	h := 2*pad + lh + float64(len(texts[0])+len(texts[1])+len(conf))*lh + float64(len(rows))*(bh+f*0.7) + f*0.5
	c.rect(rect{r.X, r.Y, r.W, h}, colEmpty, colBorder, false)
	y += lh
	c.text(x, y, f*1.1, true, colInk, wordLegend.In(lang))
	for _, t := range texts {
		for _, l := range t {
			y += lh
			c.text(x, y, f, false, colInk, l)
		}
	}
	y += f * 0.5
	for i, row := range rows {
		if i == 0 {
			c.text(x, y+bh*0.85, f, true, colInk, label)
		}
		xx := x + lw
		for _, it := range row {
			gw := drawGauge(c, it.l, xx, y, bw, bh)
			c.text(xx+gw+f*0.5, y+bh*0.85, f, true, colInk, levelWord(it.l, lang))
			xx += it.w
		}
		y += bh + f*0.7
	}
	for _, l := range conf {
		y += lh
		c.text(x, y-f*0.4, f, false, colMuted, l)
	}
	return h
}

// panelFont is the largest text size, within bounds, at which every panel's
// content fits a pw × ph panel; all panels share it so they read alike.
func panelFont(d *Data, pw, ph, scale float64) float64 {
	const least = 3.2
	f := math.Min(math.Min(pw/16, ph/12), 10.5*scale)
	for ; f > least; f *= 0.95 {
		fits := true
		for i := range d.Panels {
			if drawPanel(nop{}, &d.Panels[i], d.Lang, rect{0, 0, pw, 1e6}, f) > ph {
				fits = false
				break
			}
		}
		if fits {
			return f
		}
	}
	return least
}
