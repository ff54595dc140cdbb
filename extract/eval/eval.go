// Package eval measures extraction and repair against texts whose truth is
// known: texts written for the purpose (embedded) are rendered into PDFs by
// real tools (groff; LibreOffice when installed), one and two columns, with
// and without ligatures, and damaged the way earlier tools damage text (lost
// ligature glyphs, lower case without punctuation and diacritics). Each is
// extracted and repaired, and the output is scored against the source.
package eval

import (
	"context"
	"embed"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/zicht-project/zicht/extract"
)

//go:embed texts/*.txt
var textFS embed.FS

// Texts returns the embedded source texts by name (file name without .txt).
func Texts() map[string]string {
	m := map[string]string{}
	entries, _ := fs.ReadDir(textFS, "texts")
	for _, e := range entries {
		b, err := textFS.ReadFile("texts/" + e.Name())
		if err == nil {
			m[strings.TrimSuffix(e.Name(), ".txt")] = string(b)
		}
	}
	return m
}

// Config says what to run.
type Config struct {
	Dir     string            // scratch directory for the rendered files; "" means a new temporary one
	Texts   map[string]string // the sources; nil means Texts()
	NoPDF   bool              // skip the renderers (only the damaged-text cases)
	Timeout time.Duration     // per external command; 0 means 2 minutes
}

// Report is the outcome of Run.
type Report struct {
	Cases   []Score  `json:"cases"`
	Total   Score    `json:"total"`
	Skipped []string `json:"skipped,omitempty"` // renderers not installed
}

// Run renders, damages, extracts and scores every text. A renderer that is
// not installed is skipped and named in Report.Skipped.
func Run(ctx context.Context, cfg Config) (*Report, error) {
	texts := cfg.Texts
	if texts == nil {
		texts = Texts()
	}
	if cfg.Timeout == 0 {
		cfg.Timeout = 2 * time.Minute
	}
	dir := cfg.Dir
	if dir == "" && !cfg.NoPDF {
		d, err := os.MkdirTemp("", "zicht-eval-")
		if err != nil {
			return nil, err
		}
		defer os.RemoveAll(d)
		dir = d
	}
	names := make([]string, 0, len(texts))
	for n := range texts {
		names = append(names, n)
	}
	sort.Strings(names)

	r := &Report{}
	var renderers []renderer
	if !cfg.NoPDF {
		for _, rd := range allRenderers {
			if _, err := exec.LookPath(rd.tool); err != nil {
				r.Skipped = append(r.Skipped, rd.name+" ("+rd.tool+" not installed)")
				continue
			}
			renderers = append(renderers, rd)
		}
	}
	for _, name := range names {
		src := texts[name]
		for _, rd := range renderers {
			cctx, cancel := context.WithTimeout(ctx, cfg.Timeout)
			pdf, err := rd.render(cctx, dir, name+"-"+rd.name, src)
			cancel()
			if err != nil {
				if ctx.Err() != nil {
					return nil, ctx.Err()
				}
				r.Skipped = append(r.Skipped, fmt.Sprintf("%s/%s (%v)", name, rd.name, err))
				continue
			}
			res, err := extract.Extract(ctx, name+".pdf", pdf)
			if err != nil {
				return nil, fmt.Errorf("%s/%s: %w", name, rd.name, err)
			}
			r.add(score(name, rd.name, src, src, res))
		}
		for _, dm := range damages {
			damaged := dm.damage(src)
			res, err := extract.Extract(ctx, name+".txt", []byte(damaged))
			if err != nil {
				return nil, fmt.Errorf("%s/%s: %w", name, dm.name, err)
			}
			want := src
			if dm.truth != nil {
				want = dm.truth(src)
			}
			r.add(score(name, dm.name, src, want, res))
		}
	}
	return r, nil
}

func (r *Report) add(s Score) {
	r.Cases = append(r.Cases, s)
	t := &r.Total
	t.Text, t.Case = "all", "all"
	t.Words += s.Words
	t.Correct += s.Correct
	t.LigatureWords += s.LigatureWords
	t.LigatureKnown += s.LigatureKnown
	t.LigatureRepaired += s.LigatureRepaired
	t.LigatureRepairedKnown += s.LigatureRepairedKnown
	t.DiacriticWords += s.DiacriticWords
	t.DiacriticRestored += s.DiacriticRestored
	t.FalseJoins += s.FalseJoins
	t.FalseRepairs += s.FalseRepairs
	t.Repairs += s.Repairs
	t.Accuracy = ratio(t.Correct, t.Words)
	t.Examples = nil
}

