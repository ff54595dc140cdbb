// Package detect finds signals in documents: passages that speak to the
// vulnerability of a group of children (Q1) or to traffickers targeting it
// (Q2), with their polarity, worded level, evidence type and risk factors.
//
// Detection is rule-based and reads everything it knows from the lexicon.
// Scan first segments the text into passages, then matches every lexicon term
// in one pass over each passage's tokens; only passages with hits are
// analysed further: overlapping hits are resolved (longest wins), negation
// and hedge triggers get clause-bounded scopes in the manner of NegEx and
// ConText, groups are linked (named in the sentence, carried from the
// previous sentence by an anaphor, or named in the section heading), and a
// signal is made for every group and question the passage speaks to.
package detect

import (
	"fmt"
	"slices"

	"github.com/zicht-project/zicht"
	"github.com/zicht-project/zicht/lexicon"
)

// Version is recorded on every signal, so that signals can be traced to the
// rules that made them and recomputed when the rules change.
const Version = "detect/0.3"

// Limits that keep analysis bounded on hostile input.
const (
	// maxHits is the most term matches analysed in one passage.
	maxHits = 512
	// defaultForward and defaultBackward are trigger scopes in tokens;
	// defaultRisk is the scope of a risk trigger.
	defaultForward  = 16
	defaultBackward = 6
	defaultRisk     = 12
	// levelWindow is how many tokens may stand between a level word and its target.
	levelWindow = 2
	// predicativeWindow is how many words may stand between a target and a
	// level word after it that a link ties to it ("het risico ... is hoog").
	predicativeWindow = 10
)

// Detector finds signals in text. It is safe for concurrent use.
type Detector struct {
	lex *lexicon.Lexicon
	m   *matcher
	// content matches only the terms that can make a passage worth
	// analysing (role.content): the fast path. Function words, triggers and
	// boundaries, which every text is full of, are left to m.
	content *matcher
	abbrev  map[string]bool // folded abbreviation → whether it may end a sentence
	stop    map[string]bool // folded stop words
	q1Risks map[string]bool // risk factors that are Q1 cues
	q2Risks map[string]bool // risk factors that are Q2 cues
	// groupWith lists, per group, the risk factors beside which its near
	// terms name it.
	groupWith map[zicht.GroupID][]string
}

