package report

import (
	"bytes"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/zicht-project/zicht"
)

// Brief writes the Markdown brief of panel p: its levels with their
// explanations, the recommended steps and the history of approved assessments.
func Brief(w io.Writer, d *Data, p *Panel) error {
	lang := d.Lang
	var b bytes.Buffer
	fmt.Fprintf(&b, "# %s\n\n", mdEscape(p.Group.Name.In(lang)))
	fmt.Fprintf(&b, "%s · %s: %s · %s: %s\n\n", mdEscape(d.Title.In(lang)), wordSource.In(lang), d.sourceWord(lang),
		wordDate.In(lang), d.dateWord())
	if desc := p.Group.Description.In(lang); desc != "" {
		fmt.Fprintf(&b, "%s\n\n", mdEscape(desc))
	}
	for _, q := range zicht.Questions {
		a := p.Answer(q)
		name := wordQ1
		if q == zicht.Q2 {
			name = wordQ2
		}
		fmt.Fprintf(&b, "## %s %s\n\n", q, name.In(lang))
		fmt.Fprintf(&b, "*%s*\n\n", mdEscape(q.Label(lang)))
		fmt.Fprintf(&b, "%s: **%s**\n\n", wordLevel.In(lang), levelWord(a.Level, lang))
		fmt.Fprintf(&b, "%s\n\n", mdEscape(summary(a.Summary, lang)))
		if a.Assessment != nil && a.Assessment.Rationale != "" {
			fmt.Fprintf(&b, "%s: %s\n\n", wordRationale.In(lang), mdEscape(a.Assessment.Rationale))
		}
		if len(a.Key) > 0 {
			head := wordKey
			if a.FromSuggestion {
				head = wordKeySugg
			}
			fmt.Fprintf(&b, "%s:\n\n", head.In(lang))
			for _, k := range a.Key {
				line := fmt.Sprintf("- %s, %s", k.Type, k.Polarity)
				if k.Level != zicht.LevelUnknown {
					line += ", " + k.Level.Label(lang)
				}
				line += fmt.Sprintf(" (%s %s)", wordWeight.In(lang), strconv.FormatFloat(k.Weight, 'f', 2, 64))
				if k.Text != "" {
					line += ": “" + mdEscape(k.Text) + "”"
				}
				if k.Citation != "" {
					line += " — " + mdEscape(k.Citation)
				}
				b.WriteString(line + "\n")
			}
			b.WriteString("\n")
		}
	}
	fmt.Fprintf(&b, "%s: %s\n\n", wordConfidence.In(lang), confidenceWord(p.Confidence, lang))
	fmt.Fprintf(&b, "## %s\n\n", wordSteps.In(lang))
	if len(p.Recommendations) == 0 {
		fmt.Fprintf(&b, "%s\n\n", wordNoStep.In(lang))
	}
	for _, r := range p.Recommendations {
		line := "- " + mdEscape(r.Text.In(lang))
		if r.Audience != "" {
			line += " (" + wordAudience.In(lang) + ": " + mdEscape(r.Audience) + ")"
		}
		b.WriteString(line + "\n")
	}
	if len(p.Recommendations) > 0 {
		b.WriteString("\n")
	}
	fmt.Fprintf(&b, "## %s\n\n", wordHistory.In(lang))
	fmt.Fprintf(&b, "| %s | %s | %s | %s | %s | %s |\n|---|---|---|---|---|---|\n", wordDate.In(lang), wordQuestion.In(lang),
		wordLevel.In(lang), wordOrigin.In(lang), wordAuthor.In(lang), wordReviewer.In(lang))
	for _, a := range p.History {
		at := a.ApprovedAt
		if at.IsZero() {
			at = a.CreatedAt
		}
		fmt.Fprintf(&b, "| %s | %s | %s | %s | %s | %s |\n", at.UTC().Format("2006-01-02"), a.Question,
			levelWord(a.Final, lang), cell(a.Origin), cell(a.Author), cell(a.Reviewer))
	}
	if len(p.Trend) > 0 {
		fmt.Fprintf(&b, "\n## %s\n\n| %s | %s | Q1 | Q2 |\n|---|---|---|---|\n", wordTrend.In(lang), capital(wordPublication.In(lang)), wordDate.In(lang))
		for _, pt := range p.Trend {
			fmt.Fprintf(&b, "| %d | %s | %s | %s |\n", pt.Publication, pt.Date.UTC().Format("2006-01-02"),
				levelWord(pt.Q1, lang), levelWord(pt.Q2, lang))
		}
	}
	_, err := w.Write(b.Bytes())
	return err
}

// mdEscape keeps text from being read as Markdown or HTML.
func mdEscape(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	var b strings.Builder
	for _, r := range s {
		if strings.ContainsRune("\\`*_[]<>|#", r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}

func capital(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

func cell(s string) string {
	if s == "" {
		return "—"
	}
	return mdEscape(s)
}
