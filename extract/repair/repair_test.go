package repair

import (
	"strings"
	"testing"

	"github.com/zicht-project/zicht"
	"golang.org/x/text/unicode/norm"
)

// checkRepairs fails t unless every repair's After text is in out at its
// offset, the repairs are in order of offset and do not overlap, and undoing
// them gives back in.
func checkRepairs(t *testing.T, in, out string, reps []zicht.Repair) {
	t.Helper()
	prev := 0
	for i, r := range reps {
		if r.Offset < prev || r.Offset+len(r.After) > len(out) {
			t.Fatalf("repair %d %+v out of order or range (prev end %d, len %d)", i, r, prev, len(out))
		}
		if got := out[r.Offset : r.Offset+len(r.After)]; got != r.After {
			t.Fatalf("repair %d %+v: text at offset is %q", i, r, got)
		}
		if r.Kind == "" || r.Before == r.After {
			t.Fatalf("repair %d %+v: no kind or no change", i, r)
		}
		prev = r.Offset + len(r.After)
	}
	if undone := undo(out, reps); undone != in {
		t.Fatalf("undoing the repairs gives\n%q\nwant\n%q", undone, in)
	}
}

// undo puts back the Before text of every repair.
func undo(out string, reps []zicht.Repair) string {
	var b strings.Builder
	pos := 0
	for _, r := range reps {
		b.WriteString(out[pos:r.Offset])
		b.WriteString(r.Before)
		pos = r.Offset + len(r.After)
	}
	b.WriteString(out[pos:])
	return b.String()
}

func TestText(t *testing.T) {
	tests := []struct {
		name, in, want string
		kinds          []string // the kinds of the repairs, in order; nil: not checked
	}{
		{"empty", "", "", []string{}},
		{"clean", "Een zin.", "Een zin.", []string{}},
		{"nfc", "coo\u0308rdinatie en nai\u0308ef", "coördinatie en naïef", []string{"nfc", "nfc"}},
		{"soft hyphen inside word", "kin\u00ADderen", "kinderen", []string{"soft_hyphen"}},
		{"soft hyphen at line end", "de kin\u00AD\nderen", "de kinderen", []string{"hyphenation"}},
		{"zero width", "mensen\u200Bhandel\uFEFF", "mensenhandel", []string{"zero_width", "zero_width"}},
		{"zwj in emoji kept", "a 👩\u200D👧 b", "a 👩\u200D👧 b", []string{}},
		{"nbsp and thin space", "art.\u00A0273f\u2009Sr", "art. 273f Sr", []string{"space", "space"}},
		{"repeated spaces", "twee  spaties\tand tab", "twee spaties and tab", []string{"space", "space"}},
		{"ligatures", "o\uFB03cieel \uFB02uctueert, \uFB00ect", "officieel fluctueert, ffect", []string{"ligature", "ligature", "ligature"}},
		{"control characters", "a\x00b\x07c\u009fd", "abcd", nil},
		{"crlf", "Kop\r\n\r\nEerste regel.\r\n", "Kop\n\nEerste regel.", nil},
		{"trim", "\n\n  Tekst.  \n\n", "Tekst.", []string{"linebreak", "linebreak"}},
		{"blank lines", "Een.\n\n\n\nTwee.", "Een.\n\nTwee.", []string{"linebreak"}},
		{"blank line with spaces", "Een.\n   \nTwee.", "Een.\n\nTwee.", []string{"linebreak"}},
		{"invalid utf8", "a\xffb", "a\uFFFDb", []string{"invalid_utf8"}},
		{"merged repairs", "a\u00A0\u00A0b", "a b", []string{"space"}},
		{"zero width in spaces", "a \u200B b", "a b", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, reps := Text(tt.in)
			if got != tt.want {
				t.Errorf("Text(%q) = %q, want %q", tt.in, got, tt.want)
			}
			if tt.kinds != nil {
				var kinds []string
				for _, r := range reps {
					kinds = append(kinds, r.Kind)
				}
				if strings.Join(kinds, ",") != strings.Join(tt.kinds, ",") {
					t.Errorf("kinds %v, want %v (repairs %+v)", kinds, tt.kinds, reps)
				}
			}
			checkRepairs(t, tt.in, got, reps)
		})
	}
}