// New builds a detector from lex. extra are groups added by analysts in the
// store: their Terms are used besides the lexicon's, under their id (a new
// group, or more terms for a lexicon group); a group whose Status is
// retired is not detected at all. A bad id or term is a CodeInvalid error.
func New(lex *lexicon.Lexicon, extra []zicht.Group) (*Detector, error) {
	if lex == nil {
		return nil, zicht.Errorf(zicht.CodeInvalid, "detect: no lexicon")
	}
	retired := map[zicht.GroupID]bool{}
	for _, g := range extra {
		if g.Status == zicht.GroupRetired {
			retired[g.ID] = true
		}
	}
	d := &Detector{lex: lex, abbrev: map[string]bool{}, stop: map[string]bool{}, q1Risks: map[string]bool{}, q2Risks: map[string]bool{}, groupWith: map[zicht.GroupID][]string{}}
	var es []entry
	add := func(r role, ref string, terms []lexicon.Term) {
		for _, t := range terms {
			es = append(es, entry{role: r, ref: ref, term: t})
		}
	}
	for _, g := range lex.Groups {
		if retired[g.ID] {
			continue
		}
		add(roleGroup, string(g.ID), g.Terms)
		add(roleGroupNot, string(g.ID), g.Not)
		add(roleGroupNear, string(g.ID), g.Near)
		if len(g.With) > 0 {
			d.groupWith[g.ID] = g.With
		}
	}
	for _, g := range extra {
		if !lexicon.ValidID(string(g.ID)) || g.ID == zicht.GroupOther {
			return nil, zicht.Errorf(zicht.CodeInvalid, "group id %q: want a lower-case slug other than %q", g.ID, zicht.GroupOther)
		}
		if retired[g.ID] {
			continue
		}
		for _, t := range g.Terms {
			if t.Lang != "" && t.Lang != zicht.Dutch && t.Lang != zicht.English {
				return nil, zicht.Errorf(zicht.CodeInvalid, "group %s: term %q: unknown language %q (want nl, en or none)", g.ID, t.Pattern, t.Lang)
			}
			p, err := lexicon.ParsePattern(t.Pattern)
			if err != nil {
				return nil, zicht.Errorf(zicht.CodeInvalid, "group %s: %v", g.ID, err)
			}
			if p.OnlyPunct() {
				return nil, zicht.Errorf(zicht.CodeInvalid, "group %s: term %q has no words", g.ID, t.Pattern)
			}
			es = append(es, entry{role: roleGroup, ref: string(g.ID), term: lexicon.Term{Pattern: p, Lang: t.Lang, File: "store"}})
		}
	}
	for _, r := range lex.RiskFactors {
		add(roleRisk, r.ID, r.Terms)
	}
	for _, l := range lex.Levels {
		add(roleLevel, string(l.Level), l.Terms)
	}
	for _, l := range lex.LevelTargets {
		add(roleLevelTarget, string(l.Question), l.Terms)
	}
	for _, e := range lex.Evidence {
		add(roleEvidence, string(e.Type), e.Terms)
	}
	for _, c := range lex.Cues {
		add(roleCue, string(c.Question), c.Terms)
		for _, id := range c.RiskFactors {
			if c.Question == zicht.Q1 {
				d.q1Risks[id] = true
			} else {
				d.q2Risks[id] = true
			}
		}
	}
	for _, t := range lex.Triggers {
		es = append(es, entry{role: roleTrigger, trig: t.Kind, dir: t.Direction, term: t.Term})
	}
	add(roleTrafficking, "", lex.Trafficking)
	add(rolePopulation, "", lex.Population)
	add(roleChildren, "", lex.Children)
	add(roleNotChildren, "", lex.NotChildren)
	add(roleAnaphor, "", lex.Anaphors)
	add(roleLevelLink, "", lex.LevelLinks)
	add(roleBoundary, "", lex.Boundaries)
	add(roleBoundaryBack, "", lex.BackwardBoundaries)
	for _, e := range es {
		if len(e.term.Words) == 0 {
			return nil, fmt.Errorf("detect: term %q at %s:%d has no words", e.term.Text, e.term.File, e.term.Line)
		}
	}
	for _, a := range lex.Abbreviations {
		d.abbrev[a.Text] = d.abbrev[a.Text] || a.Final
	}
	for _, t := range lex.Stopwords {
		d.stop[t.Words[0].Norm] = true
	}
	d.m = newMatcher(es)
	var content []entry
	for _, e := range es {
		if e.role.content() {
			content = append(content, e)
		}
	}
	d.content = newMatcher(content)
	return d, nil
}

// Scan segments text and detects signals in it. lang is the document's
// language; "" (or any other value) uses the terms of both languages.
// Passages come in text order, signals in passage order.
//
// Signals are made per passage (sentence), but read in their paragraph and
// section: a passage that opens with an anaphor ("Deze kinderen", "They")
// takes the groups and population of the one before; a passage that links
// no group takes those named elsewhere in its paragraph, else those in its
// section heading; a passage is about children or trafficking when its
// paragraph or heading is; a passage that names no evidence takes the
// strongest evidence of its paragraph (the source of a claim is often named
// in the sentence before or after it); and a section that names a group
// gives no signals for "other". docs/lexicon.md describes the rules.
func (d *Detector) Scan(doc zicht.DocumentID, text string, lang zicht.Lang) ([]zicht.Passage, []zicht.Signal) {
	if lang != zicht.Dutch && lang != zicht.English {
		lang = ""
	}
	segs := d.segments(text)
	passages := make([]zicht.Passage, len(segs))
	for i, s := range segs {
		passages[i] = zicht.Passage{Doc: doc, Start: s.start, End: s.end, Text: validText(text[s.start:s.end]), Section: s.section}
	}
	var signals []zicht.Signal
	sc := scanner{d: d, lang: lang, headings: map[string]*headingInfo{}}
	// Signals wait until their section is read: "other" is for children
	// outside the known groups, so a section that names a group gives none.
	var pending []zicht.Signal
	grouped := false
	flush := func() {
		for _, s := range pending {
			if !grouped || s.Group != zicht.GroupOther {
				signals = append(signals, s)
			}
		}
		pending, grouped = pending[:0], false
	}
	for i := 0; i < len(segs); {
		if i > 0 && segs[i].section != segs[i-1].section {
			flush()
		}
		j := i + 1
		for j < len(segs) && segs[j].para == segs[i].para {
			j++
		}
		var g bool
		pending, g = sc.paragraph(doc, text, segs[i:j], passages[i:j], pending)
		grouped = grouped || g
		i = j
	}
	flush()
	return passages, signals
}

