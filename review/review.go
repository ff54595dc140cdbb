package review

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"time"
	"unicode"

	"github.com/zicht-project/zicht"
)

// Ranked is a signal in the review queue with its priority.
type Ranked struct {
	zicht.Signal
	Priority float64 `json:"priority"`
}

// Train builds a model from every decision that was not undone, oldest first.
func Train(ctx context.Context, st zicht.Store) (*Model, error) {
	ds, err := st.Decisions(ctx, zicht.DecisionFilter{})
	if err != nil {
		return nil, fmt.Errorf("train: %w", err)
	}
	m := NewModel()
	for i := len(ds) - 1; i >= 0; i-- {
		d := ds[i]
		if d.Undone {
			continue
		}
		s, err := st.Signal(ctx, d.Signal)
		if err != nil {
			return nil, fmt.Errorf("train: %w", err)
		}
		m.Learn(*s, d.Action == zicht.Accept)
	}
	return m, nil
}

// Queue returns the pending signals matching f, most useful first: ranked by
// a model trained on the decisions so far (by the detector's score until
// there are enough of them).
func Queue(ctx context.Context, st zicht.Store, f zicht.SignalFilter) ([]Ranked, *Model, error) {
	m, err := Train(ctx, st)
	if err != nil {
		return nil, nil, err
	}
	limit := f.Limit
	f.Status, f.Limit = zicht.SignalPending, 0
	sigs, err := st.Signals(ctx, f)
	if err != nil {
		return nil, nil, fmt.Errorf("queue: %w", err)
	}
	out := make([]Ranked, 0, len(sigs))
	for _, s := range sigs {
		out = append(out, Ranked{Signal: s, Priority: m.Priority(s)})
	}
	slices.SortStableFunc(out, func(a, b Ranked) int {
		switch {
		case a.Priority > b.Priority:
			return -1
		case a.Priority < b.Priority:
			return 1
		}
		return int(a.ID - b.ID)
	})
	if limit > 0 && len(out) > limit {
		out = out[:limit]
	}
	return out, m, nil
}

// Correction changes what a signal says before it becomes evidence; empty
// fields keep the signal's value.
type Correction struct {
	Group        zicht.GroupID
	Question     zicht.Question
	Polarity     zicht.Polarity
	Level        zicht.Level
	ClearLevel   bool // set the level to unknown
	EvidenceType zicht.EvidenceType
}

var (
	ecliRe = regexp.MustCompile(`\bECLI:[A-Z]{2}:[A-Z0-9]{1,7}:\d{4}:[A-Z0-9.]{1,25}\b`)
	// Dutch public prosecution case numbers (parketnummers), such as 13/123456-17.
	caseNumberRe = regexp.MustCompile(`\b(\d{2})[/.](\d{6})[-.](\d{2})\b`)
)

// CaseKey names the case a piece of evidence reports, so that several
// documents reporting one case count once: the ECLI of the document or one
// named in the text, else a prosecution case number in the text, else a
// fingerprint of the text that ignores case, punctuation and spacing, so
// near-identical reports of the same passage match.
func CaseKey(canonical, text string) string {
	if m := ecliRe.FindString(canonical); m != "" {
		return m
	}
	if m := ecliRe.FindString(text); m != "" {
		return m
	}
	if m := caseNumberRe.FindStringSubmatch(text); m != nil {
		return fmt.Sprintf("case:%s/%s-%s", m[1], m[2], m[3])
	}
	var b strings.Builder
	for _, r := range strings.ToLower(text) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	sum := sha256.Sum256([]byte(b.String()))
	return "text:" + hex.EncodeToString(sum[:8])
}

// Accept turns signal id into evidence, with c applied, recorded as by's decision.
func Accept(ctx context.Context, st zicht.Store, id zicht.SignalID, c Correction, by, note string) (zicht.Decision, zicht.Evidence, error) {
	s, err := st.Signal(ctx, id)
	if err != nil {
		return zicht.Decision{}, zicht.Evidence{}, err
	}
	doc, err := st.Document(ctx, s.Doc)
	if err != nil {
		return zicht.Decision{}, zicht.Evidence{}, err
	}
	e := zicht.Evidence{Doc: s.Doc, Group: s.Group, Question: s.Question, Polarity: s.Polarity, Level: s.Level,
		Type: s.EvidenceType, Text: s.Text, Citation: citation(doc), CaseKey: CaseKey(doc.Canonical, s.Text),
		Date: doc.Date, AddedBy: by}
	if e.Date.IsZero() {
		e.Date = doc.AddedAt
	}
	if c.Group != "" {
		if c.Group != zicht.GroupOther {
			if _, err := st.Group(ctx, c.Group); err != nil {
				return zicht.Decision{}, zicht.Evidence{}, err
			}
		}
		e.Group = c.Group
	}
	if c.Question != "" {
		e.Question = c.Question
	}
	if c.Polarity != "" {
		e.Polarity = c.Polarity
	}
	if c.Level != "" {
		e.Level = c.Level
	}
	if c.ClearLevel {
		e.Level = zicht.LevelUnknown
	}
	if c.EvidenceType != "" {
		e.Type = c.EvidenceType
	}
	d, err := st.Decide(ctx, zicht.Decision{Signal: id, Action: zicht.Accept, Note: note, By: by}, &e)
	if err != nil {
		return d, e, err
	}
	audit(ctx, st, by, "signal.accept", fmt.Sprintf("signal %d", id), fmt.Sprintf("evidence %d: %s %s %s %s", e.ID, e.Group, e.Question, e.Polarity, e.Type))
	return d, e, nil
}

