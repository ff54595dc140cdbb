package review_test

import (
	"context"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/zicht-project/zicht"
	"github.com/zicht-project/zicht/assess"
	"github.com/zicht-project/zicht/baseline"
	"github.com/zicht-project/zicht/review"
	"github.com/zicht-project/zicht/store/sqlite"
)

var ctx = context.Background()

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func TestCaseKey(t *testing.T) {
	cases := []struct{ canonical, text, want string }{
		{"ECLI:NL:RBAMS:2024:1234", "whatever", "ECLI:NL:RBAMS:2024:1234"},
		{"", "Zie ECLI:NL:GHDHA:2023:987 voor het arrest.", "ECLI:NL:GHDHA:2023:987"},
		{"", "In de zaak met parketnummer 13/123456-17 werd ...", "case:13/123456-17"},
		{"", "parketnummer 13.123456.17", "case:13/123456-17"},
	}
	for _, c := range cases {
		if got := review.CaseKey(c.canonical, c.text); got != c.want {
			t.Errorf("CaseKey(%q, %q) = %q, want %q", c.canonical, c.text, got, c.want)
		}
	}
	a := review.CaseKey("", "Twee ooms zijn veroordeeld wegens mensenhandel.")
	b := review.CaseKey("", "twee ooms zijn veroordeeld, wegens mensenhandel")
	c := review.CaseKey("", "Drie tantes zijn veroordeeld wegens mensenhandel.")
	if a != b || a == c || !strings.HasPrefix(a, "text:") {
		t.Errorf("text keys: %q %q %q; near-identical texts must share a key, others not", a, b, c)
	}
}

// setup makes a store with the baseline and two documents with signals.
func setup(t *testing.T) (*sqlite.Store, []zicht.Signal) {
	t.Helper()
	st, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "zicht.db"))
	must(t, err)
	t.Cleanup(func() { st.Close() })
	_, err = baseline.Load(ctx, st)
	must(t, err)
	texts := []string{
		"ECLI:NL:RBFICT:2025:11. De rechtbank veroordeelt twee ooms wegens mensenhandel van Roma-kinderen.",
		"Volgens een krant zijn Roma-kinderen door een oom uitgebuit. Het is onduidelijk of dat klopt.",
	}
	for i, text := range texts {
		id := zicht.DocumentID([]string{"doc-a", "doc-b"}[i])
		d := zicht.Document{ID: id, Kind: zicht.KindNews, Format: "text", Title: "Doc " + string(id), Text: text}
		if i == 0 {
			d.Canonical = "ECLI:NL:RBFICT:2025:11"
		}
		_, err := st.AddDocument(ctx, zicht.Ingested{Document: d, Original: []byte(text),
			Passages: []zicht.Passage{{Start: 0, End: len(text), Text: text}},
			Signals: []zicht.Signal{
				{Start: 0, End: len(text), Text: text, Group: "roma", Question: zicht.Q2, Polarity: zicht.Asserted,
					EvidenceType: []zicht.EvidenceType{zicht.Conviction, zicht.MediaReport}[i], Score: 0.9 - 0.1*float64(i), Detector: "t"},
				{Start: 0, End: len(text), Text: text, Group: "lgbt", Question: zicht.Q1, Polarity: zicht.Asserted,
					EvidenceType: zicht.EvidenceNone, Score: 0.3, Detector: "t"},
			}})
		must(t, err)
	}
	sigs, err := st.Signals(ctx, zicht.SignalFilter{})
	must(t, err)
	return st, sigs
}

func find(sigs []zicht.Signal, doc zicht.DocumentID, g zicht.GroupID) zicht.Signal {
	for _, s := range sigs {
		if s.Doc == doc && s.Group == g {
			return s
		}
	}
	panic("no such signal")
}

