package review

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/zicht-project/zicht"
)

// latest returns the newest assessment of g and q that passes keep, or nil.
func latest(all []zicht.Assessment, keep func(zicht.Assessment) bool) *zicht.Assessment {
	for i := len(all) - 1; i >= 0; i-- {
		if keep(all[i]) {
			return &all[i]
		}
	}
	return nil
}

// SetFinal records by's final level for g and q as a draft awaiting
// approval, built on the latest computed suggestion (its level, confidence
// and items) and superseding the latest approved assessment. A final level
// that differs from the suggestion needs a rationale.
func SetFinal(ctx context.Context, st zicht.Store, g zicht.GroupID, q zicht.Question, final zicht.Level, rationale, by string) (zicht.Assessment, error) {
	if _, err := st.Group(ctx, g); err != nil {
		return zicht.Assessment{}, err
	}
	if final.Rank() < 0 {
		return zicht.Assessment{}, zicht.Errorf(zicht.CodeInvalid, "a final level must be one of none, slight, moderate, fair, elevated, high")
	}
	all, err := st.Assessments(ctx, zicht.AssessmentFilter{Group: g, Question: q})
	if err != nil {
		return zicht.Assessment{}, err
	}
	a := zicht.Assessment{Group: g, Question: q, Final: final, Rationale: strings.TrimSpace(rationale),
		Origin: zicht.OriginAnalyst, Author: by, Status: zicht.Draft, CreatedAt: time.Now().UTC(), Method: "none"}
	if s := latest(all, func(a zicht.Assessment) bool { return a.Origin == zicht.OriginComputed }); s != nil {
		a.Suggested, a.Confidence, a.Items, a.Method, a.Summary = s.Suggested, s.Confidence, s.Items, s.Method, s.Summary
	}
	if p := latest(all, func(a zicht.Assessment) bool { return a.Status == zicht.Approved }); p != nil {
		a.Supersedes = p.ID
		if a.Summary == (zicht.Text{}) {
			a.Summary = p.Summary
		}
	}
	if a.Final != a.Suggested && a.Rationale == "" {
		sugg := string(a.Suggested)
		if sugg == "" {
			sugg = "no suggestion"
		}
		return zicht.Assessment{}, zicht.Errorf(zicht.CodeInvalid,
			"the final level %s differs from the suggestion (%s): give a rationale", final, sugg)
	}
	a, err = st.ReplaceDraft(ctx, a)
	if err != nil {
		return a, err
	}
	audit(ctx, st, by, "assessment.set", fmt.Sprintf("assessment %d", a.ID), fmt.Sprintf("%s %s final %s (suggested %s)", g, q, final, a.Suggested))
	return a, nil
}

// Approve approves draft id as reviewer; nobody approves their own.
func Approve(ctx context.Context, st zicht.Store, id zicht.AssessmentID, reviewer string) error {
	if err := st.Approve(ctx, id, reviewer, time.Now().UTC()); err != nil {
		return err
	}
	audit(ctx, st, reviewer, "assessment.approve", fmt.Sprintf("assessment %d", id), "")
	return nil
}

// Publish freezes the latest approved assessment of every group and question
// into a publication.
func Publish(ctx context.Context, st zicht.Store, title, by string) (zicht.Publication, error) {
	if strings.TrimSpace(title) == "" {
		return zicht.Publication{}, zicht.Errorf(zicht.CodeInvalid, "a publication needs a title")
	}
	groups, err := st.Groups(ctx)
	if err != nil {
		return zicht.Publication{}, err
	}
	var ids []zicht.AssessmentID
	for _, g := range groups {
		if g.Status == zicht.GroupRetired {
			continue
		}
		for _, q := range zicht.Questions {
			all, err := st.Assessments(ctx, zicht.AssessmentFilter{Group: g.ID, Question: q, Status: zicht.Approved})
			if err != nil {
				return zicht.Publication{}, err
			}
			if len(all) > 0 {
				ids = append(ids, all[len(all)-1].ID)
			}
		}
	}
	p, err := st.AddPublication(ctx, zicht.Publication{Title: title, Date: time.Now().UTC(), Assessments: ids, CreatedBy: by})
	if err != nil {
		return p, err
	}
	audit(ctx, st, by, "publication.add", fmt.Sprintf("publication %d", p.ID), fmt.Sprintf("%s: %d assessments", title, len(ids)))
	return p, nil
}

// Changes lists what differs from prev to next, in words.
func Changes(prev, next zicht.Assessment) []string {
	var out []string
	name := func(l zicht.Level) string {
		if l == zicht.LevelUnknown {
			return "unknown"
		}
		return string(l)
	}
	if prev.Final != next.Final {
		out = append(out, fmt.Sprintf("level %s → %s", name(prev.Final), name(next.Final)))
	}
	if prev.Confidence != next.Confidence && next.Confidence != "" {
		out = append(out, fmt.Sprintf("confidence %s → %s", orDash(string(prev.Confidence)), next.Confidence))
	}
	if prev.Method != next.Method {
		out = append(out, fmt.Sprintf("method %s → %s", prev.Method, next.Method))
	}
	if len(prev.Items) != len(next.Items) {
		out = append(out, fmt.Sprintf("evidence items %d → %d", len(prev.Items), len(next.Items)))
	}
	if prev.Summary != next.Summary {
		out = append(out, "summary changed")
	}
	return out
}

func orDash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}

// Entry is one approved assessment in a group's history with what changed
// since the one before.
type Entry struct {
	zicht.Assessment
	Changes []string `json:"changes"`
}

// History returns the approved assessments of g and q, oldest first, each
// with its changes against the previous one.
func History(ctx context.Context, st zicht.Store, g zicht.GroupID, q zicht.Question) ([]Entry, error) {
	all, err := st.Assessments(ctx, zicht.AssessmentFilter{Group: g, Question: q, Status: zicht.Approved})
	if err != nil {
		return nil, err
	}
	var out []Entry
	for i, a := range all {
		e := Entry{Assessment: a, Changes: []string{}}
		if i > 0 {
			e.Changes = Changes(all[i-1], a)
		}
		out = append(out, e)
	}
	return out, nil
}
