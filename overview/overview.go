// Package overview gathers, per group, what the overview shows: the current
// (latest approved) level for each question, the latest computed suggestion
// with its confidence, and how many signals and evidence items lie behind it.
// The CLI table, the web page and reports all read this one view.
package overview

import (
	"context"
	"fmt"
	"time"

	"github.com/zicht-project/zicht"
)

// Store is what Build reads.
type Store interface {
	Groups(ctx context.Context) ([]zicht.Group, error)
	Assessments(ctx context.Context, f zicht.AssessmentFilter) ([]zicht.Assessment, error)
	SignalCounts(ctx context.Context) ([]zicht.SignalCount, error)
	Evidence(ctx context.Context, f zicht.EvidenceFilter) ([]zicht.Evidence, error)
}

// Cell is one group's state for one question.
type Cell struct {
	Current    *zicht.Assessment // latest approved; nil when none
	Suggestion *zicht.Assessment // latest computed draft, without its items; nil when none
	Signals    int
	Pending    int
	Evidence   int
}

// Level is the current approved level, or unknown.
func (c Cell) Level() zicht.Level {
	if c.Current == nil {
		return zicht.LevelUnknown
	}
	return c.Current.Final
}

// Row is one group in the overview.
type Row struct {
	Group      zicht.Group
	Q1, Q2     Cell
	LastChange time.Time
}

// Cell returns the row's cell for q.
func (r *Row) Cell(q zicht.Question) *Cell {
	if q == zicht.Q2 {
		return &r.Q2
	}
	return &r.Q1
}

// Signals is the number of signals for both questions.
func (r Row) Signals() int { return r.Q1.Signals + r.Q2.Signals }

// Confidence is the confidence of the latest suggestion for Q1, else Q2.
func (r Row) Confidence() zicht.Confidence {
	for _, c := range []Cell{r.Q1, r.Q2} {
		if c.Suggestion != nil && c.Suggestion.Confidence != "" {
			return c.Suggestion.Confidence
		}
	}
	return ""
}

// Overview is every group's row plus the signals that fit no group.
type Overview struct {
	Rows  []Row
	Other int // signals about children at risk that fit no group
}

// Build reads the overview from st, in the groups' order.
func Build(ctx context.Context, st Store) (*Overview, error) {
	groups, err := st.Groups(ctx)
	if err != nil {
		return nil, fmt.Errorf("overview: %w", err)
	}
	all, err := st.Assessments(ctx, zicht.AssessmentFilter{Brief: true})
	if err != nil {
		return nil, fmt.Errorf("overview: %w", err)
	}
	counts, err := st.SignalCounts(ctx)
	if err != nil {
		return nil, fmt.Errorf("overview: %w", err)
	}
	ev, err := st.Evidence(ctx, zicht.EvidenceFilter{})
	if err != nil {
		return nil, fmt.Errorf("overview: %w", err)
	}
	ov := &Overview{}
	index := map[zicht.GroupID]int{}
	for _, g := range groups {
		if g.Status == zicht.GroupRetired {
			continue
		}
		index[g.ID] = len(ov.Rows)
		ov.Rows = append(ov.Rows, Row{Group: g})
	}
	for i := range all {
		a := &all[i]
		ri, ok := index[a.Group]
		if !ok {
			continue
		}
		row := &ov.Rows[ri]
		c := row.Cell(a.Question)
		switch {
		case a.Status == zicht.Approved:
			c.Current = a // assessments come oldest first: the last wins
			row.LastChange = latest(row.LastChange, a.ApprovedAt)
		case a.Origin == zicht.OriginComputed:
			c.Suggestion = a
		}
		row.LastChange = latest(row.LastChange, a.CreatedAt)
	}
	for _, sc := range counts {
		if sc.Group == zicht.GroupOther {
			ov.Other += sc.Total
			continue
		}
		if ri, ok := index[sc.Group]; ok {
			c := ov.Rows[ri].Cell(sc.Question)
			c.Signals += sc.Total
			c.Pending += sc.Pending
		}
	}
	for _, e := range ev {
		if ri, ok := index[e.Group]; ok {
			ov.Rows[ri].Cell(e.Question).Evidence++
			ov.Rows[ri].LastChange = latest(ov.Rows[ri].LastChange, e.AddedAt)
		}
	}
	return ov, nil
}

func latest(a, b time.Time) time.Time {
	if b.After(a) {
		return b
	}
	return a
}
