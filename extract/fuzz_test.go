package extract

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"unicode/utf8"

	"github.com/zicht-project/zicht"
)

func FuzzExtract(f *testing.F) {
	f.Add("a.txt", []byte("Kop\n\nDe kin-\nderen zijn o\uFB03cieel kwetsbaar."))
	f.Add("a.txt", []byte("caf\xe9 \x93ja\x94"))
	f.Add("a.txt", []byte("\xff\xfeK\x00o\x00p\x00"))
	f.Add("a.html", []byte(newsPage))
	f.Add("a.html", []byte(`<html><head><meta charset="windows-1252"></head><body><p>caf`+"\xe9"+`</p><div><div><b><i>x`))
	f.Add("a.pdf", textPDF("<< /Title (T) >>", lines("Een regel tekst.", "Nog een regel.")))
	f.Add("a.pdf", []byte("%PDF-1.4\n1 0 obj << >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"))
	f.Add("a.png", pngBytes)
	f.Add("a.bin", []byte{0, 1, 2, 3, 0xff})
	if b, err := os.ReadFile(filepath.Join("testdata", "ECLI.NL.RBZZZ.2024.9999.xml")); err == nil {
		f.Add("ruling.xml", b)
	}
	f.Add("r.xml", []byte(`<?xml version="1.0"?><open-rechtspraak><rdf:RDF><rdf:Description><dcterms:identifier>ECLI:NL:X:1:2</dcterms:identifier></rdf:Description></rdf:RDF><uitspraak><para><nr>1</nr>Tekst &amp; meer</para></uitspraak></open-rechtspraak>`))
	f.Add("a.docx", zipOf(f, "docProps/core.xml", docxCore, "word/document.xml", docxBody))
	f.Add("a.odt", zipOf(f, "mimetype", "application/vnd.oasis.opendocument.text", "meta.xml", odtMeta, "content.xml", odtContent))
	f.Fuzz(func(t *testing.T, name string, data []byte) {
		res, err := Extract(context.Background(), name, data)
		if err != nil {
			if res != nil {
				t.Fatalf("both a result and an error %v", err)
			}
			if code := zicht.ErrorCode(err); code == zicht.CodeInternal {
				t.Fatalf("internal error: %v", err)
			}
			return
		}
		if res == nil {
			t.Fatal("neither a result nor an error")
		}
		if !utf8.ValidString(res.Text) || !utf8.ValidString(res.Title) {
			t.Fatalf("invalid UTF-8: text %q title %q", res.Text, res.Title)
		}
		for _, r := range res.Repairs {
			if r.Offset < 0 || r.Offset+len(r.After) > len(res.Text) || res.Text[r.Offset:r.Offset+len(r.After)] != r.After {
				t.Fatalf("repair %+v does not match the text", r)
			}
		}
	})
}

// FuzzExtractPDF fuzzes the PDF reader with small PDFs as seeds, so the
// mutations stay PDFs long enough to reach the page interpreter.
func FuzzExtractPDF(f *testing.F) {
	f.Add(textPDF("<< /Title (T) /CreationDate (D:2022) >>", lines("Een regel tekst met woorden.", "Nog een regel.")))
	f.Add(textPDF("", "BT /F1 11 Tf 72 770 Td [(Kinderen)-280(in)-280(de)] TJ 0 -14 Td (worden) ' 1 0 0 1 72 700 Tm 2 Tz 3 Tc 4 Tw 5 Ts (x) Tj ET q 1 0 0 1 5 5 cm Q /X1 Do"))
	f.Add(buildPDF("",
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>",
		"<< /Type /Page /Parent 2 0 R /Resources << /Font << /F1 5 0 R >> /XObject << /X1 6 0 R >> >> /Contents 4 0 R >>",
		stream("BT /F1 9 Tf (abc) Tj ET /X1 Do"),
		"<< /Type /Font /Subtype /Type0 /BaseFont /X /Encoding /Identity-H /DescendantFonts [<< /W [1 [500 600] 3 9 400] /DW 1000 >>] >>",
		"<< /Type /XObject /Subtype /Form /Matrix [1 0 0 1 0 0] /Length 24 >>\nstream\nBT /F1 9 Tf (d) Tj ET /X1 Do\nendstream",
	))
	f.Fuzz(func(t *testing.T, data []byte) {
		res, err := Extract(context.Background(), "a.pdf", data)
		if err != nil {
			if zicht.ErrorCode(err) == zicht.CodeInternal {
				t.Fatalf("internal error: %v", err)
			}
			return
		}
		if !utf8.ValidString(res.Text) {
			t.Fatalf("invalid UTF-8 text %q", res.Text)
		}
	})
}
