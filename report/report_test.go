package report

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"errors"
	"flag"
	"fmt"
	"image/png"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/zicht-project/zicht"
	"github.com/zicht-project/zicht/baseline"
	"github.com/zicht-project/zicht/store/sqlite"
)

var writeDocs = flag.Bool("docs", false, "rewrite ../docs/img/baseline-2017-nl.svg")

// newStore opens a SQLite store in a temporary directory with the 2017
// baseline loaded: its publication has id 1.
func newStore(t *testing.T) *sqlite.Store {
	t.Helper()
	ctx := context.Background()
	st, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "zicht.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	if _, err := baseline.Load(ctx, st); err != nil {
		t.Fatal(err)
	}
	return st
}

func build(t *testing.T, st Store, opt Options) *Data {
	t.Helper()
	d, err := Build(context.Background(), st, opt)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func TestBaselinePublication(t *testing.T) {
	st := newStore(t)
	for _, lang := range []zicht.Lang{zicht.Dutch, zicht.English} {
		d := build(t, st, Options{Publication: "1", Lang: lang})
		if len(d.Panels) != 7 || d.Source() != "publication 1" || d.dateWord() != "2017-01-01" {
			t.Fatalf("%s: %d panels, source %q, date %s", lang, len(d.Panels), d.Source(), d.dateWord())
		}
		p, err := d.Group("roma")
		if err != nil {
			t.Fatal(err)
		}
		if p.Q1.Level != zicht.LevelHigh || p.Q2.Level != zicht.LevelUnknown || len(p.Recommendations) != 1 || len(p.History) != 2 {
			t.Errorf("roma: %+v", p)
		}
		if d.Panels[0].Group.ID != "jihadist-recruitment" {
			t.Errorf("group order: first is %s", d.Panels[0].Group.ID)
		}
	}
	d := build(t, st, Options{Publication: "1", Order: OrderLevel})
	var got []string
	for _, p := range d.Panels {
		got = append(got, string(p.Group.ID))
	}
	want := "roma lgbt syrian-child-brides jihadist-recruitment anorexia-nervosa undocumented-family-exploitation supply-chain-child-labour"
	if strings.Join(got, " ") != want {
		t.Errorf("order by level:\n got %s\nwant %s", strings.Join(got, " "), want)
	}
}

func TestUnknownPublication(t *testing.T) {
	st := newStore(t)
	_, err := Build(context.Background(), st, Options{Publication: "42"})
	var ze *zicht.Error
	if !errors.As(err, &ze) || ze.Code != zicht.CodeNotFound {
		t.Fatalf("got %v, want CodeNotFound", err)
	}
	_, err = Build(context.Background(), st, Options{Publication: "first"})
	if !errors.As(err, &ze) || ze.Code != zicht.CodeInvalid {
		t.Fatalf("got %v, want CodeInvalid", err)
	}
}

func TestCurrent(t *testing.T) {
	st := newStore(t)
	ctx := context.Background()
	// A computed suggestion gives the current overview its confidence and date.
	at := time.Date(2026, 3, 4, 10, 0, 0, 0, time.UTC)
	if _, err := st.ReplaceDraft(ctx, zicht.Assessment{Group: "roma", Question: zicht.Q1, Suggested: zicht.LevelHigh,
		Confidence: zicht.ConfidenceModerate, Method: "test", Origin: zicht.OriginComputed, Author: "system",
		Status: zicht.Draft, CreatedAt: at}); err != nil {
		t.Fatal(err)
	}
	d := build(t, st, Options{})
	if d.Source() != "current" || !d.Date.Equal(at) {
		t.Errorf("source %s, date %v", d.Source(), d.Date)
	}
	p, err := d.Group("roma")
	if err != nil {
		t.Fatal(err)
	}
	if p.Confidence != zicht.ConfidenceModerate || p.Q1.Level != zicht.LevelHigh {
		t.Errorf("roma: confidence %q, Q1 %q", p.Confidence, p.Q1.Level)
	}
}

// render writes d in format f with default page settings.
func render(t *testing.T, d *Data, f Format, p Page) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := Write(&b, d, f, p); err != nil {
		t.Fatalf("%s: %v", f, err)
	}
	return b.Bytes()
}