// String renders the report as a table.
func (r *Report) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%-14s %-20s %6s %8s %9s %9s %9s %6s %6s\n", "text", "case", "words", "accuracy", "ligatures", "lig.known", "diacritic", "fjoins", "frepairs")
	for _, s := range append(r.Cases, r.Total) {
		fmt.Fprintf(&b, "%-14s %-20s %6d %7.2f%% %4d/%-4d %4d/%-4d %4d/%-4d %6d %6d\n", s.Text, s.Case, s.Words, 100*s.Accuracy,
			s.LigatureRepaired, s.LigatureWords, s.LigatureRepairedKnown, s.LigatureKnown, s.DiacriticRestored, s.DiacriticWords, s.FalseJoins, s.FalseRepairs)
	}
	for _, s := range r.Cases {
		for _, e := range s.Examples {
			fmt.Fprintf(&b, "  %s/%s: %s\n", s.Text, s.Case, e)
		}
	}
	for _, s := range r.Skipped {
		fmt.Fprintf(&b, "skipped: %s\n", s)
	}
	return b.String()
}

// A renderer turns a text into a PDF with an external tool.
type renderer struct {
	name, tool string
	render     func(ctx context.Context, dir, base, text string) ([]byte, error)
}

var allRenderers = []renderer{
	{"groff-1col", "groff", groff(false, true)},
	{"groff-2col", "groff", groff(true, true)},
	{"groff-1col-nolig", "groff", groff(false, false)},
	{"groff-2col-nolig", "groff", groff(true, false)},
	{"lo-1col", "soffice", libreOffice(1)},
	{"lo-2col", "soffice", libreOffice(2)},
}

// paragraphs splits a source text into its title and paragraphs.
func paragraphs(text string) []string {
	var ps []string
	for _, p := range strings.Split(strings.TrimSpace(text), "\n\n") {
		if p = strings.Join(strings.Fields(p), " "); p != "" {
			ps = append(ps, p)
		}
	}
	return ps
}

// groff renders with groff -ms to PDF (gropdf), Times, justified and
// hyphenated, in one or two columns, with or without ligatures.
func groff(twoCol, ligatures bool) func(context.Context, string, string, string) ([]byte, error) {
	return func(ctx context.Context, dir, base, text string) ([]byte, error) {
		ps := paragraphs(text)
		var b strings.Builder
		if !ligatures {
			b.WriteString(".lg 0\n")
		}
		b.WriteString(".SH\n" + groffEscape(ps[0]) + "\n")
		if twoCol {
			b.WriteString(".2C\n")
		}
		for _, p := range ps[1:] {
			b.WriteString(".PP\n" + groffEscape(p) + "\n")
		}
		in := filepath.Join(dir, base+".ms")
		if err := os.WriteFile(in, []byte(b.String()), 0o644); err != nil {
			return nil, err
		}
		cmd := exec.CommandContext(ctx, "groff", "-k", "-ms", "-Tpdf", in)
		out, err := cmd.Output()
		if err != nil {
			return nil, fmt.Errorf("groff: %w", err)
		}
		return out, nil
	}
}

