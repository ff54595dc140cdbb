package repair

import (
	"strings"
	"testing"
	"time"
)

// TestLongTokens checks that long runs of letters around lost glyphs and
// spaces cost time in proportion to their length, not its square.
func TestLongTokens(t *testing.T) {
	long := strings.Repeat("a", 200000)
	in := long + "\uFFFD " + long + " " + strings.Repeat("ab\uFFFDcd ", 20000) + long
	start := time.Now()
	out, _ := Text(in)
	if d := time.Since(start); d > 20*time.Second {
		t.Errorf("Text took %v on %d bytes", d, len(in))
	}
	if !strings.HasPrefix(out, long) {
		t.Error("long token changed")
	}
}
