package lexicon

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"

	"github.com/zicht-project/zicht"
)

// A section header names what its lines mean. The kinds and their keys:
var sectionKeys = map[string][]string{
	"group":         {"name.nl", "name.en", "nl", "en", "any", "not", "near", "with"},
	"riskfactor":    {"name.nl", "name.en", "nl", "en", "any"},
	"level":         {"nl", "en", "any"},
	"level-target":  {"nl", "en", "any"},
	"level-link":    {"nl", "en", "any"},
	"evidence":      {"nl", "en", "any"},
	"cue":           {"nl", "en", "any", "riskfactor"},
	"trigger":       {"nl", "en", "any"},
	"population":    {"nl", "en", "any"},
	"children":      {"nl", "en", "any", "not"},
	"trafficking":   {"nl", "en", "any"},
	"anaphor":       {"nl", "en", "any"},
	"boundary":      {"nl", "en", "any"},
	"stopwords":     {"nl", "en", "any"},
	"abbreviations": {"nl", "en", "any"},
}

type section struct {
	kind  string
	arg   string // id, slug or question
	arg2  string // trigger direction, or "final" for abbreviations
	line  int
	index int // into the Lexicon slice the section fills
	keys  map[string]int
}

// seen remembers where a term was first written, to report duplicates.
type seen struct {
	lang  zicht.Lang
	where string // "group roma at groups.lex:5"
}

type ref struct {
	file string
	line int
	id   string
}

type parser struct {
	lex      *Lexicon
	errs     []*LineError
	file     string
	sec      *section
	skip     bool // the current section's header was bad: ignore its lines
	groupAt  map[zicht.GroupID]string
	riskAt   map[string]string
	terms    map[string][]seen
	riskRefs []ref
}

func newParser() *parser {
	return &parser{
		lex:     &Lexicon{},
		groupAt: map[zicht.GroupID]string{},
		riskAt:  map[string]string{},
		terms:   map[string][]seen{},
	}
}

func (p *parser) errorf(line int, format string, args ...any) {
	if len(p.errs) < maxErrors {
		p.errs = append(p.errs, &LineError{File: p.file, Line: line, Msg: fmt.Sprintf(format, args...)})
	}
}

func (p *parser) parseFile(name string, data []byte) {
	p.file, p.sec, p.skip = name, nil, false
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	for n := 1; len(data) > 0 && len(p.errs) < maxErrors; n++ {
		line := data
		if i := bytes.IndexByte(data, '\n'); i >= 0 {
			line, data = data[:i], data[i+1:]
		} else {
			data = nil
		}
		p.parseLine(n, string(line))
	}
}

// stripComment removes a "#" comment: a whole line, or from a "#" that
// follows white space.
func stripComment(s string) string {
	if strings.HasPrefix(strings.TrimSpace(s), "#") {
		return ""
	}
	for i := 1; i < len(s); i++ {
		if s[i] == '#' && (s[i-1] == ' ' || s[i-1] == '\t') {
			return s[:i]
		}
	}
	return s
}

func (p *parser) parseLine(n int, raw string) {
	s := strings.TrimSpace(stripComment(strings.TrimSuffix(raw, "\r")))
	if s == "" {
		return
	}
	if s[0] == '[' {
		p.header(n, s)
		p.skip = p.sec == nil
		return
	}
	if p.skip {
		return // reported at the header
	}
	if p.sec == nil {
		p.errorf(n, "%q stands before any [section]", s)
		return
	}
	key, value, ok := strings.Cut(s, ":")
	key = strings.TrimSpace(key)
	if !ok || key == "" || strings.ContainsAny(key, " \t") {
		p.errorf(n, "expected \"key: value\" or \"[section]\", got %q", s)
		return
	}
	value = strings.TrimSpace(value)
	allowed := false
	for _, k := range sectionKeys[p.sec.kind] {
		allowed = allowed || k == key
	}
	if !allowed {
		p.errorf(n, "unknown key %q in [%s] (want one of %s)", key, p.sec.title(), strings.Join(sectionKeys[p.sec.kind], ", "))
		return
	}
	switch key {
	case "name.nl", "name.en":
		p.name(n, key, value)
	case "riskfactor":
		p.riskRef(n, value)
	case "with":
		p.groupRisk(n, value)
	default:
		p.term(n, key, value)
	}
}

