// Package storetest is the contract every zicht.Store must meet. Each store
// implementation runs it from its own tests:
//
//	func TestContract(t *testing.T) { storetest.Run(t, func(t *testing.T) zicht.Store { ... }) }
package storetest

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/zicht-project/zicht"
	"github.com/zicht-project/zicht/baseline"
)

// NewStore returns a fresh, empty store; the suite closes it.
type NewStore func(t *testing.T) zicht.Store

// Run runs the whole contract against stores made by newStore.
func Run(t *testing.T, newStore NewStore) {
	tests := []struct {
		name string
		fn   func(t *testing.T, s zicht.Store)
	}{
		{"Groups", testGroups},
		{"Recommendations", testRecommendations},
		{"DocumentIdempotent", testDocumentIdempotent},
		{"DocumentAtomic", testDocumentAtomic},
		{"Search", testSearch},
		{"Signals", testSignals},
		{"Evidence", testEvidence},
		{"AssessmentRules", testAssessmentRules},
		{"ApprovalFourEyes", testApprovalFourEyes},
		{"ReplaceDraft", testReplaceDraft},
		{"Publications", testPublications},
		{"Baseline", testBaseline},
		{"Audit", testAudit},
		{"ReviewDecisions", testReviewDecisions},
		{"UndoKeepsApprovedHistory", testUndoKeepsApprovedHistory},
		{"RecommendationStatus", testRecommendationStatus},
		{"UsersAndTokens", testUsersAndTokens},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := newStore(t)
			t.Cleanup(func() { s.Close() })
			tc.fn(t, s)
		})
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func wantCode(t *testing.T, err error, code zicht.Code) {
	t.Helper()
	if got := zicht.ErrorCode(err); got != code {
		t.Fatalf("error %v: code %q, want %q", err, got, code)
	}
}

var ctx = context.Background()

func putGroup(t *testing.T, s zicht.Store, id zicht.GroupID, order int) {
	t.Helper()
	must(t, s.PutGroup(ctx, zicht.Group{ID: id, Name: zicht.Text{NL: "groep " + string(id), EN: "group " + string(id)},
		Status: zicht.GroupActive, Order: order}))
}

// doc makes a document whose id is the hash of its text, like ingest does.
func doc(text string) zicht.Ingested {
	sum := sha256.Sum256([]byte(text))
	id := zicht.DocumentID(hex.EncodeToString(sum[:]))
	return zicht.Ingested{
		Document: zicht.Document{ID: id, Kind: zicht.KindNews, Format: "text", Lang: zicht.Dutch, Title: "t",
			Size: int64(len(text)), Text: text, Source: "test.txt"},
		Original: []byte(text),
		Passages: []zicht.Passage{{Start: 0, End: len(text), Text: text}},
	}
}

func testGroups(t *testing.T, s zicht.Store) {
	putGroup(t, s, "b", 2)
	putGroup(t, s, "a", 1)
	putGroup(t, s, "z-new", 0) // analyst-added groups sort after the baseline
	g := zicht.Group{ID: "b", Name: zicht.Text{NL: "B nieuw", EN: "B new"}, Status: zicht.GroupWatch, Order: 2,
		Terms: []zicht.Term{{Lang: zicht.Dutch, Pattern: "b-kind*"}}}
	must(t, s.PutGroup(ctx, g))
	got, err := s.Group(ctx, "b")
	must(t, err)
	if got.Name.NL != "B nieuw" || got.Status != zicht.GroupWatch || len(got.Terms) != 1 || got.Terms[0].Pattern != "b-kind*" {
		t.Errorf("group after update = %+v", got)
	}
	all, err := s.Groups(ctx)
	must(t, err)
	var ids []zicht.GroupID
	for _, g := range all {
		ids = append(ids, g.ID)
	}
	if !slices.Equal(ids, []zicht.GroupID{"a", "b", "z-new"}) {
		t.Errorf("group order = %v", ids)
	}
	_, err = s.Group(ctx, "missing")
	wantCode(t, err, zicht.CodeNotFound)
	wantCode(t, s.PutGroup(ctx, zicht.Group{ID: zicht.GroupOther}), zicht.CodeInvalid)

	must(t, s.PutRiskFactor(ctx, zicht.RiskFactor{ID: "isolation", Name: zicht.Text{NL: "isolement", EN: "isolation"}}))
	rfs, err := s.RiskFactors(ctx)
	must(t, err)
	if len(rfs) != 1 || rfs[0].Name.NL != "isolement" {
		t.Errorf("risk factors = %+v", rfs)
	}
}

