package extract

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"math"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/ledongthuc/pdf"
)

// PDF limits: a damaged or hostile file must not make the reader loop or
// take unbounded time.
const (
	maxPDFPages      = 20000   // pages read
	maxPageTreeNodes = 200000  // nodes of the page tree visited
	maxPageTreeDepth = 64      // depth of the page tree
	maxParentChain   = 64      // /Parent links followed for inherited resources
	maxFormDepth     = 8       // form XObjects nested in form XObjects
	maxFormsPerPage  = 2000    // form XObjects drawn on one page
	maxOpsPerPage    = 5000000 // content stream operators on one page
	maxCIDWidths     = 65536   // entries read from a CID font's /W array
)

// Layout thresholds, as fractions of the font size or the line spacing.
const (
	sameLine      = 0.5  // baselines closer than this are one line
	wordGap       = 0.15 // a horizontal gap wider than this is a space
	backJump      = 2.0  // moving left more than this starts a new line
	paraSpacing   = 1.15 // a line spacing this much above the usual starts a paragraph
	sizeChange    = 0.15 // a font size change this large starts a paragraph
	letterSpacing = 0.2  // character spacing this wide may separate words
	minLetters    = 5    // a PDF with fewer letters per page has no text layer
	minLettersPF  = 50   // ... unless it has at least this many in all
)

// errPageLimit stops a page that runs too many operators.
var errPageLimit = errors.New("page has too many operators")

// extractPDF reads the text layer of a PDF with github.com/ledongthuc/pdf,
// laying the text out itself from the glyph positions: lines by baseline,
// words by the gaps between glyphs, paragraphs by line spacing. A panic in
// the library is a CodeInvalid error naming the file; a page the library
// cannot read is skipped and counted in Meta["pdf_pages_unreadable"].
func extractPDF(ctx context.Context, name string, data []byte) (d *raw, err error) {
	defer func() {
		if r := recover(); r != nil {
			d, err = nil, invalid(name, "PDF is damaged; zicht cannot read it (%s)", panicText(r))
		}
	}()
	data = normalisePDF(data)
	r, err := pdf.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		if bytes.Contains(data, []byte("/Encrypt")) {
			return nil, invalid(name, "PDF is encrypted; zicht cannot read encrypted PDFs")
		}
		return nil, invalid(name, "PDF is damaged or truncated (%s)", oneLine(err.Error()))
	}
	d = &raw{format: FormatPDF, meta: map[string]string{}}
	trailer := r.Trailer()
	if trailer.Key("Encrypt").Kind() != pdf.Null {
		// Opened with the empty user password: readable, but say so.
		d.meta["pdf_encrypted"] = "true"
	}
	readInfo(trailer.Key("Info"), d)
	if v := pdfVersion(data); v != "" {
		d.meta["pdf_version"] = v
	}

	pages := pageList(trailer.Key("Root").Key("Pages"))
	if len(pages) == 0 {
		return nil, invalid(name, "PDF has no pages")
	}
	d.meta["pages"] = strconv.Itoa(len(pages))
	var texts []string
	var unreadable, numbers int
	for _, pg := range pages {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		chunks, err := pageChunks(ctx, pg)
		if err != nil {
			if ctx.Err() != nil {
				return nil, ctx.Err()
			}
			unreadable++
		}
		text, dropped := layoutPage(chunks)
		numbers += dropped
		texts = append(texts, text)
	}
	if unreadable > 0 {
		d.meta["pdf_pages_unreadable"] = strconv.Itoa(unreadable)
	}
	if numbers > 0 {
		d.meta["pdf_page_numbers_removed"] = strconv.Itoa(numbers)
	}
	d.text = joinPages(texts)
	if n := letters(d.text); n < minLetters*len(pages) && n < minLettersPF {
		if unreadable == len(pages) {
			return nil, invalid(name, "PDF is damaged; zicht could not read any of its pages")
		}
		return nil, invalid(name, "PDF has no text layer (scanned image?); OCR is not supported yet")
	}
	return d, nil
}

// panicText is the message of a recovered panic value, on one line.
func panicText(r any) string {
	if e, ok := r.(error); ok {
		return oneLine(e.Error())
	}
	return oneLine(fmt.Sprint(r))
}

// oneLine keeps the first line of s, at most 200 bytes of it.
func oneLine(s string) string {
	if i := strings.IndexAny(s, "\r\n"); i >= 0 {
		s = s[:i]
	}
	if len(s) > 200 {
		s = strings.ToValidUTF8(s[:200], "") + "…"
	}
	return s
}