// paragraph detects the signals of one paragraph's passages and reports
// whether the paragraph or its heading names a group.
func (sc *scanner) paragraph(doc zicht.DocumentID, text string, segs []segment, passages []zicht.Passage, out []zicht.Signal) ([]zicht.Signal, bool) {
	as := make([]*analysis, len(segs))
	topical := false
	var paraGroups []zicht.GroupID
	paraEv := zicht.EvidenceNone
	for i, s := range segs {
		a := sc.analyse(text[s.start:s.end])
		as[i] = a
		if a == nil {
			continue
		}
		topical = topical || a.topical()
		for _, g := range a.groups {
			if !slices.Contains(paraGroups, g) {
				paraGroups = append(paraGroups, g)
			}
		}
		if ev, _ := a.evidenceType(); strongerEvidence(ev, paraEv) {
			paraEv = ev
		}
	}
	// A near term in one sentence and a risk factor of the group in another
	// name the group for the paragraph ("Syrian families ... They marry off
	// their daughters young").
	for _, a := range as {
		if a == nil {
			continue
		}
		for _, g := range a.near {
			if slices.Contains(paraGroups, g) {
				continue
			}
			for _, b := range as {
				if b != nil && b.hasRisk(sc.d.groupWith[g]) {
					paraGroups = append(paraGroups, g)
					break
				}
			}
		}
	}
	var prev carry
	for i, s := range segs {
		a := as[i]
		h := sc.heading(s.section)

		// Link groups: named here, carried by an anaphor from the previous
		// sentence, named elsewhere in the paragraph, or in the heading.
		var linked []link
		seen := map[zicht.GroupID]bool{}
		if a != nil {
			for _, g := range a.groups {
				linked = append(linked, link{id: g, direct: true})
				seen[g] = true
			}
		}
		anaphor := a != nil && a.anaphorFirst && i > 0
		if anaphor {
			for _, g := range prev.groups {
				if !seen[g] {
					linked = append(linked, link{id: g})
					seen[g] = true
				}
			}
		}
		// A passage that links no group of its own takes the groups named
		// elsewhere in its paragraph: a paragraph keeps to its topic.
		if len(linked) == 0 {
			for _, g := range paraGroups {
				linked = append(linked, link{id: g})
			}
		}
		// The heading's groups hold where the passage links none of its own.
		if len(linked) == 0 {
			for _, g := range h.groups {
				linked = append(linked, link{id: g})
			}
		}
		next := carry{}
		for _, l := range linked {
			next.groups = append(next.groups, l.id)
		}
		if a != nil {
			next.population = a.population0()
		}
		// A pronoun anywhere in the passage ("Dealers zetten hen in")
		// refers to the children the previous passage named.
		if next.population == "" && i > 0 && a != nil && (anaphor || a.anaphorAny) {
			next.population = prev.population
		}
		prev = next
		if a == nil {
			continue
		}
		base := zicht.Signal{Doc: doc, Start: s.start, End: s.end, Text: passages[i].Text, Detector: Version}
		ctx := setting{linked: linked, topical: topical || h.topical, evidence: paraEv, population: next.population}
		// In a paragraph about a group, children without a group of their
		// own are most likely that group's: they are no new population.
		ctx.noOther = len(paraGroups) > 0 || len(h.groups) > 0
		out = a.signals(base, ctx, out)
	}
	return out, len(paraGroups) > 0 || len(sc.heading(segs[0].section).groups) > 0
}

// strongerEvidence reports whether a is stronger evidence than b
// (acquittal counting as the strongest, being the most specific).
func strongerEvidence(a, b zicht.EvidenceType) bool {
	rank := func(t zicht.EvidenceType) int {
		if t == zicht.Acquittal {
			return -1
		}
		for i, v := range zicht.EvidenceTypes {
			if v == t {
				return i
			}
		}
		return len(zicht.EvidenceTypes)
	}
	return rank(a) < rank(b)
}

// setting is what a passage's surroundings add to it.
type setting struct {
	linked     []link
	topical    bool               // the paragraph or heading is about children or trafficking
	evidence   zicht.EvidenceType // the paragraph's strongest evidence
	population string             // the population named here or carried by an anaphor
	noOther    bool               // the paragraph or heading names a group
}

// link is a group linked to a passage; direct when named in it.
type link struct {
	id     zicht.GroupID
	direct bool
}

// carry is what a passage hands to the next one of its paragraph.
type carry struct {
	groups     []zicht.GroupID
	population string
}

// headingInfo is what a section heading says.
type headingInfo struct {
	groups  []zicht.GroupID
	topical bool // it names children or trafficking
}