func TestAcceptCorrectAndUndo(t *testing.T) {
	st, sigs := setup(t)
	conv := find(sigs, "doc-a", "roma")
	_, e, err := review.Accept(ctx, st, conv.ID, review.Correction{Polarity: zicht.Hedged}, "ana", "")
	must(t, err)
	if e.CaseKey != "ECLI:NL:RBFICT:2025:11" || e.Polarity != zicht.Hedged || e.Type != zicht.Conviction ||
		!strings.Contains(e.Citation, "ECLI:NL:RBFICT:2025:11") {
		t.Errorf("evidence = %+v", e)
	}
	_, _, err = review.Accept(ctx, st, find(sigs, "doc-b", "roma").ID, review.Correction{Group: "nope"}, "ana", "")
	if zicht.ErrorCode(err) != zicht.CodeNotFound {
		t.Errorf("correction to an unknown group: %v", err)
	}
	d, err := review.Undo(ctx, st, "ana")
	must(t, err)
	if d.Signal != conv.ID {
		t.Errorf("undo took back %+v", d)
	}
	ev, err := st.AuditEvents(ctx, 10)
	must(t, err)
	if ev[0].Action != "signal.undo" || ev[1].Action != "signal.accept" {
		t.Errorf("audit trail = %+v", ev[:2])
	}
}

func TestBulkAndQueue(t *testing.T) {
	st, _ := setup(t)
	n, err := review.Bulk(ctx, st, review.Selection{Doc: "doc-b"}, zicht.Reject, "not_relevant", "ana")
	must(t, err)
	if n != 2 {
		t.Errorf("bulk reject of doc-b decided %d signals, want 2", n)
	}
	n, err = review.Bulk(ctx, st, review.Selection{Query: "veroordeelt", Group: "roma"}, zicht.Accept, "", "ana")
	must(t, err)
	if n != 1 {
		t.Errorf("bulk accept by query decided %d, want 1", n)
	}
	if _, err := review.Bulk(ctx, st, review.Selection{}, zicht.Accept, "", "ana"); zicht.ErrorCode(err) != zicht.CodeInvalid {
		t.Errorf("bulk without a selection: %v", err)
	}
	q, _, err := review.Queue(ctx, st, zicht.SignalFilter{})
	must(t, err)
	if len(q) != 1 || q[0].Group != "lgbt" || q[0].Doc != "doc-a" {
		t.Errorf("queue after bulk decisions = %+v", q)
	}
}

func TestAssessmentWorkflow(t *testing.T) {
	st, sigs := setup(t)
	_, _, err := review.Accept(ctx, st, find(sigs, "doc-a", "roma").ID, review.Correction{}, "ana", "")
	must(t, err)
	_, err = assess.Run(ctx, st, assess.Config{})
	must(t, err)
	drafts, err := st.Assessments(ctx, zicht.AssessmentFilter{Group: "roma", Question: zicht.Q2, Status: zicht.Draft})
	must(t, err)
	if len(drafts) != 1 || drafts[0].Suggested != zicht.LevelElevated {
		t.Fatalf("suggestion after one accepted conviction = %+v, want elevated", drafts)
	}
	_, err = review.SetFinal(ctx, st, "roma", zicht.Q2, zicht.LevelHigh, "", "ana")
	if zicht.ErrorCode(err) != zicht.CodeInvalid {
		t.Errorf("final level differing from the suggestion without rationale: %v", err)
	}
	a, err := review.SetFinal(ctx, st, "roma", zicht.Q2, zicht.LevelHigh, "Several convictions are known from case files.", "ana")
	must(t, err)
	if a.Suggested != zicht.LevelElevated || a.Supersedes == 0 || len(a.Items) == 0 {
		t.Errorf("analyst assessment = %+v", a)
	}
	if err := review.Approve(ctx, st, a.ID, "ana"); zicht.ErrorCode(err) != zicht.CodeForbidden {
		t.Errorf("self-approval: %v", err)
	}
	must(t, review.Approve(ctx, st, a.ID, "rob"))
	p, err := review.Publish(ctx, st, "Overzicht 2026", "rob")
	must(t, err)
	if len(p.Assessments) != 14 || !slices.Contains(p.Assessments, a.ID) {
		t.Errorf("publication = %+v, want 14 assessments including %d", p, a.ID)
	}
	h, err := review.History(ctx, st, "roma", zicht.Q2)
	must(t, err)
	if len(h) != 2 || h[0].Origin != zicht.OriginStudy2017 || !slices.Contains(h[1].Changes, "level unknown → high") {
		t.Errorf("history = %+v", h)
	}
}
