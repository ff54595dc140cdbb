// Package zicht holds the domain of zicht: the groups of children whose
// vulnerability to human trafficking is assessed, the documents and passages
// that evidence is found in, the signals detected automatically, the evidence
// analysts accept, and the assessments and publications built on it.
//
// The package imports no other zicht package and knows nothing of storage or
// HTTP; subpackages implement or consume its types and the Store interface.
package zicht

import (
	"slices"
	"strings"
	"time"
	"unicode"
)

// Lang is a language code: "nl" or "en".
type Lang string

// The languages zicht reads and speaks.
const (
	Dutch   Lang = "nl"
	English Lang = "en"
)

// ParseLang returns the Lang for s, or a CodeInvalid error.
func ParseLang(s string) (Lang, error) {
	switch Lang(strings.ToLower(strings.TrimSpace(s))) {
	case Dutch:
		return Dutch, nil
	case English:
		return English, nil
	}
	return "", Errorf(CodeInvalid, "unknown language %q (want nl or en)", s)
}

// Text is a piece of text in Dutch and English.
type Text struct {
	NL string `json:"nl"`
	EN string `json:"en"`
}

// In returns the text in lang, falling back to the other language when the
// requested one is empty.
func (t Text) In(lang Lang) string {
	if lang == English && t.EN != "" || t.NL == "" {
		return t.EN
	}
	return t.NL
}

// Level is the ordinal scale shared by both questions of the method.
// The zero value is "unknown": the absence of an assessment, not a level.
type Level string

// The levels, weakest first.
const (
	LevelUnknown  Level = ""
	LevelNone     Level = "none"
	LevelSlight   Level = "slight"
	LevelModerate Level = "moderate"
	LevelFair     Level = "fair"
	LevelElevated Level = "elevated"
	LevelHigh     Level = "high"
)

// Levels lists the scale in order, weakest first.
var Levels = []Level{LevelNone, LevelSlight, LevelModerate, LevelFair, LevelElevated, LevelHigh}

var levelLabels = map[Level]Text{
	LevelUnknown:  {NL: "onbekend", EN: "unknown"},
	LevelNone:     {NL: "geen", EN: "none"},
	LevelSlight:   {NL: "licht", EN: "slight"},
	LevelModerate: {NL: "matig", EN: "moderate"},
	LevelFair:     {NL: "redelijk", EN: "fair"},
	LevelElevated: {NL: "verhoogd", EN: "elevated"},
	LevelHigh:     {NL: "hoog", EN: "high"},
}

// ParseLevel returns the level with slug s; the empty string and "unknown"
// give LevelUnknown. Any other string is a CodeInvalid error.
func ParseLevel(s string) (Level, error) {
	s = strings.ToLower(strings.TrimSpace(s))
	if s == "" || s == "unknown" {
		return LevelUnknown, nil
	}
	l := Level(s)
	if l.Rank() < 0 {
		return "", Errorf(CodeInvalid, "unknown level %q (want one of none, slight, moderate, fair, elevated, high)", s)
	}
	return l, nil
}

// Rank orders levels: 0 for none up to 5 for high, -1 for unknown or invalid.
func (l Level) Rank() int {
	for i, v := range Levels {
		if v == l {
			return i
		}
	}
	return -1
}

// LevelAt returns the level of rank r, clamped to the scale.
func LevelAt(r int) Level {
	return Levels[max(0, min(r, len(Levels)-1))]
}

// Label is the level's name in lang.
func (l Level) Label(lang Lang) string {
	if t, ok := levelLabels[l]; ok {
		return t.In(lang)
	}
	return string(l)
}

// Question is one of the method's two questions.
type Question string

// The two questions asked for every group.
const (
	// Q1: are there indications that the group is vulnerable to traffickers?
	Q1 Question = "Q1"
	// Q2: are there indications that traffickers specifically target the group?
	Q2 Question = "Q2"
)

// Questions lists both questions in order.
var Questions = []Question{Q1, Q2}

// ParseQuestion returns the question named s (case-insensitive), or a CodeInvalid error.
func ParseQuestion(s string) (Question, error) {
	switch q := Question(strings.ToUpper(strings.TrimSpace(s))); q {
	case Q1, Q2:
		return q, nil
	}
	return "", Errorf(CodeInvalid, "unknown question %q (want Q1 or Q2)", s)
}

