package detect

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"github.com/zicht-project/zicht"
)

// GoldItem is one annotated passage of a gold set: the labels an analyst
// gave it, in the layout of the shared evaluation files (one JSON object a
// line). Text holds the passage itself; in the directory layout it is read
// from <dir>/<id>.txt instead.
type GoldItem struct {
	ID     string   `json:"id"`
	Lang   string   `json:"lang"`
	Text   string   `json:"text,omitempty"`
	Source string   `json:"source,omitempty"`
	Groups []string `json:"groups"` // full group ids or "other"; G1…G7 and OTHER are read too
	// Population names the population of an "other" passage.
	Population *string `json:"population"`
	// Level is the vulnerability (Q1) level the passage words, or nil.
	Level *string `json:"q1_level"`
	// Relation is the stance on traffickers acting on the group: asserted,
	// negated (also written "denied"), hedged or none.
	Relation    string   `json:"trafficking_relation"`
	Evidence    string   `json:"evidence_type"`
	RiskFactors []string `json:"risk_factors"`
	Note        string   `json:"note,omitempty"`
}

// shortGroups maps the short labels of the shared evaluation files to ids.
var shortGroups = map[string]zicht.GroupID{
	"G1": "jihadist-recruitment", "G2": "anorexia-nervosa", "G3": "undocumented-family-exploitation",
	"G4": "roma", "G5": "supply-chain-child-labour", "G6": "lgbt", "G7": "syrian-child-brides",
	"OTHER": zicht.GroupOther,
}

// groupID reads a gold group label: a full id, "other", or a short label.
func groupID(s string) zicht.GroupID {
	if g, ok := shortGroups[strings.ToUpper(s)]; ok {
		return g
	}
	return zicht.GroupID(strings.ToLower(s))
}

// relation reads a gold stance as a polarity, or "none".
func relation(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	switch s {
	case "denied":
		return string(zicht.Negated)
	case "":
		return "none"
	}
	return s
}

// ReadGold reads a gold set in JSON lines. Blank lines are skipped; a line
// that is no gold item is a CodeInvalid error naming name and the line.
func ReadGold(r io.Reader, name string) ([]GoldItem, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(nil, 1<<20)
	var items []GoldItem
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" {
			continue
		}
		var it GoldItem
		if err := json.Unmarshal([]byte(line), &it); err != nil {
			return nil, zicht.Errorf(zicht.CodeInvalid, "%s:%d: %v", name, n, err)
		}
		if it.ID == "" {
			return nil, zicht.Errorf(zicht.CodeInvalid, "%s:%d: item has no id", name, n)
		}
		switch relation(it.Relation) {
		case string(zicht.Asserted), string(zicht.Negated), string(zicht.Hedged), "none":
		default:
			return nil, zicht.Errorf(zicht.CodeInvalid, "%s:%d: unknown trafficking_relation %q", name, n, it.Relation)
		}
		if _, err := zicht.ParseEvidenceType(it.Evidence); err != nil {
			return nil, zicht.Errorf(zicht.CodeInvalid, "%s:%d: %v", name, n, err)
		}
		if it.Level != nil {
			if _, err := zicht.ParseLevel(*it.Level); err != nil {
				return nil, zicht.Errorf(zicht.CodeInvalid, "%s:%d: %v", name, n, err)
			}
		}
		items = append(items, it)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read %s: %w", name, err)
	}
	return items, nil
}

// LoadGold reads a gold set from path: a JSON-lines file whose items carry
// their text, or a directory in the layout of the shared evaluation set
// (gold-*.jsonl with the labels and <id>.txt with each passage; when the
// directory has a dev/ folder, that is read). A missing file, a directory
// without gold files or an unreadable item is a CodeInvalid error.
func LoadGold(path string) ([]GoldItem, error) {
	info, err := os.Stat(path)
	if err != nil {
		return nil, zicht.Errorf(zicht.CodeInvalid, "%s: %v", path, describeErr(err))
	}
	if !info.IsDir() {
		return loadGoldFile(path, "")
	}
	dir := path
	if sub := filepath.Join(path, "dev"); isDir(sub) {
		dir = sub
	}
	files, _ := filepath.Glob(filepath.Join(dir, "gold-*.jsonl"))
	if len(files) == 0 {
		return nil, zicht.Errorf(zicht.CodeInvalid, "%s: no gold-*.jsonl files", path)
	}
	var items []GoldItem
	for _, f := range files {
		its, err := loadGoldFile(f, dir)
		if err != nil {
			return nil, err
		}
		items = append(items, its...)
	}
	return items, nil
}

func isDir(p string) bool {
	info, err := os.Stat(p)
	return err == nil && info.IsDir()
}

func describeErr(err error) string {
	if os.IsNotExist(err) {
		return "no such file or directory"
	}
	if os.IsPermission(err) {
		return "permission denied"
	}
	return err.Error()
}

