package wordlist

import "testing"

func TestKnown(t *testing.T) {
	for _, w := range []string{"officieel", "wettelijk", "kinderen", "coördinatie", "naïef", "effect", "significant", "specific", "mensenhandel"} {
		if !Known(w) {
			t.Errorf("%q unknown", w)
		}
	}
	for _, w := range []string{"cieel", "elijk", "speci", "rdinatie", "", "xqzw"} {
		if Known(w) {
			t.Errorf("%q known", w)
		}
	}
	if Dutch().Len() < 300000 || English().Len() < 50000 {
		t.Errorf("lists too short: %d %d", Dutch().Len(), English().Len())
	}
}

func TestNew(t *testing.T) {
	l := New("aap\nbeer\ncavia")
	for w, want := range map[string]bool{"aap": true, "beer": true, "cavia": true, "be": false, "zebra": false, "a": false} {
		if l.Has(w) != want {
			t.Errorf("Has(%q) = %v", w, !want)
		}
	}
}

func BenchmarkHas(b *testing.B) {
	l := Dutch()
	for b.Loop() {
		l.Has("officieel")
	}
}
