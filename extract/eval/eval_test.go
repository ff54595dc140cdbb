package eval

import (
	"context"
	"os/exec"
	"testing"
)

func TestDamage(t *testing.T) {
	if got := loseLigatures("officieel effect first", "\uFFFD "); got != "o\uFFFD cieel e\uFFFD ect \uFFFD rst" {
		t.Errorf("loseLigatures: %q", got)
	}
	if got := degrade("De coördinatie is naïef."); got != "de co rdinatie is na ef" {
		t.Errorf("degrade: %q", got)
	}
}

// TestRunDamaged runs the damaged-text cases, which need no tools, and
// holds repair to the targets of issue 4: every lost-ligature word the word
// lists know repaired, no false repairs, no false joins.
func TestRunDamaged(t *testing.T) {
	r, err := Run(context.Background(), Config{NoPDF: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("\n%s", r)
	for _, s := range r.Cases {
		if s.FalseRepairs > 0 || s.FalseJoins > 0 {
			t.Errorf("%s/%s: %d false repairs, %d false joins", s.Text, s.Case, s.FalseRepairs, s.FalseJoins)
		}
		// A lost glyph marked by U+FFFD or a private-use code point is
		// always repaired when the word lists know the word; a glyph lost
		// without a trace next to a valid word ("the rst") can be missed.
		if (s.Case == "lost-lig-marker" || s.Case == "lost-lig-pua") && s.LigatureRepairedKnown < s.LigatureKnown ||
			s.Case == "lost-lig-nothing" && s.LigatureRepairedKnown*10 < s.LigatureKnown*8 {
			t.Errorf("%s/%s: %d of %d known ligature words repaired", s.Text, s.Case, s.LigatureRepairedKnown, s.LigatureKnown)
		}
	}
}

// TestRunPDF renders the texts with groff (and LibreOffice when installed).
func TestRunPDF(t *testing.T) {
	if _, err := exec.LookPath("groff"); err != nil {
		t.Skip("groff not installed (Debian: groff); skipping the PDF evaluation")
	}
	if testing.Short() {
		t.Skip("renders PDFs; skipped with -short")
	}
	r, err := Run(context.Background(), Config{Dir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("\n%s", r)
	for _, s := range r.Cases {
		if s.FalseRepairs > 0 {
			t.Errorf("%s/%s: %d false repairs", s.Text, s.Case, s.FalseRepairs)
		}
	}
}