func (s *section) title() string {
	return strings.TrimSpace(s.kind + " " + s.arg + " " + s.arg2)
}

func (p *parser) header(n int, s string) {
	p.sec = nil
	if !strings.HasSuffix(s, "]") {
		p.errorf(n, "section header %q lacks its closing \"]\"", s)
		return
	}
	f := strings.Fields(s[1 : len(s)-1])
	if len(f) == 0 {
		p.errorf(n, "empty section header")
		return
	}
	sec := &section{kind: f[0], line: n, keys: map[string]int{}}
	args := f[1:]
	want := func(k int, what string) bool {
		if len(args) != k {
			p.errorf(n, "[%s] wants %s", f[0], what)
			return false
		}
		return true
	}
	switch sec.kind {
	case "group":
		if !want(1, "a group id: [group roma]") {
			return
		}
		id := zicht.GroupID(args[0])
		switch {
		case !validSlug(args[0]):
			p.errorf(n, "group id %q is not a slug (lower-case letters, digits and hyphens)", args[0])
			return
		case id == zicht.GroupOther:
			p.errorf(n, "group id %q is reserved for passages that fit no group", args[0])
			return
		case p.groupAt[id] != "":
			p.errorf(n, "duplicate group id %q", args[0])
			return
		}
		p.groupAt[id] = p.at(n)
		sec.arg, sec.index = args[0], len(p.lex.Groups)
		p.lex.Groups = append(p.lex.Groups, Group{ID: id, File: p.file, Line: n})
	case "riskfactor":
		if !want(1, "a risk factor id: [riskfactor isolation]") {
			return
		}
		switch {
		case !validSlug(args[0]):
			p.errorf(n, "risk factor id %q is not a slug (lower-case letters, digits and hyphens)", args[0])
			return
		case p.riskAt[args[0]] != "":
			p.errorf(n, "duplicate risk factor id %q", args[0])
			return
		}
		p.riskAt[args[0]] = p.at(n)
		sec.arg, sec.index = args[0], len(p.lex.RiskFactors)
		p.lex.RiskFactors = append(p.lex.RiskFactors, RiskFactor{ID: args[0], File: p.file, Line: n})
	case "level":
		if !want(1, "a level: [level high]") {
			return
		}
		l, err := zicht.ParseLevel(args[0])
		if err != nil || l == zicht.LevelUnknown {
			p.errorf(n, "unknown level %q (want one of none, slight, moderate, fair, elevated, high)", args[0])
			return
		}
		sec.arg, sec.index = string(l), -1
		for i, lt := range p.lex.Levels {
			if lt.Level == l {
				sec.index = i
			}
		}
		if sec.index < 0 {
			sec.index = len(p.lex.Levels)
			p.lex.Levels = append(p.lex.Levels, LevelTerms{Level: l})
		}
	case "evidence":
		if !want(1, "an evidence type: [evidence conviction]") {
			return
		}
		t, err := zicht.ParseEvidenceType(args[0])
		if err != nil || t == zicht.EvidenceNone {
			p.errorf(n, "unknown evidence type %q (want one of conviction, prosecution, research, official_report, professional_signal, media_report, policy, acquittal)", args[0])
			return
		}
		sec.arg, sec.index = string(t), -1
		for i, et := range p.lex.Evidence {
			if et.Type == t {
				sec.index = i
			}
		}
		if sec.index < 0 {
			sec.index = len(p.lex.Evidence)
			p.lex.Evidence = append(p.lex.Evidence, EvidenceTerms{Type: t})
		}
	case "cue", "level-target":
		if !want(1, "a question: ["+sec.kind+" Q1]") {
			return
		}
		q, err := zicht.ParseQuestion(args[0])
		if err != nil {
			p.errorf(n, "unknown question %q (want Q1 or Q2)", args[0])
			return
		}
		sec.arg = string(q)
		if sec.kind == "cue" {
			sec.index = -1
			for i, c := range p.lex.Cues {
				if c.Question == q {
					sec.index = i
				}
			}
			if sec.index < 0 {
				sec.index = len(p.lex.Cues)
				p.lex.Cues = append(p.lex.Cues, Cue{Question: q})
			}
		} else {
			sec.index = -1
			for i, c := range p.lex.LevelTargets {
				if c.Question == q {
					sec.index = i
				}
			}
			if sec.index < 0 {
				sec.index = len(p.lex.LevelTargets)
				p.lex.LevelTargets = append(p.lex.LevelTargets, QuestionTerms{Question: q})
			}
		}
	case "trigger":
		if len(args) == 0 {
			p.errorf(n, "[trigger] wants a kind: [trigger negation forward], [trigger hedge both], [trigger pseudo]")
			return
		}
		switch TriggerKind(args[0]) {
		case Pseudo:
			if !want(1, "no direction: [trigger pseudo]") {
				return
			}
		case Negation, Hedge, Risk:
			if !want(2, "a kind and a direction: [trigger negation forward]") {
				return
			}
			switch Direction(args[1]) {
			case Forward, Backward, Both:
			default:
				p.errorf(n, "unknown trigger direction %q (want forward, backward or both)", args[1])
				return
			}
			sec.arg2 = args[1]
		default:
			p.errorf(n, "unknown trigger kind %q (want negation, hedge, risk or pseudo)", args[0])
			return
		}
		sec.arg = args[0]
	case "abbreviations":
		if len(args) > 1 || len(args) == 1 && args[0] != "final" {
			p.errorf(n, "[abbreviations] takes nothing or \"final\": [abbreviations final]")
			return
		}
		if len(args) == 1 {
			sec.arg = "final"
		}
	case "boundary":
		if len(args) > 1 || len(args) == 1 && args[0] != "backward" {
			p.errorf(n, "[boundary] takes nothing or \"backward\": [boundary backward]")
			return
		}
		if len(args) == 1 {
			sec.arg = "backward"
		}
	case "population", "children", "trafficking", "anaphor", "stopwords", "level-link":
		if !want(0, "no argument: ["+sec.kind+"]") {
			return
		}
	default:
		p.errorf(n, "unknown section [%s] (want group, riskfactor, level, level-target, level-link, evidence, cue, trigger, population, children, trafficking, anaphor, boundary, stopwords or abbreviations)", f[0])
		return
	}
	p.sec = sec
}