// wellFormed parses b as XML and returns its character data.
func wellFormed(t *testing.T, b []byte) string {
	t.Helper()
	dec := xml.NewDecoder(bytes.NewReader(b))
	var text strings.Builder
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("not well-formed: %v", err)
		}
		if cd, ok := tok.(xml.CharData); ok {
			text.Write(cd)
			text.WriteByte('\n')
		}
	}
	return text.String()
}

func TestSVG(t *testing.T) {
	st := newStore(t)
	b, err := baseline.Parse()
	if err != nil {
		t.Fatal(err)
	}
	for _, lang := range []zicht.Lang{zicht.Dutch, zicht.English} {
		for _, p := range pages() {
			t.Run(fmt.Sprintf("%s-%s-%s", lang, p.Paper, p.Orientation), func(t *testing.T) {
				d := build(t, st, Options{Publication: "1", Lang: lang})
				out := render(t, d, FormatSVG, p)
				text := wellFormed(t, out)
				flat := strings.Join(strings.Fields(text), " ")
				for _, g := range b.Groups {
					if !strings.Contains(flat, g.Name.In(lang)) {
						t.Errorf("group name %q missing", g.Name.In(lang))
					}
				}
				for _, l := range append([]zicht.Level{zicht.LevelUnknown}, zicht.Levels...) {
					if !strings.Contains(text, levelWord(l, lang)) {
						t.Errorf("level word %q missing", levelWord(l, lang))
					}
				}
				for _, bad := range []string{"<image", "@import", "url(", "xlink:href", "<script"} {
					if bytes.Contains(out, []byte(bad)) {
						t.Errorf("SVG contains %q", bad)
					}
				}
				s := layout(d, p)
				checkPanels(t, s)
			})
		}
	}
}

func pages() []Page {
	var ps []Page
	for _, paper := range []Paper{A4, A3} {
		for _, o := range []Orientation{Portrait, Landscape} {
			ps = append(ps, Page{Paper: paper, Orientation: o})
		}
	}
	return ps
}

// checkPanels checks that every panel lies inside the page, between the
// header and the legend, and that no two overlap.
func checkPanels(t *testing.T, s *sheet) {
	t.Helper()
	page := rect{0, 0, s.W, s.H}
	body := rect{s.margin, s.header.Y + s.header.H, s.W - 2*s.margin, s.legend.Y - (s.header.Y + s.header.H)}
	if !s.legend.inside(page) || !s.header.inside(page) || s.legend.H <= 0 {
		t.Errorf("legend %v or header %v outside the page %v", s.legend, s.header, page)
	}
	for i, r := range s.panels {
		if !r.inside(body) || r.W < 40 || r.H < 40 {
			t.Errorf("panel %d %v not inside %v or too small", i, r, body)
		}
		for j := range i {
			if r.overlaps(s.panels[j]) {
				t.Errorf("panels %d %v and %d %v overlap", j, s.panels[j], i, r)
			}
		}
	}
}

