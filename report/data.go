// Package report renders the published overview of zicht: one panel per
// group with its levels for both questions, the short account of the
// evidence, the recommended step and the confidence. It renders a
// publication (a frozen snapshot) or the current state as SVG, a
// self-contained HTML page, PDF, Markdown briefs per group, and CSV and JSON
// exports.
//
// Every output is reproducible: the same data gives the same bytes. Nothing
// depends on map order or the clock; the only date shown is the
// publication's date, or for the current state the newest assessment's time.
package report

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/zicht-project/zicht"
	"github.com/zicht-project/zicht/baseline"
	"github.com/zicht-project/zicht/overview"
)

// Store is what the report reads.
type Store interface {
	overview.Store
	Recommendations(ctx context.Context, g zicht.GroupID) ([]zicht.Recommendation, error)
	Assessment(ctx context.Context, id zicht.AssessmentID) (*zicht.Assessment, error)
	Publications(ctx context.Context) ([]zicht.Publication, error)
	Signal(ctx context.Context, id zicht.SignalID) (*zicht.Signal, error)
	Document(ctx context.Context, id zicht.DocumentID) (*zicht.Document, error)
}

// Order is how panels are sorted.
type Order string

// The panel orders.
const (
	// OrderGroup keeps the groups' own order (the baseline overview's order).
	OrderGroup Order = "group"
	// OrderLevel puts the most vulnerable groups first (Q1, then Q2).
	OrderLevel Order = "level"
	// OrderName sorts by the group's name in the report's language.
	OrderName Order = "name"
)

// ParseOrder returns the order named s ("" gives OrderGroup), or a CodeInvalid error.
func ParseOrder(s string) (Order, error) {
	switch o := Order(strings.ToLower(strings.TrimSpace(s))); o {
	case "":
		return OrderGroup, nil
	case OrderGroup, OrderLevel, OrderName:
		return o, nil
	}
	return "", zicht.Errorf(zicht.CodeInvalid, "unknown order %q (want group, level or name)", s)
}

// Current is the publication argument that selects the current state.
const Current = "current"

// Options choose what Build reads and how it sorts.
type Options struct {
	// Publication is a publication id, or "current" (the default when empty)
	// for the latest approved assessments.
	Publication string
	Lang        zicht.Lang // default Dutch
	Order       Order      // default OrderGroup
}

// Answer is a panel's state for one question.
type Answer struct {
	Level      zicht.Level       // LevelUnknown when no level is named
	Summary    zicht.Text        // the assessment's short account
	Assessment *zicht.Assessment // nil when the group has none for the question
	// Key is the strongest evidence behind the level: the approved
	// assessment's items or, for the current state without them, the latest
	// computed suggestion's (then FromSuggestion is true). At most MaxKey.
	Key            []Key
	FromSuggestion bool
}

// MaxKey is how many key items an answer lists.
const MaxKey = 5

// Key is one item of evidence (or a signal) behind a level, with its weight
// in the suggestion and where it comes from.
type Key struct {
	Type     zicht.EvidenceType
	Polarity zicht.Polarity
	Level    zicht.Level
	Weight   float64
	Text     string
	Citation string // the evidence's citation, else the document's title and id
	Evidence zicht.EvidenceID
	Signal   zicht.SignalID
}

// Point is a group's levels in one publication.
type Point struct {
	Publication int64
	Date        time.Time
	Q1, Q2      zicht.Level
}

// Panel is one group in the overview.
type Panel struct {
	Group  zicht.Group
	Q1, Q2 Answer
	// Confidence is the latest computed suggestion's grade for the current
	// state, or the published assessments' own; empty when unknown.
	Confidence      zicht.Confidence
	Recommendations []zicht.Recommendation
	// History is the group's approved assessments up to the report's date, oldest first.
	History []zicht.Assessment
	// Trend is the group's levels in every publication up to this one
	// (all of them for the current state), oldest first.
	Trend []Point
}

// Answer returns the panel's answer for q.
func (p *Panel) Answer(q zicht.Question) *Answer {
	if q == zicht.Q2 {
		return &p.Q2
	}
	return &p.Q1
}

// Data is everything a report shows.
type Data struct {
	Title       zicht.Text
	Date        time.Time // the publication's date, or the newest assessment's time; zero when none
	Publication int64     // zero for the current state
	Lang        zicht.Lang
	Order       Order
	Panels      []Panel
}