func groffEscape(s string) string {
	s = strings.ReplaceAll(s, `\`, `\e`)
	if strings.HasPrefix(s, ".") || strings.HasPrefix(s, "'") {
		s = `\&` + s
	}
	return s
}

// libreOffice renders a flat ODT in Linux Libertine (a font with fi, fl,
// ff, ffi, ffl ligatures, which LibreOffice applies) in cols columns.
func libreOffice(cols int) func(context.Context, string, string, string) ([]byte, error) {
	return func(ctx context.Context, dir, base, text string) ([]byte, error) {
		ps := paragraphs(text)
		var body strings.Builder
		body.WriteString(`<text:h text:style-name="H" text:outline-level="1">` + xmlEscape(ps[0]) + "</text:h>\n")
		for _, p := range ps[1:] {
			body.WriteString(`<text:p text:style-name="P">` + xmlEscape(p) + "</text:p>\n")
		}
		doc := fmt.Sprintf(fodt, cols, body.String())
		in := filepath.Join(dir, base+".fodt")
		if err := os.WriteFile(in, []byte(doc), 0o644); err != nil {
			return nil, err
		}
		profile := "file://" + filepath.Join(dir, "lo-profile")
		cmd := exec.CommandContext(ctx, "soffice", "--headless", "-env:UserInstallation="+profile, "--convert-to", "pdf", "--outdir", dir, in)
		if out, err := cmd.CombinedOutput(); err != nil {
			return nil, fmt.Errorf("soffice: %w: %s", err, strings.TrimSpace(string(out)))
		}
		return os.ReadFile(filepath.Join(dir, base+".pdf"))
	}
}

func xmlEscape(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;").Replace(s)
}

const fodt = `<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:font-face-decls><style:font-face style:name="Linux Libertine G" svg:font-family="'Linux Libertine G'"/></office:font-face-decls>
<office:styles>
<style:style style:name="P" style:family="paragraph"><style:paragraph-properties fo:text-align="justify" fo:margin-bottom="0.2cm"/><style:text-properties style:font-name="Linux Libertine G" fo:font-size="11pt" fo:language="nl" fo:country="NL" fo:hyphenate="true"/></style:style>
<style:style style:name="H" style:family="paragraph"><style:text-properties style:font-name="Linux Libertine G" fo:font-size="16pt" fo:font-weight="bold"/></style:style>
</office:styles>
<office:automatic-styles><style:page-layout style:name="PL"><style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" fo:margin="2cm"><style:columns fo:column-count="%d" fo:column-gap="0.8cm"/></style:page-layout-properties></style:page-layout></office:automatic-styles>
<office:master-styles><style:master-page style:name="Standard" style:page-layout-name="PL"/></office:master-styles>
<office:body><office:text>
%s</office:text></office:body></office:document>
`

// A damage changes a text the way an earlier tool damages it.
type damage struct {
	name   string
	damage func(string) string
	truth  func(string) string // what a perfect repair can give back; nil means the source
}

var damages = []damage{
	{"lost-lig-marker", func(s string) string { return loseLigatures(s, "\uFFFD ") }, nil},
	{"lost-lig-pua", func(s string) string { return loseLigatures(s, "\uE001 ") }, nil},
	{"lost-lig-nothing", func(s string) string { return loseLigatures(s, " ") }, nil},
	{"degraded", degrade, func(s string) string { return strings.ToLower(stripPunct(s)) }},
}

// lostSequences are the letter pairs fonts draw as one ligature glyph,
// longest first.
var lostSequences = []string{"ffi", "ffl", "ff", "fi", "fl"}

// loseLigatures replaces each ligature letter sequence inside a word by
// with (a lost-glyph marker and a stray space, or just the space), as PDF
// readers do when a font's ligature glyph has no Unicode mapping.
func loseLigatures(s, with string) string {
	var b strings.Builder
	for i := 0; i < len(s); {
		matched := false
		for _, q := range lostSequences {
			if strings.HasPrefix(s[i:], q) {
				b.WriteString(strings.TrimSuffix(with, " "))
				// The stray space, unless a space follows anyway.
				if strings.HasSuffix(with, " ") && i+len(q) < len(s) && s[i+len(q)] != ' ' && s[i+len(q)] != '\n' {
					b.WriteByte(' ')
				}
				i += len(q)
				matched = true
				break
			}
		}
		if !matched {
			b.WriteByte(s[i])
			i++
		}
	}
	return b.String()
}

// degrade lower-cases s, strips punctuation and turns letters outside ASCII
// into spaces, as some older conversion tools do ("co rdinatie").
func degrade(s string) string {
	s = strings.ToLower(stripPunct(s))
	return strings.Map(func(r rune) rune {
		if r >= 0x80 {
			return ' '
		}
		return r
	}, s)
}

func stripPunct(s string) string {
	return strings.Map(func(r rune) rune {
		if strings.ContainsRune(".,;:!?()\"'", r) {
			return -1
		}
		return r
	}, s)
}
