package extract

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/zicht-project/zicht"
	"golang.org/x/text/encoding/charmap"
)

const newsPage = `<!DOCTYPE html>
<html lang="nl">
<head>
<meta charset="utf-8">
<title>Roma-meisjes extra kwetsbaar | Het Regiobericht</title>
<meta property="og:title" content="Gearrangeerde kindhuwelijken maken Roma-meisjes extra kwetsbaar">
<meta property="article:published_time" content="2023-06-21T07:45:00+02:00">
<meta name="description" content="Hulpverleners zien risico's.">
<link rel="canonical" href="https://regiobericht.example/roma">
<style>body { font-family: serif } .cookie-bar { position: fixed }</style>
<script>window.dataLayer = [{page: "artikel"}]; console.log("tracking");</script>
</head>
<body>
<div id="cookie-consent" class="cookie-bar">Wij gebruiken cookies voor statistiek. <button>Akkoord</button></div>
<header class="site-header"><a href="/">Het Regiobericht</a>
  <nav><ul><li><a href="/">Home</a></li><li><a href="/regio">Regio</a></li><li><a href="/sport">Sport</a></li></ul></nav>
</header>
<ol class="breadcrumb"><li>Home</li><li>Regio</li></ol>
<main>
<article>
  <header><h1>Kindhuwelijken maken Roma-meisjes kwetsbaar</h1>
  <p class="byline">Door de redactie, <time datetime="2023-06-20">20 juni</time></p></header>
  <p>Hulpverleners in de regio zien dat gearrangeerde huwelijken op jonge leeftijd Roma-meisjes
  kwetsbaar maken voor uitbuiting.</p>
  <p>Meisjes&nbsp;die op jonge leeftijd worden uitgehuwelijkt, verlaten vaak vroegtijdig het onderwijs.<br>
  Dat vergroot hun afhankelijkheid.</p>
  <h2>Signalen</h2>
  <ul><li>schoolverzuim</li><li>isolement</li></ul>
  <div class="share-buttons">Deel dit artikel op Facebook</div>
  <aside>Lees ook: voetbalclub wint derby</aside>
  <script>alert("nee")</script>
  <noscript>Zet JavaScript aan</noscript>
</article>
<form class="newsletter"><label>Nieuwsbrief</label><input name="email"></form>
</main>
<footer>© Het Regiobericht — privacyverklaring</footer>
</body>
</html>`

func TestExtractHTML(t *testing.T) {
	res, err := Extract(context.Background(), "nieuws.html", []byte(newsPage))
	if err != nil {
		t.Fatal(err)
	}
	if res.Format != FormatHTML || res.Lang != zicht.Dutch {
		t.Errorf("Format, Lang = %q, %q", res.Format, res.Lang)
	}
	if want := "Gearrangeerde kindhuwelijken maken Roma-meisjes extra kwetsbaar"; res.Title != want {
		t.Errorf("Title = %q, want og:title %q", res.Title, want)
	}
	if want := time.Date(2023, 6, 21, 5, 45, 0, 0, time.UTC); !res.Date.Equal(want) {
		t.Errorf("Date = %v, want %v", res.Date, want)
	}
	for _, want := range []string{
		"Kindhuwelijken maken Roma-meisjes kwetsbaar\n\n",
		"Hulpverleners in de regio zien dat gearrangeerde huwelijken op jonge leeftijd Roma-meisjes kwetsbaar maken voor uitbuiting.\n\n",
		"Meisjes die op jonge leeftijd",
		"\n\nSignalen\n\nschoolverzuim\n\nisolement",
	} {
		if !strings.Contains(res.Text, want) {
			t.Errorf("text lacks %q:\n%s", want, res.Text)
		}
	}
	for _, bad := range []string{
		"cookies", "Akkoord", "Home", "Sport", "Regiobericht", "Deel dit", "Lees ook",
		"alert", "JavaScript", "Nieuwsbrief", "privacy", "dataLayer", "font-family",
	} {
		if strings.Contains(res.Text, bad) {
			t.Errorf("text has boilerplate %q:\n%s", bad, res.Text)
		}
	}
	if res.Meta["canonical"] != "https://regiobericht.example/roma" || res.Meta["charset"] != "utf-8" {
		t.Errorf("Meta = %v", res.Meta)
	}
	nbsp := false
	for _, r := range res.Repairs {
		if r.Before == "\u00A0" && r.After == " " && r.Kind == "space" {
			nbsp = true
		}
	}
	if !nbsp {
		t.Errorf("no repair of the no-break space in %+v", res.Repairs)
	}
}

