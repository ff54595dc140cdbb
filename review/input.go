package review

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/zicht-project/zicht"
)

// ParseCorrection reads a correction as people type it (in a form, on the
// command line); empty strings keep the signal's value, and the level
// "unknown" clears a worded level.
func ParseCorrection(group, question, polarity, level, evidenceType string) (Correction, error) {
	c := Correction{Group: zicht.GroupID(group)}
	var err error
	if question != "" {
		if c.Question, err = zicht.ParseQuestion(question); err != nil {
			return c, err
		}
	}
	if polarity != "" {
		if c.Polarity, err = zicht.ParsePolarity(polarity); err != nil {
			return c, err
		}
	}
	if level != "" {
		if c.Level, err = zicht.ParseLevel(level); err != nil {
			return c, err
		}
		c.ClearLevel = c.Level == zicht.LevelUnknown
	}
	if evidenceType != "" {
		if c.EvidenceType, err = zicht.ParseEvidenceType(evidenceType); err != nil {
			return c, err
		}
	}
	return c, nil
}

// Manual is evidence entered by hand (an interview, a case file), as typed.
type Manual struct {
	Group, Question, Polarity, Type, Level, Text, Citation, Date, CaseKey string
}

// AddManual validates m and stores it as evidence by who: it needs a text and
// a citation, the polarity defaults to asserted, and without a case key one
// is derived from the text, so the same case entered twice counts once.
func AddManual(ctx context.Context, st zicht.Store, m Manual, who string) (zicht.Evidence, error) {
	ev := zicht.Evidence{Group: zicht.GroupID(m.Group), Text: m.Text, Citation: m.Citation, CaseKey: m.CaseKey, AddedBy: who}
	if strings.TrimSpace(m.Text) == "" || strings.TrimSpace(m.Citation) == "" {
		return ev, zicht.Errorf(zicht.CodeInvalid, "evidence entered by hand needs a text and a citation")
	}
	if m.Polarity == "" {
		m.Polarity = string(zicht.Asserted)
	}
	var err error
	if ev.Question, err = zicht.ParseQuestion(m.Question); err != nil {
		return ev, err
	}
	if ev.Polarity, err = zicht.ParsePolarity(m.Polarity); err != nil {
		return ev, err
	}
	if ev.Type, err = zicht.ParseEvidenceType(m.Type); err != nil {
		return ev, err
	}
	if ev.Level, err = zicht.ParseLevel(m.Level); err != nil {
		return ev, err
	}
	if m.Date != "" {
		if ev.Date, err = time.Parse(time.DateOnly, m.Date); err != nil {
			return ev, zicht.Errorf(zicht.CodeInvalid, "date %q is not a date like 2024-03-01", m.Date)
		}
	}
	if ev.CaseKey == "" {
		ev.CaseKey = CaseKey("", m.Text)
	}
	if _, err := st.Group(ctx, ev.Group); err != nil {
		return ev, err
	}
	if ev, err = st.AddEvidence(ctx, ev); err != nil {
		return ev, err
	}
	audit(ctx, st, who, "evidence.add", fmt.Sprintf("evidence %d", ev.ID), ev.Citation)
	return ev, nil
}