func (p *parser) at(line int) string { return fmt.Sprintf("%s:%d", p.file, line) }

func (p *parser) name(n int, key, value string) {
	if prev, ok := p.sec.keys[key]; ok {
		p.errorf(n, "%s given twice in [%s] (first at line %d)", key, p.sec.title(), prev)
		return
	}
	p.sec.keys[key] = n
	if value == "" {
		p.errorf(n, "empty %s", key)
		return
	}
	var t *zicht.Text
	if p.sec.kind == "group" {
		t = &p.lex.Groups[p.sec.index].Name
	} else {
		t = &p.lex.RiskFactors[p.sec.index].Name
	}
	if key == "name.nl" {
		t.NL = value
	} else {
		t.EN = value
	}
}

// groupRisk records a "with:" risk factor of a group: its terms together
// with a "near:" term of the group name the group.
func (p *parser) groupRisk(n int, value string) {
	if value == "" {
		p.errorf(n, "empty risk factor id")
		return
	}
	g := &p.lex.Groups[p.sec.index]
	for _, id := range g.With {
		if id == value {
			p.errorf(n, "duplicate risk factor %q in [%s]", value, p.sec.title())
			return
		}
	}
	p.riskRefs = append(p.riskRefs, ref{file: p.file, line: n, id: value})
	g.With = append(g.With, value)
}

func (p *parser) riskRef(n int, value string) {
	if value == "" {
		p.errorf(n, "empty risk factor id")
		return
	}
	for _, id := range p.lex.Cues[p.sec.index].RiskFactors {
		if id == value {
			p.errorf(n, "duplicate risk factor %q in [%s]", value, p.sec.title())
			return
		}
	}
	p.riskRefs = append(p.riskRefs, ref{file: p.file, line: n, id: value})
	c := &p.lex.Cues[p.sec.index]
	c.RiskFactors = append(c.RiskFactors, value)
}

