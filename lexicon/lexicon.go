// Package lexicon holds the terms and triggers detection reads: the groups of
// children, risk factors, level words, evidence cues, question cues, negation
// and hedge triggers, and the anchor terms for children and trafficking.
//
// The lexicon is data, not code. It is written in line-oriented *.lex files
// (see docs/lexicon.md) that are embedded in the binary and can be replaced
// file by file from the data directory, so an analyst can add a group or a
// term without a new release. Loading validates strictly and names the file
// and line of every problem.
package lexicon

import (
	"embed"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"

	"github.com/zicht-project/zicht"
)

//go:embed data/*.lex
var embedded embed.FS

// Lexicon is the validated set of terms and triggers detection reads. It is
// built by Load and must not be changed afterwards: detectors share it.
type Lexicon struct {
	Groups      []Group      // in file order
	RiskFactors []RiskFactor // in file order
	Levels      []LevelTerms // level words per level
	// LevelTargets are the words a level word must stand next to for a level
	// to count as worded, per question ("hoge kwetsbaarheid", "lichte signalen").
	LevelTargets []QuestionTerms
	// LevelLinks are the words that tie a level word to a target standing
	// further before it: copulas and "als"/"as" ("het risico is hoog",
	// "the vulnerability was described as moderate").
	LevelLinks []Term
	Evidence   []EvidenceTerms // cues per evidence type
	Cues       []Cue           // what makes a passage speak to Q1 or Q2
	Triggers   []Trigger       // negation, hedge and pseudo triggers
	Population []Term          // phrases naming children at risk outside the groups
	Children   []Term          // anchor terms: the passage is about children
	// NotChildren are words that contain a children term but are not about
	// children ("kinderrechter", "youth worker").
	NotChildren []Term
	Trafficking []Term // anchor terms: the passage is about trafficking or exploitation
	Anaphors    []Term // sentence openings that refer back ("Deze kinderen", "They")
	Boundaries  []Term // clause boundaries that end a trigger's scope
	// BackwardBoundaries end only backward scopes: the words that open a
	// subordinate clause ("dat", "die", "which"), which a trigger inside the
	// clause must not reach past.
	BackwardBoundaries []Term
	Stopwords          []Term // function words that end a population phrase
	// Abbreviations are words written with a final dot that do not end a
	// sentence ("bijv.", "e.g.").
	Abbreviations []Abbreviation
	Files         []string // the files read, in order
}

// Term is one pattern of the lexicon with where it was written.
type Term struct {
	Pattern
	Lang  zicht.Lang // "" when the term is used for every language
	Case  bool       // {case}: match the letters' case as written ("IS" but not "is")
	Scope int        // {scope=N}, triggers only: at most N tokens of scope; 0 means the default
	File  string
	Line  int
}

// Group is a group of children and the terms that name it.
type Group struct {
	ID    zicht.GroupID
	Name  zicht.Text
	Terms []Term
	// Not are phrases in which a group term does not name the group
	// ("AS Roma", the football club).
	Not []Term
	// Near are terms that name the group only in a passage that also holds
	// a term of one of the risk factors in With ("Syrian" with "married
	// off"): proximity no single pattern can express.
	Near []Term
	With []string
	File string
	Line int
}

// RiskFactor is a circumstance that raises vulnerability, and its terms.
type RiskFactor struct {
	ID    string
	Name  zicht.Text
	Terms []Term
	File  string
	Line  int
}

// LevelTerms are the words that word one level of the scale.
type LevelTerms struct {
	Level zicht.Level
	Terms []Term
}

// QuestionTerms are terms that belong to one question.
type QuestionTerms struct {
	Question zicht.Question
	Terms    []Term
}

// EvidenceTerms are the cues of one evidence type.
type EvidenceTerms struct {
	Type  zicht.EvidenceType
	Terms []Term
}

// Cue holds what makes a passage speak to a question: its own terms and the
// risk factors whose terms count as well.
type Cue struct {
	Question    zicht.Question
	Terms       []Term
	RiskFactors []string // ids of RiskFactors
}

// TriggerKind is what a trigger does to the cues in its scope.
type TriggerKind string

// Trigger kinds.
const (
	Negation TriggerKind = "negation"
	Hedge    TriggerKind = "hedge"
	// Pseudo triggers look like a negation or hedge but are none ("niet
	// alleen", "no doubt"); they win over the shorter triggers they contain.
	Pseudo TriggerKind = "pseudo"
	// Risk triggers make what follows the object of a vulnerability
	// ("kwetsbaar voor mensenhandel", "at risk of exploitation"): a
	// trafficking term in their scope speaks to Q1, not to Q2.
	Risk TriggerKind = "risk"
)

// Direction is where a trigger's scope lies.
type Direction string

// Scope directions.
const (
	Forward  Direction = "forward"  // from the trigger to the end of the clause
	Backward Direction = "backward" // from the start of the clause to the trigger ("is uitgesloten")
	Both     Direction = "both"     // the clause on both sides ("may", "niet")
)

// Trigger is a negation, hedge or pseudo trigger.
type Trigger struct {
	Kind      TriggerKind
	Direction Direction // "" for pseudo triggers
	Term      Term
}

// Abbreviation is a word with a final dot that does not end a sentence.
type Abbreviation struct {
	Text string     // folded, without the final dot: "bijv", "m.b.t", "e.g"
	Lang zicht.Lang // "" for every language
	// Final abbreviations often end a sentence too ("etc.", "Sr."): before a
	// capital letter they do end it.
	Final bool
	File  string
	Line  int
}

