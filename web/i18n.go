package web

import (
	"fmt"
	"html/template"
	"strings"
	"time"

	"github.com/zicht-project/zicht"
)

// messages holds every string of the interface in both languages.
var messages = map[string]zicht.Text{
	"app.tagline":             {NL: "Zicht op kwetsbaarheid van groepen kinderen voor mensenhandel", EN: "Insight into the vulnerability of groups of children to human trafficking"},
	"nav.overview":            {NL: "Overzicht", EN: "Overview"},
	"nav.lexicon":             {NL: "Lexicon", EN: "Lexicon"},
	"lexicon.intro":           {NL: "De termen, triggers en niveauwoorden waarmee zicht signalen vindt. Beheerders kunnen een bestand bewerken; het wordt eerst gecontroleerd en dan in de datamap bewaard, naast het ingebouwde bestand. Zie docs/lexicon.md voor de opmaak.", EN: "The terms, triggers and level words zicht finds signals with. Admins can edit a file; it is checked first and then kept in the data directory, beside the built-in file. See docs/lexicon.md for the format."},
	"lexicon.edited":          {NL: "bewerkt", EN: "edited"},
	"lexicon.saved":           {NL: "Opgeslagen en gecontroleerd.", EN: "Saved and checked."},
	"lexicon.text":            {NL: "Inhoud", EN: "Contents"},
	"lexicon.save":            {NL: "Controleren en opslaan", EN: "Check and save"},
	"lexicon.after":           {NL: "Geldt voor documenten die na een herstart van zicht binnenkomen.", EN: "Applies to documents that come in after zicht restarts."},
	"nav.users":               {NL: "Gebruikers", EN: "Users"},
	"nav.audit":               {NL: "Audittrail", EN: "Audit trail"},
	"users.role":              {NL: "Rol", EN: "Role"},
	"users.add":               {NL: "Gebruiker toevoegen of wijzigen", EN: "Add or change a user"},
	"users.save":              {NL: "Opslaan", EN: "Save"},
	"users.saved":             {NL: "Opgeslagen:", EN: "Saved:"},
	"users.pwhelp":            {NL: "minstens 12 tekens; leeg laten om alleen de rol te wijzigen", EN: "at least 12 characters; leave empty to change only the role"},
	"audit.intro":             {NL: "Elke wijziging met wie, wanneer en wat, nieuwste eerst.", EN: "Every change with who, when and what, newest first."},
	"audit.actor":             {NL: "Wie", EN: "Who"},
	"audit.action":            {NL: "Actie", EN: "Action"},
	"audit.object":            {NL: "Object", EN: "Object"},
	"group.decide":            {NL: "Oordelen die wachten op goedkeuring", EN: "Assessments awaiting approval"},
	"group.rationale":         {NL: "Motivering", EN: "Rationale"},
	"group.approve":           {NL: "Goedkeuren", EN: "Approve"},
	"group.no_drafts":         {NL: "Geen oordelen wachten op goedkeuring.", EN: "No assessments await approval."},
	"group.set":               {NL: "Niveau vaststellen", EN: "Set level"},
	"group.four_eyes":         {NL: "Een motivering is nodig als het niveau afwijkt van het voorstel. Een ander dan de auteur keurt goed.", EN: "A rationale is needed when the level differs from the suggestion. Someone other than the author approves."},
	"nav.upload":              {NL: "Uploaden", EN: "Upload"},
	"upload.intro":            {NL: "Voeg documenten toe: PDF, HTML of tekst. Ze gaan door dezelfde verwerking als zicht ingest; een document dat er al is, wordt herkend.", EN: "Add documents: PDF, HTML or text. They go through the same pipeline as zicht ingest; a document that is already stored is recognised."},
	"upload.max":              {NL: "hoogstens", EN: "at most"},
	"upload.files":            {NL: "Bestanden", EN: "Files"},
	"upload.button":           {NL: "Uploaden", EN: "Upload"},
	"upload.results":          {NL: "Resultaat", EN: "Result"},
	"upload.file":             {NL: "Bestand", EN: "File"},
	"upload.outcome":          {NL: "Uitkomst", EN: "Outcome"},
	"upload.added":            {NL: "toegevoegd", EN: "added"},
	"upload.duplicate":        {NL: "al aanwezig", EN: "already stored"},
	"upload.failed":           {NL: "mislukt", EN: "failed"},
	"nav.review":              {NL: "Beoordelen", EN: "Review"},
	"nav.publications":        {NL: "Publicaties", EN: "Publications"},
	"review.pending":          {NL: "signalen wachten op beoordeling", EN: "signals await review"},
	"review.learned":          {NL: "volgorde geleerd uit eerdere beslissingen", EN: "order learned from earlier decisions"},
	"review.byscore":          {NL: "volgorde naar de score van de detector (het model leert na 2 acceptaties en 2 afwijzingen)", EN: "ordered by the detector's score (the model learns after 2 accepts and 2 rejects)"},
	"review.priority":         {NL: "prioriteit", EN: "priority"},
	"review.correct":          {NL: "Corrigeren voor het accepteren", EN: "Correct before accepting"},
	"review.accept":           {NL: "Accepteren als bewijs", EN: "Accept as evidence"},
	"review.reject":           {NL: "Afwijzen", EN: "Reject"},
	"review.reason":           {NL: "Reden", EN: "Reason"},
	"review.undo":             {NL: "Laatste beslissing terugdraaien", EN: "Undo last decision"},
	"review.keys":             {NL: "Sneltoetsen: a accepteren, r afwijzen met de gekozen reden, u terugdraaien.", EN: "Keys: a accept, r reject with the chosen reason, u undo."},
	"review.empty":            {NL: "Er wachten geen signalen.", EN: "No signals are waiting."},
	"review.accepted":         {NL: "Geaccepteerd: signaal", EN: "Accepted: signal"},
	"review.rejected":         {NL: "Afgewezen: signaal", EN: "Rejected: signal"},
	"review.undone":           {NL: "Teruggedraaid: signaal", EN: "Undone: signal"},
	"reason.not_about_group":  {NL: "gaat niet over deze groep", EN: "not about this group"},
	"reason.wrong_question":   {NL: "niet over kwetsbaarheid of gerichtheid", EN: "neither vulnerability nor targeting"},
	"reason.not_relevant":     {NL: "niet over kinderen en mensenhandel", EN: "not about children and trafficking"},
	"reason.duplicate":        {NL: "dubbel", EN: "duplicate"},
	"reason.extraction_error": {NL: "tekst onleesbaar of afgebroken", EN: "text garbled or cut"},
	"reason.other":            {NL: "andere reden", EN: "other"},
	"pub.intro":               {NL: "Een publicatie bevriest de goedgekeurde oordelen op een moment. Elke publicatie en de huidige stand zijn te downloaden als infographic (SVG, HTML, PDF) en als data.", EN: "A publication freezes the approved assessments at one moment. Every publication and the current state can be downloaded as an infographic (SVG, HTML, PDF) and as data."},
	"pub.by":                  {NL: "Door", EN: "By"},
	"pub.files":               {NL: "Bestanden", EN: "Files"},
	"pub.current":             {NL: "Huidige stand (laatst goedgekeurd)", EN: "Current state (latest approved)"},
	"pub.new":                 {NL: "Nieuwe publicatie", EN: "New publication"},
	"pub.create":              {NL: "Publiceren", EN: "Publish"},
	"pub.who":                 {NL: "Alleen reviewers en beheerders mogen publiceren.", EN: "Only reviewers and admins may publish."},
	"nav.login":               {NL: "Inloggen", EN: "Log in"},
	"nav.logout":              {NL: "Uitloggen", EN: "Log out"},
	"login.title":             {NL: "Inloggen", EN: "Log in"},
	"login.name":              {NL: "Gebruikersnaam", EN: "User name"},
	"login.password":          {NL: "Wachtwoord", EN: "Password"},
	"login.button":            {NL: "Inloggen", EN: "Log in"},
	"login.failed":            {NL: "Naam of wachtwoord klopt niet.", EN: "Name or password is wrong."},
	"login.wait":              {NL: "Te veel mislukte pogingen; probeer het opnieuw over", EN: "Too many failed attempts; try again in"},
	"group.login_for_signals": {NL: "De passages uit documenten zijn alleen zichtbaar na inloggen.", EN: "Passages from documents are shown only after logging in."},
	"nav.documents":           {NL: "Documenten", EN: "Documents"},
	"nav.search":              {NL: "Zoeken", EN: "Search"},
	"search.label":            {NL: "Zoek in alle tekst", EN: "Search all text"},
	"search.button":           {NL: "Zoeken", EN: "Search"},
	"search.help":             {NL: "Alle woorden moeten voorkomen; hoofdletters en accenten tellen niet; kind* zoekt op het begin van een woord.", EN: "All words must occur; case and accents are ignored; kind* matches the start of a word."},
	"search.hits":             {NL: "passages gevonden", EN: "passages found"},
	"doc.kind":                {NL: "Soort", EN: "Kind"},
	"doc.lang":                {NL: "Taal", EN: "Language"},
	"doc.all":                 {NL: "alle", EN: "all"},
	"doc.filter":              {NL: "Filteren", EN: "Filter"},
	"doc.title":               {NL: "Titel", EN: "Title"},
	"doc.format":              {NL: "Formaat", EN: "Format"},
	"doc.date":                {NL: "Datum", EN: "Date"},
	"doc.repairs":             {NL: "herstellingen in de tekst", EN: "repairs to the text"},
	"doc.before":              {NL: "voor", EN: "before"},
	"doc.after":               {NL: "na", EN: "after"},
	"overview.title":          {NL: "Overzicht van groepen", EN: "Overview of groups"},
	"overview.intro":          {NL: "Per groep twee vragen: Q1 — zijn er aanwijzingen dat de groep kwetsbaar is voor mensenhandelaren? Q2 — zijn er aanwijzingen dat mensenhandelaren zich specifiek op de groep richten? Het vastgestelde niveau is het laatst goedgekeurde oordeel; het voorstel is door zicht berekend uit signalen en bewijs en nog door niemand beoordeeld.", EN: "Two questions per group: Q1 — are there indications that the group is vulnerable to traffickers? Q2 — are there indications that traffickers specifically target the group? The set level is the latest approved assessment; the suggestion is computed by zicht from signals and evidence and has not been reviewed by anyone."},
	"overview.docs":           {NL: "documenten", EN: "documents"},
	"overview.other":          {NL: "signalen over kinderen die in geen groep passen (mogelijk nieuwe groepen)", EN: "signals about children who fit no group (possible new groups)"},
	"col.group":               {NL: "Groep", EN: "Group"},
	"col.q1":                  {NL: "Q1 kwetsbaarheid", EN: "Q1 vulnerability"},
	"col.q2":                  {NL: "Q2 gerichtheid", EN: "Q2 targeting"},
	"col.suggestion":          {NL: "voorstel", EN: "suggestion"},
	"col.confidence":          {NL: "Vertrouwen", EN: "Confidence"},
	"col.signals":             {NL: "Signalen", EN: "Signals"},
	"col.evidence":            {NL: "Bewijs", EN: "Evidence"},
	"col.changed":             {NL: "Laatste wijziging", EN: "Last change"},
	"level.study":             {NL: "onderzoek 2017", EN: "2017 study"},
	"count.signals":           {NL: "signalen", EN: "signals"},
	"count.evidence":          {NL: "bewijsitems", EN: "evidence items"},
	"level.set":               {NL: "vastgesteld", EN: "set"},
	"level.none_named":        {NL: "geen niveau genoemd", EN: "no level named"},
	"legend.title":            {NL: "Schaal", EN: "Scale"},
	"group.history":           {NL: "Geschiedenis (goedgekeurde oordelen)", EN: "History (approved assessments)"},
	"group.suggestion":        {NL: "Berekend voorstel en uitleg", EN: "Computed suggestion and explanation"},
	"group.signals":           {NL: "Signalen (hoogste score eerst)", EN: "Signals (highest score first)"},
	"group.recs":              {NL: "Aanbevolen vervolgstappen", EN: "Recommended follow-up steps"},
	"group.none":              {NL: "Nog niets.", EN: "Nothing yet."},
	"group.items":             {NL: "Items achter het voorstel", EN: "Items behind the suggestion"},
	"group.weight":            {NL: "gewicht", EN: "weight"},
	"group.by":                {NL: "door", EN: "by"},
	"group.approved_by":       {NL: "goedgekeurd door", EN: "approved by"},
	"signal.polarity":         {NL: "polariteit", EN: "polarity"},
	"signal.terms":            {NL: "termen", EN: "terms"},
	"signal.evidence":         {NL: "bewijstype", EN: "evidence type"},
	"signal.level":            {NL: "niveau", EN: "level"},
	"footer.fictional":        {NL: "De demo gebruikt fictieve voorbeelddocumenten. Niveaus van 2017 komen uit het verkennend onderzoek van de Nationaal Rapporteur.", EN: "The demo uses fictional sample documents. The 2017 levels come from the exploratory study of the Dutch national rapporteur."},
	"error.title":             {NL: "Er ging iets mis", EN: "Something went wrong"},
	"error.back":              {NL: "Terug naar het overzicht", EN: "Back to the overview"},
	"lang.switch":             {NL: "English", EN: "Nederlands"},
	"polarity.asserted":       {NL: "bevestigd", EN: "asserted"},
	"polarity.negated":        {NL: "ontkend", EN: "negated"},
	"polarity.hedged":         {NL: "voorzichtig", EN: "hedged"},
}

