package assess

import (
	"testing"
	"time"

	"github.com/zicht-project/zicht"
)

var now = time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)

func ev(t zicht.EvidenceType, p zicht.Polarity, key string) Input {
	return Input{Type: t, Polarity: p, CaseKey: key, Reviewed: true, Date: now.AddDate(0, -1, 0)}
}

func TestSuggestQ2(t *testing.T) {
	cfg := Config{Now: now}
	conv := func(k string) Input { return ev(zicht.Conviction, zicht.Asserted, k) }
	cases := []struct {
		name   string
		inputs []Input
		level  zicht.Level
		conf   zicht.Confidence
	}{
		{"nothing", nil, zicht.LevelUnknown, ""},
		{"one conviction", []Input{conv("a")}, zicht.LevelElevated, zicht.ConfidenceModerate},
		{"two convictions", []Input{conv("a"), conv("b")}, zicht.LevelHigh, zicht.ConfidenceModerate},
		{"three convictions", []Input{conv("a"), conv("b"), conv("c")}, zicht.LevelHigh, zicht.ConfidenceHigh},
		{"same case reported twice counts once", []Input{conv("ECLI:1"), conv("ECLI:1")}, zicht.LevelElevated, zicht.ConfidenceModerate},
		{"old convictions fade", []Input{
			{Type: zicht.Conviction, Polarity: zicht.Asserted, CaseKey: "a", Reviewed: true, Date: now.AddDate(-12, 0, 0)},
			{Type: zicht.Conviction, Polarity: zicht.Asserted, CaseKey: "b", Reviewed: true, Date: now.AddDate(-12, 0, 0)},
		}, zicht.LevelModerate, zicht.ConfidenceModerate},
		{"one document's signals count once per type", []Input{
			{Doc: "ruling", Signal: 1, Type: zicht.Prosecution, Polarity: zicht.Asserted, Date: now},
			{Doc: "ruling", Signal: 2, Type: zicht.Prosecution, Polarity: zicht.Asserted, Date: now},
			{Doc: "ruling", Signal: 3, Type: zicht.Acquittal, Polarity: zicht.Asserted, Date: now},
		}, zicht.LevelNone, zicht.ConfidenceVeryLow},
		{"prosecution", []Input{ev(zicht.Prosecution, zicht.Asserted, "p")}, zicht.LevelElevated, zicht.ConfidenceModerate},
		{"acquittal cancels prosecution", []Input{ev(zicht.Prosecution, zicht.Asserted, "p"), ev(zicht.Acquittal, zicht.Asserted, "q")},
			zicht.LevelNone, zicht.ConfidenceLow},
		{"repeated professional signals", []Input{ev(zicht.ProfessionalSignal, zicht.Asserted, "1"),
			ev(zicht.ProfessionalSignal, zicht.Asserted, "2"), ev(zicht.OfficialReport, zicht.Asserted, "3")}, zicht.LevelFair, zicht.ConfidenceModerate},
		{"one media report", []Input{ev(zicht.MediaReport, zicht.Asserted, "m")}, zicht.LevelModerate, zicht.ConfidenceVeryLow},
		{"only hedged signals", []Input{ev(zicht.ProfessionalSignal, zicht.Hedged, "1"), ev(zicht.MediaReport, zicht.Hedged, "2")},
			zicht.LevelSlight, zicht.ConfidenceVeryLow},
		{"negated research finding", []Input{ev(zicht.Research, zicht.Negated, "r")}, zicht.LevelNone, zicht.ConfidenceModerate},
		{"denial outweighs a media report", []Input{ev(zicht.Research, zicht.Negated, "r"), ev(zicht.MediaReport, zicht.Asserted, "m")},
			zicht.LevelSlight, zicht.ConfidenceLow},
		{"unreviewed signals cap confidence", []Input{
			{Type: zicht.Conviction, Polarity: zicht.Asserted, CaseKey: "a", Date: now},
			{Type: zicht.Conviction, Polarity: zicht.Asserted, CaseKey: "b", Date: now},
			{Type: zicht.Conviction, Polarity: zicht.Asserted, CaseKey: "c", Date: now},
			{Type: zicht.Conviction, Polarity: zicht.Asserted, CaseKey: "d", Date: now},
		}, zicht.LevelHigh, zicht.ConfidenceLow},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := Suggest(cfg, zicht.Q2, c.inputs)
			if r.Level != c.level || r.Confidence != c.conf {
				t.Errorf("Suggest = %s/%q, want %s/%q; reasons: %q", r.Level, r.Confidence, c.level, c.conf, r.Reasons)
			}
			if len(r.Items) != len(c.inputs) {
				t.Errorf("%d items explained, want every input (%d)", len(r.Items), len(c.inputs))
			}
		})
	}
}