func testRecommendations(t *testing.T, s zicht.Store) {
	putGroup(t, s, "roma", 1)
	r, err := s.AddRecommendation(ctx, zicht.Recommendation{Group: "roma", Text: zicht.Text{NL: "meer aandacht", EN: "more attention"}})
	must(t, err)
	if r.ID == 0 || r.Status != "open" {
		t.Errorf("recommendation = %+v, want id and status open", r)
	}
	_, err = s.AddRecommendation(ctx, zicht.Recommendation{Group: "nope", Text: zicht.Text{NL: "x"}})
	wantCode(t, err, zicht.CodeNotFound)
	list, err := s.Recommendations(ctx, "roma")
	must(t, err)
	if len(list) != 1 || list[0].Text.EN != "more attention" {
		t.Errorf("recommendations = %+v", list)
	}
}

func testDocumentIdempotent(t *testing.T, s zicht.Store) {
	in := doc("Roma-kinderen zijn kwetsbaar.")
	in.Signals = []zicht.Signal{{Start: 0, End: 10, Text: "Roma", Group: "roma", Question: zicht.Q1,
		Polarity: zicht.Asserted, Level: zicht.LevelHigh, EvidenceType: zicht.EvidenceNone, Score: 0.5, Detector: "t"}}
	in.Document.Repairs = []zicht.Repair{{Offset: 3, Before: "ﬁ", After: "fi", Kind: "ligature"}}
	in.Document.Meta = map[string]string{"court": "Rechtbank"}
	in.Document.Date = time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC)
	added, err := s.AddDocument(ctx, in)
	must(t, err)
	if !added {
		t.Fatal("first AddDocument reported not added")
	}
	added, err = s.AddDocument(ctx, in)
	must(t, err)
	if added {
		t.Error("second AddDocument of the same id reported added")
	}
	docs, err := s.Documents(ctx, zicht.DocumentFilter{})
	must(t, err)
	if len(docs) != 1 {
		t.Fatalf("%d documents after adding one twice", len(docs))
	}
	sigs, err := s.Signals(ctx, zicht.SignalFilter{Doc: in.Document.ID})
	must(t, err)
	if len(sigs) != 1 {
		t.Errorf("%d signals after adding one document twice, want 1", len(sigs))
	}
	got, err := s.Document(ctx, in.Document.ID)
	must(t, err)
	if got.Text != in.Document.Text || !got.Date.Equal(in.Document.Date) || got.Meta["court"] != "Rechtbank" ||
		len(got.Repairs) != 1 || got.Repairs[0].After != "fi" {
		t.Errorf("document read back = %+v", got)
	}
	orig, err := s.Original(ctx, in.Document.ID)
	must(t, err)
	if string(orig) != in.Document.Text {
		t.Errorf("original = %q", orig)
	}
	ok, err := s.HasDocument(ctx, in.Document.ID)
	must(t, err)
	if !ok {
		t.Error("HasDocument = false for a stored document")
	}
	_, err = s.Document(ctx, "0000")
	wantCode(t, err, zicht.CodeNotFound)
	_, err = s.Original(ctx, "0000")
	wantCode(t, err, zicht.CodeNotFound)
}

func testDocumentAtomic(t *testing.T, s zicht.Store) {
	in := doc("Een document met een ongeldig signaal.")
	in.Signals = []zicht.Signal{{Text: "x", Group: "roma", Question: "Q9", Polarity: zicht.Asserted, Detector: "t"}}
	if _, err := s.AddDocument(ctx, in); err == nil {
		t.Fatal("AddDocument accepted a signal with question Q9")
	}
	ok, err := s.HasDocument(ctx, in.Document.ID)
	must(t, err)
	if ok {
		t.Error("a failed AddDocument left the document behind")
	}
	if _, err := s.Original(ctx, in.Document.ID); zicht.ErrorCode(err) != zicht.CodeNotFound {
		t.Errorf("a failed AddDocument left the original behind (err %v)", err)
	}
	hits, err := s.Search(ctx, "ongeldig", 10)
	must(t, err)
	if len(hits) != 0 {
		t.Errorf("a failed AddDocument left %d passages in the search index", len(hits))
	}
}

