package detect

import (
	"math"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/zicht-project/zicht"
	"github.com/zicht-project/zicht/lexicon"
)

// scanner holds what one Scan call reuses from passage to passage.
type scanner struct {
	d        *Detector
	lang     zicht.Lang
	toks     []lexicon.Token
	hits     []hit
	headings map[string]*headingInfo
}

// heading returns what a section heading says, computed once per heading.
func (s *scanner) heading(h string) *headingInfo {
	if hi, ok := s.headings[h]; ok {
		return hi
	}
	hi := &headingInfo{}
	if h != "" {
		toks := lexicon.Tokenize(h, nil)
		a := s.d.resolve(h, toks, s.d.m.match(toks, h, s.lang, nil, maxHits))
		hi.groups = a.groups
		hi.topical = a.topical()
	}
	s.headings[h] = hi
	return hi
}

// analyse matches the lexicon in one passage and returns what it found, or
// nil when nothing in it can lead to a signal or link a group.
func (s *scanner) analyse(text string) *analysis {
	s.toks = lexicon.Tokenize(text, s.toks[:0])
	// The fast path: one pass over the content terms alone. Most passages
	// of an irrelevant text end here.
	if len(s.d.content.match(s.toks, text, s.lang, s.hits[:0], 1)) == 0 {
		return nil
	}
	s.hits = s.d.m.match(s.toks, text, s.lang, s.hits[:0], maxHits)
	content := false
	for _, h := range s.hits {
		content = content || s.d.m.entries[h.e].role.content()
	}
	if !content {
		return nil
	}
	// The analysis outlives this call (a paragraph is read as a whole), so
	// it gets its own tokens.
	return s.d.resolve(text, append([]lexicon.Token(nil), s.toks...), s.hits)
}

// analysis is one passage's resolved hits, by what they mean.
type analysis struct {
	d            *Detector
	text         string
	toks         []lexicon.Token
	groups       []zicht.GroupID // named in the passage, in order
	groupHits    []hit
	near         []zicht.GroupID // groups whose near terms the passage holds
	anaphorFirst bool            // the passage opens with an anaphor
	anaphorAny   bool            // the passage holds an anaphor anywhere ("zetten hen in")
	children     []hit
	population   []hit
	trafficking  []hit
	cues         map[zicht.Question][]hit
	targets      map[zicht.Question][]hit
	risks        []hit
	evidence     []hit
	levels       []hit
	levelLinks   []bool // per token: it ties a level word to a target before it
	triggers     []hit  // negation and hedge triggers that survived resolution
	scopes       []scope
	boundary     []bool // per token: it ends a clause
	boundaryBack []bool // per token: it opens a clause (ends backward scopes)
	question     bool   // the passage is a question
	covered      []bool // per token: part of a content hit
	anchor       []bool // per token: part of a children or population term
}

// scope is the stretch of tokens [from, to) a trigger acts on.
type scope struct {
	from, to int
	kind     lexicon.TriggerKind
	text     string // the trigger as written in the lexicon
}

func (a *analysis) entry(h hit) *entry { return &a.d.m.entries[h.e] }

// topical reports whether the passage is about children or trafficking:
// signals come only from such passages (or from those linked to them).
func (a *analysis) topical() bool {
	return a != nil && (len(a.children) > 0 || len(a.population) > 0 || len(a.trafficking) > 0 || len(a.cues[zicht.Q2]) > 0)
}

