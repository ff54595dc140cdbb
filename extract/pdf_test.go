package extract

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/zicht-project/zicht"
)

// groffSource is a two-page letter in groff -ms. The long words make groff
// hyphenate at line ends; the Dutch exceptions (.hw) say where.
const groffSource = `.pdfinfo /Title "Kamerbrief over uitbuiting van Roma-kinderen"
.pdfinfo /Author "zicht test"
.hw kwets-baar-heid men-sen-han-del uit-ge-hu-we-lijkt ver-oor-de-lin-gen
.nr PS 11
.nr VS 14
.nr LL 3i
.ll 3i
.TL
Kamerbrief over de aanpak van uitbuiting van Roma-kinderen
.SH
Aanleiding
.PP
Uit onderzoek en uit de praktijk blijkt dat Roma-kinderen een hoge kwetsbaarheid hebben voor mensenhandel. Er zijn in de afgelopen jaren meerdere veroordelingen geweest van familieleden die kinderen dwongen tot het plegen van vermogensdelicten. Het verband met mensenhandel wordt door ketenpartners niet altijd gelegd, waardoor het non-punishment-beginsel niet altijd wordt meegewogen.
.PP
Meisjes die op vijftienjarige leeftijd worden uitgehuwelijkt, verlaten doorgaans vroegtijdig het onderwijs. Dat vergroot de kwetsbaarheid voor mensenhandel en uitbuiting binnen het huishouden. LHBT-jongeren en pro-ana-sites komen in deze brief niet aan de orde.
.bp
.SH
Maatregelen
.PP
Ik neem maatregelen in nauwe coördinatie met gemeenten, politie en het Openbaar Ministerie. De officiële cijfers over veroordelingen volgen in de zomer.
`

