package report

import (
	"bytes"
	"embed"
	"html/template"
	"io"

	"github.com/zicht-project/zicht"
)

//go:embed templates/overview.html
var templates embed.FS

var overviewPage = template.Must(template.ParseFS(templates, "templates/overview.html"))

var wordTextVersion = zicht.Text{NL: "Tekstversie", EN: "Text version"}

// HTML writes the overview as one self-contained HTML page: the SVG inline
// and a text version of every panel, with no reference to any other file.
func HTML(w io.Writer, d *Data, p Page) error {
	var svg bytes.Buffer
	if err := writeSVG(&svg, d, p, true); err != nil {
		return err
	}
	lang := d.Lang
	type panel struct {
		ID, Name, Q1, Q1Summary, Q2, Q2Summary, Step, Confidence string
	}
	v := struct {
		Lang, Title, Source, Date, SourceLabel, DateLabel, TextVersion string
		Q1Label, Q2Label, StepLabel, ConfidenceLabel, LegendLabel      string
		SVG                                                            template.HTML
		Panels                                                         []panel
		Legend                                                         []string
	}{
		Lang: string(lang), Title: d.Title.In(lang), Source: d.sourceWord(lang), Date: d.dateWord(),
		SourceLabel: wordSource.In(lang), DateLabel: wordDate.In(lang), TextVersion: wordTextVersion.In(lang),
		Q1Label: "Q1 " + wordQ1.In(lang), Q2Label: "Q2 " + wordQ2.In(lang), StepLabel: wordStep.In(lang),
		ConfidenceLabel: wordConfidence.In(lang), LegendLabel: wordLegend.In(lang),
		// The SVG is generated here, with every piece of text escaped by writeSVG.
		SVG:    template.HTML(svg.String()),
		Legend: []string{wordLegendQ1.In(lang), wordLegendQ2.In(lang), wordLegendConfidence.In(lang)},
	}
	for i := range d.Panels {
		pn := &d.Panels[i]
		step := pn.step(lang)
		if step == "" {
			step = wordNoStep.In(lang)
		}
		v.Panels = append(v.Panels, panel{ID: idSafe(string(pn.Group.ID)), Name: pn.Group.Name.In(lang),
			Q1: levelWord(pn.Q1.Level, lang), Q1Summary: summary(pn.Q1.Summary, lang),
			Q2: levelWord(pn.Q2.Level, lang), Q2Summary: summary(pn.Q2.Summary, lang),
			Step: step, Confidence: confidenceWord(pn.Confidence, lang)})
	}
	var b bytes.Buffer
	if err := overviewPage.Execute(&b, v); err != nil {
		return err
	}
	_, err := w.Write(b.Bytes())
	return err
}
