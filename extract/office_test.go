package extract

import (
	"archive/zip"
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/zicht-project/zicht"
)

// zipOf returns a ZIP archive of the files, in order, stored or deflated.
func zipOf(t testing.TB, files ...string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for i := 0; i+1 < len(files); i += 2 {
		method := zip.Deflate
		if files[i] == "mimetype" {
			method = zip.Store
		}
		w, err := zw.CreateHeader(&zip.FileHeader{Name: files[i], Method: method})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write([]byte(files[i+1])); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

const docxBody = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>
<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t>Kwetsbare groepen</w:t></w:r></w:p>
<w:p><w:r><w:t xml:space="preserve">Kinderen die </w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>alleen</w:t></w:r><w:r><w:t xml:space="preserve"> reizen</w:t></w:r><w:del><w:r><w:delText>niet</w:delText></w:r></w:del><w:r><w:t xml:space="preserve"> zijn </w:t></w:r><w:r><w:fldChar/><w:instrText>PAGE</w:instrText></w:r><w:r><w:t>kwetsbaar.</w:t></w:r></w:p>
<w:tbl><w:tr><w:tc><w:p><w:r><w:t>cel een</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>cel twee</w:t></w:r></w:p></w:tc></w:tr></w:tbl>
<w:p><w:r><w:t>Regel</w:t><w:br/><w:t>na een breuk</w:t><w:tab/><w:t>en tab.</w:t></w:r></w:p>
</w:body></w:document>`

const docxCore = `<?xml version="1.0" encoding="UTF-8"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>Verzonnen rapport</dc:title><dc:creator>Test</dc:creator></cp:coreProperties>`

const odtContent = `<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0">
<office:automatic-styles><style:style xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" style:name="P1"/></office:automatic-styles>
<office:body><office:text>
<text:sequence-decls><text:sequence-decl text:name="Illustration"/></text:sequence-decls>
<text:h text:outline-level="1">Kwetsbare   groepen</text:h>
<text:p>Kinderen die <text:span>alleen</text:span> reizen<text:note><text:note-citation>1</text:note-citation><text:note-body><text:p>Een voetnoot.</text:p></text:note-body></text:note> zijn<text:s text:c="2"/>kwetsbaar.</text:p>
<text:list><text:list-item><text:p>Punt een</text:p></text:list-item></text:list>
<text:p>Regel<text:line-break/>na een breuk<text:tab/>en tab.</text:p>
</office:text></office:body></office:document-content>`

const odtMeta = `<?xml version="1.0" encoding="UTF-8"?>
<office:document-meta xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><office:meta><dc:title>Verzonnen ODT</dc:title></office:meta></office:document-meta>`

func TestDOCX(t *testing.T) {
	data := zipOf(t, "[Content_Types].xml", `<Types/>`, "_rels/.rels", `<Relationships/>`,
		"docProps/core.xml", docxCore, "word/document.xml", docxBody)
	res, err := Extract(context.Background(), "r.docx", data)
	if err != nil {
		t.Fatal(err)
	}
	want := "Kwetsbare groepen\n\nKinderen die alleen reizen zijn kwetsbaar.\n\ncel een\n\ncel twee\n\nRegel\n\nna een breuk en tab."
	if res.Format != FormatDOCX || res.Title != "Verzonnen rapport" || res.Meta["headings"] != "1" {
		t.Errorf("format %q title %q meta %v", res.Format, res.Title, res.Meta)
	}
	if res.Text != want {
		t.Errorf("text\n%q\nwant\n%q", res.Text, want)
	}
}

func TestODT(t *testing.T) {
	data := zipOf(t, "mimetype", "application/vnd.oasis.opendocument.text", "meta.xml", odtMeta, "content.xml", odtContent)
	res, err := Extract(context.Background(), "r.odt", data)
	if err != nil {
		t.Fatal(err)
	}
	want := "Kwetsbare groepen\n\nKinderen die alleen reizen\n\nEen voetnoot.\n\nzijn kwetsbaar.\n\nPunt een\n\nRegel\n\nna een breuk en tab."
	if res.Format != FormatODT || res.Title != "Verzonnen ODT" || res.Meta["headings"] != "1" {
		t.Errorf("format %q title %q meta %v", res.Format, res.Title, res.Meta)
	}
	if res.Text != want {
		t.Errorf("text\n%q\nwant\n%q", res.Text, want)
	}
}

func TestOfficeBad(t *testing.T) {
	bomb := func() []byte {
		var buf bytes.Buffer
		zw := zip.NewWriter(&buf)
		w, _ := zw.Create("word/document.xml")
		zeros := make([]byte, 1<<20)
		for range 100 {
			w.Write(zeros)
		}
		zw.Close()
		return buf.Bytes()
	}()
	many := func() []byte {
		var files []string
		for i := range maxZipEntries + 1 {
			files = append(files, "word/x"+strings.Repeat("a", i%7)+string(rune('a'+i%26))+".xml", "")
		}
		return zipOf(t, append(files, "word/document.xml", docxBody)...)
	}()
	docx := zipOf(t, "word/document.xml", docxBody)
	tests := []struct {
		name string
		data []byte
		want string
	}{
		{"bomb.docx", bomb, "zip bomb"},
		{"many.docx", many, "entries"},
		{"trav.docx", zipOf(t, "word/document.xml", docxBody, "../../etc/evil", "x"), "path traversal"},
		{"abs.docx", zipOf(t, "word/document.xml", docxBody, "/etc/evil", "x"), "path traversal"},
		{"trunc.docx", docx[:len(docx)/2], "DOCX"},
		{"nodoc.odt", zipOf(t, "mimetype", "application/vnd.oasis.opendocument.text", "meta.xml", odtMeta), "no content.xml"},
		{"dtd.docx", zipOf(t, "word/document.xml", `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><w:document>&a;</w:document>`), "DTD"},
		{"deep.odt", zipOf(t, "mimetype", "application/vnd.oasis.opendocument.text", "content.xml",
			strings.Repeat("<t:a>", 100000)), "nested deeper"},
		{"empty.docx", zipOf(t, "word/document.xml", `<w:document><w:body/></w:document>`), "no text"},
		{"plain.zip", zipOf(t, "a.txt", "hallo"), "unsupported file type application/zip"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := Extract(context.Background(), tt.name, tt.data)
			if err == nil {
				t.Fatalf("no error; text %q", res.Text)
			}
			msg := err.Error()
			if c := zicht.ErrorCode(err); c == zicht.CodeInternal || !strings.HasPrefix(msg, tt.name+": ") ||
				!strings.Contains(msg, tt.want) || strings.Contains(msg, "\n") {
				t.Errorf("error %q (code %s), want one line naming the file with %q", msg, c, tt.want)
			}
		})
	}
}

// TestOfficeLibreOffice converts a text written for the test to DOCX and
// ODT with LibreOffice and reads them back.
func TestOfficeLibreOffice(t *testing.T) {
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		t.Skip("soffice not installed (Debian: libreoffice-writer-nogui); skipping the real DOCX/ODT test")
	}
	if testing.Short() {
		t.Skip("LibreOffice conversion is slow; skipped with -short")
	}
	dir := t.TempDir()
	src := filepath.Join(dir, "verslag.html")
	html := `<html><head><meta charset="utf-8"><title>Een verzonnen verslag</title></head><body>` +
		`<h1>Kinderen op de vlucht</h1><p>Officiële cijfers over alleenstaande minderjarigen zijn schaars.</p>` +
		`<h2>Coördinatie</h2><p>De effectieve samenwerking tussen gemeenten is naïef geregeld.</p></body></html>`
	if err := os.WriteFile(src, []byte(html), 0o644); err != nil {
		t.Fatal(err)
	}
	// HTML becomes DOCX, and that DOCX becomes ODT (from HTML, LibreOffice
	// would make a Writer/Web document).
	for _, format := range []string{"docx", "odt"} {
		t.Run(format, func(t *testing.T) {
			if format == "odt" {
				src = filepath.Join(dir, "verslag.docx")
			}
			cmd := exec.CommandContext(t.Context(), soffice, "--headless", "-env:UserInstallation=file://"+filepath.Join(dir, "profile"),
				"--convert-to", map[string]string{"docx": "docx:MS Word 2007 XML", "odt": "odt"}[format], "--outdir", dir, src)
			if out, err := cmd.CombinedOutput(); err != nil {
				t.Skipf("soffice failed (%v): %s", err, out)
			}
			data, err := os.ReadFile(filepath.Join(dir, "verslag."+format))
			if err != nil {
				t.Fatalf("soffice made no %s: %v", format, err)
			}
			res, err := Extract(context.Background(), "verslag."+format, data)
			if err != nil {
				t.Fatal(err)
			}
			for _, w := range []string{"Kinderen op de vlucht\n\nOfficiële cijfers over alleenstaande minderjarigen zijn schaars.",
				"Coördinatie\n\nDe effectieve samenwerking tussen gemeenten is naïef geregeld."} {
				if !strings.Contains(res.Text, w) {
					t.Errorf("text %q lacks %q", res.Text, w)
				}
			}
			if res.Format != format || res.Title != "Een verzonnen verslag" {
				t.Errorf("format %q title %q", res.Format, res.Title)
			}
		})
	}
}