func translate(lang zicht.Lang, key string) string {
	if t, ok := messages[key]; ok {
		return t.In(lang)
	}
	return key
}

var funcs = template.FuncMap{
	"text":   func(t zicht.Text, l zicht.Lang) string { return t.In(l) },
	"level":  func(l zicht.Level, lang zicht.Lang) string { return l.Label(lang) },
	"rank":   func(l zicht.Level) int { return l.Rank() },
	"conf":   func(c zicht.Confidence, lang zicht.Lang) string { return c.Label(lang) },
	"qlabel": func(q zicht.Question, lang zicht.Lang) string { return q.Label(lang) },
	"date": func(t time.Time, lang zicht.Lang) string {
		if t.IsZero() {
			return "—"
		}
		if lang == zicht.English {
			return t.Format("2 Jan 2006")
		}
		months := []string{"jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"}
		return fmt.Sprintf("%d %s %d", t.Day(), months[t.Month()-1], t.Year())
	},
	"weight": func(w float64) string { return fmt.Sprintf("%+.2f", w) },
	"pct":    func(s float64) string { return fmt.Sprintf("%.0f%%", s*100) },
	"other": func(lang zicht.Lang) string {
		return map[zicht.Lang]string{zicht.English: "nl", zicht.Dutch: "en"}[lang]
	},
	"join":     strings.Join,
	"slice2":   func(a, b any) []any { return []any{a, b} },
	"lines":    func(s string) []string { return strings.Split(s, "\n") },
	"polarity": func(p zicht.Polarity, lang zicht.Lang) string { return translate(lang, "polarity."+string(p)) },
}