// Group returns the group with id.
func (l *Lexicon) Group(id zicht.GroupID) (*Group, bool) {
	for i := range l.Groups {
		if l.Groups[i].ID == id {
			return &l.Groups[i], true
		}
	}
	return nil, false
}

// RiskFactor returns the risk factor with id.
func (l *Lexicon) RiskFactor(id string) (*RiskFactor, bool) {
	for i := range l.RiskFactors {
		if l.RiskFactors[i].ID == id {
			return &l.RiskFactors[i], true
		}
	}
	return nil, false
}

// Cue returns the cue of question q (empty when the lexicon has none).
func (l *Lexicon) Cue(q zicht.Question) Cue {
	for _, c := range l.Cues {
		if c.Question == q {
			return c
		}
	}
	return Cue{Question: q}
}

// Default returns the lexicon embedded in the binary (lexicon/data/*.lex).
func Default() (*Lexicon, error) {
	sub, err := fs.Sub(embedded, "data")
	if err != nil {
		return nil, fmt.Errorf("embedded lexicon: %w", err)
	}
	return Load(sub)
}

// Load reads and validates every *.lex file at the root of fsys, in name
// order. A problem in the data is a CodeInvalid *zicht.Error whose message
// names file and line: `groups.lex:12: duplicate group id "roma"`; when there
// are several, the first is named and the rest counted.
func Load(fsys fs.FS) (*Lexicon, error) {
	names, err := fs.Glob(fsys, "*.lex")
	if err != nil {
		return nil, fmt.Errorf("list lexicon files: %w", err)
	}
	var files []source
	for _, n := range names {
		b, err := fs.ReadFile(fsys, n)
		if err != nil {
			return nil, fmt.Errorf("read lexicon file %s: %w", n, err)
		}
		files = append(files, source{name: n, data: b})
	}
	return load(files)
}

// LoadOverride reads the embedded lexicon and then the files dir/lexicon/*.lex,
// if that folder exists: a file there replaces the embedded file of the same
// name, and a file with a new name is added. Errors in an override file name
// its path.
func LoadOverride(dir string) (*Lexicon, error) {
	sub, err := fs.Sub(embedded, "data")
	if err != nil {
		return nil, fmt.Errorf("embedded lexicon: %w", err)
	}
	names, err := fs.Glob(sub, "*.lex")
	if err != nil {
		return nil, fmt.Errorf("list embedded lexicon: %w", err)
	}
	byName := map[string]source{}
	for _, n := range names {
		b, err := fs.ReadFile(sub, n)
		if err != nil {
			return nil, fmt.Errorf("read embedded %s: %w", n, err)
		}
		byName[n] = source{name: n, data: b}
	}
	over := filepath.Join(dir, "lexicon")
	paths, err := filepath.Glob(filepath.Join(over, "*.lex"))
	if err != nil {
		return nil, fmt.Errorf("list %s: %w", over, err)
	}
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			return nil, fmt.Errorf("read lexicon override: %w", err)
		}
		byName[filepath.Base(p)] = source{name: p, data: b}
	}
	keys := make([]string, 0, len(byName))
	for k := range byName {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	files := make([]source, 0, len(keys))
	for _, k := range keys {
		files = append(files, byName[k])
	}
	return load(files)
}

type source struct {
	name string
	data []byte
}

// maxErrors bounds the problems collected before loading gives up.
const maxErrors = 50

func load(files []source) (*Lexicon, error) {
	if len(files) == 0 {
		return nil, zicht.Errorf(zicht.CodeInvalid, "lexicon: no *.lex files")
	}
	p := newParser()
	for _, f := range files {
		p.lex.Files = append(p.lex.Files, path.Base(filepath.ToSlash(f.name)))
		p.parseFile(f.name, f.data)
		if len(p.errs) >= maxErrors {
			break
		}
	}
	if len(p.errs) < maxErrors {
		p.finish()
	}
	if len(p.errs) > 0 {
		msg := p.errs[0].Error()
		if n := len(p.errs) - 1; n > 0 {
			msg += fmt.Sprintf(" (and %d more)", n)
		}
		return nil, &zicht.Error{Code: zicht.CodeInvalid, Message: msg}
	}
	return p.lex, nil
}

// LineError is a problem at one line of a lexicon file.
type LineError struct {
	File string
	Line int
	Msg  string
}

func (e *LineError) Error() string { return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg) }

// Problems returns every problem found in files, for tools that want to show
// all of them at once (Load reports the first).
func Problems(fsys fs.FS) []error {
	names, err := fs.Glob(fsys, "*.lex")
	if err != nil {
		return []error{err}
	}
	p := newParser()
	for _, n := range names {
		b, err := fs.ReadFile(fsys, n)
		if err != nil {
			return []error{err}
		}
		p.parseFile(n, b)
	}
	p.finish()
	out := make([]error, len(p.errs))
	for i, e := range p.errs {
		out[i] = e
	}
	return out
}

// ValidID reports whether s can be the id of a group or risk factor: a
// lower-case slug of letters, digits and single hyphens, starting with a
// letter, at most 64 bytes.
func ValidID(s string) bool { return validSlug(s) }

func validSlug(s string) bool {
	if s == "" || len(s) > 64 || !('a' <= s[0] && s[0] <= 'z') || strings.HasSuffix(s, "-") || strings.Contains(s, "--") {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !('a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '-') {
			return false
		}
	}
	return true
}
