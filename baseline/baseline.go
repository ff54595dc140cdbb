// Package baseline holds the seven groups of children assessed by the 2017
// exploratory study of the Dutch national rapporteur, with their levels,
// summaries and recommended steps, and a starter set of risk factors.
// Loading it gives a new installation the first entry of every group's
// assessment history.
package baseline

import (
	"context"
	_ "embed"
	"encoding/json"
	"fmt"
	"time"

	"github.com/zicht-project/zicht"
)

//go:embed baseline.json
var data []byte

// Author is recorded as the author of the baseline assessments.
const Author = "study-2017"

// Data is the parsed baseline.
type Data struct {
	Study struct {
		Title  zicht.Text `json:"title"`
		Author string     `json:"author"`
		Date   string     `json:"date"`
	} `json:"study"`
	Groups      []GroupData        `json:"groups"`
	RiskFactors []zicht.RiskFactor `json:"risk_factors"`
}

// GroupData is one group as the study described it.
type GroupData struct {
	ID              zicht.GroupID `json:"id"`
	Name            zicht.Text    `json:"name"`
	Description     zicht.Text    `json:"description"`
	Q1              Verdict       `json:"q1"`
	Q2              Verdict       `json:"q2"`
	Recommendations []struct {
		Audience string     `json:"audience"`
		Text     zicht.Text `json:"text"`
	} `json:"recommendations"`
}

// Verdict is the study's answer to one question; Level is empty where the
// study named none.
type Verdict struct {
	Level   zicht.Level `json:"level"`
	Summary zicht.Text  `json:"summary"`
}

// Parse returns the embedded baseline, validated.
func Parse() (*Data, error) {
	var d Data
	if err := json.Unmarshal(data, &d); err != nil {
		return nil, fmt.Errorf("parse baseline: %w", err)
	}
	seen := map[zicht.GroupID]bool{}
	for _, g := range d.Groups {
		if g.ID == "" || seen[g.ID] {
			return nil, fmt.Errorf("baseline: missing or duplicate group id %q", g.ID)
		}
		seen[g.ID] = true
		for _, v := range []Verdict{g.Q1, g.Q2} {
			if v.Level != zicht.LevelUnknown && v.Level.Rank() < 0 {
				return nil, fmt.Errorf("baseline: group %s: unknown level %q", g.ID, v.Level)
			}
		}
	}
	return &d, nil
}

// Date is the date the baseline assessments are recorded at.
func (d *Data) Date() time.Time {
	t, err := time.Parse(time.DateOnly, d.Study.Date)
	if err != nil {
		return time.Date(2017, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	return t
}

// Target is the part of the store the baseline is loaded into.
type Target interface {
	zicht.GroupStore
	Assessments(ctx context.Context, f zicht.AssessmentFilter) ([]zicht.Assessment, error)
	AddAssessment(ctx context.Context, a zicht.Assessment) (zicht.Assessment, error)
	AddPublication(ctx context.Context, p zicht.Publication) (zicht.Publication, error)
	Publications(ctx context.Context) ([]zicht.Publication, error)
	Audit(ctx context.Context, e zicht.AuditEvent) error
}

// Load writes the groups, risk factors, recommendations, the study's
// assessments (approved, as the first entry of each history) and the baseline
// publication into st. It is idempotent and resumable: whatever is already
// there is kept, so loading twice, or again after an interrupted load,
// completes the baseline without duplicates. It reports whether anything was
// written.
func Load(ctx context.Context, st Target) (bool, error) {
	d, err := Parse()
	if err != nil {
		return false, err
	}
	pubs, err := st.Publications(ctx)
	if err != nil {
		return false, fmt.Errorf("load baseline: %w", err)
	}
	for _, p := range pubs {
		if p.CreatedBy == Author {
			return false, nil // complete: the publication is written last
		}
	}
	for _, rf := range d.RiskFactors {
		if err := st.PutRiskFactor(ctx, rf); err != nil {
			return false, fmt.Errorf("load baseline risk factor %s: %w", rf.ID, err)
		}
	}
	at := d.Date()
	var ids []zicht.AssessmentID
	for i, g := range d.Groups {
		if err := st.PutGroup(ctx, zicht.Group{ID: g.ID, Name: g.Name, Description: g.Description,
			Status: zicht.GroupActive, Order: i + 1}); err != nil {
			return false, fmt.Errorf("load baseline group %s: %w", g.ID, err)
		}
		recs, err := st.Recommendations(ctx, g.ID)
		if err != nil {
			return false, fmt.Errorf("load baseline recommendations for %s: %w", g.ID, err)
		}
		if !hasOrigin(recs) {
			for _, r := range g.Recommendations {
				if _, err := st.AddRecommendation(ctx, zicht.Recommendation{Group: g.ID, Text: r.Text,
					Audience: r.Audience, Status: "open", Origin: zicht.OriginStudy2017}); err != nil {
					return false, fmt.Errorf("load baseline recommendation for %s: %w", g.ID, err)
				}
			}
		}
		for _, qv := range []struct {
			q zicht.Question
			v Verdict
		}{{zicht.Q1, g.Q1}, {zicht.Q2, g.Q2}} {
			id, err := studyAssessment(ctx, st, g.ID, qv.q, qv.v, at)
			if err != nil {
				return false, err
			}
			ids = append(ids, id)
		}
	}
	if _, err := st.AddPublication(ctx, zicht.Publication{Title: d.Study.Title.In(zicht.Dutch), Date: at,
		Assessments: ids, CreatedBy: Author}); err != nil {
		return false, fmt.Errorf("load baseline publication: %w", err)
	}
	if err := st.Audit(ctx, zicht.AuditEvent{At: time.Now().UTC(), Actor: "system", Action: "baseline.load",
		Object: "baseline", Detail: fmt.Sprintf("%d groups, %d risk factors", len(d.Groups), len(d.RiskFactors))}); err != nil {
		return false, err
	}
	return true, nil
}

func hasOrigin(recs []zicht.Recommendation) bool {
	for _, r := range recs {
		if r.Origin == zicht.OriginStudy2017 {
			return true
		}
	}
	return false
}

// studyAssessment returns the id of the study's assessment for g and q,
// adding it when it is missing.
func studyAssessment(ctx context.Context, st Target, g zicht.GroupID, q zicht.Question, v Verdict, at time.Time) (zicht.AssessmentID, error) {
	have, err := st.Assessments(ctx, zicht.AssessmentFilter{Group: g, Question: q})
	if err != nil {
		return 0, fmt.Errorf("load baseline assessment %s %s: %w", g, q, err)
	}
	for _, a := range have {
		if a.Origin == zicht.OriginStudy2017 {
			return a.ID, nil
		}
	}
	a, err := st.AddAssessment(ctx, zicht.Assessment{
		Group: g, Question: q, Suggested: v.Level, Final: v.Level,
		Summary: v.Summary, Method: zicht.OriginStudy2017, Origin: zicht.OriginStudy2017,
		Author: Author, Reviewer: Author, Status: zicht.Approved, CreatedAt: at, ApprovedAt: at,
		Rationale: "Level as published by the 2017 study.",
	})
	if err != nil {
		return 0, fmt.Errorf("load baseline assessment %s %s: %w", g, q, err)
	}
	return a.ID, nil
}