func testSearch(t *testing.T, s zicht.Store) {
	a := doc("De coördinatie van de zorg voor kinderen schiet tekort.")
	a.Document.Title = "Zorg"
	b := doc("Traffickers recruited children online.")
	for _, in := range []zicht.Ingested{a, b} {
		_, err := s.AddDocument(ctx, in)
		must(t, err)
	}
	cases := []struct {
		query string
		want  []zicht.DocumentID
	}{
		{"coordinatie", []zicht.DocumentID{a.Document.ID}}, // diacritics folded
		{"KINDEREN zorg", []zicht.DocumentID{a.Document.ID}},
		{"recruit*", []zicht.DocumentID{b.Document.ID}},
		{"children", []zicht.DocumentID{b.Document.ID}},
		{"kinderen online", nil}, // all words must match
		{`"AND OR NEAR(`, nil},   // FTS syntax is not interpreted
	}
	for _, c := range cases {
		hits, err := s.Search(ctx, c.query, 10)
		must(t, err)
		var got []zicht.DocumentID
		for _, h := range hits {
			got = append(got, h.Passage.Doc)
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("Search(%q) = %v, want %v", c.query, got, c.want)
		}
	}
	hits, err := s.Search(ctx, "zorg", 10)
	must(t, err)
	if len(hits) != 1 || hits[0].Title != "Zorg" || !strings.Contains(hits[0].Snippet, "[zorg]") {
		t.Errorf("hit = %+v, want title Zorg and [zorg] highlighted", hits)
	}
	_, err = s.Search(ctx, " ?! ", 10)
	wantCode(t, err, zicht.CodeInvalid)
}

func sig(g zicht.GroupID, q zicht.Question, score float64) zicht.Signal {
	return zicht.Signal{Text: "x", Group: g, Question: q, Polarity: zicht.Asserted, EvidenceType: zicht.Conviction,
		RiskFactors: []string{"isolation"}, Terms: []string{"roma"}, Score: score, Detector: "t"}
}

func testSignals(t *testing.T, s zicht.Store) {
	in := doc("Roma-kinderen worden uitgebuit.")
	in.Signals = []zicht.Signal{sig("roma", zicht.Q1, 0.2), sig("roma", zicht.Q2, 0.9), sig("lgbt", zicht.Q1, 0.5)}
	_, err := s.AddDocument(ctx, in)
	must(t, err)
	all, err := s.Signals(ctx, zicht.SignalFilter{})
	must(t, err)
	if len(all) != 3 || all[0].Score != 0.9 || all[0].Status != zicht.SignalPending {
		t.Fatalf("signals = %+v, want 3 pending, best first", all)
	}
	if !slices.Equal(all[0].RiskFactors, []string{"isolation"}) || !slices.Equal(all[0].Terms, []string{"roma"}) {
		t.Errorf("signal lists not kept: %+v", all[0])
	}
	roma, err := s.Signals(ctx, zicht.SignalFilter{Group: "roma", Question: zicht.Q2})
	must(t, err)
	if len(roma) != 1 {
		t.Errorf("filter roma Q2: %d signals", len(roma))
	}
	must(t, s.SetSignalStatus(ctx, roma[0].ID, zicht.SignalAccepted))
	wantCode(t, s.SetSignalStatus(ctx, 99999, zicht.SignalAccepted), zicht.CodeNotFound)
	wantCode(t, s.SetSignalStatus(ctx, roma[0].ID, "maybe"), zicht.CodeInvalid)

	// A rescan replaces pending signals and keeps the reviewed one.
	must(t, s.ReplaceSignals(ctx, in.Document.ID, []zicht.Signal{sig("anorexia-nervosa", zicht.Q1, 0.3)}))
	all, err = s.Signals(ctx, zicht.SignalFilter{Doc: in.Document.ID})
	must(t, err)
	var got []string
	for _, sg := range all {
		got = append(got, string(sg.Group)+"/"+string(sg.Question)+"/"+string(sg.Status))
	}
	slices.Sort(got)
	if want := []string{"anorexia-nervosa/Q1/pending", "roma/Q2/accepted"}; !slices.Equal(got, want) {
		t.Errorf("after rescan: %v, want %v", got, want)
	}
	wantCode(t, s.ReplaceSignals(ctx, "nope", nil), zicht.CodeNotFound)

	counts, err := s.SignalCounts(ctx)
	must(t, err)
	if len(counts) != 2 {
		t.Fatalf("counts = %+v", counts)
	}
	for _, c := range counts {
		if c.Group == "roma" && (c.Total != 1 || c.Accepted != 1 || c.Pending != 0) {
			t.Errorf("roma count = %+v", c)
		}
	}
	one, err := s.Signal(ctx, roma[0].ID)
	must(t, err)
	if one.Status != zicht.SignalAccepted {
		t.Errorf("Signal(%d).Status = %s", one.ID, one.Status)
	}
}