func TestExtractHTMLMetadata(t *testing.T) {
	tests := []struct {
		name, page, title string
		date              time.Time
	}{
		{
			"title and meta date",
			`<html><head><title> Een  titel </title><meta name="date" content="2021-10-05"></head><body><p>Tekst van de pagina.</p></body></html>`,
			"Een titel", time.Date(2021, 10, 5, 0, 0, 0, 0, time.UTC),
		},
		{
			"h1 and time element",
			`<html><body><h1>Kop van het stuk</h1><p>Geplaatst <time datetime="2019-09-12T10:00:00Z">12 september</time>.</p></body></html>`,
			"Kop van het stuk", time.Date(2019, 9, 12, 10, 0, 0, 0, time.UTC),
		},
		{
			"Dutch date",
			`<html><head><meta name="DC.date" content="05-03-2020"></head><body><p>Tekst.</p></body></html>`,
			"Tekst.", time.Date(2020, 3, 5, 0, 0, 0, 0, time.UTC),
		},
		{
			"fragment named .htm",
			`<p>Alleen een alinea.</p>`,
			"Alleen een alinea.", time.Time{},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := Extract(context.Background(), "pagina.htm", []byte(tt.page))
			if err != nil {
				t.Fatal(err)
			}
			if res.Format != FormatHTML || res.Title != tt.title || !res.Date.Equal(tt.date) {
				t.Errorf("Format %q, Title %q, Date %v; want html, %q, %v", res.Format, res.Title, res.Date, tt.title, tt.date)
			}
		})
	}
}

func TestExtractHTMLCharsets(t *testing.T) {
	body := "<p>Zorgverleners zien \u201cverborgen\u201d kinderen \u2013 financi\u00eble zorgen, na\u00efef vertrouwen.</p>"
	want := "Zorgverleners zien \u201cverborgen\u201d kinderen \u2013 financi\u00eble zorgen, na\u00efef vertrouwen."
	cp1252 := func(s string) []byte {
		b, err := charmap.Windows1252.NewEncoder().String(s)
		if err != nil {
			t.Fatal(err)
		}
		return []byte(b)
	}
	tests := []struct {
		name    string
		data    []byte
		charset string
	}{
		{"meta charset windows-1252", cp1252(`<html><head><meta charset="windows-1252"><title>t</title></head><body>` + body + `</body></html>`), "windows-1252"},
		{"http-equiv iso-8859-1", cp1252(`<html><head><meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1"></head><body>` + body + `</body></html>`), "windows-1252"},
		{"undeclared windows-1252", cp1252(`<html><body>` + body + `</body></html>`), "windows-1252"},
		{"declared utf-8 but windows-1252", cp1252(`<html><head><meta charset="utf-8"></head><body>` + body + `</body></html>`), "windows-1252"},
		{"declared windows-1252 but utf-8", []byte(`<html><head><meta charset="windows-1252"></head><body>` + body + `</body></html>`), "utf-8"},
		{"utf-8 BOM", []byte("\uFEFF<html><body>" + body + "</body></html>"), "utf-8"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := Extract(context.Background(), "pagina.html", tt.data)
			if err != nil {
				t.Fatal(err)
			}
			if res.Text != want {
				t.Errorf("Text = %q, want %q", res.Text, want)
			}
			if res.Meta["charset"] != tt.charset {
				t.Errorf(`Meta["charset"] = %q, want %q`, res.Meta["charset"], tt.charset)
			}
		})
	}
}

func TestExtractHTMLDeep(t *testing.T) {
	for _, tag := range []string{"div", "b", "span", "table"} {
		t.Run(tag, func(t *testing.T) {
			const n = 100000
			page := "<html><body><p>Begin van de tekst.</p>" + strings.Repeat("<"+tag+">", n) +
				"Diep verstopte tekst." + strings.Repeat("</"+tag+">", n) + "</body></html>"
			start := time.Now()
			res, err := Extract(context.Background(), "diep.html", []byte(page))
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(res.Text, "Begin van de tekst.") || !strings.Contains(res.Text, "Diep verstopte tekst.") {
				t.Errorf("Text = %q", res.Text)
			}
			if d := time.Since(start); d > 10*time.Second {
				t.Errorf("took %v", d)
			}
		})
	}
}

func TestExtractHTMLWrapperNotBoilerplate(t *testing.T) {
	// A class that mentions a menu on a wrapper around the whole page, and
	// a form around everything (ASP.NET), must not hide the content.
	page := `<html><body><form id="aspnetForm"><div class="page menu-closed">
<p>De inspectie constateert dat signalen van uitbuiting bij minderjarigen onvoldoende worden opgepakt door de betrokken instanties.</p>
<div class="menu">Home Over ons</div>
</div></form></body></html>`
	res, err := Extract(context.Background(), "inspectie.html", []byte(page))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(res.Text, "De inspectie constateert") || strings.Contains(res.Text, "Over ons") {
		t.Errorf("Text = %q", res.Text)
	}
}

func TestExtractHTMLNoText(t *testing.T) {
	page := `<html><head><title>App</title><script>render()</script></head><body><div id="root"></div></body></html>`
	res, err := Extract(context.Background(), "app.html", []byte(page))
	checkError(t, res, err, "app.html", zicht.CodeInvalid, "no text found")
}