// Label is the question as an analyst would ask it, in lang.
func (q Question) Label(lang Lang) string {
	switch q {
	case Q1:
		return Text{NL: "Kwetsbaarheid: zijn er aanwijzingen dat de groep kwetsbaar is voor mensenhandelaren?",
			EN: "Vulnerability: are there indications that the group is vulnerable to traffickers?"}.In(lang)
	case Q2:
		return Text{NL: "Gerichtheid: zijn er aanwijzingen dat mensenhandelaren zich specifiek op de groep richten?",
			EN: "Targeting: are there indications that traffickers specifically target the group?"}.In(lang)
	}
	return string(q)
}

// Polarity says whether a passage asserts, denies or hedges what it says.
// A denial ("there is no evidence that ...") is a finding, not a miss.
type Polarity string

// The polarities of a signal or evidence item.
const (
	Asserted Polarity = "asserted"
	Negated  Polarity = "negated"
	Hedged   Polarity = "hedged"
)

// ParsePolarity returns the polarity named s, or a CodeInvalid error.
func ParsePolarity(s string) (Polarity, error) {
	switch p := Polarity(strings.ToLower(strings.TrimSpace(s))); p {
	case Asserted, Negated, Hedged:
		return p, nil
	}
	return "", Errorf(CodeInvalid, "unknown polarity %q (want asserted, negated or hedged)", s)
}

// EvidenceType is the kind of evidence a passage reports.
type EvidenceType string

// Evidence types, strongest first. Acquittal is evidence against targeting;
// policy is context, not proof; EvidenceNone means the passage reports none.
const (
	Conviction         EvidenceType = "conviction"
	Prosecution        EvidenceType = "prosecution"
	Research           EvidenceType = "research"
	OfficialReport     EvidenceType = "official_report"
	ProfessionalSignal EvidenceType = "professional_signal"
	MediaReport        EvidenceType = "media_report"
	Policy             EvidenceType = "policy"
	Acquittal          EvidenceType = "acquittal"
	EvidenceNone       EvidenceType = "none"
)

// EvidenceTypes lists the types strongest first, then acquittal and none.
var EvidenceTypes = []EvidenceType{Conviction, Prosecution, Research, OfficialReport,
	ProfessionalSignal, MediaReport, Policy, Acquittal, EvidenceNone}

// ParseEvidenceType returns the type named s ("" gives EvidenceNone), or a CodeInvalid error.
func ParseEvidenceType(s string) (EvidenceType, error) {
	s = strings.ToLower(strings.TrimSpace(s))
	if s == "" {
		return EvidenceNone, nil
	}
	for _, t := range EvidenceTypes {
		if string(t) == s {
			return t, nil
		}
	}
	return "", Errorf(CodeInvalid, "unknown evidence type %q", s)
}

// Strength orders the evidence types: higher is stronger; policy and none are 0,
// acquittal ranks with prosecution because it is as strong, in the other direction.
func (t EvidenceType) Strength() int {
	switch t {
	case Conviction:
		return 6
	case Prosecution, Acquittal:
		return 5
	case Research:
		return 4
	case OfficialReport:
		return 3
	case ProfessionalSignal:
		return 2
	case MediaReport:
		return 1
	}
	return 0
}

// Confidence is a GRADE-style grade of how much trust a suggested level deserves.
type Confidence string

// The confidence grades, strongest first.
const (
	ConfidenceHigh     Confidence = "high"
	ConfidenceModerate Confidence = "moderate"
	ConfidenceLow      Confidence = "low"
	ConfidenceVeryLow  Confidence = "very_low"
)

// Label is the grade's name in lang.
func (c Confidence) Label(lang Lang) string {
	t, ok := map[Confidence]Text{
		ConfidenceHigh:     {NL: "hoog", EN: "high"},
		ConfidenceModerate: {NL: "redelijk", EN: "moderate"},
		ConfidenceLow:      {NL: "laag", EN: "low"},
		ConfidenceVeryLow:  {NL: "zeer laag", EN: "very low"},
	}[c]
	if !ok {
		return "—"
	}
	return t.In(lang)
}

// GroupID is a group's stable slug, such as "roma".
type GroupID string

// GroupOther is the pseudo-group of signals about children at risk that fit
// no known group, so that emerging groups surface.
const GroupOther GroupID = "other"

// GroupStatus says whether a group is watched.
type GroupStatus string

// Group statuses.
const (
	GroupActive   GroupStatus = "active"
	GroupWatch    GroupStatus = "watch"
	GroupProposed GroupStatus = "proposed"
	GroupRetired  GroupStatus = "retired"
)

// Term is a lexicon pattern in one language, such as "roma-kind*".
type Term struct {
	Lang    Lang   `json:"lang"`
	Pattern string `json:"pattern"`
}