func testEvidence(t *testing.T, s zicht.Store) {
	in := doc("Veroordeling wegens mensenhandel.")
	in.Signals = []zicht.Signal{sig("roma", zicht.Q2, 0.9)}
	_, err := s.AddDocument(ctx, in)
	must(t, err)
	sigs, err := s.Signals(ctx, zicht.SignalFilter{})
	must(t, err)
	e, err := s.AddEvidence(ctx, zicht.Evidence{Signal: sigs[0].ID, Doc: in.Document.ID, Group: "roma", Question: zicht.Q2,
		Polarity: zicht.Asserted, Type: zicht.Conviction, Text: "veroordeeld", CaseKey: "ECLI:NL:TEST:2024:1",
		Date: time.Date(2024, 1, 2, 0, 0, 0, 0, time.UTC), AddedBy: "ana"})
	must(t, err)
	if e.ID == 0 {
		t.Error("evidence without id")
	}
	_, err = s.AddEvidence(ctx, zicht.Evidence{Group: "roma", Question: zicht.Q1, Polarity: zicht.Negated,
		Type: zicht.Research, Text: "interview", Citation: "Interview with a youth worker, 2024", AddedBy: "ana"})
	must(t, err)
	_, err = s.AddEvidence(ctx, zicht.Evidence{Group: "roma", Question: "Q3", Polarity: zicht.Asserted, AddedBy: "ana"})
	wantCode(t, err, zicht.CodeInvalid)
	_, err = s.AddEvidence(ctx, zicht.Evidence{Signal: 424242, Group: "roma", Question: zicht.Q1, Polarity: zicht.Asserted, AddedBy: "ana"})
	wantCode(t, err, zicht.CodeNotFound)
	q2, err := s.Evidence(ctx, zicht.EvidenceFilter{Group: "roma", Question: zicht.Q2})
	must(t, err)
	if len(q2) != 1 || q2[0].CaseKey != "ECLI:NL:TEST:2024:1" || q2[0].Signal != sigs[0].ID || q2[0].Date.Year() != 2024 {
		t.Errorf("evidence read back = %+v", q2)
	}
	all, err := s.Evidence(ctx, zicht.EvidenceFilter{Group: "roma"})
	must(t, err)
	if len(all) != 2 || all[1].Citation == "" || all[1].Polarity != zicht.Negated {
		t.Errorf("all evidence = %+v", all)
	}
}

func draft(g zicht.GroupID, q zicht.Question, author string) zicht.Assessment {
	return zicht.Assessment{Group: g, Question: q, Suggested: zicht.LevelFair, Final: zicht.LevelFair,
		Confidence: zicht.ConfidenceLow, Method: "assess/test", Origin: zicht.OriginAnalyst, Author: author, Status: zicht.Draft,
		Items: []zicht.Item{{Evidence: 1, Type: zicht.Conviction, Polarity: zicht.Asserted, Weight: 1.5, Note: "n"}}}
}

func testAssessmentRules(t *testing.T, s zicht.Store) {
	putGroup(t, s, "roma", 1)
	a := draft("roma", zicht.Q1, "ana")
	a.Final = zicht.LevelHigh
	_, err := s.AddAssessment(ctx, a)
	wantCode(t, err, zicht.CodeInvalid) // differs from suggestion without rationale
	a.Rationale = "Two convictions since the suggestion was computed."
	got, err := s.AddAssessment(ctx, a)
	must(t, err)
	read, err := s.Assessment(ctx, got.ID)
	must(t, err)
	brief, err := s.Assessments(ctx, zicht.AssessmentFilter{Group: "roma", Brief: true})
	must(t, err)
	if len(brief) != 1 || len(brief[0].Items) != 0 || brief[0].Final != zicht.LevelHigh {
		t.Errorf("brief assessments = %+v, want the assessment without items", brief)
	}
	if read.Final != zicht.LevelHigh || read.Rationale == "" || len(read.Items) != 1 || read.Items[0].Weight != 1.5 {
		t.Errorf("assessment read back = %+v", read)
	}
	bad := draft("roma", zicht.Q1, "ana")
	bad.Suggested = "extreme"
	_, err = s.AddAssessment(ctx, bad)
	wantCode(t, err, zicht.CodeInvalid)
	_, err = s.AddAssessment(ctx, draft("no-such-group", zicht.Q1, "ana"))
	wantCode(t, err, zicht.CodeNotFound)
	_, err = s.Assessment(ctx, 9999)
	wantCode(t, err, zicht.CodeNotFound)
}