// normalisePDF returns data with what the library is strict about and
// readers are not made right: junk before the "%PDF-" header is cut, a
// version above 1.7 or a header line not ended by a line break is rewritten
// (in a copy), and junk after the last %%EOF is cut.
func normalisePDF(data []byte) []byte {
	if i := bytes.Index(data[:min(len(data), 1024)], []byte("%PDF-")); i > 0 {
		data = data[i:]
	}
	if len(data) >= 9 {
		versionOK := data[5] == '1' && data[6] == '.' && data[7] >= '0' && data[7] <= '7'
		eolOK := data[8] == '\r' || data[8] == '\n'
		if !versionOK || !eolOK {
			data = bytes.Clone(data)
			if !versionOK {
				copy(data[5:8], "1.7")
			}
			if !eolOK {
				data[8] = '\n'
			}
		}
	}
	if i := bytes.LastIndex(data, []byte("%%EOF")); i >= 0 && len(data)-i > 64 {
		data = data[:i+len("%%EOF")]
	}
	return data
}

// pdfVersion returns the version in the header, such as "1.4".
func pdfVersion(data []byte) string {
	if len(data) < 8 {
		return ""
	}
	v := string(data[5:8])
	if v[0] < '0' || v[0] > '9' || v[1] != '.' || v[2] < '0' || v[2] > '9' {
		return ""
	}
	return v
}

// readInfo reads the document information dictionary into d: title,
// creation date, and the rest as metadata.
func readInfo(info pdf.Value, d *raw) {
	if info.Kind() != pdf.Dict {
		return
	}
	text := func(key string) string { return cleanTitle(info.Key(key).Text()) }
	if t := text("Title"); t != "" {
		d.meta["pdf_title"] = t
		if !junkTitle(t) {
			d.title = t
		}
	}
	for key, mk := range map[string]string{
		"Author": "author", "Subject": "subject", "Keywords": "keywords",
		"Creator": "pdf_creator", "Producer": "pdf_producer",
	} {
		if v := text(key); v != "" {
			d.meta[mk] = v
		}
	}
	if t, ok := parsePDFDate(info.Key("CreationDate").RawString()); ok {
		d.date = t
		d.meta["date_source"] = "pdf CreationDate"
	}
	if t, ok := parsePDFDate(info.Key("ModDate").RawString()); ok {
		d.meta["modified"] = t.Format("2006-01-02T15:04:05Z07:00")
	}
}

var junkTitleRE = regexp.MustCompile(`(?i)^(untitled|title|document\d*|microsoft (word|powerpoint) - .*|.*\.(docx?|pdf|indd|rtf|odt|tex|dvi|ps))$`)

// junkTitle reports whether a PDF Title is a file name or a placeholder
// rather than the document's title.
func junkTitle(t string) bool {
	return junkTitleRE.MatchString(strings.TrimSpace(t))
}

// pageList returns the page objects of the page tree rooted at root, in
// order, walking it without recursion and within the limits.
func pageList(root pdf.Value) []pdf.Value {
	type node struct {
		v     pdf.Value
		depth int
	}
	var pages []pdf.Value
	stack := []node{{root, 0}}
	for visited := 0; len(stack) > 0 && visited < maxPageTreeNodes && len(pages) < maxPDFPages; visited++ {
		n := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if n.v.Kind() != pdf.Dict {
			continue
		}
		kids := n.v.Key("Kids")
		typ := n.v.Key("Type").Name()
		if typ == "Pages" || typ != "Page" && kids.Kind() == pdf.Array {
			if n.depth >= maxPageTreeDepth {
				continue
			}
			for i := kids.Len() - 1; i >= 0; i-- {
				stack = append(stack, node{kids.Index(i), n.depth + 1})
			}
			continue
		}
		pages = append(pages, n.v)
	}
	return pages
}

// inherited returns the value of key in page or the nearest ancestor in
// the page tree that has it.
func inherited(page pdf.Value, key string) pdf.Value {
	v := page
	for range maxParentChain {
		if v.Kind() != pdf.Dict {
			break
		}
		if r := v.Key(key); !r.IsNull() {
			return r
		}
		v = v.Key("Parent")
	}
	return pdf.Value{}
}

// chunk is a run of text drawn by one text-showing operator: its start and
// end on the baseline in device space, its font size, its text.
type chunk struct {
	x0, y, x1 float64
	size      float64
	text      string
}

