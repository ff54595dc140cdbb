package detect

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/zicht-project/zicht"
	"github.com/zicht-project/zicht/lexicon"
)

// TestEval measures the detector on an annotated set of passages kept
// outside the repository: ZICHT_EVAL_DIR names a folder with <id>.txt files
// and gold-*.jsonl labels (see shared/eval/README.md). It reports group F1,
// polarity, level and evidence-type accuracy, and fails on nothing: it is a
// measurement, not a test. ZICHT_EVAL_VERBOSE=1 lists every disagreement.
func TestEval(t *testing.T) {
	dir := os.Getenv("ZICHT_EVAL_DIR")
	if dir == "" {
		t.Skip("ZICHT_EVAL_DIR not set")
	}
	d := newDefault(t)
	golds, err := filepath.Glob(filepath.Join(dir, "gold-*.jsonl"))
	if err != nil || len(golds) == 0 {
		t.Fatalf("no gold-*.jsonl in %s", dir)
	}
	var r evalReport
	for _, g := range golds {
		f, err := os.Open(g)
		if err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(f)
		sc.Buffer(nil, 1<<20)
		for sc.Scan() {
			var item evalItem
			if err := json.Unmarshal(sc.Bytes(), &item); err != nil {
				t.Fatalf("%s: %v", g, err)
			}
			text, err := os.ReadFile(filepath.Join(dir, item.ID+".txt"))
			if err != nil {
				t.Fatal(err)
			}
			_, sigs := d.Scan(zicht.DocumentID(item.ID), string(text), zicht.Lang(item.Lang))
			r.add(item, sigs)
		}
		f.Close()
	}
	t.Log("\n" + r.String())
	if os.Getenv("ZICHT_EVAL_VERBOSE") != "" {
		t.Log("\n" + strings.Join(r.misses, "\n"))
	}
}

type evalItem struct {
	ID       string   `json:"id"`
	Lang     string   `json:"lang"`
	Groups   []string `json:"groups"`
	Level    *string  `json:"q1_level"`
	Relation string   `json:"trafficking_relation"`
	Evidence string   `json:"evidence_type"`
}

var goldGroup = map[string]zicht.GroupID{
	"G1": "jihadist-recruitment", "G2": "anorexia-nervosa", "G3": "undocumented-family-exploitation",
	"G4": "roma", "G5": "supply-chain-child-labour", "G6": "lgbt", "G7": "syrian-child-brides", "OTHER": zicht.GroupOther,
}

type evalReport struct {
	n                         int
	tp, fp, fn                map[zicht.GroupID]int
	relOK, levelOK, evOK      int
	relN, levelWorded, levelP int
	levelHit                  int
	withSig, evOKSig          int // passages with signals, and evidence right among them
	relSig, relOKSig          int // passages with a stance and a Q2 signal, and polarity right among them
	misses                    []string
}

func (r *evalReport) add(item evalItem, sigs []zicht.Signal) {
	if r.tp == nil {
		r.tp, r.fp, r.fn = map[zicht.GroupID]int{}, map[zicht.GroupID]int{}, map[zicht.GroupID]int{}
	}
	r.n++
	gold := map[zicht.GroupID]bool{}
	for _, g := range item.Groups {
		gold[goldGroup[g]] = true
	}
	pred := map[zicht.GroupID]bool{}
	var bestQ2 *zicht.Signal
	level := "null"
	ev := zicht.EvidenceNone
	for i, s := range sigs {
		pred[s.Group] = true
		if s.Question == zicht.Q2 && (bestQ2 == nil || s.Score > bestQ2.Score) {
			bestQ2 = &sigs[i]
		}
		if s.Question == zicht.Q1 && s.Level != zicht.LevelUnknown && level == "null" {
			level = string(s.Level)
		}
		if s.EvidenceType.Strength() > ev.Strength() || ev == zicht.EvidenceNone && s.EvidenceType != zicht.EvidenceNone {
			ev = s.EvidenceType
		}
	}
	for g := range gold {
		if pred[g] {
			r.tp[g]++
		} else {
			r.fn[g]++
		}
	}
	for g := range pred {
		if !gold[g] {
			r.fp[g]++
		}
	}
	rel := "none"
	if bestQ2 != nil {
		rel = map[zicht.Polarity]string{zicht.Asserted: "asserted", zicht.Negated: "denied", zicht.Hedged: "hedged"}[bestQ2.Polarity]
	}
	if rel == item.Relation {
		r.relOK++
	}
	if item.Relation != "none" {
		r.relN++
	}
	goldLevel := "null"
	if item.Level != nil {
		goldLevel = *item.Level
		r.levelWorded++
		if level == goldLevel {
			r.levelHit++
		}
	}
	if level != "null" {
		r.levelP++
	}
	if level == goldLevel {
		r.levelOK++
	}
	if string(ev) == item.Evidence {
		r.evOK++
	}
	if len(sigs) > 0 {
		r.withSig++
		if string(ev) == item.Evidence {
			r.evOKSig++
		}
	}
	if bestQ2 != nil && item.Relation != "none" {
		r.relSig++
		if rel == item.Relation {
			r.relOKSig++
		}
	}
	var miss []string
	if fmt.Sprint(sortedIDs(gold)) != fmt.Sprint(sortedIDs(pred)) {
		miss = append(miss, fmt.Sprintf("groups gold %v pred %v", sortedIDs(gold), sortedIDs(pred)))
	}
	if rel != item.Relation {
		miss = append(miss, fmt.Sprintf("relation gold %s pred %s", item.Relation, rel))
	}
	if level != goldLevel {
		miss = append(miss, fmt.Sprintf("level gold %s pred %s", goldLevel, level))
	}
	if string(ev) != item.Evidence {
		miss = append(miss, fmt.Sprintf("evidence gold %s pred %s", item.Evidence, ev))
	}
	if len(miss) > 0 {
		r.misses = append(r.misses, item.ID+": "+strings.Join(miss, "; "))
	}
}