// splitOptions separates "pattern {opt, opt=v}" into the pattern and its options.
func splitOptions(value string) (pattern string, opts []string, err error) {
	open, close := strings.Count(value, "{"), strings.Count(value, "}")
	if open == 0 && close == 0 {
		return value, nil, nil
	}
	i := strings.IndexByte(value, '{')
	if open != 1 || close != 1 || i < 0 || !strings.HasSuffix(value, "}") {
		return "", nil, fmt.Errorf("unbalanced braces in %q: options go in one {...} at the end", value)
	}
	opts = strings.FieldsFunc(value[i+1:len(value)-1], func(r rune) bool { return r == ',' || r == ' ' || r == '\t' })
	return strings.TrimSpace(value[:i]), opts, nil
}

func (p *parser) term(n int, key, value string) {
	lang := zicht.Lang(key)
	if key == "any" || key == "not" || key == "near" {
		lang = "" // "not" and "near" phrases hold in every language
	}
	pat, opts, err := splitOptions(value)
	if err != nil {
		p.errorf(n, "%v", err)
		return
	}
	if p.sec.kind == "abbreviations" {
		p.abbreviation(n, lang, pat, opts)
		return
	}
	t := Term{Lang: lang, File: p.file, Line: n}
	stem := false
	for _, o := range opts {
		k, v, hasV := strings.Cut(o, "=")
		switch {
		case k == "case" && !hasV:
			t.Case = true
		case k == "stem" && !hasV:
			stem = true
		case k == "scope" && p.sec.kind == "trigger":
			s, err := strconv.Atoi(v)
			if err != nil || s < 1 || s > 50 {
				p.errorf(n, "scope %q: want a number of tokens from 1 to 50", v)
				return
			}
			t.Scope = s
		case k == "scope":
			p.errorf(n, "option scope is for triggers only")
			return
		default:
			p.errorf(n, "unknown option %q (want case, stem, or scope=N on a trigger)", o)
			return
		}
	}
	t.Pattern, err = ParsePattern(pat)
	if err != nil {
		p.errorf(n, "%v", err)
		return
	}
	if len(t.Near) > 0 {
		switch {
		case p.sec.kind == "group" && (key == "not" || key == "near"):
			p.errorf(n, "a proximity rule (NEAR/N) cannot be a %s: phrase", key)
			return
		case p.sec.kind == "children" && key == "not":
			p.errorf(n, "a proximity rule (NEAR/N) cannot be a not: phrase")
			return
		}
		switch p.sec.kind {
		case "group", "riskfactor", "evidence", "cue", "trafficking", "population", "children":
		default:
			p.errorf(n, "a proximity rule (NEAR/N) is not allowed in [%s]; only in group, riskfactor, evidence, cue, trafficking, population and children", p.sec.kind)
			return
		}
	}
	if stem {
		if t.Case {
			p.errorf(n, "options case and stem do not go together: a stem has no case")
			return
		}
		if err := t.Pattern.SetStems(lang); err != nil {
			p.errorf(n, "%v", err)
			return
		}
	}
	if t.OnlyPunct() && p.sec.kind != "boundary" {
		p.errorf(n, "term %q is only punctuation; only [boundary] takes punctuation", pat)
		return
	}
	if p.sec.kind == "stopwords" && len(t.Words) != 1 {
		p.errorf(n, "stop word %q must be one word", pat)
		return
	}
	// One term, one meaning: report a term written twice where it would
	// mean two things (two groups, two levels, a negation and a hedge).
	class := p.sec.kind
	switch p.sec.kind {
	case "cue", "level-target", "boundary":
		class += " " + p.sec.arg
	case "group", "children":
		if key == "not" || key == "near" {
			class = key + " " + p.sec.arg
		}
	}
	k := class + "\x00" + t.Key()
	for _, s := range p.terms[k] {
		if s.lang == "" || lang == "" || s.lang == lang {
			p.errorf(n, "duplicate term %q (also in %s)", t.Text, s.where)
			return
		}
	}
	p.terms[k] = append(p.terms[k], seen{lang: lang, where: fmt.Sprintf("[%s] at %s", p.sec.title(), p.at(n))})

	switch p.sec.kind {
	case "group":
		g := &p.lex.Groups[p.sec.index]
		if key == "not" {
			g.Not = append(g.Not, t)
		} else if key == "near" {
			g.Near = append(g.Near, t)
		} else {
			g.Terms = append(g.Terms, t)
		}
	case "riskfactor":
		r := &p.lex.RiskFactors[p.sec.index]
		r.Terms = append(r.Terms, t)
	case "level":
		l := &p.lex.Levels[p.sec.index]
		l.Terms = append(l.Terms, t)
	case "level-target":
		l := &p.lex.LevelTargets[p.sec.index]
		l.Terms = append(l.Terms, t)
	case "evidence":
		e := &p.lex.Evidence[p.sec.index]
		e.Terms = append(e.Terms, t)
	case "cue":
		c := &p.lex.Cues[p.sec.index]
		c.Terms = append(c.Terms, t)
	case "trigger":
		p.lex.Triggers = append(p.lex.Triggers, Trigger{Kind: TriggerKind(p.sec.arg), Direction: Direction(p.sec.arg2), Term: t})
	case "population":
		p.lex.Population = append(p.lex.Population, t)
	case "children":
		if key == "not" {
			p.lex.NotChildren = append(p.lex.NotChildren, t)
		} else {
			p.lex.Children = append(p.lex.Children, t)
		}
	case "trafficking":
		p.lex.Trafficking = append(p.lex.Trafficking, t)
	case "anaphor":
		p.lex.Anaphors = append(p.lex.Anaphors, t)
	case "level-link":
		p.lex.LevelLinks = append(p.lex.LevelLinks, t)
	case "boundary":
		if p.sec.arg == "backward" {
			p.lex.BackwardBoundaries = append(p.lex.BackwardBoundaries, t)
		} else {
			p.lex.Boundaries = append(p.lex.Boundaries, t)
		}
	case "stopwords":
		p.lex.Stopwords = append(p.lex.Stopwords, t)
	}
}