// matrix is a PDF transformation matrix [a b c d e f].
type matrix [6]float64

var identity = matrix{1, 0, 0, 1, 0, 0}

// mul returns m × n: the transformation m followed by n.
func (m matrix) mul(n matrix) matrix {
	return matrix{
		m[0]*n[0] + m[1]*n[2],
		m[0]*n[1] + m[1]*n[3],
		m[2]*n[0] + m[3]*n[2],
		m[2]*n[1] + m[3]*n[3],
		m[4]*n[0] + m[5]*n[2] + n[4],
		m[4]*n[1] + m[5]*n[3] + n[5],
	}
}

func translate(x, y float64) matrix { return matrix{1, 0, 0, 1, x, y} }

// gstate is the part of the graphics state that places text.
type gstate struct {
	ctm                                matrix
	font                               *font
	size, charSpace, wordSpace, hscale float64
	leading, rise                      float64
}

// font is what the layout needs of a font: how to decode its codes and how
// wide its glyphs are (in thousandths of the font size).
type font struct {
	enc     pdf.TextEncoding
	twoByte bool // codes are two bytes (Type0 fonts)
	first   int
	widths  []float64
	cid     map[int]float64
	dflt    float64 // width of a code without one
	scale   float64 // glyph space to thousandths (Type3 fonts)
}

// rawEncoding decodes codes as Latin-1, for fonts the library cannot map.
type rawEncoding struct{}

func (rawEncoding) Decode(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		b.WriteRune(rune(s[i]))
	}
	return b.String()
}

// byteCache decodes the codes of a one-byte font through enc, asking enc
// once per code: the library resolves the font's /Differences on every
// call. A font belongs to one page run, so the cache needs no lock.
type byteCache struct {
	enc  pdf.TextEncoding
	done [256]bool
	t    [256]string
}

func (c *byteCache) Decode(s string) string {
	if len(s) == 1 {
		return c.code(s[0])
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		b.WriteString(c.code(s[i]))
	}
	return b.String()
}

func (c *byteCache) code(b byte) string {
	if !c.done[b] {
		c.t[b] = c.enc.Decode(string([]byte{b}))
		c.done[b] = true
	}
	return c.t[b]
}

// loadFont reads font dictionary v. A font the library cannot read decodes
// as Latin-1 with default widths rather than losing the page.
func loadFont(v pdf.Value) (f *font) {
	f = &font{enc: rawEncoding{}, dflt: 500, scale: 1}
	defer func() {
		if recover() != nil {
			f = &font{enc: rawEncoding{}, dflt: 500, scale: 1}
		}
	}()
	if v.Kind() != pdf.Dict {
		return f
	}
	pf := pdf.Font{V: v}
	if enc := pf.Encoder(); enc != nil {
		f.enc = enc
	}
	if v.Key("Subtype").Name() != "Type0" {
		// One byte a code: decode each code once, not on every show.
		f.enc = &byteCache{enc: f.enc}
	}
	switch v.Key("Subtype").Name() {
	case "Type0":
		f.twoByte = true
		desc := v.Key("DescendantFonts").Index(0)
		f.dflt = 1000
		if dw := desc.Key("DW"); dw.Kind() == pdf.Integer || dw.Kind() == pdf.Real {
			f.dflt = dw.Float64()
		}
		f.cid = cidWidths(desc.Key("W"))
		return f
	case "Type3":
		if fm := v.Key("FontMatrix"); fm.Len() == 6 && fm.Index(0).Float64() != 0 {
			f.scale = fm.Index(0).Float64() * 1000
		}
	}
	f.first = int(v.Key("FirstChar").Int64())
	ws := v.Key("Widths")
	for i := 0; i < min(ws.Len(), 256); i++ {
		f.widths = append(f.widths, ws.Index(i).Float64())
	}
	if len(f.widths) == 0 {
		if w, dflt, ok := standardFont(v.Key("BaseFont").Name()); ok {
			f.first, f.widths, f.dflt = 32, w, dflt
		}
	}
	return f
}

// cidWidths reads a CID font's /W array: "c [w1 w2 ...]" and "cfirst clast w".
func cidWidths(w pdf.Value) map[int]float64 {
	m := map[int]float64{}
	for i := 0; i < w.Len() && len(m) < maxCIDWidths; {
		c := int(w.Index(i).Int64())
		next := w.Index(i + 1)
		if next.Kind() == pdf.Array {
			for j := 0; j < next.Len() && len(m) < maxCIDWidths; j++ {
				m[c+j] = next.Index(j).Float64()
			}
			i += 2
			continue
		}
		last := int(next.Int64())
		width := w.Index(i + 2).Float64()
		for c2 := c; c2 <= last && len(m) < maxCIDWidths; c2++ {
			m[c2] = width
		}
		i += 3
	}
	return m
}