// groffPDF makes a PDF of src with groff -ms -Tpdf, or skips the test when
// groff is not installed.
func groffPDF(t *testing.T, src string) []byte {
	t.Helper()
	if _, err := exec.LookPath("groff"); err != nil {
		t.Skip("groff is not installed (apt-get install -y groff); skipping the test with a real PDF")
	}
	dir := t.TempDir()
	in := filepath.Join(dir, "brief.ms")
	if err := os.WriteFile(in, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("groff", "-ms", "-Kutf-8", "-Tpdf", "-dpaper=a4", "-P-pa4", in)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil || !bytes.HasPrefix(out, []byte("%PDF-")) {
		t.Skipf("groff -Tpdf does not work here (%v: %s); skipping the test with a real PDF", err, stderr.String())
	}
	return out
}

func TestExtractGroffPDF(t *testing.T) {
	data := groffPDF(t, groffSource)
	res, err := Extract(context.Background(), "brief.pdf", data)
	if err != nil {
		t.Fatal(err)
	}
	if res.Format != FormatPDF || res.Lang != zicht.Dutch {
		t.Errorf("Format, Lang = %q, %q", res.Format, res.Lang)
	}
	if res.Title != "Kamerbrief over uitbuiting van Roma-kinderen" {
		t.Errorf("Title = %q", res.Title)
	}
	if res.Meta["pages"] != "2" || res.Meta["author"] != "zicht test" || !strings.HasPrefix(res.Meta["pdf_producer"], "gropdf") {
		t.Errorf("Meta = %v", res.Meta)
	}
	if res.Date.IsZero() || time.Since(res.Date) > 24*time.Hour {
		t.Errorf("Date = %v, want the creation date", res.Date)
	}
	for _, want := range []string{
		"Kamerbrief over de aanpak van uitbuiting van Roma-kinderen\n\nAanleiding\n\nUit onderzoek",
		"een hoge kwetsbaarheid hebben voor mensenhandel.",
		"meerdere veroordelingen geweest van familieleden",
		"het non-punishment-beginsel niet altijd",
		"wordt meegewogen.\n\nMeisjes die op vijftienjarige leeftijd worden uitgehuwelijkt,",
		"LHBT-jongeren en pro-ana-sites",
		"binnen het huishouden.",
		"\n\nMaatregelen\n\nIk neem maatregelen in nauwe coördinatie met gemeenten",
		"De officiële cijfers",
	} {
		if !strings.Contains(res.Text, want) {
			t.Errorf("text lacks %q:\n%s", want, res.Text)
		}
	}
	if strings.Contains(res.Text, "-\n") || strings.Contains(res.Text, "  ") || strings.Contains(res.Text, "\n\n\n") {
		t.Errorf("text has a hyphen at a line end, a double space or a double blank line:\n%s", res.Text)
	}
	// groff numbers the second page "-2-"; that is not text.
	if strings.Contains(res.Text, "-2-") {
		t.Errorf("page number left in text:\n%s", res.Text)
	}
	hyphenations := 0
	for _, r := range res.Repairs {
		if got := res.Text[r.Offset : r.Offset+len(r.After)]; got != r.After {
			t.Errorf("repair %+v: text at offset is %q", r, got)
		}
		if r.Kind == "hyphenation" {
			hyphenations++
		}
	}
	if hyphenations == 0 {
		t.Errorf("groff hyphenated no word at a line end, or repair joined none: %+v", res.Repairs)
	}
}

func TestExtractEncryptedPDF(t *testing.T) {
	src := groffPDF(t, groffSource)
	if _, err := exec.LookPath("gs"); err != nil {
		t.Skip("ghostscript is not installed (apt-get install -y ghostscript); skipping the encrypted PDF test")
	}
	dir := t.TempDir()
	in := filepath.Join(dir, "in.pdf")
	if err := os.WriteFile(in, src, 0o644); err != nil {
		t.Fatal(err)
	}
	encrypt := func(out string, args ...string) []byte {
		t.Helper()
		cmd := exec.Command("gs", append([]string{"-q", "-dNOPAUSE", "-dBATCH", "-dSAFER", "-sDEVICE=pdfwrite",
			"-dEncryptionR=3", "-dKeyLength=128", "-sOutputFile=" + out}, append(args, in)...)...)
		if msg, err := cmd.CombinedOutput(); err != nil {
			t.Skipf("gs cannot encrypt here (%v: %s)", err, msg)
		}
		data, err := os.ReadFile(out)
		if err != nil {
			t.Fatal(err)
		}
		return data
	}

	// A user password: the text cannot be read without it.
	locked := encrypt(filepath.Join(dir, "locked.pdf"), "-sOwnerPassword=eigenaar", "-sUserPassword=gebruiker")
	res, err := Extract(context.Background(), "report.pdf", locked)
	checkError(t, res, err, "report.pdf", zicht.CodeInvalid, "PDF is encrypted; zicht cannot read encrypted PDFs")

	// Only an owner password: anyone may read it, and so does zicht.
	open := encrypt(filepath.Join(dir, "open.pdf"), "-sOwnerPassword=eigenaar")
	res, err = Extract(context.Background(), "open.pdf", open)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(res.Text, "kwetsbaarheid hebben voor mensenhandel") || res.Meta["pdf_encrypted"] != "true" {
		t.Errorf("Text %q, Meta %v", res.Text, res.Meta)
	}
}

// buildPDF returns a PDF whose objects 1, 2, ... are objs, with a correct
// cross-reference table; trailer is added to the trailer dictionary.
func buildPDF(trailer string, objs ...string) []byte {
	var b bytes.Buffer
	b.WriteString("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
	offsets := make([]int, len(objs))
	for i, o := range objs {
		offsets[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objs)+1)
	for _, off := range offsets {
		fmt.Fprintf(&b, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R %s >>\nstartxref\n%d\n%%%%EOF\n", len(objs)+1, trailer, xref)
	return b.Bytes()
}

// stream is a PDF stream object with content s.
func stream(s string) string {
	return fmt.Sprintf("<< /Length %d >>\nstream\n%s\nendstream", len(s), s)
}

// textPDF returns a PDF with one page per content stream, drawn with
// Helvetica as F1 (a standard font, without /Widths).
func textPDF(info string, pages ...string) []byte {
	kids := make([]string, len(pages))
	objs := []string{"<< /Type /Catalog /Pages 2 0 R >>", "", "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"}
	for i, content := range pages {
		page := len(objs) + 1
		kids[i] = fmt.Sprintf("%d 0 R", page)
		objs = append(objs,
			fmt.Sprintf("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>", page+1),
			stream(content))
	}
	objs[1] = fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d >>", strings.Join(kids, " "), len(pages))
	trailer := ""
	if info != "" {
		objs = append(objs, info)
		trailer = fmt.Sprintf("/Info %d 0 R", len(objs))
	}
	return buildPDF(trailer, objs...)
}

// lines is a content stream that shows each line with Helvetica 11 on 14 pt leading.
func lines(ls ...string) string {
	var b strings.Builder
	b.WriteString("BT /F1 11 Tf 14 TL 72 770 Td\n")
	for _, l := range ls {
		fmt.Fprintf(&b, "(%s) Tj T*\n", l)
	}
	b.WriteString("ET")
	return b.String()
}

func TestExtractPDF(t *testing.T) {
	data := textPDF("<< /Title (Signalen van uitbuiting) /CreationDate (D:20220209120000+01'00') /Producer (zicht test) >>",
		lines("Signalen van uitbuiting bij minderjarigen komen vaak pas laat aan het licht,",
			"omdat de kinderen zelf geen hulp zoeken en professionals de kin-"),
		lines("deren niet als slachtoffer herkennen. Dat blijkt uit het onderzoek.", "2"),
	)
	res, err := Extract(context.Background(), "signalen.pdf", data)
	if err != nil {
		t.Fatal(err)
	}
	want := "Signalen van uitbuiting bij minderjarigen komen vaak pas laat aan het licht, omdat de kinderen zelf geen hulp zoeken en professionals de kinderen niet als slachtoffer herkennen. Dat blijkt uit het onderzoek."
	if res.Text != want {
		t.Errorf("Text =\n%q\nwant\n%q", res.Text, want)
	}
	if res.Title != "Signalen van uitbuiting" || res.Meta["pdf_producer"] != "zicht test" || res.Meta["pages"] != "2" {
		t.Errorf("Title %q, Meta %v", res.Title, res.Meta)
	}
	if want := time.Date(2022, 2, 9, 11, 0, 0, 0, time.UTC); !res.Date.Equal(want) {
		t.Errorf("Date = %v, want %v", res.Date, want)
	}
}

func TestExtractPDFWordSpacing(t *testing.T) {
	// Words placed by TJ offsets and Td moves instead of space characters,
	// as many producers do.
	content := "BT /F1 11 Tf 72 770 Td [(Kinderen)-280(in)-280(de)-280(jeugdzorg)] TJ 0 -14 Td (worden) Tj 45 0 Td (uitgebuit.) Tj ET"
	res, err := Extract(context.Background(), "spaties.pdf", textPDF("", content))
	if err != nil {
		t.Fatal(err)
	}
	if want := "Kinderen in de jeugdzorg\n\nworden uitgebuit."; res.Text != want && res.Text != "Kinderen in de jeugdzorg worden uitgebuit." {
		t.Errorf("Text = %q", res.Text)
	}
}

func TestExtractPDFErrors(t *testing.T) {
	good := textPDF("", lines("Een korte tekst over kinderen die kwetsbaar zijn voor mensenhandel."))
	image := textPDF("", "q 100 0 0 100 72 600 cm 0 0 1 1 re f Q")
	broken := buildPDF("", "<< /Type /Catalog /Pages 2 0 R >>", "this is not an object")
	// The object offsets point into nothing: the catalog cannot be loaded.
	badXref := bytes.Replace(good, []byte("0000000015 00000 n"), []byte("0000009999 00000 n"), 1)
	encrypted := buildPDF("/Encrypt 3 0 R /ID [<01> <01>]",
		"<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [] /Count 0 >>",
		"<< /Filter /Standard /V 5 /R 6 /Length 256 /P -4 /O <00> /U <00> >>")
	tests := []struct {
		name string
		data []byte
		msg  string
	}{
		{"truncated", good[:len(good)/2], "PDF is damaged or truncated"},
		{"header only", []byte("%PDF-1.4\n"), "PDF is damaged or truncated"},
		{"image only", image, "PDF has no text layer (scanned image?); OCR is not supported yet"},
		{"broken object", broken, "PDF"},
		{"bad xref", badXref, "PDF"},
		{"encrypted", encrypted, "PDF is encrypted; zicht cannot read encrypted PDFs"},
		{"no pages", buildPDF("", "<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [] /Count 0 >>"), "PDF has no pages"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := Extract(context.Background(), "scan.pdf", tt.data)
			checkError(t, res, err, "scan.pdf", zicht.CodeInvalid, tt.msg)
		})
	}
}

func TestExtractPDFPageTreeCycle(t *testing.T) {
	// A /Pages node that lists itself among its kids must not loop.
	data := buildPDF("",
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>",
		"<< /Type /Page /Parent 2 0 R /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
		stream(lines("Een pagina in een kapotte boom, met genoeg tekst om te lezen.")),
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
	)
	res, err := Extract(context.Background(), "cyclus.pdf", data)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(res.Text, "Een pagina in een kapotte boom") {
		t.Errorf("Text = %q", res.Text)
	}
}

func TestExtractPDFCanceled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	data := textPDF("", lines("Tekst."))
	if _, err := extractPDF(ctx, "a.pdf", data); !errors.Is(err, context.Canceled) {
		t.Errorf("err = %v, want context.Canceled", err)
	}
}

func TestNormalisePDF(t *testing.T) {
	data := textPDF("", lines("Een tekst die gelezen moet worden ondanks een vreemde kop en staart."))
	v2 := bytes.Replace(data, []byte("%PDF-1.4\n"), []byte("%PDF-2.0\n"), 1)
	junk := append([]byte("Content-Type: application/pdf\r\n\r\n"), data...)
	tail := append(bytes.Clone(data), bytes.Repeat([]byte("\x00"), 500)...)
	for name, d := range map[string][]byte{"PDF 2.0": v2, "junk before": junk, "junk after": tail} {
		t.Run(name, func(t *testing.T) {
			res, err := Extract(context.Background(), "a.pdf", d)
			if err != nil {
				t.Fatal(err)
			}
			if !strings.HasPrefix(res.Text, "Een tekst die gelezen") {
				t.Errorf("Text = %q", res.Text)
			}
		})
	}
	if !bytes.HasPrefix(data, []byte("%PDF-1.4\n")) {
		t.Error("normalisePDF changed its input")
	}
}

func TestParsePDFDate(t *testing.T) {
	tests := []struct {
		in   string
		want time.Time
		ok   bool
	}{
		{"D:20220209120000+01'00'", time.Date(2022, 2, 9, 11, 0, 0, 0, time.UTC), true},
		{"D:20220209120000Z", time.Date(2022, 2, 9, 12, 0, 0, 0, time.UTC), true},
		{"D:2022", time.Date(2022, 1, 1, 0, 0, 0, 0, time.UTC), true},
		{"20220209", time.Date(2022, 2, 9, 0, 0, 0, 0, time.UTC), true},
		{"D:20221309", time.Time{}, false},
		{"gisteren", time.Time{}, false},
	}
	for _, tt := range tests {
		got, ok := parsePDFDate(tt.in)
		if ok != tt.ok || ok && !got.Equal(tt.want) {
			t.Errorf("parsePDFDate(%q) = %v, %v; want %v, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}
