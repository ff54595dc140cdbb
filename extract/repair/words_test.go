package repair

import (
	"strings"
	"testing"
)

func TestWords(t *testing.T) {
	tests := []struct {
		name, in, want, kind string
	}{
		{"replacement char", "Het is o\uFFFD cieel bevestigd.", "Het is officieel bevestigd.", KindLostLigature},
		{"private use", "Dat is we\uE001 elijk geregeld.", "Dat is wettelijk geregeld.", KindLostLigature},
		{"marker, no space", "De o\uFFFDciële cijfers.", "De officiële cijfers.", KindLostLigature},
		{"marker at start", "Het \uFFFD nancieel belang.", "Het financieel belang.", KindLostLigature},
		{"nothing, stray space", "Het is o cieel vastgelegd.", "Het is officieel vastgelegd.", KindLostLigature},
		{"nothing, the text decides", "Wettelijk is het zo: het is we elijk vastgelegd.", "Wettelijk is het zo: het is wettelijk vastgelegd.", KindLostLigature},
		{"marker, word lists disagree", "Het is we\uFFFD elijk vastgelegd.", "Het is wettelijk vastgelegd.", KindLostLigature},
		{"english", "The e ect was signi cant and speci c.", "The effect was significant and specific.", KindLostLigature},
		{"capital", "O cieel is het niet.", "Officieel is het niet.", KindLostLigature},
		{"split proved by the text", "De kinderen spelen. Veel kin deren zijn kwetsbaar.", "De kinderen spelen. Veel kinderen zijn kwetsbaar.", KindSplitWord},
		{"split, one part no word", "Dit is be langrijk.", "Dit is belangrijk.", KindSplitWord},
		{"diacritic", "de co rdinatie is na ef", "de coördinatie is naïef", KindDiacritic},
		{"second l lost", "Het gaat om vrijwil ige arbeid.", "Het gaat om vrijwillige arbeid.", KindLostLigature},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, reps := Text(tt.in)
			if got != tt.want {
				t.Errorf("Text(%q) = %q, want %q", tt.in, got, tt.want)
			}
			found := false
			for _, r := range reps {
				if strings.Contains(r.Kind, tt.kind) {
					found = true
				}
				if got[r.Offset:r.Offset+len(r.After)] != r.After {
					t.Errorf("repair %+v does not match the text", r)
				}
			}
			if !found {
				t.Errorf("no %s repair in %+v", tt.kind, reps)
			}
		})
	}
}

// TestWordsKeepValid checks that valid text is left as it is: no word that
// is valid is "repaired".
func TestWordsKeepValid(t *testing.T) {
	texts := []string{
		"Kin deren? Nee: de kin van het kind en deren is een werkwoord.",
		"Op en neer, over al die jaren, voor al het werk. Te veel is te veel.",
		"Alleenstaande minderjarige vreemdelingen verdwijnen uit de opvang; de politie en de IND zijn alert.",
		"Traffickers target children online, in schools and in care homes. The court found no evidence.",
		"Het OM eiste 3 jaar cel. Zie art. 273f Sr. en o.a. ECLI:NL:RBAMS:2020:1234.",
		"Het is we elijk geregeld.", // wettelijk or westelijk: left alone
		"Kennis van de weg en te werken; Stalin en de Tweede Wereldoorlog.",
		"Roma-kinderen, LHBT-jongeren en pro-ana sites. E-mail ons via info@example.nl.",
		"Loverboys gebruiken de loverboymethode; een loverboy methode is niet nieuw.",
		"a b c d e f g h i j",
	}
	for _, in := range texts {
		got, reps := Text(in)
		for _, r := range reps {
			if r.Kind == KindLostLigature || r.Kind == KindSplitWord || r.Kind == KindDiacritic {
				t.Errorf("Text(%q) made %+v; got %q", in, r, got)
			}
		}
	}
}

func BenchmarkWords(b *testing.B) {
	para := "Kinderen die alleen reizen zijn kwetsbaar voor mensenhandel. Professionals signaleren dat " +
		"loverboys jongens en meisjes benaderen via sociale media, en dat de coördinatie tussen gemeenten " +
		"tekortschiet. Het Openbaar Ministerie vervolgde in 2016 verdachten van uitbuiting. "
	s := strings.Repeat(para+"\n\n", 2000)
	b.SetBytes(int64(len(s)))
	for b.Loop() {
		Text(s)
	}
}
