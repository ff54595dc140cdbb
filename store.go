package zicht

import (
	"context"
	"time"
)

// Store keeps everything zicht knows. The embedded SQLite store and the
// PostgreSQL store implement it, and both pass the contract suite in storetest.
//
// Methods return *Error with CodeNotFound for unknown ids, CodeInvalid for
// values that break the domain's rules and CodeConflict for changes the stored
// state forbids (such as editing an approved assessment).
type Store interface {
	GroupStore
	DocumentStore
	SignalStore
	EvidenceStore
	AssessmentStore
	ReviewStore
	UserStore
	// Audit appends an event to the audit trail.
	Audit(ctx context.Context, e AuditEvent) error
	// AuditEvents lists the most recent events, newest first.
	AuditEvents(ctx context.Context, limit int) ([]AuditEvent, error)
	Close() error
}

// GroupStore keeps groups, risk factors and recommendations.
type GroupStore interface {
	// PutGroup inserts or replaces a group.
	PutGroup(ctx context.Context, g Group) error
	Group(ctx context.Context, id GroupID) (*Group, error)
	// Groups lists all groups in overview order.
	Groups(ctx context.Context) ([]Group, error)
	PutRiskFactor(ctx context.Context, rf RiskFactor) error
	RiskFactors(ctx context.Context) ([]RiskFactor, error)
	// AddRecommendation stores r and returns it with its id.
	AddRecommendation(ctx context.Context, r Recommendation) (Recommendation, error)
	// Recommendations lists a group's recommendations; all groups when g is empty.
	Recommendations(ctx context.Context, g GroupID) ([]Recommendation, error)
}

// Ingested is everything one document contributes, written in one
// transaction so that a crash leaves all of it or none.
type Ingested struct {
	Document Document
	Original []byte
	Passages []Passage
	Signals  []Signal
}

// DocumentFilter selects documents; zero fields select all.
type DocumentFilter struct {
	Lang  Lang
	Kind  DocumentKind
	Limit int // 0 means no limit
}

// SearchHit is a passage that matches a full-text query.
type SearchHit struct {
	Passage Passage `json:"passage"`
	Title   string  `json:"title"`
	Snippet string  `json:"snippet"` // with the matches between [ and ]
}

// DocumentStore keeps documents, their originals and passages.
type DocumentStore interface {
	// AddDocument stores a document with its original bytes, passages and
	// signals atomically. It returns false, and changes nothing, when a
	// document with the same id is already stored.
	AddDocument(ctx context.Context, in Ingested) (added bool, err error)
	HasDocument(ctx context.Context, id DocumentID) (bool, error)
	Document(ctx context.Context, id DocumentID) (*Document, error)
	// Original returns the bytes the document was extracted from.
	Original(ctx context.Context, id DocumentID) ([]byte, error)
	// Documents lists documents newest first, without their text.
	Documents(ctx context.Context, f DocumentFilter) ([]Document, error)
	Passages(ctx context.Context, doc DocumentID) ([]Passage, error)
	// Search finds passages matching the words of query (all of them, any
	// order, case and diacritics ignored; a trailing * matches a prefix).
	Search(ctx context.Context, query string, limit int) ([]SearchHit, error)
}

// SignalFilter selects signals; zero fields select all.
type SignalFilter struct {
	Doc      DocumentID
	Group    GroupID
	Question Question
	Status   SignalStatus
	Limit    int
}

// SignalCount is the number of signals for one group and question.
type SignalCount struct {
	Group    GroupID
	Question Question
	Total    int
	Pending  int
	Accepted int
}

// SignalStore keeps detected signals.
type SignalStore interface {
	Signals(ctx context.Context, f SignalFilter) ([]Signal, error)
	Signal(ctx context.Context, id SignalID) (*Signal, error)
	// ReplaceSignals swaps the pending signals of a document for a new scan;
	// signals already reviewed are kept.
	ReplaceSignals(ctx context.Context, doc DocumentID, signals []Signal) error
	// SetSignalStatus records a review decision.
	SetSignalStatus(ctx context.Context, id SignalID, s SignalStatus) error
	SignalCounts(ctx context.Context) ([]SignalCount, error)
}