// width returns the width of code in thousandths of the font size.
func (f *font) width(code int) float64 {
	if f.twoByte {
		if w, ok := f.cid[code]; ok {
			return w
		}
		return f.dflt
	}
	if i := code - f.first; i >= 0 && i < len(f.widths) && f.widths[i] > 0 {
		return f.widths[i] * f.scale
	}
	if code == ' ' {
		return f.dflt / 2
	}
	return f.dflt
}

// pageRun interprets the content of one page.
type pageRun struct {
	ctx    context.Context
	chunks []chunk
	ops    int
	forms  int
	fonts  []map[string]*font // per resource scope: the page, each form drawn
}

// pageChunks returns the text chunks of page in the order they are drawn.
// On an error the chunks read so far are returned with it.
func pageChunks(ctx context.Context, page pdf.Value) (chunks []chunk, err error) {
	run := &pageRun{ctx: ctx}
	defer func() {
		if r := recover(); r != nil {
			chunks = run.chunks
			if e, ok := r.(error); ok && (errors.Is(e, context.Canceled) || errors.Is(e, context.DeadlineExceeded) || e == errPageLimit) {
				err = e
				return
			}
			err = fmt.Errorf("page: %s", panicText(r))
		}
	}()
	contents := page.Key("Contents")
	if contents.IsNull() {
		return nil, nil
	}
	g := gstate{ctm: identity, hscale: 1}
	run.exec(contents, inherited(page, "Resources"), g, 0)
	return run.chunks, nil
}

// exec interprets content stream strm with resources res, starting from
// graphics state g.
func (run *pageRun) exec(strm, res pdf.Value, g gstate, depth int) {
	scope := len(run.fonts)
	run.fonts = append(run.fonts, map[string]*font{})
	var (
		stack   []gstate
		tm, tlm = identity, identity
	)
	td := func(tx, ty float64) {
		tlm = translate(tx, ty).mul(tlm)
		tm = tlm
	}
	show := func(s pdf.Value) {
		if s.Kind() != pdf.String {
			return
		}
		run.show(s.RawString(), &g, &tm)
	}
	pdf.Interpret(strm, func(stk *pdf.Stack, op string) {
		run.ops++
		if run.ops%4096 == 0 {
			if err := run.ctx.Err(); err != nil {
				panic(err)
			}
		}
		if run.ops > maxOpsPerPage {
			panic(errPageLimit)
		}
		args := make([]pdf.Value, stk.Len())
		for i := len(args) - 1; i >= 0; i-- {
			args[i] = stk.Pop()
		}
		num := func(i int) float64 {
			if i < len(args) {
				return args[i].Float64()
			}
			return 0
		}
		switch op {
		case "q":
			if len(stack) < 1024 {
				stack = append(stack, g)
			}
		case "Q":
			if len(stack) > 0 {
				g = stack[len(stack)-1]
				stack = stack[:len(stack)-1]
			}
		case "cm":
			if len(args) == 6 {
				g.ctm = matrix{num(0), num(1), num(2), num(3), num(4), num(5)}.mul(g.ctm)
			}
		case "BT":
			tm, tlm = identity, identity
		case "Tf":
			if len(args) == 2 {
				g.font = run.font(scope, res, args[0].Name())
				g.size = num(1)
			}
		case "Tc":
			g.charSpace = num(0)
		case "Tw":
			g.wordSpace = num(0)
		case "Tz":
			g.hscale = num(0) / 100
		case "TL":
			g.leading = num(0)
		case "Ts":
			g.rise = num(0)
		case "Td":
			td(num(0), num(1))
		case "TD":
			g.leading = -num(1)
			td(num(0), num(1))
		case "Tm":
			if len(args) == 6 {
				tm = matrix{num(0), num(1), num(2), num(3), num(4), num(5)}
				tlm = tm
			}
		case "T*":
			td(0, -g.leading)
		case "Tj":
			if len(args) == 1 {
				show(args[0])
			}
		case "'":
			td(0, -g.leading)
			if len(args) == 1 {
				show(args[0])
			}
		case "\"":
			if len(args) == 3 {
				g.wordSpace, g.charSpace = num(0), num(1)
				td(0, -g.leading)
				show(args[2])
			}
		case "TJ":
			if len(args) != 1 {
				return
			}
			a := args[0]
			for i := 0; i < a.Len(); i++ {
				switch x := a.Index(i); x.Kind() {
				case pdf.String:
					show(x)
				case pdf.Integer, pdf.Real:
					tm = translate(-x.Float64()/1000*g.size*g.hscale, 0).mul(tm)
				}
			}
		case "Do":
			if len(args) == 1 {
				run.form(res.Key("XObject").Key(args[0].Name()), res, g, depth)
			}
		}
	})
}