// synthetic returns n groups with long names and summaries.
func synthetic(n int) *Data {
	d := &Data{Title: zicht.Text{NL: "Proef", EN: "Trial"}, Lang: zicht.Dutch, Date: time.Date(2026, 1, 2, 0, 0, 0, 0, time.UTC)}
	for i := range n {
		l := zicht.LevelAt(i % 6)
		if i%7 == 3 {
			l = zicht.LevelUnknown
		}
		long := strings.Repeat("Een lange toelichting met veel woorden over kwetsbaarheid & <risico's>. ", 1+i%4)
		d.Panels = append(d.Panels, Panel{
			Group: zicht.Group{ID: zicht.GroupID(fmt.Sprintf("groep-%02d", i)), Order: i,
				Name: zicht.Text{NL: fmt.Sprintf("Groep %d met een tamelijk lange naam", i), EN: fmt.Sprintf("Group %d", i)}},
			Q1:              Answer{Level: l, Summary: zicht.Text{NL: long, EN: long}},
			Q2:              Answer{Level: zicht.LevelAt(5 - i%6), Summary: zicht.Text{NL: long}},
			Confidence:      zicht.ConfidenceLow,
			Recommendations: []zicht.Recommendation{{Text: zicht.Text{NL: "Doe iets " + long}}},
		})
	}
	return d
}

func TestLayoutManyGroups(t *testing.T) {
	for _, n := range []int{0, 1, 2, 7, 13, 30} {
		d := synthetic(n)
		for _, p := range pages() {
			t.Run(fmt.Sprintf("%d-%s-%s", n, p.Paper, p.Orientation), func(t *testing.T) {
				s := layout(d, p)
				if len(s.panels) != n {
					t.Fatalf("%d panels for %d groups", len(s.panels), n)
				}
				checkPanels(t, s)
				// Every line of text stays inside its panel.
				rc := &recorder{panel: -1}
				s.draw(rc, d)
				for _, tx := range rc.texts {
					if tx.panel < 0 {
						continue
					}
					r := s.panels[tx.panel]
					if tx.x < r.X || tx.x+tx.w > r.X+r.W+0.01 || tx.y-tx.size < r.Y || tx.y > r.Y+r.H {
						t.Errorf("text %q (%.1f,%.1f w %.1f) outside panel %d %v", tx.s, tx.x, tx.y, tx.w, tx.panel, r)
					}
				}
				wellFormed(t, render(t, d, FormatSVG, p))
			})
		}
	}
}

// recorder is a canvas that remembers where text went.
type recorder struct {
	panel int
	n     int
	texts []struct {
		x, y, w, size float64
		s             string
		panel         int
	}
}

func (r *recorder) rect(rect, string, string, bool) {}
func (r *recorder) text(x, y, size float64, bold bool, _ string, s string) {
	r.texts = append(r.texts, struct {
		x, y, w, size float64
		s             string
		panel         int
	}{x, y, width(s, size, bold), size, s, r.panel})
}
func (r *recorder) group(id, _ string) {
	if strings.HasPrefix(id, "panel-") {
		r.panel = r.n
		r.n++
	} else {
		r.panel = -1
	}
}
func (r *recorder) endGroup() { r.panel = -1 }

func TestEscaping(t *testing.T) {
	d := synthetic(2)
	d.Panels[0].Group.Name.NL = `<script>alert("x")</script> & "quotes"`
	out := render(t, d, FormatSVG, Page{})
	wellFormed(t, out)
	if bytes.Contains(out, []byte("<script>")) {
		t.Error("SVG holds unescaped markup")
	}
}