// loadGoldFile reads one gold file; with dir, items without text read it
// from dir/<id>.txt.
func loadGoldFile(name, dir string) ([]GoldItem, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, zicht.Errorf(zicht.CodeInvalid, "%s: %v", name, describeErr(err))
	}
	defer f.Close()
	items, err := ReadGold(f, name)
	if err != nil {
		return nil, err
	}
	for i := range items {
		if items[i].Text != "" {
			continue
		}
		if dir == "" {
			return nil, zicht.Errorf(zicht.CodeInvalid, "%s: item %s has no text", name, items[i].ID)
		}
		b, err := os.ReadFile(filepath.Join(dir, items[i].ID+".txt"))
		if err != nil {
			return nil, zicht.Errorf(zicht.CodeInvalid, "%s: item %s: %v", name, items[i].ID, describeErr(err))
		}
		items[i].Text = string(b)
	}
	return items, nil
}

// Score is precision, recall and F1 from true and false positives and false negatives.
type Score struct {
	TP        int     `json:"tp"`
	FP        int     `json:"fp"`
	FN        int     `json:"fn"`
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"`
}

func newScore(tp, fp, fn int) Score {
	s := Score{TP: tp, FP: fp, FN: fn}
	if tp > 0 {
		s.Precision = float64(tp) / float64(tp+fp)
		s.Recall = float64(tp) / float64(tp+fn)
		s.F1 = 2 * s.Precision * s.Recall / (s.Precision + s.Recall)
	}
	return s
}

// Accuracy is a share of items right.
type Accuracy struct {
	OK    int     `json:"ok"`
	N     int     `json:"n"`
	Ratio float64 `json:"ratio"`
}

func newAccuracy(ok, n int) Accuracy {
	a := Accuracy{OK: ok, N: n}
	if n > 0 {
		a.Ratio = round3(float64(ok) / float64(n))
	}
	return a
}

func round3(f float64) float64 { return math.Round(f*1000) / 1000 }

// Miss is one item on which the detector and the gold disagree.
type Miss struct {
	ID   string   `json:"id"`
	What []string `json:"what"`
}

// Report is how a detector did on a gold set.
type Report struct {
	Detector string `json:"detector"`
	Items    int    `json:"items"`
	// Groups scores each group (by id) on whether a passage gets a signal for it.
	Groups map[zicht.GroupID]Score `json:"groups"`
	Micro  Score                   `json:"micro"`
	// Polarity compares the polarity of the passage's best Q2 signal
	// ("none" without one) with the gold trafficking_relation, on every item;
	// PolarityStance does so on items with a stance and a Q2 signal.
	Polarity       Accuracy `json:"polarity"`
	PolarityStance Accuracy `json:"polarity_stance"`
	// Level is the exact match of the Q1 level on items whose gold words one;
	// LevelSpurious counts items with a level predicted but none worded.
	Level         Accuracy `json:"level"`
	LevelSpurious int      `json:"level_spurious"`
	// Evidence compares the evidence type on every item: that of the
	// signals, or for an item without signals that of its passages.
	Evidence Accuracy `json:"evidence"`
	Misses   []Miss   `json:"misses,omitempty"`
}