// form draws form XObject x, within the limits.
func (run *pageRun) form(x, res pdf.Value, g gstate, depth int) {
	if x.Kind() != pdf.Stream || x.Key("Subtype").Name() != "Form" ||
		depth >= maxFormDepth || run.forms >= maxFormsPerPage {
		return
	}
	run.forms++
	if m := x.Key("Matrix"); m.Len() == 6 {
		var fm matrix
		for i := range fm {
			fm[i] = m.Index(i).Float64()
		}
		g.ctm = fm.mul(g.ctm)
	}
	if r := x.Key("Resources"); r.Kind() == pdf.Dict {
		res = r
	}
	run.exec(x, res, g, depth+1)
}

// font returns the font named name in the resources of scope.
func (run *pageRun) font(scope int, res pdf.Value, name string) *font {
	if f, ok := run.fonts[scope][name]; ok {
		return f
	}
	f := loadFont(res.Key("Font").Key(name))
	run.fonts[scope][name] = f
	return f
}

// show records the text of string s drawn with g at text matrix tm, and
// advances tm past it.
func (run *pageRun) show(s string, g *gstate, tm *matrix) {
	f := g.font
	if f == nil {
		f = &font{enc: rawEncoding{}, dflt: 500, scale: 1}
		g.font = f
	}
	start := matrix{g.size * g.hscale, 0, 0, g.size, 0, g.rise}.mul(*tm).mul(g.ctm)
	// adv is the advance of the text matrix; ink the width of the glyphs,
	// without the character spacing after the last one, which is a gap.
	var adv, ink float64
	step := 1
	if f.twoByte {
		step = 2
	}
	for i := 0; i+step <= len(s); i += step {
		code := int(s[i])
		if step == 2 {
			code = code<<8 | int(s[i+1])
		}
		w := f.width(code) / 1000 * g.size
		tx := w + g.charSpace
		if step == 1 && code == ' ' {
			tx += g.wordSpace
		}
		ink = adv + w*g.hscale
		adv += tx * g.hscale
	}
	if g.charSpace > letterSpacing*g.size && len(s) > step {
		// Character spacing this wide separates words (justified text
		// does this): show glyph by glyph so the layout sees the gaps.
		for i := 0; i+step <= len(s); i += step {
			run.show(s[i:i+step], g, tm)
		}
		return
	}
	end := matrix{g.size * g.hscale, 0, 0, g.size, 0, g.rise}.mul(translate(ink, 0).mul(*tm)).mul(g.ctm)
	*tm = translate(adv, 0).mul(*tm)
	text := cleanGlyphs(f.enc.Decode(s))
	if text == "" {
		return
	}
	run.chunks = append(run.chunks, chunk{
		x0:   start[4],
		y:    start[5],
		x1:   end[4],
		size: math.Hypot(start[2], start[3]),
		text: text,
	})
}

// cleanGlyphs makes decoded glyph text valid UTF-8 without control characters.
func cleanGlyphs(s string) string {
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\t' || r == '\n' || r == '\r':
			return ' '
		case r < 0x20 || r == 0x7F:
			return -1
		}
		return r
	}, s)
}

// textLine is a line of a page: its text, baseline, start and end, font size.
type textLine struct {
	text      string
	y, x0, x1 float64
	size      float64
}

// pageNumberRE matches a line that is only a page number: "3", "- 3 -",
// "Pagina 3 van 10", "Page 3 of 10", "3/10".
var pageNumberRE = regexp.MustCompile(`(?i)^\s*(([-–—]\s*)?\d{1,4}(\s*[-–—])?|(pagina|page|blz\.?|p\.)\s*\d{1,4}(\s*(van|of|/)\s*\d{1,4})?|\d{1,4}\s*(/|van|of)\s*\d{1,4})\s*$`)