// resolve sorts hits into an analysis: group exclusions applied, overlapping
// cues resolved (the longest wins), triggers resolved (the longest wins, so
// pseudo-triggers cancel what they contain; a trigger inside a longer term is
// none), and trigger scopes computed.
func (d *Detector) resolve(text string, toks []lexicon.Token, hits []hit) *analysis {
	a := &analysis{d: d, text: text, toks: toks,
		cues: map[zicht.Question][]hit{}, targets: map[zicht.Question][]hit{},
		boundary: make([]bool, len(toks)), boundaryBack: make([]bool, len(toks)), levelLinks: make([]bool, len(toks)), covered: make([]bool, len(toks)), anchor: make([]bool, len(toks))}
	for i := len(toks) - 1; i >= 0; i-- {
		if toks[i].Kind == lexicon.TokenPunct && strings.Contains(`"')]`, toks[i].Norm) {
			continue
		}
		a.question = toks[i].Norm == "?"
		break
	}
	role := func(h hit) role { return d.m.entries[h.e].role }

	hits = uniqueHits(d, hits)
	var nots, notChildren, layer, trig, content []hit
	for _, h := range hits {
		switch role(h) {
		case roleGroupNot:
			nots = append(nots, h)
		case roleNotChildren:
			notChildren = append(notChildren, h)
		case roleRisk, roleEvidence, roleCue, roleTrafficking:
			layer = append(layer, h)
		case roleTrigger:
			trig = append(trig, h)
		}
	}
	layer = longestFirst(layer, true)
	for _, h := range hits {
		switch role(h) {
		case roleGroup, rolePopulation:
			content = append(content, h)
		}
	}
	content = append(content, layer...)

	// Groups, minus those inside a "not" phrase of the same group.
	seen := map[zicht.GroupID]bool{}
	for _, h := range hits {
		e := d.m.entries[h.e]
		if e.role != roleGroup {
			continue
		}
		excluded := false
		for _, n := range nots {
			excluded = excluded || d.m.entries[n.e].ref == e.ref && n.contains(h)
		}
		if excluded {
			continue
		}
		a.groupHits = append(a.groupHits, h)
		if id := zicht.GroupID(e.ref); !seen[id] {
			seen[id] = true
			a.groups = append(a.groups, id)
		}
	}

	firstWord := -1
	for i, t := range toks {
		if t.Kind != lexicon.TokenPunct {
			firstWord = i
			break
		}
	}
	for _, h := range hits {
		e := d.m.entries[h.e]
		switch e.role {
		case roleChildren:
			excluded := false
			for _, n := range notChildren {
				excluded = excluded || n.contains(h)
			}
			if !excluded {
				a.children = append(a.children, h)
			}
		case rolePopulation:
			a.population = append(a.population, h)
		case roleLevel:
			a.levels = append(a.levels, h)
		case roleLevelTarget:
			q := zicht.Question(e.ref)
			a.targets[q] = append(a.targets[q], h)
		case roleAnaphor:
			a.anaphorAny = true
			// At the very start, or after one opening word ("Ook zij").
			if firstWord >= 0 && h.from >= firstWord && wordsBetween(toks, firstWord, h.from) <= 1 {
				a.anaphorFirst = true
			}
		case roleBoundary:
			for i := h.from; i < h.to; i++ {
				a.boundary[i] = true
			}
		case roleBoundaryBack:
			for i := h.from; i < h.to; i++ {
				a.boundaryBack[i] = true
			}
		case roleLevelLink:
			for i := h.from; i < h.to; i++ {
				a.levelLinks[i] = true
			}
		}
	}
	for _, h := range layer {
		e := d.m.entries[h.e]
		switch e.role {
		case roleRisk:
			a.risks = append(a.risks, h)
		case roleEvidence:
			a.evidence = append(a.evidence, h)
		case roleCue:
			q := zicht.Question(e.ref)
			a.cues[q] = append(a.cues[q], h)
		case roleTrafficking:
			a.trafficking = append(a.trafficking, h)
		}
	}
	content = append(content, a.children...)
	for _, h := range content {
		for i := h.from; i < h.to; i++ {
			a.covered[i] = true
		}
	}
	for _, h := range append(append([]hit(nil), a.children...), a.population...) {
		for i := h.from; i < h.to; i++ {
			a.anchor[i] = true
		}
	}
	for i, t := range toks {
		if t.Kind == lexicon.TokenPunct && (t.Norm == "." || t.Norm == "!" || t.Norm == "?" || t.Norm == ";") {
			a.boundary[i] = true
		}
	}

	// A near term names its group beside a risk factor of the group's With
	// ("Syrian" and "married off" in one passage).
	for _, h := range hits {
		e := d.m.entries[h.e]
		id := zicht.GroupID(e.ref)
		if e.role != roleGroupNear {
			continue
		}
		if !slices.Contains(a.near, id) {
			a.near = append(a.near, id)
		}
		if seen[id] {
			continue
		}
		for _, r := range a.risks {
			if slices.Contains(d.groupWith[id], d.m.entries[r.e].ref) {
				seen[id] = true
				a.groups = append(a.groups, id)
				a.groupHits = append(a.groupHits, h)
				break
			}
		}
	}

	// Triggers: the longest wins; pseudo-triggers then drop out, and so does
	// a trigger that lies inside a longer term ("zonder papieren").
	for _, t := range longestFirst(trig, false) {
		e := d.m.entries[t.e]
		if e.trig == lexicon.Pseudo {
			continue
		}
		inside := false
		for _, c := range content {
			// A term with a gap ("kinderen ~3 inzetten") may hold a trigger
			// in its gap: "kinderen kan inzetten" is still hedged.
			inside = inside || c.contains(t) && c.len() > t.len() && !hasGap(d.m.entries[c.e].term)
		}
		if inside {
			continue
		}
		a.triggers = append(a.triggers, t)
		a.scopes = append(a.scopes, a.scopeOf(t, &d.m.entries[t.e])...)
	}
	return a
}