// wrap is a paragraph wrapped at about 70 characters, so the lines around
// each test case's join are of typical width.
const fill = "Dit is een regel tekst die lang genoeg is om als gewone regel te gelden"

func TestHyphenation(t *testing.T) {
	tests := []struct {
		name, in, want string
		elsewhere      string // another paragraph of the text
	}{
		{"join", "kin-\nderen", "kinderen", ""},
		{"capitalised, joined elsewhere", "het Open-\nbaar", "het Openbaar", "Het Openbaar Ministerie vervolgt."},
		{"lower case, hyphenated elsewhere", "de zorg-\nouders", "de zorg-ouders", "Alle zorg-ouders tekenden."},
		{"join with blanks", "kin-  \n  deren", "kinderen", ""},
		{"join unicode hyphen", "kin\u2010\nderen", "kinderen", ""},
		{"capitalised compound", "Roma-\nkinderen", "Roma-kinderen", ""},
		{"acronym", "LHBT-\njongeren", "LHBT-jongeren", ""},
		{"short prefix e", "e-\nmail", "e-mail", ""},
		{"short prefix pro", "pro-\nana", "pro-ana", ""},
		{"short prefix ex", "ex-\npartner", "ex-partner", ""},
		{"short prefix anti", "anti-\nroken", "anti-roken", ""},
		{"short prefix niet", "niet-\nwesterse", "niet-westerse", ""},
		{"capital after", "pro-\nRoma", "pro-Roma", ""},
		{"number range", "2017-\n2020", "2017-2020", ""},
		{"digits before word", "18-\njarigen", "18-jarigen", ""},
		{"existing compound", "non-punishment-\nbeginsel", "non-punishment-beginsel", ""},
		{"elision", "jeugd-\nen zedenpolitie", "jeugd- en zedenpolitie", ""},
		{"elision english", "child-\nor forced labour", "child- or forced labour", ""},
		{"dash", "woord -\nwoord", "woord - woord", ""},
		{"not a conjunction", "ver-\nenigd", "verenigd", ""},
		{"pro before a word", "pro-\nstitutie", "prostitutie", ""},
		{"ex before a word", "ex-\nploitation", "exploitation", ""},
		{"ex before a person", "ex-\npartner", "ex-partner", ""},
		{"pro-ana", "pro-\nana-sites", "pro-ana-sites", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := fill + " " + tt.in + " " + fill + "."
			want := fill + " " + tt.want + " " + fill + "."
			if tt.elsewhere != "" {
				in += "\n\n" + tt.elsewhere
				want += "\n\n" + tt.elsewhere
			}
			got, reps := Text(in)
			if got != want {
				t.Errorf("Text(%q)\n = %q\nwant %q", in, got, want)
			}
			checkRepairs(t, in, got, reps)
		})
	}
}