// layoutPage orders the chunks of a page into lines and the lines into
// paragraphs: lines within a paragraph end with "\n", paragraphs with a blank
// line. A first or last line that is only a page number is left out; dropped
// counts those.
func layoutPage(chunks []chunk) (text string, dropped int) {
	lines := pageLines(chunks)
	if n := len(lines); n > 1 && pageNumberRE.MatchString(lines[n-1].text) {
		lines = lines[:n-1]
		dropped++
	}
	if len(lines) > 1 && pageNumberRE.MatchString(lines[0].text) {
		lines = lines[1:]
		dropped++
	}
	lead := usualLeading(lines)
	var b strings.Builder
	for i, l := range lines {
		if i > 0 {
			p := lines[i-1]
			dy := p.y - l.y
			size := max(l.size, p.size, 1)
			switch {
			case dy <= 0, // up the page: a new column or box
				lead > 0 && dy/size > paraSpacing*lead,
				lead == 0 && dy > 1.5*size,
				math.Abs(l.size-p.size) > sizeChange*size:
				b.WriteString("\n\n")
			default:
				b.WriteString("\n")
			}
		}
		b.WriteString(l.text)
	}
	return b.String(), dropped
}

// pageLines groups chunks into lines: a chunk starts a new line when its
// baseline differs from the line's or it jumps back to the left. Within a
// line a gap wider than wordGap of the font size is a space. A chunk that
// repeats the one before at almost the same place (text made bold by
// printing it twice) is left out.
func pageLines(chunks []chunk) []textLine {
	var lines []textLine
	var last chunk
	for _, c := range chunks {
		if strings.TrimSpace(c.text) == "" && len(lines) == 0 {
			continue
		}
		if n := len(lines); n > 0 {
			l := &lines[n-1]
			size := max(c.size, last.size, 1)
			if math.Abs(c.y-l.y) <= sameLine*size && c.x0 >= l.x0 && c.x0 >= last.x1-backJump*size {
				if c.text == last.text && math.Abs(c.x0-last.x0) < 0.3*size && math.Abs(c.y-last.y) < 0.3*size {
					continue
				}
				if c.x0-last.x1 > wordGap*size && !strings.HasSuffix(l.text, " ") && !strings.HasPrefix(c.text, " ") {
					l.text += " "
				}
				l.text += c.text
				l.x1 = max(l.x1, c.x1)
				last = c
				continue
			}
		}
		if strings.TrimSpace(c.text) == "" {
			last = c
			continue
		}
		lines = append(lines, textLine{text: c.text, y: c.y, x0: c.x0, x1: c.x1, size: c.size})
		last = c
	}
	for i := range lines {
		lines[i].text = strings.TrimSpace(lines[i].text)
	}
	return lines
}

// usualLeading is the usual distance between the baselines of consecutive
// lines of a paragraph, as a multiple of the font size: the lower quartile
// of that ratio over lines that are near each other, so that the wider
// spacing around headings and between paragraphs does not count. It is 0
// when no lines are near each other.
func usualLeading(lines []textLine) float64 {
	var rs []float64
	for i := 1; i < len(lines); i++ {
		size := max(lines[i].size, lines[i-1].size, 1)
		dy := lines[i-1].y - lines[i].y
		if dy > 0 && dy < 3*size {
			rs = append(rs, dy/size)
		}
	}
	if len(rs) == 0 {
		return 0
	}
	sort.Float64s(rs)
	return rs[len(rs)/4]
}

// joinPages joins the texts of the pages with a paragraph break, or a line
// break when a sentence runs on from one page to the next (the page ends
// without final punctuation and the next begins in lower case), so repair
// joins the lines and the hyphenated word.
func joinPages(texts []string) string {
	var b strings.Builder
	for _, t := range texts {
		t = strings.TrimSpace(t)
		if t == "" {
			continue
		}
		if b.Len() > 0 {
			prev := strings.TrimRight(b.String()[max(0, b.Len()-8):], " ")
			last, _ := utf8.DecodeLastRuneInString(prev)
			first, _ := utf8.DecodeRuneInString(t)
			if unicode.IsLower(first) && !strings.ContainsRune(".!?:", last) {
				b.WriteString("\n")
			} else {
				b.WriteString("\n\n")
			}
		}
		b.WriteString(t)
	}
	return b.String()
}

// letters counts the letters in s.
func letters(s string) int {
	n := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			n++
		}
	}
	return n
}
