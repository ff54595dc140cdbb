package lexicon

import (
	"strings"
	"testing"
	"testing/fstest"
	"unicode/utf8"

	"github.com/zicht-project/zicht"
)

func TestTokenize(t *testing.T) {
	tests := []struct {
		text string
		want string // Norm of each token, "+" before a joined one
	}{
		{"Roma-kinderen", "roma +kinderen"},
		{"Roma kinderen", "roma kinderen"},
		{"homo's en LHBTI-jongeren", "homo +s en lhbti +jongeren"},
		{"Coördinatie, naïef; café!", "coordinatie , naief ; cafe !"},
		{"ﬁnanciële", "financiele"},
		{"art. 273f Sr.", "art . 273f sr ."},
		{"“IS” – en/of", `" is " - en +of`},
		{"  ", ""},
		{"16-17 jaar", "16 +17 jaar"},
		{"- bullet", "- bullet"},
		{"ÉÉN KIND", "een kind"},
	}
	for _, tt := range tests {
		var got []string
		for _, tok := range Tokenize(tt.text, nil) {
			n := tok.Norm
			if tok.Joined {
				n = "+" + n
			}
			got = append(got, n)
			if tok.Start < 0 || tok.End > len(tt.text) || tok.Start >= tok.End {
				t.Errorf("%q: bad offsets %d-%d", tt.text, tok.Start, tok.End)
			}
		}
		if g := strings.Join(got, " "); g != tt.want {
			t.Errorf("Tokenize(%q) = %q, want %q", tt.text, g, tt.want)
		}
	}
}

func TestTokenizeKinds(t *testing.T) {
	toks := Tokenize("In 2017: 7 groepen.", nil)
	kinds := []TokenKind{TokenWord, TokenNumber, TokenPunct, TokenNumber, TokenWord, TokenPunct}
	if len(toks) != len(kinds) {
		t.Fatalf("got %d tokens", len(toks))
	}
	for i, k := range kinds {
		if toks[i].Kind != k {
			t.Errorf("token %d %q: kind %d, want %d", i, toks[i].Norm, toks[i].Kind, k)
		}
	}
}

func TestParsePattern(t *testing.T) {
	tests := []struct {
		in   string
		want string // Key()
	}{
		{"roma-kind*", "roma kind*"},
		{"Roma child*", "roma child*"},
		{"*uitbuiting", "*uitbuiting"},
		{"Syrische ~2 meisje*", "syrische ~2 meisje*"},
		{"Coördinatiecentrum", "coordinatiecentrum"},
		{"o.a.", "o . a ."},
		{"can't", "can t"},
	}
	for _, tt := range tests {
		p, err := ParsePattern(tt.in)
		if err != nil {
			t.Errorf("ParsePattern(%q): %v", tt.in, err)
			continue
		}
		if p.Key() != tt.want {
			t.Errorf("ParsePattern(%q).Key() = %q, want %q", tt.in, p.Key(), tt.want)
		}
		if p.Text != tt.in {
			t.Errorf("Text = %q, want %q", p.Text, tt.in)
		}
	}
	for _, bad := range []string{"", " ", "*", "**", "a*", "*ab", "x*y", "*abc*", "~1 a", "a ~1", "a ~1 ~1 b", "a ~0 b", "a ~x b", "\xff", strings.Repeat("w ", MaxWords+1)} {
		if _, err := ParsePattern(bad); err == nil {
			t.Errorf("ParsePattern(%q) succeeded, want an error", bad)
		}
	}
}

func TestPatternWordMatch(t *testing.T) {
	text := "Roma-kinderen IS is arbeidsuitbuiting"
	toks := Tokenize(text, nil)
	word := func(s string) PatternWord {
		p, err := ParsePattern(s)
		if err != nil {
			t.Fatal(err)
		}
		return p.Words[0]
	}
	tests := []struct {
		pattern string
		tok     int
		cased   bool
		want    bool
	}{
		{"roma", 0, false, true},
		{"kind*", 1, false, true},
		{"kind*", 0, false, false},
		{"IS", 2, true, true},
		{"IS", 3, true, false},
		{"IS", 3, false, true},
		{"*uitbuiting", 4, false, true},
		{"uitbuit*", 4, false, false},
		{"Roma", 0, true, true},
	}
	for _, tt := range tests {
		if got := word(tt.pattern).Match(toks[tt.tok], text, tt.cased); got != tt.want {
			t.Errorf("%q on %q (cased %v) = %v, want %v", tt.pattern, text[toks[tt.tok].Start:toks[tt.tok].End], tt.cased, got, tt.want)
		}
	}
}

func TestFold(t *testing.T) {
	for in, want := range map[string]string{"Syriëgangers": "syriegangers", "KWETSBAAR": "kwetsbaar", "plain": "plain", "Ǆ": "dz"} {
		if got := Fold(in); got != want {
			t.Errorf("Fold(%q) = %q, want %q", in, got, want)
		}
	}
}

func FuzzLoad(f *testing.F) {
	f.Add([]byte(minimal))
	f.Add([]byte("[trigger negation forward]\nnl: zonder {scope=3}\n[boundary]\nany: ;\n"))
	f.Add([]byte("[cue Q1]\nriskfactor: x\nen: a ~2 b*\n"))
	f.Add([]byte("[group a]\n[\n]\n{}\n:\nnl: {case}\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		l, err := Load(fstest.MapFS{"f.lex": &fstest.MapFile{Data: data}})
		if err != nil {
			if zicht.ErrorCode(err) != zicht.CodeInvalid || !strings.HasPrefix(err.Error(), "f.lex:") {
				t.Fatalf("error %q: want an invalid error naming f.lex", err)
			}
			return
		}
		for _, g := range l.Groups {
			for _, term := range g.Terms {
				if len(term.Words) == 0 || !utf8.ValidString(term.Text) {
					t.Fatalf("bad term %+v", term)
				}
				for _, w := range term.Words {
					if (w.Prefix || w.Suffix) && utf8.RuneCountInString(w.Norm) < MinStem {
						t.Fatalf("short wildcard stem in %q", term.Text)
					}
				}
			}
		}
	})
}

func FuzzTokenize(f *testing.F) {
	f.Add("Roma-kinderen, o.a. in 2017.")
	f.Add("\xff\xfe a-")
	f.Fuzz(func(t *testing.T, s string) {
		prev := 0
		for _, tok := range Tokenize(s, nil) {
			if tok.Start < prev || tok.End <= tok.Start || tok.End > len(s) {
				t.Fatalf("bad token %+v in %q", tok, s)
			}
			prev = tok.End
		}
	})
}