// Source names where the data comes from, as "publication N" or "current".
func (d *Data) Source() string {
	if d.Publication == 0 {
		return Current
	}
	return fmt.Sprintf("publication %d", d.Publication)
}

// Build reads the report's data from st. An unknown publication is a
// CodeNotFound error, a malformed one CodeInvalid.
func Build(ctx context.Context, st Store, opt Options) (*Data, error) {
	if opt.Lang == "" {
		opt.Lang = zicht.Dutch
	}
	if opt.Order == "" {
		opt.Order = OrderGroup
	}
	var (
		d           *Data
		err         error
		suggestions map[zicht.GroupID][2]*zicht.Assessment
	)
	if opt.Publication == "" || opt.Publication == Current {
		d, suggestions, err = current(ctx, st)
	} else {
		id, perr := strconv.ParseInt(opt.Publication, 10, 64)
		if perr != nil || id <= 0 {
			return nil, zicht.Errorf(zicht.CodeInvalid, "publication %q: want a number or %q", opt.Publication, Current)
		}
		d, err = published(ctx, st, id)
	}
	if err != nil {
		return nil, err
	}
	d.Lang, d.Order = opt.Lang, opt.Order
	if err := addRecommendations(ctx, st, d); err != nil {
		return nil, err
	}
	if err := addHistory(ctx, st, d); err != nil {
		return nil, err
	}
	if err := addKey(ctx, st, d, suggestions); err != nil {
		return nil, err
	}
	if err := addTrend(ctx, st, d); err != nil {
		return nil, err
	}
	d.sort()
	return d, nil
}

// current reads the current state; it also returns the latest computed
// suggestions per group (Q1, Q2), whose items explain answers that have none.
func current(ctx context.Context, st Store) (*Data, map[zicht.GroupID][2]*zicht.Assessment, error) {
	ov, err := overview.Build(ctx, st)
	if err != nil {
		return nil, nil, fmt.Errorf("report: %w", err)
	}
	sugg := map[zicht.GroupID][2]*zicht.Assessment{}
	d := &Data{Title: zicht.Text{
		NL: "Kwetsbare groepen kinderen en mensenhandel — actueel overzicht",
		EN: "Vulnerable groups of children and human trafficking — current overview",
	}}
	for _, r := range ov.Rows {
		p := Panel{Group: r.Group, Confidence: r.Confidence()}
		for _, q := range zicht.Questions {
			c := r.Cell(q)
			a := p.Answer(q)
			// The overview reads assessments without their items; the report
			// cites them, so read those it shows in full.
			for _, ptr := range []**zicht.Assessment{&c.Current, &c.Suggestion} {
				if *ptr != nil {
					full, err := st.Assessment(ctx, (*ptr).ID)
					if err != nil {
						return nil, nil, fmt.Errorf("report: %w", err)
					}
					*ptr = full
				}
			}
			if c.Current != nil {
				a.Level, a.Summary, a.Assessment = c.Current.Final, c.Current.Summary, c.Current
				d.Date = latest(d.Date, c.Current.ApprovedAt, c.Current.CreatedAt)
			}
			if c.Suggestion != nil {
				d.Date = latest(d.Date, c.Suggestion.CreatedAt)
				s := sugg[r.Group.ID]
				s[qi(q)] = c.Suggestion
				sugg[r.Group.ID] = s
			}
		}
		d.Panels = append(d.Panels, p)
	}
	return d, sugg, nil
}

func qi(q zicht.Question) int {
	if q == zicht.Q2 {
		return 1
	}
	return 0
}

