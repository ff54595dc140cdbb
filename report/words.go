package report

import "github.com/zicht-project/zicht"

// The fixed wording of the overview, in Dutch and English.
var (
	wordQ1          = zicht.Text{NL: "Kwetsbaarheid", EN: "Vulnerability"}
	wordQ2          = zicht.Text{NL: "Gerichtheid", EN: "Targeting"}
	wordNoLevel     = zicht.Text{NL: "geen niveau genoemd", EN: "no level named"}
	wordStep        = zicht.Text{NL: "Aanbevolen stap", EN: "Recommended step"}
	wordSteps       = zicht.Text{NL: "Aanbevolen stappen", EN: "Recommended steps"}
	wordNoStep      = zicht.Text{NL: "geen stap genoemd", EN: "no step named"}
	wordConfidence  = zicht.Text{NL: "Betrouwbaarheid", EN: "Confidence"}
	wordNotComputed = zicht.Text{NL: "niet berekend", EN: "not computed"}
	wordSource      = zicht.Text{NL: "Bron", EN: "Source"}
	wordDate        = zicht.Text{NL: "Datum", EN: "Date"}
	wordCurrent     = zicht.Text{NL: "actuele stand", EN: "current state"}
	wordPublication = zicht.Text{NL: "publicatie", EN: "publication"}
	wordLegend      = zicht.Text{NL: "Legenda", EN: "Legend"}
	wordScale       = zicht.Text{NL: "Schaal", EN: "Scale"}
	wordHistory     = zicht.Text{NL: "Geschiedenis van goedgekeurde beoordelingen", EN: "History of approved assessments"}
	wordNoSummary   = zicht.Text{NL: "geen toelichting", EN: "no explanation"}
	wordLevel       = zicht.Text{NL: "Niveau", EN: "Level"}
	wordQuestion    = zicht.Text{NL: "Vraag", EN: "Question"}
	wordOrigin      = zicht.Text{NL: "Herkomst", EN: "Origin"}
	wordAuthor      = zicht.Text{NL: "Auteur", EN: "Author"}
	wordReviewer    = zicht.Text{NL: "Beoordelaar", EN: "Reviewer"}
	wordAudience    = zicht.Text{NL: "voor", EN: "for"}
	wordRationale   = zicht.Text{NL: "Onderbouwing", EN: "Rationale"}
	wordKey         = zicht.Text{NL: "Belangrijkste bewijs", EN: "Key evidence"}
	wordKeySugg     = zicht.Text{NL: "Belangrijkste bewijs achter de berekende suggestie", EN: "Key evidence behind the computed suggestion"}
	wordWeight      = zicht.Text{NL: "gewicht", EN: "weight"}
	wordTrend       = zicht.Text{NL: "Niveaus over de publicaties", EN: "Levels over the publications"}
	wordLegendQ1    = zicht.Text{
		NL: "Q1 Kwetsbaarheid: in hoeverre zijn er aanwijzingen dat de groep kwetsbaar is voor mensenhandelaren? De meter toont het niveau over vijf stappen; het niveau staat er altijd in woorden naast.",
		EN: "Q1 Vulnerability: to what extent are there indications that the group is vulnerable to traffickers? The gauge shows the level over five steps; the level is always written next to it.",
	}
	wordLegendQ2 = zicht.Text{
		NL: "Q2 Gerichtheid: in hoeverre zijn er aanwijzingen dat mensenhandelaren zich specifiek op de groep richten (veroordelingen, vervolgingen, wervingsmethoden, signalen van professionals)?",
		EN: "Q2 Targeting: to what extent are there indications that traffickers specifically target the group (convictions, prosecutions, recruitment methods, signals from professionals)?",
	}
	wordLegendConfidence = zicht.Text{
		NL: "Betrouwbaarheid (naar GRADE: hoog, redelijk, laag, zeer laag): hoeveel vertrouwen de berekende suggestie verdient. \"Geen niveau genoemd\" betekent dat er geen beoordeling is, niet dat er geen kwetsbaarheid is.",
		EN: "Confidence (GRADE-style: high, moderate, low, very low): how much trust the computed suggestion deserves. \"No level named\" means there is no assessment, not that there is no vulnerability.",
	}
)

// levelWord is the level in words, with "no level named" for unknown.
func levelWord(l zicht.Level, lang zicht.Lang) string {
	if l == zicht.LevelUnknown || l.Rank() < 0 {
		return wordNoLevel.In(lang)
	}
	return l.Label(lang)
}

// confidenceWord is the grade in words, with "not computed" when empty.
func confidenceWord(c zicht.Confidence, lang zicht.Lang) string {
	if c == "" {
		return wordNotComputed.In(lang)
	}
	return c.Label(lang)
}

// sourceWord is "publication N" or "current state" in lang.
func (d *Data) sourceWord(lang zicht.Lang) string {
	if d.Publication == 0 {
		return wordCurrent.In(lang)
	}
	return wordPublication.In(lang) + " " + itoa(d.Publication)
}

// dateWord is the report's date as YYYY-MM-DD, or "—".
func (d *Data) dateWord() string {
	if d.Date.IsZero() {
		return "—"
	}
	return d.Date.UTC().Format("2006-01-02")
}

// step is the panel's recommended step(s) in lang, joined.
func (p *Panel) step(lang zicht.Lang) string {
	s := ""
	for _, r := range p.Recommendations {
		t := r.Text.In(lang)
		if t == "" {
			continue
		}
		if s != "" {
			s += " "
		}
		s += t
	}
	return s
}