func testApprovalFourEyes(t *testing.T, s zicht.Store) {
	putGroup(t, s, "lgbt", 1)
	a, err := s.AddAssessment(ctx, draft("lgbt", zicht.Q1, "ana"))
	must(t, err)
	wantCode(t, s.Approve(ctx, a.ID, "ana", time.Now()), zicht.CodeForbidden)
	wantCode(t, s.Approve(ctx, a.ID, "", time.Now()), zicht.CodeInvalid)
	must(t, s.Approve(ctx, a.ID, "rob", time.Now()))
	wantCode(t, s.Approve(ctx, a.ID, "eve", time.Now()), zicht.CodeConflict)
	wantCode(t, s.Approve(ctx, 4242, "rob", time.Now()), zicht.CodeNotFound)
	got, err := s.Assessment(ctx, a.ID)
	must(t, err)
	if got.Status != zicht.Approved || got.Reviewer != "rob" || got.ApprovedAt.IsZero() {
		t.Errorf("after approval: %+v", got)
	}
	// An approved assessment cannot be replaced as if it were a draft.
	repl := draft("lgbt", zicht.Q1, "ana")
	_, err = s.ReplaceDraft(ctx, repl)
	must(t, err)
	again, err := s.Assessment(ctx, a.ID)
	must(t, err)
	if again.Status != zicht.Approved || again.Final != got.Final {
		t.Errorf("approved assessment changed by ReplaceDraft: %+v", again)
	}
}

func testReplaceDraft(t *testing.T, s zicht.Store) {
	putGroup(t, s, "roma", 1)
	d := draft("roma", zicht.Q2, "system")
	d.Origin = zicht.OriginComputed
	first, err := s.ReplaceDraft(ctx, d)
	must(t, err)
	d.Suggested, d.Final = zicht.LevelHigh, zicht.LevelHigh
	second, err := s.ReplaceDraft(ctx, d)
	must(t, err)
	list, err := s.Assessments(ctx, zicht.AssessmentFilter{Group: "roma", Question: zicht.Q2})
	must(t, err)
	if len(list) != 1 || list[0].ID != second.ID || list[0].Suggested != zicht.LevelHigh {
		t.Errorf("after two ReplaceDraft: %+v (first id %d)", list, first.ID)
	}
	// A draft of another origin is kept.
	_, err = s.AddAssessment(ctx, draft("roma", zicht.Q2, "ana"))
	must(t, err)
	_, err = s.ReplaceDraft(ctx, d)
	must(t, err)
	list, err = s.Assessments(ctx, zicht.AssessmentFilter{Group: "roma"})
	must(t, err)
	if len(list) != 2 {
		t.Errorf("analyst draft lost: %+v", list)
	}
}

func testPublications(t *testing.T, s zicht.Store) {
	putGroup(t, s, "roma", 1)
	a, err := s.AddAssessment(ctx, draft("roma", zicht.Q1, "ana"))
	must(t, err)
	_, err = s.AddPublication(ctx, zicht.Publication{Title: "Overzicht", Assessments: []zicht.AssessmentID{a.ID}, CreatedBy: "rob"})
	wantCode(t, err, zicht.CodeConflict) // not approved yet
	pubs, err := s.Publications(ctx)
	must(t, err)
	if len(pubs) != 0 {
		t.Fatalf("a refused publication was stored: %+v", pubs)
	}
	must(t, s.Approve(ctx, a.ID, "rob", time.Now()))
	p, err := s.AddPublication(ctx, zicht.Publication{Title: "Overzicht", Date: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC),
		Assessments: []zicht.AssessmentID{a.ID}, CreatedBy: "rob"})
	must(t, err)
	pubs, err = s.Publications(ctx)
	must(t, err)
	if len(pubs) != 1 || pubs[0].ID != p.ID || !slices.Equal(pubs[0].Assessments, []zicht.AssessmentID{a.ID}) || pubs[0].Date.Year() != 2026 {
		t.Errorf("publications = %+v", pubs)
	}
	_, err = s.AddPublication(ctx, zicht.Publication{Title: " "})
	wantCode(t, err, zicht.CodeInvalid)
}