func TestSuggestQ1(t *testing.T) {
	cfg := Config{Now: now}
	lv := func(l zicht.Level, p zicht.Polarity, k string) Input {
		in := ev(zicht.Research, p, k)
		in.Level = l
		return in
	}
	cases := []struct {
		name   string
		inputs []Input
		level  zicht.Level
	}{
		{"worded high", []Input{lv(zicht.LevelHigh, zicht.Asserted, "a")}, zicht.LevelHigh},
		{"median of three", []Input{lv(zicht.LevelSlight, zicht.Asserted, "a"), lv(zicht.LevelFair, zicht.Asserted, "b"),
			lv(zicht.LevelHigh, zicht.Asserted, "c")}, zicht.LevelFair},
		{"hedged level counts one lower", []Input{lv(zicht.LevelElevated, zicht.Hedged, "a")}, zicht.LevelFair},
		{"denied vulnerability", []Input{lv("", zicht.Negated, "a")}, zicht.LevelNone},
		{"indications without level", []Input{lv("", zicht.Asserted, "a"), lv("", zicht.Asserted, "b")}, zicht.LevelModerate},
		{"a denial does not outvote unworded indications", []Input{lv("", zicht.Negated, "a"), lv("", zicht.Asserted, "b"),
			lv("", zicht.Asserted, "c"), lv("", zicht.Asserted, "d")}, zicht.LevelModerate},
		{"worded levels against a denial", []Input{lv(zicht.LevelHigh, zicht.Asserted, "a"), lv("", zicht.Negated, "b"),
			lv("", zicht.Negated, "c")}, zicht.LevelNone},
		{"one weak indication", []Input{{Type: zicht.MediaReport, Polarity: zicht.Asserted, Reviewed: true}}, zicht.LevelSlight},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if r := Suggest(cfg, zicht.Q1, c.inputs); r.Level != c.level {
				t.Errorf("Suggest = %s, want %s; reasons %q", r.Level, c.level, r.Reasons)
			}
		})
	}
}

func TestExplanationNamesEveryItem(t *testing.T) {
	in := []Input{
		{Evidence: 1, Type: zicht.Conviction, Polarity: zicht.Asserted, CaseKey: "x", Reviewed: true, Date: now},
		{Evidence: 2, Type: zicht.MediaReport, Polarity: zicht.Asserted, CaseKey: "x", Reviewed: true, Date: now},
		{Evidence: 3, Type: zicht.Research, Polarity: zicht.Negated, Reviewed: true},
	}
	r := Suggest(Config{Now: now}, zicht.Q2, in)
	byID := map[zicht.EvidenceID]zicht.Item{}
	for _, it := range r.Items {
		byID[it.Evidence] = it
	}
	if byID[1].Weight != 1 {
		t.Errorf("conviction weight %v, want 1", byID[1].Weight)
	}
	if byID[2].Weight != 0 || byID[2].Note == "" {
		t.Errorf("duplicate case item = %+v, want weight 0 and a note", byID[2])
	}
	if byID[3].Weight >= 0 {
		t.Errorf("a denial must weigh against: %+v", byID[3])
	}
	if r.Items[0].Evidence != 1 {
		t.Errorf("items not ordered by weight: %+v", r.Items)
	}
}
