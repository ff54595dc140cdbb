package detect

import (
	"runtime"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/zicht-project/zicht"
)

// TestHostileInput scans inputs made to be slow: megabytes without a sentence
// end, and text in which every word is a term. Scanning must stay linear, and
// passages short.
func TestHostileInput(t *testing.T) {
	if testing.Short() {
		t.Skip("several megabytes")
	}
	d := newDefault(t)
	tests := map[string]string{
		"1 MB line without a sentence end": strings.Repeat("de kinderen van de buren spelen buiten ", 1<<20/39),
		"millions of matches":              strings.Repeat("Roma-kinderen niet mensenhandel kwetsbaar geen uitbuiting hoge risico kind ", 3<<20/77),
		"one huge word":                    strings.Repeat("kinderen", 1<<20/8),
		"dots and abbreviations":           strings.Repeat("o.a. bijv. art. Sr. e.g. ", 1<<20/25),
		"newlines only":                    strings.Repeat("\n", 1<<20),
		"one-word lines":                   strings.Repeat("Uitbuiting\n", 1<<20/11),
		// Both sides of proximity rules and stemmed words, again and again.
		"proximity and stems everywhere": strings.Repeat("children undocumented, plantation exploited mines recruiting sentenced kinderen ongedocumenteerd uitgebuit plantages ", 2<<20/113),
	}
	for name, text := range tests {
		t.Run(name, func(t *testing.T) {
			var before runtime.MemStats
			runtime.GC()
			runtime.ReadMemStats(&before)
			start := time.Now()
			ps, sigs := d.Scan("big", text, "")
			took := time.Since(start)
			var after runtime.MemStats
			runtime.ReadMemStats(&after)
			t.Logf("%d bytes: %d passages, %d signals in %v, %d MB allocated",
				len(text), len(ps), len(sigs), took, (after.TotalAlloc-before.TotalAlloc)>>20)
			// Generous limits: this guards against quadratic blow-ups (minutes),
			// not against a busy machine.
			limit := 30 * time.Second
			if raceEnabled {
				limit *= 6
			}
			if took > limit {
				t.Errorf("took %v", took)
			}
			if alloc := after.TotalAlloc - before.TotalAlloc; alloc > uint64(400*len(text))+64<<20 {
				t.Errorf("allocated %d MB for %d bytes", alloc>>20, len(text))
			}
			for _, p := range ps {
				if p.End-p.Start > MaxPassage || p.Start < 0 || p.End > len(text) {
					t.Fatalf("passage %d-%d", p.Start, p.End)
				}
			}
		})
	}
}

// TestCatastrophicGroupTerm: a term added by an analyst is held to the same
// limits as the lexicon's, so it cannot make matching exponential.
func TestCatastrophicGroupTerm(t *testing.T) {
	lex := newDefault(t).lex
	_, err := New(lex, []zicht.Group{{ID: "test", Terms: []zicht.Term{{Pattern: "a ~5 a ~5 a ~5 a ~5 a"}}}})
	if err == nil || !strings.Contains(err.Error(), "catastrophic") {
		t.Errorf("New: %v, want a catastrophic-pattern error", err)
	}
}

func FuzzScan(f *testing.F) {
	for _, tc := range scanCases {
		f.Add(tc.text, string(tc.lang))
	}
	f.Add("# Kop\n\n1. Roma-kinderen\n- geen\n\xff\xfe „Echt?” o.a. Sr. De", "")
	f.Add(strings.Repeat("niet ", 100)+"uitbuiting van kinderen", "nl")
	d := newDefault(f)
	f.Fuzz(func(t *testing.T, text, lang string) {
		ps, sigs := d.Scan("fuzz", text, zicht.Lang(lang))
		last := 0
		for _, p := range ps {
			if p.Start < last || p.End <= p.Start || p.End > len(text) {
				t.Fatalf("passage %d-%d out of order or bounds (len %d)", p.Start, p.End, len(text))
			}
			if !utf8.ValidString(p.Text) {
				t.Fatalf("passage text not UTF-8: %q", p.Text)
			}
			if utf8.ValidString(text) && p.Text != text[p.Start:p.End] {
				t.Fatalf("passage text %q is not text[%d:%d]", p.Text, p.Start, p.End)
			}
			if p.End-p.Start > MaxPassage {
				t.Fatalf("passage of %d bytes", p.End-p.Start)
			}
			last = p.End
		}
		for _, s := range sigs {
			if s.Start < 0 || s.End > len(text) || s.Start >= s.End || !utf8.ValidString(s.Text) || !utf8.ValidString(s.Population) {
				t.Fatalf("bad signal %+v", s)
			}
			if s.Score < 0 || s.Score > 1 || s.Terms == nil || s.RiskFactors == nil || s.Detector != Version {
				t.Fatalf("bad signal %+v", s)
			}
			if s.Question != zicht.Q1 && s.Question != zicht.Q2 {
				t.Fatalf("question %q", s.Question)
			}
		}
	})
}
