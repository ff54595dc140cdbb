package detect

import (
	"strings"
	"testing"
)

func TestSegment(t *testing.T) {
	d := newDefault(t)
	tests := []struct {
		name string
		text string
		want []string // passage texts; "§heading|text" when the passage has a section
	}{
		{"dutch abbreviations", "Er zijn o.a. Roma-kinderen, bijv. in Gent, m.b.t. art. 273f Sr. uitgebuit. De rechtbank oordeelde anders.",
			[]string{"Er zijn o.a. Roma-kinderen, bijv. in Gent, m.b.t. art. 273f Sr. uitgebuit.", "De rechtbank oordeelde anders."}},
		{"final abbreviation before a capital", "Veroordeeld op grond van art. 273f Sr. De verdachte ging in hoger beroep.",
			[]string{"Veroordeeld op grond van art. 273f Sr.", "De verdachte ging in hoger beroep."}},
		{"jl. inside a sentence", "Op 3 maart jl. werd een meisje aangetroffen. Zij was vijftien.",
			[]string{"Op 3 maart jl. werd een meisje aangetroffen.", "Zij was vijftien."}},
		{"english abbreviations", "Some groups, e.g. Roma children, i.e. minors, are at risk. Mr. Smith said so, etc. The report agrees.",
			[]string{"Some groups, e.g. Roma children, i.e. minors, are at risk.", "Mr. Smith said so, etc.", "The report agrees."}},
		{"initials and numbers", "J.K. de Vries schreef dat 3.5 procent van de kinderen werkt. Dr. Jansen ook.",
			[]string{"J.K. de Vries schreef dat 3.5 procent van de kinderen werkt.", "Dr. Jansen ook."}},
		{"question and exclamation", "Is dit uitbuiting? Ja! Dat is het.",
			[]string{"Is dit uitbuiting?", "Ja!", "Dat is het."}},
		{"quotes close the sentence", `"Zij zijn kwetsbaar." Dat zei de rapporteur. „Echt?” vroeg hij.`,
			[]string{`"Zij zijn kwetsbaar."`, "Dat zei de rapporteur.", "„Echt?” vroeg hij."}},
		{"lowercase after a dot", "Dit gebeurt ca. tien keer per jaar.", []string{"Dit gebeurt ca. tien keer per jaar."}},
		{"wrapped lines are one sentence", "Hoeveel minderjarigen worden uitgebuit,\nzeggen de onderzoekers niet. Ze weten het niet.",
			[]string{"Hoeveel minderjarigen worden uitgebuit,\nzeggen de onderzoekers niet.", "Ze weten het niet."}},
		{"numbered and bulleted lists", "Risicofactoren zijn:\n1. isolement\n2. afhankelijkheid\n- schulden\n• taboe\na) online contact",
			[]string{"Risicofactoren zijn:", "isolement", "afhankelijkheid", "schulden", "taboe", "online contact"}},
		{"markdown heading", "# Roma-kinderen\n\nZij lopen risico. Ook op uitbuiting.",
			[]string{"§Roma-kinderen|Zij lopen risico.", "§Roma-kinderen|Ook op uitbuiting."}},
		{"heading alone on its line", "Kinderarbeid in de keten\n\nDe risico's zijn groot.\n\n2.1 Syrische kindbruiden\n\nZij zijn geïsoleerd.",
			[]string{"§Kinderarbeid in de keten|De risico's zijn groot.", "§2.1 Syrische kindbruiden|Zij zijn geïsoleerd."}},
		{"heading as the first line of a paragraph", "LHBT-jongeren\nZij zoeken contact online.",
			[]string{"§LHBT-jongeren|Zij zoeken contact online."}},
		{"a lone line without a full stop is text", "Roma-kinderen lopen risico", []string{"Roma-kinderen lopen risico"}},
		{"a short line that wraps is no heading", "In 2016 waren er zeven\nRoma-kinderen aangemeld bij de opvang.",
			[]string{"In 2016 waren er zeven\nRoma-kinderen aangemeld bij de opvang."}},
		{"empty", "", nil},
		{"white space only", " \n\t\n ", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ps := d.Segment("doc", tt.text)
			var got []string
			for _, p := range ps {
				if p.Text != tt.text[p.Start:p.End] {
					t.Errorf("passage %q does not match its offsets %d-%d", p.Text, p.Start, p.End)
				}
				if p.Doc != "doc" {
					t.Errorf("doc %q", p.Doc)
				}
				s := p.Text
				if p.Section != "" {
					s = "§" + p.Section + "|" + s
				}
				got = append(got, s)
			}
			if strings.Join(got, "\n---\n") != strings.Join(tt.want, "\n---\n") {
				t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n---\n"), strings.Join(tt.want, "\n---\n"))
			}
		})
	}
}

func TestSegmentCapsLongPassages(t *testing.T) {
	d := newDefault(t)
	for name, text := range map[string]string{
		"words without a full stop": strings.Repeat("kinderen worden uitgebuit en ", 40000),
		"one long word":             strings.Repeat("ë", 300000),
		"dots without spaces":       strings.Repeat("a.", 200000),
	} {
		ps := d.Segment("doc", text)
		if len(ps) < 2 {
			t.Errorf("%s: %d passages", name, len(ps))
		}
		covered := 0
		for _, p := range ps {
			if p.End-p.Start > MaxPassage {
				t.Errorf("%s: passage of %d bytes", name, p.End-p.Start)
			}
			covered += p.End - p.Start
		}
		if covered < len(text)*9/10 {
			t.Errorf("%s: passages cover %d of %d bytes", name, covered, len(text))
		}
	}
}