func testBaseline(t *testing.T, s zicht.Store) {
	loaded, err := baseline.Load(ctx, s)
	must(t, err)
	if !loaded {
		t.Fatal("baseline.Load on an empty store reported nothing loaded")
	}
	loaded, err = baseline.Load(ctx, s)
	must(t, err)
	if loaded {
		t.Error("second baseline.Load reported loading again")
	}
	groups, err := s.Groups(ctx)
	must(t, err)
	want := []zicht.GroupID{"jihadist-recruitment", "anorexia-nervosa", "undocumented-family-exploitation", "roma",
		"supply-chain-child-labour", "lgbt", "syrian-child-brides"}
	var ids []zicht.GroupID
	for _, g := range groups {
		ids = append(ids, g.ID)
		if g.Name.NL == "" || g.Name.EN == "" || g.Description.NL == "" || g.Description.EN == "" {
			t.Errorf("group %s lacks a name or description in a language: %+v", g.ID, g)
		}
	}
	if !slices.Equal(ids, want) {
		t.Errorf("baseline groups = %v", ids)
	}
	all, err := s.Assessments(ctx, zicht.AssessmentFilter{})
	must(t, err)
	if len(all) != 14 {
		t.Fatalf("%d baseline assessments, want 14 (7 groups × 2 questions)", len(all))
	}
	levels := map[zicht.GroupID]zicht.Level{}
	for _, a := range all {
		if a.Origin != zicht.OriginStudy2017 || a.Status != zicht.Approved {
			t.Errorf("baseline assessment %+v not approved from the study", a)
		}
		if a.Question == zicht.Q1 {
			levels[a.Group] = a.Final
		}
	}
	wantLevels := map[zicht.GroupID]zicht.Level{"jihadist-recruitment": "moderate", "anorexia-nervosa": "slight",
		"undocumented-family-exploitation": "", "roma": "high", "supply-chain-child-labour": "", "lgbt": "elevated",
		"syrian-child-brides": "fair"}
	for g, l := range wantLevels {
		if levels[g] != l {
			t.Errorf("baseline Q1 level of %s = %q, want %q", g, levels[g], l)
		}
	}
	pubs, err := s.Publications(ctx)
	must(t, err)
	if len(pubs) != 1 || len(pubs[0].Assessments) != 14 {
		t.Errorf("baseline publication = %+v", pubs)
	}
	recs, err := s.Recommendations(ctx, "")
	must(t, err)
	if len(recs) != 6 {
		t.Errorf("%d baseline recommendations, want 6", len(recs))
	}
	rfs, err := s.RiskFactors(ctx)
	must(t, err)
	if len(rfs) < 10 {
		t.Errorf("%d risk factors, want a starter set of at least 10", len(rfs))
	}
}

func testAudit(t *testing.T, s zicht.Store) {
	for _, a := range []string{"one", "two", "three"} {
		must(t, s.Audit(ctx, zicht.AuditEvent{Actor: "ana", Action: a, Object: "x"}))
	}
	ev, err := s.AuditEvents(ctx, 2)
	must(t, err)
	if len(ev) != 2 || ev[0].Action != "three" || ev[1].Action != "two" || ev[0].At.IsZero() {
		t.Errorf("audit events = %+v", ev)
	}
}

// addSignals stores a document with the given signals and returns them as stored.
func addSignals(t *testing.T, s zicht.Store, text string, sigs ...zicht.Signal) []zicht.Signal {
	t.Helper()
	in := doc(text)
	in.Signals = sigs
	_, err := s.AddDocument(ctx, in)
	must(t, err)
	got, err := s.Signals(ctx, zicht.SignalFilter{Doc: in.Document.ID})
	must(t, err)
	return got
}

func evidenceFor(sg zicht.Signal) *zicht.Evidence {
	return &zicht.Evidence{Doc: sg.Doc, Group: sg.Group, Question: sg.Question, Polarity: sg.Polarity,
		Type: sg.EvidenceType, Text: sg.Text}
}