// EvidenceFilter selects evidence; zero fields select all.
type EvidenceFilter struct {
	Group    GroupID
	Question Question
}

// EvidenceStore keeps reviewed evidence.
type EvidenceStore interface {
	// AddEvidence stores e and returns it with its id.
	AddEvidence(ctx context.Context, e Evidence) (Evidence, error)
	Evidence(ctx context.Context, f EvidenceFilter) ([]Evidence, error)
}

// AssessmentFilter selects assessments; zero fields select all.
type AssessmentFilter struct {
	Group    GroupID
	Question Question
	Status   AssessmentStatus
	// Brief leaves out the items behind each assessment, which overviews do
	// not show and which are most of the cost of reading assessments.
	Brief bool
}

// AssessmentStore keeps assessments and publications.
type AssessmentStore interface {
	// AddAssessment stores a new assessment and returns it with its id.
	AddAssessment(ctx context.Context, a Assessment) (Assessment, error)
	Assessment(ctx context.Context, id AssessmentID) (*Assessment, error)
	// Assessments lists assessments oldest first: a group's history.
	Assessments(ctx context.Context, f AssessmentFilter) ([]Assessment, error)
	// ReplaceDraft stores a computed suggestion as the draft for its group
	// and question, replacing an earlier draft of the same origin; approved
	// assessments are never touched.
	ReplaceDraft(ctx context.Context, a Assessment) (Assessment, error)
	// Approve marks a draft approved by reviewer at time at. It fails with
	// CodeForbidden when the reviewer is the author and CodeConflict when the
	// assessment is already approved.
	Approve(ctx context.Context, id AssessmentID, reviewer string, at time.Time) error
	AddPublication(ctx context.Context, p Publication) (Publication, error)
	Publications(ctx context.Context) ([]Publication, error)
}

// DecisionFilter selects decisions; zero fields select all.
type DecisionFilter struct {
	Signal SignalID
	By     string
	Limit  int
}

// ReviewStore keeps review decisions and recommendation states.
type ReviewStore interface {
	// Decide records d on a pending signal in one transaction: for an
	// accept it stores e (which must be given) as evidence linked to the
	// signal. It fails with CodeConflict when the signal is not pending,
	// CodeNotFound when it does not exist, CodeInvalid for an unknown action
	// or reason.
	Decide(ctx context.Context, d Decision, e *Evidence) (Decision, error)
	// UndoDecision undoes the latest decision of by that is not undone yet:
	// the signal is pending again and the evidence it created is removed. It
	// fails with CodeNotFound when there is nothing to undo and CodeConflict
	// when the evidence is part of an approved assessment.
	UndoDecision(ctx context.Context, by string) (Decision, error)
	// Decisions lists decisions, newest first.
	Decisions(ctx context.Context, f DecisionFilter) ([]Decision, error)
	// SetRecommendationStatus changes a recommendation's status.
	SetRecommendationStatus(ctx context.Context, id int64, status string) error
}

// UserStore keeps accounts, sessions and API tokens.
type UserStore interface {
	// PutUser creates or updates a user with a password hash (a PHC string
	// such as argon2id's); an empty hash keeps the current one.
	PutUser(ctx context.Context, u User, passwordHash string) error
	// UserByName returns the user and the password hash, or CodeNotFound.
	UserByName(ctx context.Context, name string) (User, string, error)
	Users(ctx context.Context) ([]User, error)
	AddToken(ctx context.Context, t Token) error
	// TokenUser returns the user a token belongs to when it has not expired
	// at now; CodeNotFound otherwise.
	TokenUser(ctx context.Context, hash string, now time.Time) (User, Token, error)
	DeleteToken(ctx context.Context, hash string) error
	// Tokens lists a user's API tokens (not sessions).
	Tokens(ctx context.Context, user string) ([]Token, error)
}