// Group is a group of children whose vulnerability is assessed.
type Group struct {
	ID          GroupID     `json:"id"`
	Name        Text        `json:"name"`
	Description Text        `json:"description"`
	Status      GroupStatus `json:"status"`
	// Terms are analyst-added lexicon terms, used besides the lexicon files.
	Terms []Term `json:"terms,omitempty"`
	// Order is the position in the baseline overview; new groups sort after.
	Order int `json:"order"`
}

// RiskFactor is a circumstance that makes children more vulnerable, such as isolation.
type RiskFactor struct {
	ID    string `json:"id"`
	Name  Text   `json:"name"`
	Terms []Term `json:"terms,omitempty"`
}

// DocumentID is a document's canonical id: the hex SHA-256 of its original bytes.
type DocumentID string

// DocumentKind classifies a document.
type DocumentKind string

// Document kinds.
const (
	KindCourtRuling DocumentKind = "court_ruling"
	KindNews        DocumentKind = "news"
	KindResearch    DocumentKind = "research"
	KindParliament  DocumentKind = "parliament"
	KindNGO         DocumentKind = "ngo"
	KindOther       DocumentKind = "other"
)

// Repair is one change the extractor made to the raw text, recorded so that
// nothing is changed silently. Offset is a byte offset into the repaired text.
type Repair struct {
	Offset int    `json:"offset"`
	Before string `json:"before"`
	After  string `json:"after"`
	Kind   string `json:"kind"`
}

// Document is an ingested original and its extracted text.
type Document struct {
	ID        DocumentID        `json:"id"`
	Canonical string            `json:"canonical,omitempty"` // ECLI or URL when known
	Source    string            `json:"source,omitempty"`    // where it came from: a path or URL
	Kind      DocumentKind      `json:"kind"`
	Format    string            `json:"format"` // text, html, pdf, ...
	Lang      Lang              `json:"lang"`
	Title     string            `json:"title"`
	Date      time.Time         `json:"date,omitzero"` // publication date when known
	Size      int64             `json:"size"`          // bytes of the original
	Text      string            `json:"text,omitempty"`
	Repairs   []Repair          `json:"repairs,omitempty"`
	Meta      map[string]string `json:"meta,omitempty"`
	AddedAt   time.Time         `json:"added_at"`
}

// Passage is a sentence or short paragraph of a document: a byte span of its text.
type Passage struct {
	ID      int64      `json:"id"`
	Doc     DocumentID `json:"doc"`
	Start   int        `json:"start"`
	End     int        `json:"end"`
	Text    string     `json:"text"`
	Section string     `json:"section,omitempty"` // heading the passage falls under
}

// SignalID identifies a stored signal.
type SignalID int64

// SignalStatus is where a signal is in review.
type SignalStatus string

// Review states of a signal.
const (
	SignalPending  SignalStatus = "pending"
	SignalAccepted SignalStatus = "accepted"
	SignalRejected SignalStatus = "rejected"
)

// Signal is found automatically: a passage that speaks to a question about a
// group, with its polarity, worded level, evidence type and the terms that
// produced it, so an analyst can see why.
type Signal struct {
	ID           SignalID     `json:"id,omitempty"`
	Doc          DocumentID   `json:"doc"`
	Start        int          `json:"start"`
	End          int          `json:"end"`
	Text         string       `json:"text"`
	Group        GroupID      `json:"group"`
	Population   string       `json:"population,omitempty"` // for GroupOther: the phrase naming the population
	Question     Question     `json:"question"`
	Polarity     Polarity     `json:"polarity"`
	Level        Level        `json:"level"` // LevelUnknown when the passage words none
	EvidenceType EvidenceType `json:"evidence_type"`
	RiskFactors  []string     `json:"risk_factors"`
	Terms        []string     `json:"terms"`
	Triggers     []string     `json:"triggers,omitempty"` // negation/hedge triggers that set the polarity
	Score        float64      `json:"score"`
	Detector     string       `json:"detector"` // detector version
	Status       SignalStatus `json:"status,omitempty"`
}

// EvidenceID identifies an evidence item.
type EvidenceID int64