func testReviewDecisions(t *testing.T, s zicht.Store) {
	sigs := addSignals(t, s, "Twee ooms veroordeeld wegens uitbuiting van Roma-kinderen.",
		sig("roma", zicht.Q2, 0.9), sig("roma", zicht.Q1, 0.5))
	a, b := sigs[0], sigs[1]
	// Accept with a correction: the evidence carries the corrected values.
	ev := evidenceFor(a)
	ev.Polarity = zicht.Hedged
	d, err := s.Decide(ctx, zicht.Decision{Signal: a.ID, Action: zicht.Accept, By: "ana"}, ev)
	must(t, err)
	if d.ID == 0 || d.Evidence == 0 || ev.ID != d.Evidence || ev.Signal != a.ID || ev.AddedBy != "ana" {
		t.Fatalf("accept: decision %+v, evidence %+v", d, ev)
	}
	stored, err := s.Evidence(ctx, zicht.EvidenceFilter{Group: "roma", Question: zicht.Q2})
	must(t, err)
	if len(stored) != 1 || stored[0].Polarity != zicht.Hedged || stored[0].Signal != a.ID {
		t.Errorf("evidence after accept = %+v", stored)
	}
	got, err := s.Signal(ctx, a.ID)
	must(t, err)
	if got.Status != zicht.SignalAccepted {
		t.Errorf("signal status after accept = %s", got.Status)
	}
	_, err = s.Decide(ctx, zicht.Decision{Signal: a.ID, Action: zicht.Reject, Reason: "other", By: "rob"}, nil)
	wantCode(t, err, zicht.CodeConflict) // already decided
	_, err = s.Decide(ctx, zicht.Decision{Signal: b.ID, Action: zicht.Reject, By: "ana"}, nil)
	wantCode(t, err, zicht.CodeInvalid) // no reason
	_, err = s.Decide(ctx, zicht.Decision{Signal: b.ID, Action: zicht.Accept, By: "ana"}, nil)
	wantCode(t, err, zicht.CodeInvalid) // accept without evidence
	_, err = s.Decide(ctx, zicht.Decision{Signal: b.ID, Action: "maybe", By: "ana"}, nil)
	wantCode(t, err, zicht.CodeInvalid)
	_, err = s.Decide(ctx, zicht.Decision{Signal: 99999, Action: zicht.Reject, Reason: "other", By: "ana"}, nil)
	wantCode(t, err, zicht.CodeNotFound)
	bad := evidenceFor(b)
	bad.Type = "rumour"
	_, err = s.Decide(ctx, zicht.Decision{Signal: b.ID, Action: zicht.Accept, By: "ana"}, bad)
	wantCode(t, err, zicht.CodeInvalid)
	if got, _ := s.Signal(ctx, b.ID); got.Status != zicht.SignalPending {
		t.Errorf("a refused accept changed the signal: %s", got.Status)
	}
	_, err = s.Decide(ctx, zicht.Decision{Signal: b.ID, Action: zicht.Reject, Reason: "not_about_group", Note: "about a football club", By: "ana"}, nil)
	must(t, err)

	// Undo takes back ana's last decision first, then the one before.
	u, err := s.UndoDecision(ctx, "ana")
	must(t, err)
	if u.Signal != b.ID || !u.Undone {
		t.Errorf("first undo = %+v, want the reject of %d", u, b.ID)
	}
	u, err = s.UndoDecision(ctx, "ana")
	must(t, err)
	if u.Signal != a.ID || u.Evidence == 0 {
		t.Errorf("second undo = %+v, want the accept of %d", u, a.ID)
	}
	left, err := s.Evidence(ctx, zicht.EvidenceFilter{Group: "roma"})
	must(t, err)
	if len(left) != 0 {
		t.Errorf("undo left evidence behind: %+v", left)
	}
	for _, id := range []zicht.SignalID{a.ID, b.ID} {
		if got, _ := s.Signal(ctx, id); got.Status != zicht.SignalPending {
			t.Errorf("signal %d after undo: %s, want pending", id, got.Status)
		}
	}
	_, err = s.UndoDecision(ctx, "ana")
	wantCode(t, err, zicht.CodeNotFound)
	all, err := s.Decisions(ctx, zicht.DecisionFilter{})
	must(t, err)
	if len(all) != 2 || all[0].Signal != b.ID || !all[0].Undone || !all[1].Undone || all[0].Note != "about a football club" {
		t.Errorf("decisions = %+v, want both kept, newest first, marked undone", all)
	}
	// A signal whose decision was undone can be decided again.
	_, err = s.Decide(ctx, zicht.Decision{Signal: a.ID, Action: zicht.Accept, By: "rob"}, evidenceFor(a))
	must(t, err)
	mine, err := s.Decisions(ctx, zicht.DecisionFilter{By: "rob"})
	must(t, err)
	if len(mine) != 1 {
		t.Errorf("decisions by rob = %+v", mine)
	}
}

func testUndoKeepsApprovedHistory(t *testing.T, s zicht.Store) {
	putGroup(t, s, "roma", 1)
	sigs := addSignals(t, s, "De rechtbank veroordeelde een oom.", sig("roma", zicht.Q2, 0.9))
	d, err := s.Decide(ctx, zicht.Decision{Signal: sigs[0].ID, Action: zicht.Accept, By: "ana"}, evidenceFor(sigs[0]))
	must(t, err)
	a := draft("roma", zicht.Q2, "ana")
	a.Items = []zicht.Item{{Evidence: d.Evidence, Type: zicht.Conviction, Polarity: zicht.Asserted, Weight: 1}}
	a, err = s.AddAssessment(ctx, a)
	must(t, err)
	must(t, s.Approve(ctx, a.ID, "rob", time.Now()))
	_, err = s.UndoDecision(ctx, "ana")
	wantCode(t, err, zicht.CodeConflict)
	ev, err := s.Evidence(ctx, zicht.EvidenceFilter{Group: "roma"})
	must(t, err)
	if len(ev) != 1 {
		t.Errorf("evidence behind an approved assessment was removed: %+v", ev)
	}
}

