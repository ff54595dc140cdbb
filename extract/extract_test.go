package extract

import (
	"context"
	"errors"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/zicht-project/zicht"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

// dutch is a paragraph with letters outside ASCII that each encoding must
// bring back: ë, ï, é, ö and the curly quotes and dash of Windows-1252.
const dutch = "De rechtbank oordeelt dat de kinderen in een kwetsbare positie verkeerden. " +
	"Zij werden financiële afhankelijkheid en naïef vertrouwen verweten, " +
	"maar de coördinatie van de uitbuiting lag bij de volwassenen."

// encode returns s in the encoding named cs, with a BOM when bom is set.
func encode(t *testing.T, s, cs string, bom bool) []byte {
	t.Helper()
	var out string
	var err error
	switch cs {
	case "utf-8":
		out = s
		if bom {
			out = "\uFEFF" + s
		}
	case "utf-16le", "utf-16be":
		order := unicode.LittleEndian
		if cs == "utf-16be" {
			order = unicode.BigEndian
		}
		policy := unicode.IgnoreBOM
		if bom {
			policy = unicode.UseBOM
		}
		out, err = unicode.UTF16(order, policy).NewEncoder().String(s)
	case "windows-1252":
		out, err = charmap.Windows1252.NewEncoder().String(s)
	case "iso-8859-1":
		out, err = charmap.ISO8859_1.NewEncoder().String(s)
	default:
		t.Fatalf("no encoder for %s", cs)
	}
	if err != nil {
		t.Fatalf("encode %s: %v", cs, err)
	}
	return []byte(out)
}

func TestExtractTextEncodings(t *testing.T) {
	curly := dutch + " \u201cOnvoldoende\u201d \u2013 aldus het hof, \u20ac 500."
	tests := []struct {
		name    string
		text    string
		charset string
		bom     bool
	}{
		{"utf-8", dutch, "utf-8", false},
		{"utf-8 with BOM", dutch, "utf-8", true},
		{"utf-16le with BOM", dutch, "utf-16le", true},
		{"utf-16be with BOM", dutch, "utf-16be", true},
		{"utf-16le without BOM", dutch, "utf-16le", false},
		{"windows-1252", curly, "windows-1252", false},
		{"iso-8859-1", dutch, "iso-8859-1", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data := encode(t, tt.text, tt.charset, tt.bom)
			res, err := Extract(context.Background(), "uitspraak.txt", data)
			if err != nil {
				t.Fatalf("Extract: %v", err)
			}
			if res.Format != FormatText {
				t.Errorf("Format = %q, want text", res.Format)
			}
			if res.Text != tt.text {
				t.Errorf("Text =\n%q\nwant\n%q", res.Text, tt.text)
			}
			if got := res.Meta["charset"]; got != tt.charset {
				t.Errorf(`Meta["charset"] = %q, want %q`, got, tt.charset)
			}
			if res.Lang != zicht.Dutch {
				t.Errorf("Lang = %q, want nl", res.Lang)
			}
		})
	}
}

func TestExtractTextRepairs(t *testing.T) {
	in := "Kop\r\n\r\nDe kin-\r\nderen zijn o\uFB03cieel\u00A0kwetsbaar volgens\r\nde rapporteur.\r\n"
	res, err := Extract(context.Background(), "brief.txt", []byte(in))
	if err != nil {
		t.Fatal(err)
	}
	want := "Kop\n\nDe kinderen zijn officieel kwetsbaar volgens de rapporteur."
	if res.Text != want {
		t.Errorf("Text = %q, want %q", res.Text, want)
	}
	if res.Title != "Kop" {
		t.Errorf("Title = %q, want Kop", res.Title)
	}
	kinds := map[string]bool{}
	for _, r := range res.Repairs {
		if got := res.Text[r.Offset : r.Offset+len(r.After)]; got != r.After {
			t.Errorf("repair %+v: text at offset is %q", r, got)
		}
		for _, k := range strings.Split(r.Kind, "+") {
			kinds[k] = true
		}
	}
	for _, k := range []string{"hyphenation", "ligature", "space", "linebreak"} {
		if !kinds[k] {
			t.Errorf("no %s repair in %+v", k, res.Repairs)
		}
	}
}

// pngBytes is the start of a PNG file: signature and IHDR chunk.
var pngBytes = []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06\x00\x00\x00\x1f\xf3\xffa")