// Evidence is a signal accepted (and possibly corrected) by an analyst, or an
// item entered by hand with a citation.
type Evidence struct {
	ID       EvidenceID   `json:"id,omitempty"`
	Signal   SignalID     `json:"signal,omitempty"` // zero when entered by hand
	Doc      DocumentID   `json:"doc,omitempty"`
	Group    GroupID      `json:"group"`
	Question Question     `json:"question"`
	Polarity Polarity     `json:"polarity"`
	Level    Level        `json:"level"`
	Type     EvidenceType `json:"type"`
	Text     string       `json:"text"`
	Citation string       `json:"citation,omitempty"`
	// CaseKey groups items reporting the same case (an ECLI, a case number),
	// so one case is not counted as many.
	CaseKey string    `json:"case_key,omitempty"`
	Date    time.Time `json:"date,omitzero"` // when the evidence dates from
	AddedBy string    `json:"added_by"`
	AddedAt time.Time `json:"added_at"`
}

// AssessmentID identifies an assessment.
type AssessmentID int64

// AssessmentStatus is draft until a reviewer approves.
type AssessmentStatus string

// Assessment statuses.
const (
	Draft    AssessmentStatus = "draft"
	Approved AssessmentStatus = "approved"
)

// Origins of an assessment.
const (
	// OriginStudy2017 marks the baseline assessments of the 2017 study.
	OriginStudy2017 = "study-2017"
	// OriginComputed marks a suggestion computed by the assessment method.
	OriginComputed = "computed"
	// OriginAnalyst marks an assessment set by an analyst.
	OriginAnalyst = "analyst"
)

// Item is one contribution to a suggested level: which evidence or signal,
// and with what weight, so the suggestion can be explained.
type Item struct {
	Evidence EvidenceID   `json:"evidence,omitempty"`
	Signal   SignalID     `json:"signal,omitempty"`
	Doc      DocumentID   `json:"doc,omitempty"`
	Type     EvidenceType `json:"type"`
	Polarity Polarity     `json:"polarity"`
	Level    Level        `json:"level"`
	Weight   float64      `json:"weight"`
	Note     string       `json:"note"`
}

// Assessment is the verdict for one group and one question.
// Approved assessments are never updated: a revision is a new Assessment
// that names the one it supersedes, so publications can freeze history.
type Assessment struct {
	ID         AssessmentID     `json:"id,omitempty"`
	Group      GroupID          `json:"group"`
	Question   Question         `json:"question"`
	Suggested  Level            `json:"suggested"`
	Final      Level            `json:"final"`
	Confidence Confidence       `json:"confidence,omitempty"`
	Summary    Text             `json:"summary"`
	Rationale  string           `json:"rationale,omitempty"` // required when Final differs from Suggested
	Items      []Item           `json:"items,omitempty"`
	Method     string           `json:"method"` // method version, or OriginStudy2017
	Origin     string           `json:"origin"`
	Author     string           `json:"author"`
	Reviewer   string           `json:"reviewer,omitempty"`
	Status     AssessmentStatus `json:"status"`
	Supersedes AssessmentID     `json:"supersedes,omitempty"`
	CreatedAt  time.Time        `json:"created_at"`
	ApprovedAt time.Time        `json:"approved_at,omitzero"`
}

// Recommendation is a follow-up step for a group.
type Recommendation struct {
	ID       int64   `json:"id,omitempty"`
	Group    GroupID `json:"group"`
	Text     Text    `json:"text"`
	Audience string  `json:"audience,omitempty"`
	Status   string  `json:"status"` // open, in_progress, done, dropped
	Origin   string  `json:"origin,omitempty"`
}

// Publication is a frozen snapshot of approved assessments.
type Publication struct {
	ID          int64          `json:"id,omitempty"`
	Title       string         `json:"title"`
	Date        time.Time      `json:"date"`
	Assessments []AssessmentID `json:"assessments"`
	CreatedBy   string         `json:"created_by"`
}

// Role is what a user may do.
type Role string

// Roles, most powerful first.
const (
	RoleAdmin    Role = "admin"
	RoleAnalyst  Role = "analyst"
	RoleReviewer Role = "reviewer"
	RoleViewer   Role = "viewer"
)

// Roles lists the roles, most powerful first.
var Roles = []Role{RoleAdmin, RoleAnalyst, RoleReviewer, RoleViewer}

// ParseRole returns the role named s, or a CodeInvalid error.
func ParseRole(s string) (Role, error) {
	r := Role(strings.ToLower(strings.TrimSpace(s)))
	if slices.Contains(Roles, r) {
		return r, nil
	}
	return "", Errorf(CodeInvalid, "unknown role %q (want admin, analyst, reviewer or viewer)", s)
}