func TestParagraphs(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{
			"wrapped lines joined",
			"Uit onderzoek en uit de praktijk blijkt dat Roma-kinderen een hoge\n" +
				"kwetsbaarheid hebben voor mensenhandel. Er zijn in de afgelopen jaren\n" +
				"meerdere veroordelingen geweest.\n\nTweede alinea.",
			"Uit onderzoek en uit de praktijk blijkt dat Roma-kinderen een hoge " +
				"kwetsbaarheid hebben voor mensenhandel. Er zijn in de afgelopen jaren " +
				"meerdere veroordelingen geweest.\n\nTweede alinea.",
		},
		{
			"heading keeps its paragraph",
			"Aanleiding\n\nUit onderzoek blijkt dat kinderen kwetsbaar zijn.",
			"Aanleiding\n\nUit onderzoek blijkt dat kinderen kwetsbaar zijn.",
		},
		{
			"heading after a paragraph without a blank line",
			"Uit onderzoek en uit de praktijk blijkt dat Roma-kinderen een hoge\n" +
				"kwetsbaarheid hebben voor mensenhandel en dat dit vaak niet wordt herkend.\n" +
				"Maatregelen\n\nIk neem de volgende maatregelen.",
			"Uit onderzoek en uit de praktijk blijkt dat Roma-kinderen een hoge " +
				"kwetsbaarheid hebben voor mensenhandel en dat dit vaak niet wordt herkend.\n\n" +
				"Maatregelen\n\nIk neem de volgende maatregelen.",
		},
		{
			"heading followed directly by text",
			"Summary\nThe court convicted three defendants of trafficking in human beings under Article 273f of the Dutch Criminal Code, for making children commit crimes.\nBackground\nThe family travelled between several European countries and the children were rarely enrolled in school at all.",
			"Summary\n\nThe court convicted three defendants of trafficking in human beings under Article 273f of the Dutch Criminal Code, for making children commit crimes.\n\nBackground\n\nThe family travelled between several European countries and the children were rarely enrolled in school at all.",
		},
		{
			"one paragraph per line",
			strings.Repeat("Een lange alinea die niet is afgebroken en dus op één regel staat, zoals veel tekstbestanden doen. ", 2) + "\n" +
				strings.Repeat("Nog een alinea op één regel, ook lang genoeg om niet als afgebroken regel te gelden. ", 2),
			strings.TrimSpace(strings.Repeat("Een lange alinea die niet is afgebroken en dus op één regel staat, zoals veel tekstbestanden doen. ", 2)) + "\n\n" +
				strings.TrimSpace(strings.Repeat("Nog een alinea op één regel, ook lang genoeg om niet als afgebroken regel te gelden. ", 2)),
		},
		{
			"list items",
			"De maatregelen zijn de volgende, in nauwe samenwerking met gemeenten:\n- een handreiking voor politie\n- een pilot in vijf gemeenten\n1. training\n2) voorlichting",
			"De maatregelen zijn de volgende, in nauwe samenwerking met gemeenten:\n\n- een handreiking voor politie\n\n- een pilot in vijf gemeenten\n\n1. training\n\n2) voorlichting",
		},
		{
			"metadata block of short lines",
			"Court: district court (fictional), criminal division\nDate of judgment: 2 May 2024\nReference: ECLI:NL:RBFICT:2024:0217",
			"Court: district court (fictional), criminal division\n\nDate of judgment: 2 May 2024\n\nReference: ECLI:NL:RBFICT:2024:0217",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, reps := Text(tt.in)
			if got != tt.want {
				t.Errorf("Text(%q)\n = %q\nwant %q", tt.in, got, tt.want)
			}
			checkRepairs(t, tt.in, got, reps)
		})
	}
}

func TestOutputIsNFC(t *testing.T) {
	in := "e\u00AD\u0301 ko\u200B\u0308 \uFB01\u0301"
	got, reps := Text(in)
	if !norm.NFC.IsNormalString(got) {
		t.Errorf("Text(%q) = %q is not NFC", in, got)
	}
	checkRepairs(t, in, got, reps)
}

func TestApplyMerges(t *testing.T) {
	// A repair whose After text a later edit changes is merged with it.
	s, reps := apply("a\u00A0b", nil, []edit{{Start: 1, End: 3, After: " ", Kind: KindSpace}})
	s, reps = apply(s, reps, []edit{{Start: 1, End: 2, After: "", Kind: KindLineBreak}})
	if s != "ab" || len(reps) != 1 || reps[0].Before != "\u00A0" || reps[0].After != "" || reps[0].Kind != "space+linebreak" {
		t.Fatalf("got %q %+v", s, reps)
	}
	// Bad edits are dropped, not applied.
	s, reps = apply("abc", nil, []edit{{Start: 2, End: 1, After: "x"}, {Start: 1, End: 9, After: "y"}})
	if s != "abc" || len(reps) != 0 {
		t.Fatalf("bad edits applied: %q %+v", s, reps)
	}
}

func BenchmarkText(b *testing.B) {
	para := "Uit onderzoek en uit de praktijk blijkt dat Roma-kin-\nderen een hoge kwetsbaar\u00ADheid hebben voor mensen-\nhandel. Er zijn o\uFB03ciële signalen.\n\n"
	s := strings.Repeat(para, 1000)
	b.SetBytes(int64(len(s)))
	for b.Loop() {
		Text(s)
	}
}
