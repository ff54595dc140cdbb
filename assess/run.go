package assess

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/zicht-project/zicht"
)

// Store is what Run reads and writes.
type Store interface {
	Groups(ctx context.Context) ([]zicht.Group, error)
	Evidence(ctx context.Context, f zicht.EvidenceFilter) ([]zicht.Evidence, error)
	Signals(ctx context.Context, f zicht.SignalFilter) ([]zicht.Signal, error)
	Document(ctx context.Context, id zicht.DocumentID) (*zicht.Document, error)
	ReplaceDraft(ctx context.Context, a zicht.Assessment) (zicht.Assessment, error)
}

// Author is recorded as the author of computed suggestions.
const Author = "zicht"

// Run recomputes the suggestion for every group and question and stores each
// as the computed draft, replacing the previous one; approved assessments are
// never touched. Reviewed evidence is used when a group and question have
// any; otherwise the pending signals are, at reduced weight and confidence.
func Run(ctx context.Context, st Store, cfg Config) ([]zicht.Assessment, error) {
	groups, err := st.Groups(ctx)
	if err != nil {
		return nil, fmt.Errorf("assess: %w", err)
	}
	dates := map[zicht.DocumentID]time.Time{}
	docDate := func(id zicht.DocumentID) (time.Time, error) {
		if t, ok := dates[id]; ok {
			return t, nil
		}
		d, err := st.Document(ctx, id)
		if err != nil {
			return time.Time{}, err
		}
		t := d.Date
		if t.IsZero() {
			t = d.AddedAt
		}
		dates[id] = t
		return t, nil
	}
	var out []zicht.Assessment
	for _, g := range groups {
		if g.Status == zicht.GroupRetired {
			continue
		}
		for _, q := range zicht.Questions {
			inputs, basis, err := gather(ctx, st, g.ID, q, docDate)
			if err != nil {
				return nil, err
			}
			res := Suggest(cfg, q, inputs)
			a, err := st.ReplaceDraft(ctx, zicht.Assessment{
				Group: g.ID, Question: q, Suggested: res.Level, Confidence: res.Confidence,
				Summary: summary(res, len(inputs), basis), Rationale: strings.Join(res.Reasons, "\n"), Items: res.Items,
				Method: Version, Origin: zicht.OriginComputed, Author: Author, Status: zicht.Draft, CreatedAt: cfg.now(),
			})
			if err != nil {
				return nil, fmt.Errorf("assess %s %s: %w", g.ID, q, err)
			}
			out = append(out, a)
		}
	}
	return out, nil
}

func gather(ctx context.Context, st Store, g zicht.GroupID, q zicht.Question, docDate func(zicht.DocumentID) (time.Time, error)) ([]Input, string, error) {
	ev, err := st.Evidence(ctx, zicht.EvidenceFilter{Group: g, Question: q})
	if err != nil {
		return nil, "", fmt.Errorf("assess %s %s: %w", g, q, err)
	}
	var inputs []Input
	for _, e := range ev {
		inputs = append(inputs, FromEvidence(e))
	}
	if len(inputs) > 0 {
		return inputs, "evidence", nil
	}
	sigs, err := st.Signals(ctx, zicht.SignalFilter{Group: g, Question: q, Status: zicht.SignalPending})
	if err != nil {
		return nil, "", fmt.Errorf("assess %s %s: %w", g, q, err)
	}
	for _, s := range sigs {
		d, err := docDate(s.Doc)
		if err != nil {
			return nil, "", fmt.Errorf("assess %s %s: %w", g, q, err)
		}
		inputs = append(inputs, FromSignal(s, d))
	}
	return inputs, "signals", nil
}

func summary(r Result, n int, basis string) zicht.Text {
	if r.Level == zicht.LevelUnknown {
		return zicht.Text{NL: "Nog geen bewijs of signalen: geen voorstel.", EN: "No evidence or signals yet: no suggestion."}
	}
	nlBasis, enBasis := "beoordeeld bewijs", "reviewed evidence"
	if basis == "signals" {
		nlBasis, enBasis = "nog niet beoordeelde signalen", "signals not yet reviewed"
	}
	return zicht.Text{
		NL: fmt.Sprintf("Voorstel %s (vertrouwen %s) op basis van %d items %s.", r.Level.Label(zicht.Dutch), r.Confidence.Label(zicht.Dutch), n, nlBasis),
		EN: fmt.Sprintf("Suggested %s (confidence %s) from %d items of %s.", r.Level.Label(zicht.English), r.Confidence.Label(zicht.English), n, enBasis),
	}
}