// uniqueHits drops a hit on the same tokens, with the same role and ref, as
// an earlier one ("uitbuiting" matches both "uitbuit*" and "*uitbuiting").
func uniqueHits(d *Detector, hits []hit) []hit {
	type key struct {
		from, to int
		role     role
		ref      string
	}
	seen := make(map[key]bool, len(hits))
	out := make([]hit, 0, len(hits))
	for _, h := range hits {
		e := &d.m.entries[h.e]
		k := key{h.from, h.to, e.role, e.ref}
		if e.role == roleTrigger {
			k.ref = string(e.trig) + " " + string(e.dir)
		}
		if !seen[k] {
			seen[k] = true
			out = append(out, h)
		}
	}
	return out
}

// wordsBetween counts the word tokens in toks[from:to].
func wordsBetween(toks []lexicon.Token, from, to int) int {
	n := 0
	for i := from; i < to; i++ {
		if toks[i].Kind != lexicon.TokenPunct {
			n++
		}
	}
	return n
}

// longestFirst keeps, of overlapping hits, the longest (the earliest when
// equally long); a hit inside a longer one never stays. With sameSpan, hits on exactly the same tokens as a kept
// hit are kept too (one word can be a cue and an evidence term); without it
// only the first of them is. The result is in token order.
func longestFirst(hits []hit, sameSpan bool) []hit {
	if len(hits) < 2 {
		return hits
	}
	// A hit inside a longer one gives way even when the longer one loses
	// to a third: in "officier van justitie eist drie jaar cel", "jaar cel"
	// (a conviction) lies inside "eist ~4 cel" (a prosecution).
	var sorted, kept []hit
	for _, h := range hits {
		if h.near {
			kept = append(kept, h) // see hit.near
			continue
		}
		inside := false
		for _, o := range hits {
			inside = inside || !o.near && o.contains(h) && o.len() > h.len()
		}
		if !inside {
			sorted = append(sorted, h)
		}
	}
	sort.SliceStable(sorted, func(i, j int) bool {
		if sorted[i].len() != sorted[j].len() {
			return sorted[i].len() > sorted[j].len()
		}
		return sorted[i].from < sorted[j].from
	})
	for _, h := range sorted {
		ok := true
		for _, k := range kept {
			if !k.near && k.overlaps(h) && !(sameSpan && k.from == h.from && k.to == h.to) {
				ok = false
				break
			}
		}
		if ok {
			kept = append(kept, h)
		}
	}
	sort.SliceStable(kept, func(i, j int) bool { return kept[i].from < kept[j].from })
	return kept
}