func TestExtractErrors(t *testing.T) {
	garbage := make([]byte, 2048)
	for i := range garbage {
		garbage[i] = byte(i*7919 + i*i*31)
	}
	tests := []struct {
		name string
		file string
		data []byte
		code zicht.Code
		msg  string // part of the message after the file name
	}{
		{"empty file", "leeg.txt", nil, zicht.CodeInvalid, "empty file"},
		{"0-byte PDF", "report.pdf", []byte{}, zicht.CodeInvalid, "empty file"},
		{"whitespace only", "spaties.txt", []byte(" \r\n\t\n"), zicht.CodeInvalid, "no text found"},
		{"PNG", "photo.png", pngBytes, zicht.CodeUnsupported, "unsupported file type image/png"},
		{"PNG named .txt", "photo.txt", pngBytes, zicht.CodeUnsupported, "unsupported file type image/png"},
		{"binary garbage", "blob.bin", garbage, zicht.CodeUnsupported, "binary data"},
		{"NUL bytes in text", "nul.txt", []byte("tekst\x00\x00\x00met nullen en nog veel meer tekst die doorgaat"), zicht.CodeUnsupported, "binary data"},
		{"zip", "archief.zip", []byte("PK\x03\x04\x14\x00\x00\x00\x08\x00data.bin"), zicht.CodeUnsupported, "application/zip"},
		{"docx", "brief.docx", []byte("PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00[Content_Types].xmlword/document.xml"), zicht.CodeInvalid, "damaged DOCX"},
		{"gzip", "a.gz", []byte("\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03"), zicht.CodeUnsupported, "gzip"},
		{"empty ruling", "uitspraak.xml", []byte(`<?xml version="1.0"?><open-rechtspraak/>`), zicht.CodeInvalid, "court ruling XML without text"},
		{"xml", "data.xml", []byte(`<?xml version="1.0"?><data><x>1</x></data>`), zicht.CodeUnsupported, "text/xml"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := Extract(context.Background(), tt.file, tt.data)
			checkError(t, res, err, tt.file, tt.code, tt.msg)
		})
	}
}

// checkError fails t unless err is a *zicht.Error with code whose one-line
// message starts with the file name and contains msg.
func checkError(t *testing.T, res *Result, err error, file string, code zicht.Code, msg string) {
	t.Helper()
	if err == nil {
		t.Fatalf("no error; text %q", res.Text)
	}
	var ze *zicht.Error
	if !errors.As(err, &ze) {
		t.Fatalf("error %v (%T) is not a *zicht.Error", err, err)
	}
	if ze.Code != code {
		t.Errorf("code %s, want %s (%v)", ze.Code, code, err)
	}
	if !strings.HasPrefix(err.Error(), file+": ") || !strings.Contains(err.Error(), msg) || strings.Contains(err.Error(), "\n") {
		t.Errorf("message %q: want one line %q... containing %q", err.Error(), file+": ", msg)
	}
}

func TestExtractCanceled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Extract(ctx, "a.txt", []byte("tekst")); !errors.Is(err, context.Canceled) {
		t.Errorf("err = %v, want context.Canceled", err)
	}
}

func TestDecodeTextLegacyChoice(t *testing.T) {
	// 0x93/0x94 are curly quotes in Windows-1252 and C1 controls in Latin-1.
	if s, cs := decodeText([]byte("\x93ja\x94 caf\xe9")); cs != "windows-1252" || s != "\u201cja\u201d café" {
		t.Errorf("decodeText = %q, %s", s, cs)
	}
	if s, cs := decodeText([]byte("caf\xe9 na\xefef")); cs != "iso-8859-1" || s != "café naïef" {
		t.Errorf("decodeText = %q, %s", s, cs)
	}
}

func TestTitleFromText(t *testing.T) {
	tests := []struct{ text, want string }{
		{"Kop\n\nTekst.", "Kop"},
		{"Disclaimer van deze tekst.\n\nDe echte titel\n\nTekst.", "De echte titel"},
		{"Een zin die eindigt met een punt.", "Een zin die eindigt met een punt."},
		{strings.Repeat("woord ", 60) + "eind.", strings.TrimSpace(strings.Repeat("woord ", 25)) + "…"},
	}
	for _, tt := range tests {
		if got := textTitle(tt.text); got != tt.want {
			t.Errorf("textTitle(%q) = %q, want %q", tt.text, got, tt.want)
		}
		if got := textTitle(tt.text); !utf8.ValidString(got) {
			t.Errorf("textTitle(%q) is not valid UTF-8", tt.text)
		}
	}
}