func published(ctx context.Context, st Store, id int64) (*Data, error) {
	pubs, err := st.Publications(ctx)
	if err != nil {
		return nil, fmt.Errorf("report: %w", err)
	}
	i := slices.IndexFunc(pubs, func(p zicht.Publication) bool { return p.ID == id })
	if i < 0 {
		return nil, zicht.Errorf(zicht.CodeNotFound, "publication %d not found", id)
	}
	pub := pubs[i]
	d := &Data{Title: zicht.Text{NL: pub.Title, EN: pub.Title}, Date: pub.Date, Publication: pub.ID}
	if pub.CreatedBy == baseline.Author {
		if b, err := baseline.Parse(); err == nil {
			d.Title = b.Study.Title
		}
	}
	groups, err := st.Groups(ctx)
	if err != nil {
		return nil, fmt.Errorf("report: %w", err)
	}
	index := map[zicht.GroupID]int{}
	for _, aid := range pub.Assessments {
		a, err := st.Assessment(ctx, aid)
		if err != nil {
			return nil, fmt.Errorf("report: publication %d: %w", id, err)
		}
		pi, ok := index[a.Group]
		if !ok {
			gi := slices.IndexFunc(groups, func(g zicht.Group) bool { return g.ID == a.Group })
			g := zicht.Group{ID: a.Group, Name: zicht.Text{NL: string(a.Group), EN: string(a.Group)}, Order: len(groups) + 1}
			if gi >= 0 {
				g = groups[gi]
			}
			pi = len(d.Panels)
			index[a.Group] = pi
			d.Panels = append(d.Panels, Panel{Group: g})
		}
		p := &d.Panels[pi]
		ans := p.Answer(a.Question)
		ans.Level, ans.Summary, ans.Assessment = a.Final, a.Summary, a
		if a.Confidence != "" && (a.Question == zicht.Q1 || p.Confidence == "") {
			p.Confidence = a.Confidence
		}
	}
	return d, nil
}

func addRecommendations(ctx context.Context, st Store, d *Data) error {
	recs, err := st.Recommendations(ctx, "")
	if err != nil {
		return fmt.Errorf("report: %w", err)
	}
	for i := range d.Panels {
		p := &d.Panels[i]
		for _, r := range recs {
			if r.Group == p.Group.ID && r.Status != "dropped" {
				p.Recommendations = append(p.Recommendations, r)
			}
		}
		slices.SortStableFunc(p.Recommendations, func(a, b zicht.Recommendation) int { return cmp.Compare(a.ID, b.ID) })
	}
	return nil
}

func addHistory(ctx context.Context, st Store, d *Data) error {
	for i := range d.Panels {
		p := &d.Panels[i]
		all, err := st.Assessments(ctx, zicht.AssessmentFilter{Group: p.Group.ID, Status: zicht.Approved})
		if err != nil {
			return fmt.Errorf("report: %w", err)
		}
		for _, a := range all {
			if d.Publication != 0 && a.ApprovedAt.After(d.Date) {
				continue // approved after the publication: not part of its history
			}
			p.History = append(p.History, a)
		}
	}
	return nil
}

// addKey lists the strongest items behind every answer.
func addKey(ctx context.Context, st Store, d *Data, sugg map[zicht.GroupID][2]*zicht.Assessment) error {
	titles := map[zicht.DocumentID]string{}
	cite := func(doc zicht.DocumentID) (string, error) {
		if doc == "" {
			return "", nil
		}
		if t, ok := titles[doc]; ok {
			return t, nil
		}
		dd, err := st.Document(ctx, doc)
		if err != nil {
			return "", fmt.Errorf("report: %w", err)
		}
		t := dd.Title
		if dd.Canonical != "" {
			t = strings.TrimSpace(t + " (" + dd.Canonical + ")")
		}
		if t == "" {
			t = doc.Short()
		}
		titles[doc] = t
		return t, nil
	}
	for i := range d.Panels {
		p := &d.Panels[i]
		var evidence map[zicht.EvidenceID]zicht.Evidence
		for _, q := range zicht.Questions {
			a := p.Answer(q)
			var items []zicht.Item
			if a.Assessment != nil {
				items = a.Assessment.Items
			}
			if s := sugg[p.Group.ID][qi(q)]; len(items) == 0 && s != nil && len(s.Items) > 0 {
				items, a.FromSuggestion = s.Items, true
			}
			items = slices.Clone(items)
			items = slices.DeleteFunc(items, func(it zicht.Item) bool { return it.Weight == 0 })
			slices.SortStableFunc(items, func(x, y zicht.Item) int { return cmp.Compare(abs(y.Weight), abs(x.Weight)) })
			for _, it := range items[:min(len(items), MaxKey)] {
				k := Key{Type: it.Type, Polarity: it.Polarity, Level: it.Level, Weight: it.Weight, Text: it.Note,
					Evidence: it.Evidence, Signal: it.Signal}
				doc := it.Doc
				switch {
				case it.Evidence != 0:
					if evidence == nil {
						all, err := st.Evidence(ctx, zicht.EvidenceFilter{Group: p.Group.ID})
						if err != nil {
							return fmt.Errorf("report: %w", err)
						}
						evidence = map[zicht.EvidenceID]zicht.Evidence{}
						for _, e := range all {
							evidence[e.ID] = e
						}
					}
					if e, ok := evidence[it.Evidence]; ok {
						k.Text, k.Citation = e.Text, e.Citation
						if doc == "" {
							doc = e.Doc
						}
					}
				case it.Signal != 0:
					sg, err := st.Signal(ctx, it.Signal)
					if err != nil {
						return fmt.Errorf("report: %w", err)
					}
					k.Text = sg.Text
					if doc == "" {
						doc = sg.Doc
					}
				}
				if k.Citation == "" {
					c, err := cite(doc)
					if err != nil {
						return err
					}
					k.Citation = c
				}
				a.Key = append(a.Key, k)
			}
		}
	}
	return nil
}