// TestBaselineDocs checks that docs/img/baseline-2017-nl.svg is what the
// 2017 baseline publication renders to in Dutch; -docs rewrites it.
func TestBaselineDocs(t *testing.T) {
	st := newStore(t)
	d := build(t, st, Options{Publication: "1", Lang: zicht.Dutch})
	got := render(t, d, FormatSVG, Page{})
	const path = "../docs/img/baseline-2017-nl.svg"
	if *writeDocs {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if want, err := os.ReadFile(path); err != nil || !bytes.Equal(got, want) {
		t.Errorf("%s differs from the render (%v); rerun with -docs and remake the PNG (see docs/dependencies-report.md)", path, err)
	}
}

func TestHTMLSelfContained(t *testing.T) {
	st := newStore(t)
	for _, lang := range []zicht.Lang{zicht.Dutch, zicht.English} {
		d := build(t, st, Options{Publication: "1", Lang: lang})
		out := string(render(t, d, FormatHTML, Page{}))
		lower := strings.ToLower(out)
		for _, bad := range []string{"http://", "https://", "src=", "href=", "@import", "url(", "<link", "<script", "<iframe", "<object"} {
			if strings.Contains(lower, bad) {
				t.Errorf("%s: HTML contains %q", lang, bad)
			}
		}
		if !strings.Contains(out, "<svg") || !strings.Contains(out, `<html lang="`+string(lang)+`">`) {
			t.Errorf("%s: no inline SVG or lang", lang)
		}
		for _, p := range d.Panels {
			name := strings.ReplaceAll(p.Group.Name.In(lang), "'", "&#39;")
			if strings.Count(out, name) < 2 { // in the SVG and in the text version
				t.Errorf("%s: %q not in both SVG and text", lang, name)
			}
		}
	}
}

func TestReproducible(t *testing.T) {
	st := newStore(t)
	for _, f := range Formats {
		for _, lang := range []zicht.Lang{zicht.Dutch, zicht.English} {
			// Two separate builds, so nothing is shared between the runs.
			a := render(t, build(t, st, Options{Publication: "1", Lang: lang, Order: OrderLevel}), f, Page{Paper: A3})
			b := render(t, build(t, st, Options{Publication: "1", Lang: lang, Order: OrderLevel}), f, Page{Paper: A3})
			if !bytes.Equal(a, b) {
				t.Errorf("%s %s: two renders differ", f, lang)
			}
			if len(a) == 0 {
				t.Errorf("%s %s: empty", f, lang)
			}
		}
	}
}

func TestBriefCSVJSON(t *testing.T) {
	st := newStore(t)
	d := build(t, st, Options{Publication: "1", Lang: zicht.English})
	p, err := d.Group("lgbt")
	if err != nil {
		t.Fatal(err)
	}
	var md bytes.Buffer
	if err := Brief(&md, d, p); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"# LGBT children\n", "Level: **elevated**", "Level: **no level named**",
		"## Recommended steps", "- More empirical research", "| 2017-01-01 | Q1 | elevated | study-2017 |"} {
		if !strings.Contains(md.String(), want) {
			t.Errorf("brief lacks %q:\n%s", want, md.String())
		}
	}

	rows, err := csv.NewReader(bytes.NewReader(render(t, d, FormatCSV, Page{}))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 1+2*7 || rows[0][2] != "group" || rows[1][0] != "publication 1" {
		t.Errorf("csv: %d rows, header %v, first %v", len(rows), rows[0], rows[1])
	}

	var x map[string]any
	if err := json.Unmarshal(render(t, d, FormatJSON, Page{}), &x); err != nil {
		t.Fatal(err)
	}
	var schema map[string]any
	if err := json.Unmarshal(Schema, &schema); err != nil {
		t.Fatalf("schema.json: %v", err)
	}
	// The export carries every property the schema requires, and no other.
	checkKeys(t, "export", x, schema)
	defs := schema["$defs"].(map[string]any)
	groups := x["groups"].([]any)
	if len(groups) != 7 {
		t.Fatalf("%d groups", len(groups))
	}
	for _, g := range groups {
		g := g.(map[string]any)
		checkKeys(t, "group", g, defs["group"].(map[string]any))
		for _, q := range []string{"q1", "q2"} {
			a := g[q].(map[string]any)
			checkKeys(t, q, a, defs["answer"].(map[string]any))
			if a["assessment"] != nil {
				checkKeys(t, "assessment", a["assessment"].(map[string]any), defs["assessment"].(map[string]any))
			}
		}
	}
}

// checkKeys checks obj against a schema object's required and allowed properties.
func checkKeys(t *testing.T, what string, obj, schema map[string]any) {
	t.Helper()
	props := schema["properties"].(map[string]any)
	for _, r := range schema["required"].([]any) {
		if _, ok := obj[r.(string)]; !ok {
			t.Errorf("%s: required %q missing", what, r)
		}
	}
	for k := range obj {
		if _, ok := props[k]; !ok {
			t.Errorf("%s: %q not in the schema", what, k)
		}
	}
}

func TestPDF(t *testing.T) {
	st := newStore(t)
	d := build(t, st, Options{Publication: "1", Lang: zicht.Dutch})
	out := render(t, d, FormatPDF, Page{})
	if !bytes.HasPrefix(out, []byte("%PDF-")) {
		t.Fatalf("not a PDF: %.20q", out)
	}
	for _, tool := range []string{"pdftoppm", "pdftotext", "pdfinfo"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("poppler-utils not installed (%s missing): PDF not rendered or read back; .ci/run installs it", tool)
		}
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "overview.pdf")
	if err := os.WriteFile(path, out, 0o644); err != nil {
		t.Fatal(err)
	}
	info, err := exec.Command("pdfinfo", path).CombinedOutput()
	if err != nil {
		t.Fatalf("pdfinfo: %v\n%s", err, info)
	}
	if !regexp.MustCompile(`(?m)^Pages:\s+1$`).Match(info) || !regexp.MustCompile(`(?m)^Page size:\s+595.\d* x 841.\d* pts \(A4\)`).Match(info) {
		t.Errorf("pdfinfo:\n%s", info)
	}
	png := filepath.Join(dir, "page")
	if msg, err := exec.Command("pdftoppm", "-png", "-r", "50", "-f", "1", "-l", "1", "-singlefile", path, png).CombinedOutput(); err != nil {
		t.Fatalf("pdftoppm: %v\n%s", err, msg)
	}
	f, err := os.Open(png + ".png")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := pngDecode(f)
	if err != nil {
		t.Fatal(err)
	}
	if b := img.Bounds(); b.Dx() < 400 || b.Dy() < 550 || b.Dy() <= b.Dx() {
		t.Errorf("page image %v, want portrait A4 at 50 dpi", b)
	}
	text, err := exec.Command("pdftotext", "-layout", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	flat := strings.Join(strings.Fields(string(text)), " ")
	for _, p := range d.Panels {
		// A name may be wrapped over lines; its words are there in order.
		if !strings.Contains(flat, p.Group.Name.NL) && !containsWords(string(text), p.Group.Name.NL) {
			t.Errorf("pdftotext lacks %q:\n%s", p.Group.Name.NL, text)
		}
	}
	for _, w := range []string{"matig", "licht", "hoog", "verhoogd", "redelijk", "geen niveau genoemd", "Legenda"} {
		if !strings.Contains(flat, w) {
			t.Errorf("pdftotext lacks %q", w)
		}
	}
}

var pngDecode = png.Decode

// containsWords reports whether every word of s occurs in text.
func containsWords(text, s string) bool {
	for _, w := range strings.Fields(s) {
		if !strings.Contains(text, w) {
			return false
		}
	}
	return true
}

func TestKeyEvidenceAndTrend(t *testing.T) {
	st := newStore(t)
	ctx := context.Background()
	at := time.Date(2026, 5, 1, 9, 0, 0, 0, time.UTC)
	e, err := st.AddEvidence(ctx, zicht.Evidence{Group: "roma", Question: zicht.Q2, Polarity: zicht.Asserted,
		Level: zicht.LevelElevated, Type: zicht.Conviction, Text: "Ouders veroordeeld voor mensenhandel van hun kinderen.",
		Citation: "ECLI:NL:RBTEST:2026:1", AddedBy: "ana", AddedAt: at})
	if err != nil {
		t.Fatal(err)
	}
	items := []zicht.Item{
		{Evidence: e.ID, Type: zicht.Conviction, Polarity: zicht.Asserted, Level: zicht.LevelElevated, Weight: 0.9, Note: "conviction"},
		{Type: zicht.Policy, Polarity: zicht.Asserted, Weight: 0, Note: "policy does not count"},
	}
	if _, err := st.ReplaceDraft(ctx, zicht.Assessment{Group: "roma", Question: zicht.Q2, Suggested: zicht.LevelElevated,
		Confidence: zicht.ConfidenceModerate, Items: items, Method: "test", Origin: zicht.OriginComputed, Author: "system",
		Status: zicht.Draft, CreatedAt: at}); err != nil {
		t.Fatal(err)
	}
	cur := build(t, st, Options{Lang: zicht.English})
	roma, _ := cur.Group("roma")
	if len(roma.Q2.Key) != 1 || !roma.Q2.FromSuggestion || roma.Q2.Key[0].Citation != "ECLI:NL:RBTEST:2026:1" {
		t.Fatalf("current key evidence: %+v", roma.Q2)
	}

	a, err := st.AddAssessment(ctx, zicht.Assessment{Group: "roma", Question: zicht.Q2, Suggested: zicht.LevelElevated,
		Final: zicht.LevelElevated, Confidence: zicht.ConfidenceModerate, Items: items, Method: "test", Origin: zicht.OriginAnalyst,
		Summary: zicht.Text{NL: "Een veroordeling.", EN: "A conviction."}, Author: "ana", Reviewer: "rev",
		Status: zicht.Approved, CreatedAt: at, ApprovedAt: at})
	if err != nil {
		t.Fatal(err)
	}
	base := build(t, st, Options{Publication: "1"})
	baseRoma, _ := base.Group("roma")
	q1 := baseRoma.Q1.Assessment.ID
	pub, err := st.AddPublication(ctx, zicht.Publication{Title: "Overzicht 2026", Date: at, Assessments: []zicht.AssessmentID{q1, a.ID}, CreatedBy: "rev"})
	if err != nil {
		t.Fatal(err)
	}
	d := build(t, st, Options{Publication: fmt.Sprint(pub.ID), Lang: zicht.English})
	if len(d.Panels) != 1 || d.dateWord() != "2026-05-01" {
		t.Fatalf("publication %d: %d panels, date %s", pub.ID, len(d.Panels), d.dateWord())
	}
	p := &d.Panels[0]
	if p.Q2.Level != zicht.LevelElevated || p.Q2.FromSuggestion || len(p.Q2.Key) != 1 || len(p.Trend) != 2 ||
		p.Trend[0].Q2 != zicht.LevelUnknown || p.Trend[1].Q2 != zicht.LevelElevated || p.Trend[1].Q1 != zicht.LevelHigh {
		t.Errorf("publication %d roma: Q2 %+v, trend %+v", pub.ID, p.Q2, p.Trend)
	}
	var md bytes.Buffer
	if err := Brief(&md, d, p); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"Key evidence:", "- conviction, asserted, elevated (weight 0.90)", "ECLI:NL:RBTEST:2026:1",
		"## Levels over the publications", "| 1 | 2017-01-01 | high | no level named |", "| 2 | 2026-05-01 | high | elevated |"} {
		if !strings.Contains(md.String(), want) {
			t.Errorf("brief lacks %q:\n%s", want, md.String())
		}
	}
	// The baseline publication does not see what came after it.
	if len(baseRoma.Trend) != 1 || len(baseRoma.History) != 2 {
		t.Errorf("baseline roma: trend %+v, %d history", baseRoma.Trend, len(baseRoma.History))
	}
	base = build(t, st, Options{Publication: "1"})
	baseRoma, _ = base.Group("roma")
	if len(baseRoma.Trend) != 1 || len(baseRoma.History) != 2 {
		t.Errorf("baseline roma after publication 2: trend %+v, %d history", baseRoma.Trend, len(baseRoma.History))
	}
	wellFormed(t, render(t, d, FormatSVG, Page{}))
}