// Evaluate scans every gold item with d and compares the signals with the
// gold labels. A passage's groups are those of its signals; its polarity
// that of its best-scored Q2 signal; its level the first worded Q1 level;
// its evidence type the strongest of its signals (acquittal first), else the
// strongest its passages report.
func Evaluate(d *Detector, items []GoldItem) Report {
	r := Report{Detector: Version, Items: len(items), Groups: map[zicht.GroupID]Score{}}
	tp, fp, fn := map[zicht.GroupID]int{}, map[zicht.GroupID]int{}, map[zicht.GroupID]int{}
	known := map[zicht.GroupID]bool{}
	for _, g := range shortGroups {
		known[g] = true
	}
	var polOK, stanceOK, stanceN, lvlOK, lvlN, evOK int
	for _, it := range items {
		_, sigs := d.Scan(zicht.DocumentID(it.ID), it.Text, zicht.Lang(it.Lang))
		gold := map[zicht.GroupID]bool{}
		for _, g := range it.Groups {
			gold[groupID(g)] = true
			known[groupID(g)] = true
		}
		pred := map[zicht.GroupID]bool{}
		var best *zicht.Signal
		level := zicht.LevelUnknown
		ev := zicht.EvidenceNone
		for i, s := range sigs {
			pred[s.Group] = true
			known[s.Group] = true
			if s.Question == zicht.Q2 && (best == nil || s.Score > best.Score) {
				best = &sigs[i]
			}
			if s.Question == zicht.Q1 && s.Level != zicht.LevelUnknown && level == zicht.LevelUnknown {
				level = s.Level
			}
			if strongerEvidence(s.EvidenceType, ev) {
				ev = s.EvidenceType
			}
		}
		if len(sigs) == 0 {
			ev = d.Evidence(it.Text, zicht.Lang(it.Lang))
		}
		for g := range gold {
			if pred[g] {
				tp[g]++
			} else {
				fn[g]++
			}
		}
		for g := range pred {
			if !gold[g] {
				fp[g]++
			}
		}
		var what []string
		if a, b := sortedGroups(gold), sortedGroups(pred); !slices.Equal(a, b) {
			what = append(what, fmt.Sprintf("groups gold %v got %v", a, b))
		}
		rel := "none"
		if best != nil {
			rel = string(best.Polarity)
		}
		goldRel := relation(it.Relation)
		if rel == goldRel {
			polOK++
		} else {
			what = append(what, fmt.Sprintf("polarity gold %s got %s", goldRel, rel))
		}
		if best != nil && goldRel != "none" {
			stanceN++
			if rel == goldRel {
				stanceOK++
			}
		}
		goldLevel := zicht.LevelUnknown
		if it.Level != nil {
			goldLevel, _ = zicht.ParseLevel(*it.Level)
		}
		if goldLevel != zicht.LevelUnknown {
			lvlN++
			if level == goldLevel {
				lvlOK++
			}
		} else if level != zicht.LevelUnknown {
			r.LevelSpurious++
		}
		if level != goldLevel {
			what = append(what, fmt.Sprintf("level gold %s got %s", orNull(goldLevel), orNull(level)))
		}
		goldEv, _ := zicht.ParseEvidenceType(it.Evidence)
		if ev == goldEv {
			evOK++
		} else {
			what = append(what, fmt.Sprintf("evidence gold %s got %s", goldEv, ev))
		}
		if len(what) > 0 {
			r.Misses = append(r.Misses, Miss{ID: it.ID, What: what})
		}
	}
	var TP, FP, FN int
	for g := range known {
		r.Groups[g] = newScore(tp[g], fp[g], fn[g])
		TP, FP, FN = TP+tp[g], FP+fp[g], FN+fn[g]
	}
	r.Micro = newScore(TP, FP, FN)
	r.Polarity = newAccuracy(polOK, len(items))
	r.PolarityStance = newAccuracy(stanceOK, stanceN)
	r.Level = newAccuracy(lvlOK, lvlN)
	r.Evidence = newAccuracy(evOK, len(items))
	return r
}

func orNull(l zicht.Level) string {
	if l == zicht.LevelUnknown {
		return "null"
	}
	return string(l)
}

func sortedGroups(m map[zicht.GroupID]bool) []string {
	out := make([]string, 0, len(m))
	for g := range m {
		out = append(out, string(g))
	}
	sort.Strings(out)
	return out
}

// String renders the report as a table and a few lines of figures.
func (r Report) String() string {
	var b strings.Builder
	ids := make([]string, 0, len(r.Groups))
	for g := range r.Groups {
		ids = append(ids, string(g))
	}
	sort.Strings(ids)
	fmt.Fprintf(&b, "%s on %d items\n\n", r.Detector, r.Items)
	fmt.Fprintf(&b, "%-34s %4s %4s %4s %6s %6s %6s\n", "group", "tp", "fp", "fn", "P", "R", "F1")
	row := func(name string, s Score) {
		fmt.Fprintf(&b, "%-34s %4d %4d %4d %6.2f %6.2f %6.2f\n", name, s.TP, s.FP, s.FN, s.Precision, s.Recall, s.F1)
	}
	for _, id := range ids {
		row(id, r.Groups[zicht.GroupID(id)])
	}
	row("micro", r.Micro)
	b.WriteString("\n")
	acc := func(name string, a Accuracy) {
		fmt.Fprintf(&b, "%-44s %5.2f (%d/%d)\n", name, a.Ratio, a.OK, a.N)
	}
	acc("polarity accuracy (trafficking relation)", r.Polarity)
	acc("  among items with a stance and a Q2 signal", r.PolarityStance)
	acc("level exact match where worded", r.Level)
	fmt.Fprintf(&b, "%-44s %5d\n", "  levels given where none is worded", r.LevelSpurious)
	acc("evidence type accuracy", r.Evidence)
	return b.String()
}

// MissList renders the disagreements, one item a line.
func (r Report) MissList() string {
	var b strings.Builder
	for _, m := range r.Misses {
		fmt.Fprintf(&b, "%s: %s\n", m.ID, strings.Join(m.What, "; "))
	}
	return b.String()
}

// Evidence returns the strongest evidence type that the passages of text
// report (acquittal first), whether or not they speak to a group: a source
// is named whatever the topic. Cues in a negation's scope do not count.
func (d *Detector) Evidence(text string, lang zicht.Lang) zicht.EvidenceType {
	if lang != zicht.Dutch && lang != zicht.English {
		lang = ""
	}
	sc := scanner{d: d, lang: lang, headings: map[string]*headingInfo{}}
	best := zicht.EvidenceNone
	for _, s := range d.segments(text) {
		a := sc.analyse(text[s.start:s.end])
		if a == nil {
			continue
		}
		if ev, _ := a.evidenceType(); strongerEvidence(ev, best) {
			best = ev
		}
	}
	return best
}