// scopeOf returns the scopes of trigger t: forward to the end of its clause,
// backward to the start of it, or both. A scope stops at a boundary and after
// the trigger's scope length; a backward scope also stops at a word that
// opens a clause ("dat", "which"), and that of a two-sided trigger at a comma.
func (a *analysis) scopeOf(t hit, e *entry) []scope {
	fwdMax, bwdMax := defaultForward, defaultBackward
	if e.dir == lexicon.Backward {
		bwdMax = defaultForward
	}
	if e.trig == lexicon.Risk {
		fwdMax, bwdMax = defaultRisk, defaultRisk
	}
	if e.term.Scope > 0 {
		fwdMax, bwdMax = e.term.Scope, e.term.Scope
	}
	var out []scope
	if e.dir == lexicon.Forward || e.dir == lexicon.Both {
		end := t.to
		for end < len(a.toks) && end < t.to+fwdMax && !a.boundary[end] {
			end++
		}
		out = append(out, scope{from: t.to, to: end, kind: e.trig, text: e.term.Text})
	}
	if e.dir == lexicon.Backward || e.dir == lexicon.Both {
		start := t.from
		for start > 0 && start > t.from-bwdMax && !a.boundary[start-1] && !a.boundaryBack[start-1] &&
			!(e.dir == lexicon.Both && a.toks[start-1].Norm == ",") {
			start--
		}
		out = append(out, scope{from: start, to: t.from, kind: e.trig, text: e.term.Text})
	}
	return out
}

// polarityOf returns how h is meant: negated when a negation's scope covers
// it, hedged when a hedge's does, else asserted; with the triggers.
func (a *analysis) polarityOf(h hit) (zicht.Polarity, []string) {
	var neg, hedge []string
	for _, s := range a.scopes {
		if s.kind == lexicon.Risk {
			continue
		}
		if s.from < h.to && h.from < s.to {
			if s.kind == lexicon.Negation {
				neg = append(neg, s.text)
			} else {
				hedge = append(hedge, s.text)
			}
		}
	}
	switch {
	case len(neg) > 0:
		return zicht.Negated, neg
	case len(hedge) > 0:
		return zicht.Hedged, hedge
	}
	return zicht.Asserted, nil
}

// polarity of a question over its cues: negated when at least as many cues
// are negated as asserted, else hedged likewise, else asserted.
func (a *analysis) polarity(cues []hit) (zicht.Polarity, []string) {
	count := map[zicht.Polarity]int{}
	trig := map[zicht.Polarity][]string{}
	for _, c := range cues {
		p, t := a.polarityOf(c)
		count[p]++
		trig[p] = append(trig[p], t...)
	}
	p := zicht.Asserted
	switch {
	case count[zicht.Negated] > 0 && count[zicht.Negated] >= count[zicht.Asserted]:
		p = zicht.Negated
	case count[zicht.Hedged] > 0 && count[zicht.Hedged] >= count[zicht.Asserted]:
		p = zicht.Hedged
	case a.question:
		// A question raises a possibility; it asserts nothing.
		return zicht.Hedged, []string{"?"}
	}
	return p, dedupe(trig[p])
}

// atRisk reports whether h lies in the scope of a risk trigger: it names
// what the group is vulnerable to ("kwetsbaar voor mensenhandel").
func (a *analysis) atRisk(h hit) bool {
	for _, s := range a.scopes {
		if s.kind == lexicon.Risk && s.from <= h.from && h.from < s.to {
			return true
		}
	}
	return false
}

