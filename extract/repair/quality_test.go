package repair

import (
	"slices"
	"strings"
	"testing"
)

func TestQuality(t *testing.T) {
	sound := strings.Repeat("De coördinatie van de hulp aan kinderen is naïef geregeld, zegt de rapporteur. ", 10)
	degraded := strings.Repeat("de co rdinatie van de hulp aan kinderen is na ef geregeld zegt de rapporteur ", 10)
	if got := Quality(Text(sound)); got != nil {
		t.Errorf("sound text: %v", got)
	}
	text, reps := Text(degraded)
	got := Quality(text, reps)
	for _, want := range []string{ReasonLowercase, ReasonNoPunctuation, ReasonDiacritics} {
		if !slices.Contains(got, want) {
			t.Errorf("degraded text: reasons %v lack %s", got, want)
		}
	}
	if !strings.Contains(text, "de coördinatie van de hulp aan kinderen is naïef geregeld") {
		t.Errorf("not restored: %q", text[:100])
	}
}