func (p *parser) abbreviation(n int, lang zicht.Lang, value string, opts []string) {
	if len(opts) > 0 {
		p.errorf(n, "abbreviations take no options")
		return
	}
	a := Fold(strings.TrimSuffix(value, "."))
	switch {
	case a == "":
		p.errorf(n, "empty abbreviation")
		return
	case strings.ContainsAny(a, " \t*"):
		p.errorf(n, "abbreviation %q must be one word without wildcards", value)
		return
	}
	k := "abbreviation\x00" + a
	for _, s := range p.terms[k] {
		if s.lang == "" || lang == "" || s.lang == lang {
			p.errorf(n, "duplicate abbreviation %q (also in %s)", value, s.where)
			return
		}
	}
	p.terms[k] = append(p.terms[k], seen{lang: lang, where: fmt.Sprintf("[%s] at %s", p.sec.title(), p.at(n))})
	p.lex.Abbreviations = append(p.lex.Abbreviations, Abbreviation{Text: a, Lang: lang, Final: p.sec.arg == "final", File: p.file, Line: n})
}

// finish checks what can only be checked when every file has been read.
// After other problems it checks nothing: a group without terms is then
// most likely the consequence of a bad term, not a problem of its own.
func (p *parser) finish() {
	if len(p.errs) > 0 {
		return
	}
	for _, g := range p.lex.Groups {
		p.file = g.File
		switch {
		case g.Name.NL == "" || g.Name.EN == "":
			p.errorf(g.Line, "group %q needs name.nl and name.en", g.ID)
		case len(g.Terms) == 0:
			p.errorf(g.Line, "group %q has no terms", g.ID)
		case len(g.Near) > 0 != (len(g.With) > 0):
			p.errorf(g.Line, "group %q needs both near: terms and with: risk factors, or neither", g.ID)
		}
	}
	for _, r := range p.lex.RiskFactors {
		p.file = r.File
		switch {
		case r.Name.NL == "" || r.Name.EN == "":
			p.errorf(r.Line, "risk factor %q needs name.nl and name.en", r.ID)
		case len(r.Terms) == 0:
			p.errorf(r.Line, "risk factor %q has no terms", r.ID)
		}
	}
	for _, r := range p.riskRefs {
		if p.riskAt[r.id] == "" {
			p.file = r.file
			p.errorf(r.line, "unknown risk factor %q", r.id)
		}
	}
}