// level returns the level worded for question q: a level word at most
// levelWindow words from a target of q, with no punctuation or boundary in
// between and not qualifying another term; the nearest wins, and a longer
// level term holding it wins over it ("redelijk grote kwetsbaarheid" is fair).
// Failing that, a level word in predicative position: after a target of q,
// at most predicativeWindow words on in the same clause, right after a level
// link ("het risico ... is hoog", "describes the vulnerability ... as
// moderate") or ending the clause ("acht de kwetsbaarheid ... zeer hoog").
func (a *analysis) level(q zicht.Question) (zicht.Level, string) {
	best, bestDist := -1, math.MaxInt
	for li, l := range a.levels {
		for _, t := range a.targets[q] {
			dist := 0
			lo, hi := l.to, t.from
			if t.to <= l.from {
				lo, hi = t.to, l.from
			}
			if !l.overlaps(t) {
				// Count words: "risico's" is one, though two tokens.
				dist = a.words(lo, hi)
				// A level word right before another term qualifies that
				// term: "hoge schulden ... risico" words no level.
				qualifiesOther := l.to < t.from && a.covered[l.to]
				if dist > levelWindow || a.broken(lo, hi) || qualifiesOther {
					continue
				}
			}
			if dist < bestDist {
				best, bestDist = li, dist
			}
		}
	}
	if best >= 0 {
		return a.levelOf(a.widest(a.levels[best]))
	}
	for _, t := range a.targets[q] {
		for _, l := range a.levels {
			if l.from < t.to || a.words(t.to, l.from) > predicativeWindow || a.broken(t.to, l.from) {
				continue
			}
			// The run of level words that starts here ("zeer hoog",
			// "redelijk groot"): a longer term for it wins, else its last
			// word ("zeer licht" is slight).
			run := a.widest(l)
			for {
				next := -1
				for lj, m := range a.levels {
					if m.from == run.to && (next < 0 || m.len() > a.levels[next].len()) {
						next = lj
					}
				}
				if next < 0 {
					break
				}
				run = a.levels[next]
			}
			linked := l.from > 0 && a.levelLinks[l.from-1]
			atEnd := run.to == len(a.toks) || a.toks[run.to].Kind == lexicon.TokenPunct || a.boundary[run.to]
			if (!linked && !atEnd) || run.to < len(a.toks) && a.covered[run.to] && !a.levelLinks[run.to] {
				continue
			}
			return a.levelOf(run)
		}
	}
	return zicht.LevelUnknown, ""
}

// widest returns the longest level hit that holds l (l itself when none).
func (a *analysis) widest(l hit) hit {
	for _, m := range a.levels {
		if m.contains(l) && m.len() > l.len() {
			l = m
		}
	}
	return l
}

// levelOf returns the level and lexicon term of a level hit.
func (a *analysis) levelOf(l hit) (zicht.Level, string) {
	e := a.entry(l)
	return zicht.Level(e.ref), e.term.Text
}

// words counts the words in tokens [lo, hi): "risico's" is one, though two tokens.
func (a *analysis) words(lo, hi int) int {
	n := 0
	for i := lo; i < hi; i++ {
		if !a.toks[i].Joined {
			n++
		}
	}
	return n
}

// broken reports whether tokens [lo, hi) hold punctuation or a boundary.
func (a *analysis) broken(lo, hi int) bool {
	for i := lo; i < hi; i++ {
		if a.boundary[i] || a.toks[i].Kind == lexicon.TokenPunct {
			return true
		}
	}
	return false
}

// evidenceType returns the strongest evidence type the passage reports
// (acquittal whenever it reports one) and the terms of that type. Cues in
// the scope of a negation do not count.
func (a *analysis) evidenceType() (zicht.EvidenceType, []string) {
	best := zicht.EvidenceNone
	var terms []string
	for _, h := range a.evidence {
		if p, _ := a.polarityOf(h); p == zicht.Negated || a.inNegation(h) {
			continue
		}
		e := a.entry(h)
		switch t := zicht.EvidenceType(e.ref); {
		case strongerEvidence(t, best):
			best, terms = t, []string{e.term.Text}
		case t == best:
			terms = append(terms, e.term.Text)
		}
	}
	return best, dedupe(terms)
}

// hasRisk reports whether the passage names one of the risk factors ids.
func (a *analysis) hasRisk(ids []string) bool {
	for _, r := range a.risks {
		if slices.Contains(ids, a.entry(r).ref) {
			return true
		}
	}
	return false
}

// inNegation reports whether h lies in a negation trigger: "geen signalen"
// reports no signals, so "signalen" there is no evidence. An acquittal is
// a denial itself: "vrijgesproken van" reports one.
func (a *analysis) inNegation(h hit) bool {
	if zicht.EvidenceType(a.entry(h).ref) == zicht.Acquittal {
		return false
	}
	for _, t := range a.triggers {
		if e := a.entry(t); e.trig == lexicon.Negation && t.overlaps(h) {
			return true
		}
	}
	return false
}

