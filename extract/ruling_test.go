package extract

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/zicht-project/zicht"
)

func TestRuling(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("testdata", "ECLI.NL.RBZZZ.2024.9999.xml"))
	if err != nil {
		t.Fatal(err)
	}
	res, err := Extract(context.Background(), "ruling.xml", data)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		"kind":             "court_ruling",
		"ecli":             "ECLI:NL:RBZZZ:2024:9999",
		"court":            "Rechtbank Zuiderzee",
		"decision_date":    "2024-02-29",
		"publication_date": "2024-03-15",
		"procedure":        "Eerste aanleg - meervoudig; Op tegenspraak",
		"area_of_law":      "Strafrecht",
		"summary":          "Mensenhandel (fictief). Verdachte heeft een minderjarige & haar broer laten werken in een bedrijf.",
		"case_number":      "99/123456-23",
		"place":            "Lelystad",
		"ruling_part":      "uitspraak",
	}
	for k, v := range want {
		if res.Meta[k] != v {
			t.Errorf("Meta[%q] = %q, want %q", k, res.Meta[k], v)
		}
	}
	if res.Format != FormatRuling || res.Lang != zicht.Dutch {
		t.Errorf("format %q lang %q", res.Format, res.Lang)
	}
	if !res.Date.Equal(time.Date(2024, 2, 29, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("date %v", res.Date)
	}
	if !strings.HasPrefix(res.Title, "ECLI:NL:RBZZZ:2024:9999 Rechtbank Zuiderzee") {
		t.Errorf("title %q", res.Title)
	}
	wantText := "RECHTBANK ZUIDERZEE\n\nTeam strafrecht\n\n1 Het onderzoek ter terechtzitting\n\n" +
		"1.1. Dit is een verzonnen uitspraak voor de tests van zicht.\n\nBeslissing\n\n" +
		"De rechtbank verklaart bewezen wat onder 1 is ten laste gelegd.\n\nZij legt een gevangenisstraf op."
	if res.Text != wantText {
		t.Errorf("text\n%q\nwant\n%q", res.Text, wantText)
	}
	if strings.Contains(res.Text, "Mensenhandel") {
		t.Error("the summary is in the text")
	}
}

func TestRulingConclusie(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("testdata", "ECLI.NL.PHR.2023.0001.xml"))
	if err != nil {
		t.Fatal(err)
	}
	res, err := Extract(context.Background(), "c.xml", data)
	if err != nil {
		t.Fatal(err)
	}
	if res.Meta["ruling_part"] != "conclusie" || res.Meta["summary"] != "" || res.Meta["ecli"] != "ECLI:NL:PHR:2023:0001" {
		t.Errorf("meta %v", res.Meta)
	}
	if !strings.Contains(res.Text, "Deze conclusie is verzonnen") || res.Title != "ECLI:NL:PHR:2023:0001 Parket bij de Hoge Raad" {
		t.Errorf("title %q text %q", res.Title, res.Text)
	}
}

func TestRulingBad(t *testing.T) {
	head := `<?xml version="1.0"?>` + "\n"
	deep := strings.Repeat("<para>", 100000) + "x" + strings.Repeat("</para>", 100000)
	tests := []struct{ name, data, want string }{
		{"lol.xml", head + `<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>` +
			`<open-rechtspraak><uitspraak><para>&lol2;</para></uitspraak></open-rechtspraak>`, "DTD"},
		{"xxe.xml", head + `<!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><open-rechtspraak><uitspraak><para>&x;</para></uitspraak></open-rechtspraak>`, "DTD"},
		{"ent.xml", head + `<open-rechtspraak><uitspraak><para>&x;</para></uitspraak></open-rechtspraak>`, "malformed XML"},
		{"deep.xml", head + `<open-rechtspraak><uitspraak>` + deep + `</uitspraak></open-rechtspraak>`, "nested deeper"},
		{"trunc.xml", head + `<open-rechtspraak><uitspraak><para>De rechtbank`, "truncated"},
		{"empty.xml", head + `<open-rechtspraak><uitspraak></uitspraak></open-rechtspraak>`, "without text"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := Extract(context.Background(), tt.name, []byte(tt.data))
			if err == nil {
				t.Fatalf("no error; text %q", res.Text)
			}
			msg := err.Error()
			if zicht.ErrorCode(err) != zicht.CodeInvalid || !strings.HasPrefix(msg, tt.name+": ") ||
				!strings.Contains(msg, tt.want) || strings.Contains(msg, "\n") {
				t.Errorf("error %q (code %s), want one line naming the file with %q", msg, zicht.ErrorCode(err), tt.want)
			}
		})
	}
}