func sortedIDs(m map[zicht.GroupID]bool) []string {
	var out []string
	for g := range m {
		out = append(out, string(g))
	}
	sort.Strings(out)
	return out
}

func (r *evalReport) String() string {
	var b strings.Builder
	var tp, fp, fn int
	var ids []string
	for g := range goldGroupSet() {
		ids = append(ids, string(g))
	}
	sort.Strings(ids)
	fmt.Fprintf(&b, "%-34s %4s %4s %4s %6s\n", "group", "tp", "fp", "fn", "F1")
	for _, id := range ids {
		g := zicht.GroupID(id)
		tp, fp, fn = tp+r.tp[g], fp+r.fp[g], fn+r.fn[g]
		fmt.Fprintf(&b, "%-34s %4d %4d %4d %6.2f\n", id, r.tp[g], r.fp[g], r.fn[g], f1(r.tp[g], r.fp[g], r.fn[g]))
	}
	fmt.Fprintf(&b, "%-34s %4d %4d %4d %6.2f\n", "micro", tp, fp, fn, f1(tp, fp, fn))
	fmt.Fprintf(&b, "passages %d\n", r.n)
	fmt.Fprintf(&b, "trafficking relation (polarity) accuracy %.2f (%d/%d)\n", float64(r.relOK)/float64(r.n), r.relOK, r.n)
	fmt.Fprintf(&b, "  among passages with a stance and a Q2 signal: %.2f (%d/%d)\n", ratio(r.relOKSig, r.relSig), r.relOKSig, r.relSig)
	fmt.Fprintf(&b, "level accuracy %.2f (%d/%d); worded levels found %d/%d; levels predicted %d\n",
		float64(r.levelOK)/float64(r.n), r.levelOK, r.n, r.levelHit, r.levelWorded, r.levelP)
	fmt.Fprintf(&b, "evidence type accuracy %.2f (%d/%d)\n", float64(r.evOK)/float64(r.n), r.evOK, r.n)
	fmt.Fprintf(&b, "  among passages with signals: %.2f (%d/%d)\n", ratio(r.evOKSig, r.withSig), r.evOKSig, r.withSig)
	return b.String()
}

func goldGroupSet() map[zicht.GroupID]bool {
	m := map[zicht.GroupID]bool{}
	for _, g := range goldGroup {
		m[g] = true
	}
	return m
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

func f1(tp, fp, fn int) float64 {
	if tp == 0 {
		return 0
	}
	p := float64(tp) / float64(tp+fp)
	r := float64(tp) / float64(tp+fn)
	return 2 * p * r / (p + r)
}

func newDefault(t testing.TB) *Detector {
	t.Helper()
	lex, err := lexicon.Default()
	if err != nil {
		t.Fatal(err)
	}
	d, err := New(lex, nil)
	if err != nil {
		t.Fatal(err)
	}
	return d
}