// legal returns the cues of convictions, prosecutions and acquittals.
func (a *analysis) legal() []hit {
	var out []hit
	for _, h := range a.evidence {
		switch zicht.EvidenceType(a.entry(h).ref) {
		case zicht.Conviction, zicht.Prosecution, zicht.Acquittal:
			out = append(out, h)
		}
	}
	return out
}

// signals appends the passage's signals to out: for every linked group and
// every question the passage speaks to, or for "other" when it is about
// children and trafficking but linked to no group.
func (a *analysis) signals(base zicht.Signal, ctx setting, out []zicht.Signal) []zicht.Signal {
	var q1, q2 []hit
	q1 = append(q1, a.cues[zicht.Q1]...)
	anchors := len(a.cues[zicht.Q2]) + len(a.trafficking)
	for _, h := range append(append([]hit(nil), a.cues[zicht.Q2]...), a.trafficking...) {
		// What a group is at risk of is no sign that it is targeted.
		if !a.atRisk(h) {
			q2 = append(q2, h)
		}
	}
	sortHits(q2)
	var riskIDs, riskTerms []string
	for _, h := range a.risks {
		e := a.entry(h)
		riskIDs = append(riskIDs, e.ref)
		riskTerms = append(riskTerms, e.term.Text)
		if a.d.q1Risks[e.ref] {
			q1 = append(q1, h)
		}
		if a.d.q2Risks[e.ref] {
			q2 = append(q2, h)
		}
	}
	sortHits(q1)
	riskIDs = dedupe(riskIDs)
	ev, evTerms := a.evidenceType()
	if ev == zicht.EvidenceNone {
		ev = ctx.evidence
	}

	make1 := func(g zicht.GroupID, direct bool, q zicht.Question, cues []hit, lead []string) zicht.Signal {
		s := base
		s.Group, s.Question = g, q
		s.Polarity, s.Triggers = a.polarity(cues)
		var lvlTerm string
		s.Level, lvlTerm = a.level(q)
		s.EvidenceType = ev
		s.RiskFactors = append([]string{}, riskIDs...)
		terms := append([]string{}, lead...)
		for _, c := range cues {
			terms = append(terms, a.entry(c).term.Text)
		}
		if q == zicht.Q1 {
			terms = append(terms, riskTerms...)
		}
		if lvlTerm != "" {
			terms = append(terms, lvlTerm)
		}
		s.Terms = dedupe(append(terms, evTerms...))
		if s.Terms == nil {
			s.Terms = []string{}
		}
		s.Score = score(len(s.Terms), s.Level, ev, direct, g == zicht.GroupOther)
		return s
	}

	if len(ctx.linked) > 0 {
		if !ctx.topical && !a.topical() {
			return out
		}
		for _, l := range ctx.linked {
			var gt []string
			for _, h := range a.groupHits {
				if e := a.entry(h); zicht.GroupID(e.ref) == l.id {
					gt = append(gt, e.term.Text)
				}
			}
			if len(q1) > 0 {
				out = append(out, make1(l.id, l.direct, zicht.Q1, q1, gt))
			}
			cues := q2
			if len(cues) == 0 && l.direct {
				cues = a.legal() // a conviction or prosecution about the group itself
			}
			if len(cues) > 0 {
				out = append(out, make1(l.id, l.direct, zicht.Q2, cues, gt))
			}
		}
		return out
	}
	// "other": children (named here, or carried by an anaphor) and
	// trafficking, and no group.
	if anchors == 0 || ctx.population == "" || ctx.noOther {
		return out
	}
	var lead []string
	if len(a.population) > 0 || len(a.children) > 0 {
		_, t := a.populationPhrase()
		lead = append(lead, t)
	}
	if len(q1) > 0 {
		s := make1(zicht.GroupOther, false, zicht.Q1, q1, lead)
		s.Population = ctx.population
		out = append(out, s)
	}
	if len(q2) > 0 {
		s := make1(zicht.GroupOther, false, zicht.Q2, q2, lead)
		s.Population = ctx.population
		out = append(out, s)
	}
	return out
}

