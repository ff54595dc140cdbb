package report

import (
	"bytes"
	_ "embed"
	"encoding/csv"
	"encoding/json"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/zicht-project/zicht"
)

// Schema is the JSON Schema of the JSON export.
//
//go:embed schema.json
var Schema []byte

// SchemaID is the export's schema identifier, written in every export.
const SchemaID = "zicht-report/1"

// CSV writes one row per group and question: the level, the explanation,
// the recommended step and the assessment behind it.
func CSV(w io.Writer, d *Data) error {
	lang := d.Lang
	var b bytes.Buffer
	cw := csv.NewWriter(&b)
	_ = cw.Write([]string{"source", "date", "group", "name", "status", "question", "level", "level_label",
		"summary", "confidence", "recommendation", "assessment", "method", "origin", "author", "reviewer", "approved_at"})
	for i := range d.Panels {
		p := &d.Panels[i]
		for _, q := range zicht.Questions {
			a := p.Answer(q)
			row := []string{d.Source(), d.dateWord(), string(p.Group.ID), cellText(p.Group.Name.In(lang)), string(p.Group.Status),
				string(q), string(a.Level), levelWord(a.Level, lang), cellText(a.Summary.In(lang)), string(p.Confidence), cellText(p.step(lang))}
			if x := a.Assessment; x != nil {
				row = append(row, strconv.FormatInt(int64(x.ID), 10), cellText(x.Method), x.Origin, cellText(x.Author), cellText(x.Reviewer), stamp(x.ApprovedAt))
			} else {
				row = append(row, "", "", "", "", "", "")
			}
			_ = cw.Write(row)
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return err
	}
	_, err := w.Write(b.Bytes())
	return err
}

// cellText keeps a text cell from being read as a formula by a spreadsheet
// (CSV injection): a leading =, +, -, @, tab or carriage return gets a quote.
func cellText(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

func stamp(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.RFC3339)
}

type jsonExport struct {
	Schema      string      `json:"schema"`
	Source      string      `json:"source"`
	Publication int64       `json:"publication,omitempty"`
	Title       zicht.Text  `json:"title"`
	Date        string      `json:"date,omitempty"`
	Lang        zicht.Lang  `json:"lang"`
	Order       Order       `json:"order"`
	Groups      []jsonGroup `json:"groups"`
}

type jsonGroup struct {
	ID              zicht.GroupID        `json:"id"`
	Name            zicht.Text           `json:"name"`
	Status          zicht.GroupStatus    `json:"status,omitempty"`
	Q1              jsonAnswer           `json:"q1"`
	Q2              jsonAnswer           `json:"q2"`
	Confidence      zicht.Confidence     `json:"confidence,omitempty"`
	Recommendations []jsonRecommendation `json:"recommendations"`
	History         []jsonAssessment     `json:"history"`
	Trend           []jsonPoint          `json:"trend"`
}

type jsonPoint struct {
	Publication int64        `json:"publication"`
	Date        string       `json:"date"`
	Q1          *zicht.Level `json:"q1"`
	Q2          *zicht.Level `json:"q2"`
}

type jsonKey struct {
	Type     zicht.EvidenceType `json:"type"`
	Polarity zicht.Polarity     `json:"polarity"`
	Level    *zicht.Level       `json:"level"`
	Weight   float64            `json:"weight"`
	Text     string             `json:"text,omitempty"`
	Citation string             `json:"citation,omitempty"`
	Evidence zicht.EvidenceID   `json:"evidence,omitempty"`
	Signal   zicht.SignalID     `json:"signal,omitempty"`
}

type jsonAnswer struct {
	Level      *zicht.Level    `json:"level"`
	Label      string          `json:"label"`
	Summary    zicht.Text      `json:"summary"`
	Assessment *jsonAssessment `json:"assessment"`
	Key        []jsonKey       `json:"key"`
	// FromSuggestion says the key items are the computed suggestion's.
	FromSuggestion bool `json:"from_suggestion,omitempty"`
}

type jsonRecommendation struct {
	Text     zicht.Text `json:"text"`
	Audience string     `json:"audience,omitempty"`
	Status   string     `json:"status"`
}

type jsonAssessment struct {
	ID         zicht.AssessmentID `json:"id"`
	Question   zicht.Question     `json:"question"`
	Suggested  *zicht.Level       `json:"suggested"`
	Final      *zicht.Level       `json:"final"`
	Confidence zicht.Confidence   `json:"confidence,omitempty"`
	Rationale  string             `json:"rationale,omitempty"`
	Method     string             `json:"method"`
	Origin     string             `json:"origin"`
	Author     string             `json:"author"`
	Reviewer   string             `json:"reviewer,omitempty"`
	CreatedAt  string             `json:"created_at"`
	ApprovedAt string             `json:"approved_at,omitempty"`
}

func level(l zicht.Level) *zicht.Level {
	if l == zicht.LevelUnknown {
		return nil
	}
	return &l
}

func assessment(a *zicht.Assessment) *jsonAssessment {
	if a == nil {
		return nil
	}
	return &jsonAssessment{ID: a.ID, Question: a.Question, Suggested: level(a.Suggested), Final: level(a.Final),
		Confidence: a.Confidence, Rationale: a.Rationale, Method: a.Method, Origin: a.Origin, Author: a.Author,
		Reviewer: a.Reviewer, CreatedAt: stamp(a.CreatedAt), ApprovedAt: stamp(a.ApprovedAt)}
}

// JSON writes the groups with their answers, recommendations and history of
// approved assessments, following Schema. Unknown levels are null.
func JSON(w io.Writer, d *Data) error {
	x := jsonExport{Schema: SchemaID, Source: d.Source(), Publication: d.Publication, Title: d.Title,
		Lang: d.Lang, Order: d.Order, Groups: []jsonGroup{}}
	if !d.Date.IsZero() {
		x.Date = d.dateWord()
	}
	for i := range d.Panels {
		p := &d.Panels[i]
		g := jsonGroup{ID: p.Group.ID, Name: p.Group.Name, Status: p.Group.Status, Confidence: p.Confidence,
			Recommendations: []jsonRecommendation{}, History: []jsonAssessment{}, Trend: []jsonPoint{}}
		for _, pt := range p.Trend {
			g.Trend = append(g.Trend, jsonPoint{Publication: pt.Publication, Date: pt.Date.UTC().Format("2006-01-02"),
				Q1: level(pt.Q1), Q2: level(pt.Q2)})
		}
		for _, q := range zicht.Questions {
			a := p.Answer(q)
			ja := jsonAnswer{Level: level(a.Level), Label: levelWord(a.Level, d.Lang), Summary: a.Summary,
				Assessment: assessment(a.Assessment), Key: []jsonKey{}, FromSuggestion: a.FromSuggestion}
			for _, k := range a.Key {
				ja.Key = append(ja.Key, jsonKey{Type: k.Type, Polarity: k.Polarity, Level: level(k.Level), Weight: k.Weight,
					Text: k.Text, Citation: k.Citation, Evidence: k.Evidence, Signal: k.Signal})
			}
			if q == zicht.Q1 {
				g.Q1 = ja
			} else {
				g.Q2 = ja
			}
		}
		for _, r := range p.Recommendations {
			g.Recommendations = append(g.Recommendations, jsonRecommendation{Text: r.Text, Audience: r.Audience, Status: r.Status})
		}
		for j := range p.History {
			g.History = append(g.History, *assessment(&p.History[j]))
		}
		x.Groups = append(x.Groups, g)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(x)
}