func testRecommendationStatus(t *testing.T, s zicht.Store) {
	putGroup(t, s, "lgbt", 1)
	r, err := s.AddRecommendation(ctx, zicht.Recommendation{Group: "lgbt", Text: zicht.Text{NL: "meer onderzoek", EN: "more research"}})
	must(t, err)
	must(t, s.SetRecommendationStatus(ctx, r.ID, "in_progress"))
	list, err := s.Recommendations(ctx, "lgbt")
	must(t, err)
	if list[0].Status != "in_progress" {
		t.Errorf("status = %s", list[0].Status)
	}
	wantCode(t, s.SetRecommendationStatus(ctx, r.ID, "someday"), zicht.CodeInvalid)
	wantCode(t, s.SetRecommendationStatus(ctx, 4242, "done"), zicht.CodeNotFound)
}

func testUsersAndTokens(t *testing.T, s zicht.Store) {
	wantCode(t, s.PutUser(ctx, zicht.User{Name: "ana", Role: zicht.RoleAnalyst}, ""), zicht.CodeInvalid) // no password
	wantCode(t, s.PutUser(ctx, zicht.User{Name: "a b", Role: zicht.RoleAnalyst}, "h"), zicht.CodeInvalid)
	wantCode(t, s.PutUser(ctx, zicht.User{Name: "ana", Role: "boss"}, "h"), zicht.CodeInvalid)
	must(t, s.PutUser(ctx, zicht.User{Name: "ana", Role: zicht.RoleAnalyst}, "$argon2id$one"))
	must(t, s.PutUser(ctx, zicht.User{Name: "rob", Role: zicht.RoleReviewer}, "$argon2id$two"))
	must(t, s.PutUser(ctx, zicht.User{Name: "ana", Role: zicht.RoleAdmin}, "")) // role change keeps the hash
	u, hash, err := s.UserByName(ctx, "ana")
	must(t, err)
	if u.Role != zicht.RoleAdmin || hash != "$argon2id$one" || u.CreatedAt.IsZero() {
		t.Errorf("ana = %+v, hash %q", u, hash)
	}
	_, _, err = s.UserByName(ctx, "eve")
	wantCode(t, err, zicht.CodeNotFound)
	users, err := s.Users(ctx)
	must(t, err)
	if len(users) != 2 || users[0].Name != "ana" || users[1].Role != zicht.RoleReviewer {
		t.Errorf("users = %+v", users)
	}

	now := time.Now()
	h := func(c byte) string { return strings.Repeat(string(c), 64) }
	must(t, s.AddToken(ctx, zicht.Token{Hash: h('a'), User: "ana", Kind: zicht.TokenSession, ExpiresAt: now.Add(time.Hour)}))
	must(t, s.AddToken(ctx, zicht.Token{Hash: h('b'), User: "rob", Kind: zicht.TokenAPI, Name: "scripts"}))
	must(t, s.AddToken(ctx, zicht.Token{Hash: h('c'), User: "rob", Kind: zicht.TokenSession, ExpiresAt: now.Add(-time.Minute)}))
	wantCode(t, s.AddToken(ctx, zicht.Token{Hash: h('d'), User: "eve", Kind: zicht.TokenAPI}), zicht.CodeNotFound)
	wantCode(t, s.AddToken(ctx, zicht.Token{Hash: "short", User: "ana", Kind: zicht.TokenAPI}), zicht.CodeInvalid)
	got, tok, err := s.TokenUser(ctx, h('a'), now)
	must(t, err)
	if got.Name != "ana" || got.Role != zicht.RoleAdmin || tok.Kind != zicht.TokenSession {
		t.Errorf("session user = %+v %+v", got, tok)
	}
	got, _, err = s.TokenUser(ctx, h('b'), now.Add(100*365*24*time.Hour)) // API tokens without expiry never expire
	must(t, err)
	if got.Name != "rob" {
		t.Errorf("api token user = %+v", got)
	}
	_, _, err = s.TokenUser(ctx, h('c'), now)
	wantCode(t, err, zicht.CodeNotFound) // expired
	_, _, err = s.TokenUser(ctx, h('a'), now.Add(2*time.Hour))
	wantCode(t, err, zicht.CodeNotFound) // expired by now
	toks, err := s.Tokens(ctx, "rob")
	must(t, err)
	if len(toks) != 1 || toks[0].Name != "scripts" {
		t.Errorf("rob's API tokens = %+v", toks)
	}
	must(t, s.DeleteToken(ctx, h('a')))
	_, _, err = s.TokenUser(ctx, h('a'), now)
	wantCode(t, err, zicht.CodeNotFound)
}