// sortHits orders hits by position.
func sortHits(h []hit) {
	sort.SliceStable(h, func(i, j int) bool { return h[i].from < h[j].from })
}

// population0 returns the population the passage names, or "".
func (a *analysis) population0() string {
	if len(a.population) == 0 && len(a.children) == 0 {
		return ""
	}
	p, _ := a.populationPhrase()
	return p
}

// score ranks a signal for review, in [0, 1]: more matched terms, a worded
// level, stronger evidence and a group named in the passage itself score
// higher; "other" scores a little lower, being a guess at a new group.
func score(terms int, l zicht.Level, ev zicht.EvidenceType, direct, other bool) float64 {
	s := 0.25 + 0.06*float64(min(terms, 6))
	if l != zicht.LevelUnknown {
		s += 0.12
	}
	s += 0.03 * float64(ev.Strength())
	if ev == zicht.Policy {
		s += 0.02
	}
	if direct {
		s += 0.12
	}
	if other {
		s -= 0.05
	}
	s = max(0, min(1, s))
	return math.Round(s*1000) / 1000
}

// populationPhrase names the population of an "other" passage: the longest
// population phrase, else the noun phrase around the first children term.
// It returns the phrase as written in the passage and the lexicon term.
func (a *analysis) populationPhrase() (string, string) {
	if len(a.population) > 0 {
		best := a.population[0]
		for _, h := range a.population[1:] {
			if h.len() > best.len() {
				best = h
			}
		}
		return a.span(best.from, best.to), a.entry(best).term.Text
	}
	c := a.children[0]
	from, to := c.from, c.to
	// Left: up to two words that look like qualifiers ("Vietnamese",
	// "alleenstaande", "unaccompanied"), not stop words, not other terms.
	for n := 0; n < 2 && from > 0 && a.qualifier(from-1, true); n++ {
		from--
	}
	// Right: one noun after an adjectival children term ("minderjarige
	// drugskoeriers", "child soldiers").
	if to < len(a.toks) && adjectival(a.toks[to-1].Norm) && a.qualifier(to, false) {
		to++
	}
	return a.span(from, to), a.entry(c).term.Text
}

// qualifier reports whether token i may join a population phrase.
func (a *analysis) qualifier(i int, left bool) bool {
	t := a.toks[i]
	if t.Kind != lexicon.TokenWord || a.d.stop[t.Norm] || a.covered[i] && !a.anchor[i] {
		return false
	}
	for _, h := range a.triggers {
		if i >= h.from && i < h.to {
			return false
		}
	}
	if !left {
		return true
	}
	r, _ := utf8.DecodeRuneInString(a.text[t.Start:t.End])
	if unicode.IsUpper(r) && i > 0 {
		return true // "Vietnamese", "Albanese"
	}
	for _, suf := range []string{"e", "ed", "ing", "an", "ese", "ish", "ous", "ble", "less", "ful", "ic", "al", "nt"} {
		if strings.HasSuffix(t.Norm, suf) {
			return true
		}
	}
	return false
}

// adjectival reports whether a children term is used before a noun:
// Dutch adjectives in -ige ("minderjarige") and English attributive nouns.
func adjectival(norm string) bool {
	switch norm {
	case "child", "underage", "minor", "juvenile", "teen", "teenage", "youth", "kind":
		return true
	}
	return strings.HasSuffix(norm, "ige")
}

// span returns the passage text of tokens [from, to).
func (a *analysis) span(from, to int) string {
	return validText(a.text[a.toks[from].Start:a.toks[to-1].End])
}

// dedupe removes repeated strings, keeping the first of each.
func dedupe(s []string) []string {
	if len(s) < 2 {
		return s
	}
	seen := make(map[string]bool, len(s))
	out := s[:0:0]
	for _, v := range s {
		if !seen[v] {
			seen[v] = true
			out = append(out, v)
		}
	}
	return out
}

// hasGap reports whether a term lets other words stand between its words.
func hasGap(t lexicon.Term) bool {
	if len(t.Near) > 0 {
		return true // a proximity rule is all gap
	}
	for _, w := range t.Words {
		if w.Gap > 0 {
			return true
		}
	}
	return false
}