// Can reports whether the role may do what needs at least need: admins may
// do everything; reviewers review and approve; analysts review and assess;
// viewers read.
func (r Role) Can(need Role) bool {
	switch need {
	case RoleViewer:
		return slices.Contains(Roles, r)
	case RoleAnalyst:
		return r == RoleAdmin || r == RoleAnalyst || r == RoleReviewer
	case RoleReviewer:
		return r == RoleAdmin || r == RoleReviewer
	case RoleAdmin:
		return r == RoleAdmin
	}
	return false
}

// User is a person who works with zicht.
type User struct {
	Name      string    `json:"name"`
	Role      Role      `json:"role"`
	CreatedAt time.Time `json:"created_at,omitzero"`
}

// Token kinds.
const (
	TokenSession = "session" // a browser session
	TokenAPI     = "api"     // a personal API token
)

// Token is a login session or a personal API token. Only the SHA-256 of the
// secret is stored, so a copy of the database gives no way in.
type Token struct {
	Hash      string    `json:"-"` // hex SHA-256 of the secret
	User      string    `json:"user"`
	Kind      string    `json:"kind"`
	Name      string    `json:"name,omitempty"` // for API tokens: what it is for
	CreatedAt time.Time `json:"created_at"`
	ExpiresAt time.Time `json:"expires_at,omitzero"` // zero: never
}

// AuditEvent records who changed what, and when.
type AuditEvent struct {
	ID     int64     `json:"id,omitempty"`
	At     time.Time `json:"at"`
	Actor  string    `json:"actor"`
	Action string    `json:"action"` // e.g. "document.add", "baseline.load"
	Object string    `json:"object"`
	Detail string    `json:"detail,omitempty"`
}

// Short is the id cut to twelve characters, enough to tell documents apart on screen.
func (id DocumentID) Short() string {
	if len(id) > 12 {
		return string(id[:12])
	}
	return string(id)
}

// DecisionID identifies a review decision.
type DecisionID int64

// Review actions.
const (
	Accept = "accept"
	Reject = "reject"
)

// RejectReasons are the reasons an analyst can give for rejecting a signal.
var RejectReasons = []string{
	"not_about_group",  // the passage is not about this group
	"wrong_question",   // about the group, but neither vulnerability nor targeting
	"not_relevant",     // not about children at risk of trafficking at all
	"duplicate",        // the same finding is already evidence
	"extraction_error", // the text is garbled or cut
	"other",
}

// Decision is what an analyst decided about a signal: accepted (possibly
// corrected) into evidence, or rejected with a reason. Undone decisions are
// kept, marked, so the review history stays complete.
type Decision struct {
	ID       DecisionID `json:"id,omitempty"`
	Signal   SignalID   `json:"signal"`
	Action   string     `json:"action"`           // Accept or Reject
	Reason   string     `json:"reason,omitempty"` // one of RejectReasons, for Reject
	Note     string     `json:"note,omitempty"`
	Evidence EvidenceID `json:"evidence,omitempty"` // the evidence an accept created
	By       string     `json:"by"`
	At       time.Time  `json:"at"`
	Undone   bool       `json:"undone,omitempty"`
}

// Validate checks a decision before it is recorded: who made it, a known
// action, a reason from RejectReasons for a reject, and the evidence an
// accept becomes.
func (d Decision) Validate(e *Evidence) error {
	if d.By == "" {
		return Errorf(CodeInvalid, "a decision needs the name of who made it")
	}
	switch d.Action {
	case Accept:
		if e == nil {
			return Errorf(CodeInvalid, "accepting signal %d needs the evidence it becomes", d.Signal)
		}
	case Reject:
		if !slices.Contains(RejectReasons, d.Reason) {
			return Errorf(CodeInvalid, "rejecting signal %d needs a reason: one of %s", d.Signal, strings.Join(RejectReasons, ", "))
		}
	default:
		return Errorf(CodeInvalid, "unknown review action %q (want accept or reject)", d.Action)
	}
	return nil
}

// RecommendationStatuses are the states a recommendation can be in.
var RecommendationStatuses = []string{"open", "in_progress", "done", "dropped"}

// Validate checks a user's name and role.
func (u User) Validate() error {
	ok := u.Name != "" && len(u.Name) <= 64
	for _, r := range u.Name {
		if !(unicode.IsLetter(r) || unicode.IsDigit(r) || r == '.' || r == '-' || r == '_') {
			ok = false
		}
	}
	if !ok {
		return Errorf(CodeInvalid, "user name %q: use 1 to 64 letters, digits, dots, dashes or underscores", u.Name)
	}
	_, err := ParseRole(string(u.Role))
	return err
}