func abs(f float64) float64 {
	if f < 0 {
		return -f
	}
	return f
}

// addTrend gives every panel its levels over the publications.
func addTrend(ctx context.Context, st Store, d *Data) error {
	pubs, err := st.Publications(ctx)
	if err != nil {
		return fmt.Errorf("report: %w", err)
	}
	slices.SortStableFunc(pubs, func(a, b zicht.Publication) int { return cmp.Or(a.Date.Compare(b.Date), cmp.Compare(a.ID, b.ID)) })
	index := map[zicht.GroupID]int{}
	for i := range d.Panels {
		index[d.Panels[i].Group.ID] = i
	}
	for _, pub := range pubs {
		if d.Publication != 0 && (pub.Date.After(d.Date) || pub.Date.Equal(d.Date) && pub.ID > d.Publication) {
			continue // published after this one
		}
		points := map[zicht.GroupID]*Point{}
		for _, id := range pub.Assessments {
			a, err := st.Assessment(ctx, id)
			if err != nil {
				return fmt.Errorf("report: publication %d: %w", pub.ID, err)
			}
			pi, ok := index[a.Group]
			if !ok {
				continue
			}
			pt := points[a.Group]
			if pt == nil {
				d.Panels[pi].Trend = append(d.Panels[pi].Trend, Point{Publication: pub.ID, Date: pub.Date})
				pt = &d.Panels[pi].Trend[len(d.Panels[pi].Trend)-1]
				points[a.Group] = pt
			}
			if a.Question == zicht.Q2 {
				pt.Q2 = a.Final
			} else {
				pt.Q1 = a.Final
			}
		}
	}
	return nil
}

func (d *Data) sort() {
	byGroup := func(a, b Panel) int {
		return cmp.Or(cmp.Compare(a.Group.Order, b.Group.Order), cmp.Compare(a.Group.ID, b.Group.ID))
	}
	switch d.Order {
	case OrderLevel:
		slices.SortStableFunc(d.Panels, func(a, b Panel) int {
			return cmp.Or(cmp.Compare(b.Q1.Level.Rank(), a.Q1.Level.Rank()),
				cmp.Compare(b.Q2.Level.Rank(), a.Q2.Level.Rank()), byGroup(a, b))
		})
	case OrderName:
		slices.SortStableFunc(d.Panels, func(a, b Panel) int {
			return cmp.Or(cmp.Compare(strings.ToLower(a.Group.Name.In(d.Lang)), strings.ToLower(b.Group.Name.In(d.Lang))), byGroup(a, b))
		})
	default:
		slices.SortStableFunc(d.Panels, byGroup)
	}
}

func latest(t time.Time, ts ...time.Time) time.Time {
	for _, u := range ts {
		if u.After(t) {
			t = u
		}
	}
	return t
}

// Group returns the panel of group id, or a CodeNotFound error.
func (d *Data) Group(id zicht.GroupID) (*Panel, error) {
	for i := range d.Panels {
		if d.Panels[i].Group.ID == id {
			return &d.Panels[i], nil
		}
	}
	return nil, zicht.Errorf(zicht.CodeNotFound, "group %s is not in %s", id, d.Source())
}