// citation names the document an item comes from.
func citation(d *zicht.Document) string {
	parts := []string{d.Title}
	if d.Canonical != "" {
		parts = append(parts, d.Canonical)
	}
	if !d.Date.IsZero() {
		parts = append(parts, d.Date.Format(time.DateOnly))
	}
	if d.Source != "" && d.Source != d.Title {
		parts = append(parts, d.Source)
	}
	return strings.Join(parts, ", ")
}

// Reject records by's rejection of signal id with a reason from zicht.RejectReasons.
func Reject(ctx context.Context, st zicht.Store, id zicht.SignalID, reason, note, by string) (zicht.Decision, error) {
	d, err := st.Decide(ctx, zicht.Decision{Signal: id, Action: zicht.Reject, Reason: reason, Note: note, By: by}, nil)
	if err != nil {
		return d, err
	}
	audit(ctx, st, by, "signal.reject", fmt.Sprintf("signal %d", id), reason)
	return d, nil
}

// Undo takes back by's latest decision.
func Undo(ctx context.Context, st zicht.Store, by string) (zicht.Decision, error) {
	d, err := st.UndoDecision(ctx, by)
	if err != nil {
		return d, err
	}
	audit(ctx, st, by, "signal.undo", fmt.Sprintf("signal %d", d.Signal), fmt.Sprintf("undid %s (decision %d)", d.Action, d.ID))
	return d, nil
}

// Selection picks signals for a bulk decision: the pending signals of one
// document, or those in passages that match a full-text query.
type Selection struct {
	Doc   zicht.DocumentID
	Query string
	Group zicht.GroupID // optional narrowing
}

// Select returns the pending signals in sel.
func Select(ctx context.Context, st zicht.Store, sel Selection) ([]zicht.Signal, error) {
	if (sel.Doc == "") == (sel.Query == "") {
		return nil, zicht.Errorf(zicht.CodeInvalid, "a bulk decision needs either a document or a query")
	}
	if sel.Doc != "" {
		return st.Signals(ctx, zicht.SignalFilter{Doc: sel.Doc, Group: sel.Group, Status: zicht.SignalPending})
	}
	hits, err := st.Search(ctx, sel.Query, 10000)
	if err != nil {
		return nil, err
	}
	type span struct {
		doc   zicht.DocumentID
		start int
	}
	want := map[span]bool{}
	docs := map[zicht.DocumentID]bool{}
	for _, h := range hits {
		want[span{h.Passage.Doc, h.Passage.Start}] = true
		docs[h.Passage.Doc] = true
	}
	var out []zicht.Signal
	for doc := range docs {
		sigs, err := st.Signals(ctx, zicht.SignalFilter{Doc: doc, Group: sel.Group, Status: zicht.SignalPending})
		if err != nil {
			return nil, err
		}
		for _, s := range sigs {
			if want[span{s.Doc, s.Start}] {
				out = append(out, s)
			}
		}
	}
	slices.SortFunc(out, func(a, b zicht.Signal) int { return int(a.ID - b.ID) })
	return out, nil
}

// Bulk applies one decision to every signal in sel and returns how many
// were decided. Each decision is its own transaction, so an interruption
// leaves every signal either decided or pending.
func Bulk(ctx context.Context, st zicht.Store, sel Selection, action, reason, by string) (int, error) {
	sigs, err := Select(ctx, st, sel)
	if err != nil {
		return 0, err
	}
	if action == zicht.Reject && !slices.Contains(zicht.RejectReasons, reason) {
		return 0, zicht.Errorf(zicht.CodeInvalid, "rejecting needs a reason: one of %s", strings.Join(zicht.RejectReasons, ", "))
	}
	n := 0
	for _, s := range sigs {
		switch action {
		case zicht.Accept:
			_, _, err = Accept(ctx, st, s.ID, Correction{}, by, "bulk")
		case zicht.Reject:
			_, err = Reject(ctx, st, s.ID, reason, "bulk", by)
		default:
			return n, zicht.Errorf(zicht.CodeInvalid, "unknown review action %q (want accept or reject)", action)
		}
		if err != nil {
			return n, err
		}
		n++
	}
	return n, nil
}

func audit(ctx context.Context, st zicht.Store, actor, action, object, detail string) {
	// The decision itself is stored; a failed audit entry must not undo it,
	// and the next write will surface a broken store anyway.
	_ = st.Audit(ctx, zicht.AuditEvent{At: time.Now().UTC(), Actor: actor, Action: action, Object: object, Detail: detail})
}
