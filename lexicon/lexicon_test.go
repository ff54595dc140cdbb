package lexicon

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/zicht-project/zicht"
)

func TestDefault(t *testing.T) {
	l, err := Default()
	if err != nil {
		t.Fatalf("Default: %v", err)
	}
	wantGroups := []zicht.GroupID{"jihadist-recruitment", "anorexia-nervosa", "undocumented-family-exploitation",
		"roma", "supply-chain-child-labour", "lgbt", "syrian-child-brides"}
	if len(l.Groups) != len(wantGroups) {
		t.Errorf("got %d groups, want %d", len(l.Groups), len(wantGroups))
	}
	for _, id := range wantGroups {
		g, ok := l.Group(id)
		if !ok {
			t.Errorf("group %s missing", id)
			continue
		}
		if g.Name.NL == "" || g.Name.EN == "" {
			t.Errorf("group %s lacks a name", id)
		}
		langs := map[zicht.Lang]int{}
		for _, term := range g.Terms {
			langs[term.Lang]++
		}
		if langs[zicht.Dutch]+langs[""] < 3 || langs[zicht.English]+langs[""] < 3 {
			t.Errorf("group %s: too few terms per language: %v", id, langs)
		}
	}
	for _, id := range []string{"isolation", "dependency", "closed-setting", "illegal-stay", "language-barrier", "taboo",
		"minority-stress", "online-contact", "child-marriage", "family-involvement", "debt", "prior-abuse"} {
		r, ok := l.RiskFactor(id)
		if !ok {
			t.Errorf("risk factor %s missing", id)
			continue
		}
		if r.Name.NL == "" || r.Name.EN == "" || len(r.Terms) == 0 {
			t.Errorf("risk factor %s incomplete: %+v", id, r.Name)
		}
	}
	for _, lv := range zicht.Levels[1:] {
		found := false
		for _, lt := range l.Levels {
			found = found || lt.Level == lv && len(lt.Terms) > 0
		}
		if !found {
			t.Errorf("no words for level %s", lv)
		}
	}
	for _, et := range zicht.EvidenceTypes {
		if et == zicht.EvidenceNone {
			continue
		}
		found := false
		for _, e := range l.Evidence {
			found = found || e.Type == et && len(e.Terms) > 0
		}
		if !found {
			t.Errorf("no cues for evidence type %s", et)
		}
	}
	kinds := map[TriggerKind]int{}
	for _, tr := range l.Triggers {
		kinds[tr.Kind]++
	}
	for _, k := range []TriggerKind{Negation, Hedge, Pseudo, Risk} {
		if kinds[k] == 0 {
			t.Errorf("no %s triggers", k)
		}
	}
	if len(l.Cue(zicht.Q1).Terms) == 0 || len(l.Cue(zicht.Q1).RiskFactors) < 12 || len(l.Cue(zicht.Q2).Terms) == 0 {
		t.Errorf("cues incomplete: Q1 %d terms %d risk factors, Q2 %d terms",
			len(l.Cue(zicht.Q1).Terms), len(l.Cue(zicht.Q1).RiskFactors), len(l.Cue(zicht.Q2).Terms))
	}
	if len(l.Children) == 0 || len(l.Trafficking) == 0 || len(l.Population) == 0 || len(l.Anaphors) == 0 ||
		len(l.Boundaries) == 0 || len(l.Abbreviations) == 0 || len(l.Stopwords) == 0 {
		t.Error("an anchor section is empty")
	}
}

func TestEmbeddedHasNoProblems(t *testing.T) {
	sub := os.DirFS("data")
	if errs := Problems(sub); len(errs) > 0 {
		for _, e := range errs {
			t.Error(e)
		}
	}
}

// minimal is a valid lexicon the error cases below break one line of.
const minimal = `# a minimal lexicon
[riskfactor isolation]
name.nl: isolement
name.en: isolation
nl: isolement

[group roma]
name.nl: Roma-kinderen
name.en: Roma children
any: Roma
nl: romakind*
`

func TestLoadErrors(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string
		want  string // the error message, exactly
	}{
		{"duplicate group id", map[string]string{"groups.lex": minimal + "\n[group roma]\nname.nl: x\nname.en: x\nnl: zigeuner*\n"},
			`groups.lex:13: duplicate group id "roma"`},
		{"duplicate group id across files", map[string]string{"a.lex": minimal, "b.lex": "[group roma]\n"},
			`b.lex:1: duplicate group id "roma"`},
		{"duplicate risk factor id", map[string]string{"r.lex": minimal + "[riskfactor isolation]\n"},
			`r.lex:12: duplicate risk factor id "isolation"`},
		{"unknown key", map[string]string{"groups.lex": minimal + "de: Roma-Kinder\n"},
			`groups.lex:12: unknown key "de" in [group roma] (want one of name.nl, name.en, nl, en, any, not, near, with)`},
		{"empty term", map[string]string{"groups.lex": minimal + "en:   \n"},
			`groups.lex:12: empty term`},
		{"wildcard alone", map[string]string{"groups.lex": minimal + "en: *\n"},
			`groups.lex:12: wildcard "*" alone would match every word`},
		{"double wildcard", map[string]string{"groups.lex": minimal + "en: Roma **\n"},
			`groups.lex:12: wildcard "**" alone would match every word`},
		{"wildcard both sides", map[string]string{"groups.lex": minimal + "en: *roma*\n"},
			`groups.lex:12: unbalanced wildcard in "*roma*": "*" may begin or end a word, not both`},
		{"wildcard inside", map[string]string{"groups.lex": minimal + "en: ro*ma\n"},
			`groups.lex:12: unbalanced wildcard in "ro*ma": "*" may only begin or end a word`},
		{"short stem", map[string]string{"groups.lex": minimal + "en: ro*\n"},
			`groups.lex:12: wildcard stem "ro" in "ro*" is shorter than 3 letters and would match too much`},
		{"gap at start", map[string]string{"groups.lex": minimal + "en: ~2 Roma girls\n"},
			`groups.lex:12: gap "~2" at the start of "~2 Roma girls": a gap stands between two words`},
		{"gap too wide", map[string]string{"groups.lex": minimal + "en: Roma ~9 girls\n"},
			`groups.lex:12: gap "~9": want ~1 to ~5`},
		{"unbalanced braces", map[string]string{"groups.lex": minimal + "en: Roma {case\n"},
			`groups.lex:12: unbalanced braces in "Roma {case": options go in one {...} at the end`},
		{"unknown option", map[string]string{"groups.lex": minimal + "en: Roma girls {loud}\n"},
			`groups.lex:12: unknown option "loud" (want case, stem, or scope=N on a trigger)`},
		{"scope outside triggers", map[string]string{"groups.lex": minimal + "en: Roma girls {scope=3}\n"},
			`groups.lex:12: option scope is for triggers only`},
		{"bad scope", map[string]string{"t.lex": "[trigger negation forward]\nnl: zonder {scope=0}\n"},
			`t.lex:2: scope "0": want a number of tokens from 1 to 50`},
		{"duplicate term in two groups", map[string]string{"groups.lex": minimal + "[group sinti]\nname.nl: Sinti\nname.en: Sinti\nen: roma\n"},
			`groups.lex:15: duplicate term "roma" (also in [group roma] at groups.lex:10)`},
		{"duplicate term any and nl", map[string]string{"groups.lex": minimal + "nl: Roma\n"},
			`groups.lex:12: duplicate term "Roma" (also in [group roma] at groups.lex:10)`},
		{"duplicate term written differently", map[string]string{"c.lex": "[children]\nnl: kinderen\nnl: Kïnderen\n"},
			`c.lex:3: duplicate term "Kïnderen" (also in [children] at c.lex:2)`},
		{"unknown risk factor", map[string]string{"a.lex": minimal, "cues.lex": "[cue Q1]\nnl: kwetsba*\nriskfactor: isolation\nriskfactor: isolaton\n"},
			`cues.lex:4: unknown risk factor "isolaton"`},
		{"unknown level", map[string]string{"levels.lex": "[level enormous]\nen: huge\n"},
			`levels.lex:1: unknown level "enormous" (want one of none, slight, moderate, fair, elevated, high)`},
		{"unknown evidence type", map[string]string{"evidence.lex": "[evidence rumour]\nen: rumour\n"},
			`evidence.lex:1: unknown evidence type "rumour" (want one of conviction, prosecution, research, official_report, professional_signal, media_report, policy, acquittal)`},
		{"unknown question", map[string]string{"cues.lex": "[cue Q3]\nen: risk\n"},
			`cues.lex:1: unknown question "Q3" (want Q1 or Q2)`},
		{"unknown section", map[string]string{"x.lex": "[synonyms]\n"},
			`x.lex:1: unknown section [synonyms] (want group, riskfactor, level, level-target, level-link, evidence, cue, trigger, population, children, trafficking, anaphor, boundary, stopwords or abbreviations)`},
		{"term before section", map[string]string{"x.lex": "# hello\nnl: kind\n"},
			`x.lex:2: "nl: kind" stands before any [section]`},
		{"not key: value", map[string]string{"x.lex": "[children]\nkinderen\n"},
			`x.lex:2: expected "key: value" or "[section]", got "kinderen"`},
		{"header without bracket", map[string]string{"x.lex": "[children\n"},
			`x.lex:1: section header "[children" lacks its closing "]"`},
		{"group id not a slug", map[string]string{"g.lex": "[group Roma_Kids]\n"},
			`g.lex:1: group id "Roma_Kids" is not a slug (lower-case letters, digits and hyphens)`},
		{"group id other", map[string]string{"g.lex": "[group other]\n"},
			`g.lex:1: group id "other" is reserved for passages that fit no group`},
		{"group without name", map[string]string{"g.lex": "[group roma]\nname.nl: Roma\nnl: roma\n"},
			`g.lex:1: group "roma" needs name.nl and name.en`},
		{"group without terms", map[string]string{"g.lex": "[group roma]\nname.nl: Roma\nname.en: Roma\n"},
			`g.lex:1: group "roma" has no terms`},
		{"near without with", map[string]string{"groups.lex": minimal + "near: zigeuner*\n"},
			`groups.lex:7: group "roma" needs both near: terms and with: risk factors, or neither`},
		{"with an unknown risk factor", map[string]string{"groups.lex": minimal + "near: zigeuner*\nwith: poverty\n"},
			`groups.lex:13: unknown risk factor "poverty"`},
		{"name twice", map[string]string{"g.lex": "[group roma]\nname.nl: Roma\nname.nl: Roma's\n"},
			`g.lex:3: name.nl given twice in [group roma] (first at line 2)`},
		{"trigger direction", map[string]string{"t.lex": "[trigger negation sideways]\n"},
			`t.lex:1: unknown trigger direction "sideways" (want forward, backward or both)`},
		{"trigger kind", map[string]string{"t.lex": "[trigger doubt forward]\n"},
			`t.lex:1: unknown trigger kind "doubt" (want negation, hedge, risk or pseudo)`},
		{"pseudo with direction", map[string]string{"t.lex": "[trigger pseudo forward]\n"},
			`t.lex:1: [trigger] wants no direction: [trigger pseudo]`},
		{"same trigger twice", map[string]string{"t.lex": "[trigger negation forward]\nnl: geen\n[trigger hedge forward]\nnl: geen\n"},
			`t.lex:4: duplicate term "geen" (also in [trigger negation forward] at t.lex:2)`},
		{"punctuation outside boundary", map[string]string{"c.lex": "[trafficking]\nany: ;\n"},
			`c.lex:2: term ";" is only punctuation; only [boundary] takes punctuation`},
		{"multiword stop word", map[string]string{"p.lex": "[stopwords]\nnl: de het\n"},
			`p.lex:2: stop word "de het" must be one word`},
		{"abbreviation with space", map[string]string{"a.lex": "[abbreviations]\nnl: m. b. t.\n"},
			`a.lex:2: abbreviation "m. b. t." must be one word without wildcards`},
		{"stem too short", map[string]string{"groups.lex": minimal + "nl: hoge {stem}\n"},
			`groups.lex:12: {stem}: no word of "hoge" has a stem of 4 letters or more ("hoge" → "hog"); write the inflections out`},
		{"stem and case", map[string]string{"groups.lex": minimal + "en: Roma {case, stem}\n"},
			`groups.lex:12: options case and stem do not go together: a stem has no case`},
		{"stem on wildcards only", map[string]string{"groups.lex": minimal + "en: roma* {stem}\n"},
			`groups.lex:12: {stem} on a term without a word to stem (wildcard words are not stemmed)`},
		{"stem with a value", map[string]string{"groups.lex": minimal + "en: gypsies {stem=en}\n"},
			`groups.lex:12: unknown option "stem=en" (want case, stem, or scope=N on a trigger)`},
		{"near without distance", map[string]string{"groups.lex": minimal + "nl: roma NEAR/ kind*\n"},
			`groups.lex:12: "NEAR/": want NEAR/1 to NEAR/20`},
		{"near too far", map[string]string{"groups.lex": minimal + "nl: roma NEAR/50 kind*\n"},
			`groups.lex:12: "NEAR/50": want NEAR/1 to NEAR/20`},
		{"near at the end", map[string]string{"groups.lex": minimal + "nl: roma NEAR/6\n"},
			`groups.lex:12: "NEAR/6" in "roma NEAR/6": NEAR/N stands between two sides`},
		{"near lower case", map[string]string{"groups.lex": minimal + "nl: roma near/6 kind*\n"},
			`groups.lex:12: "near/6": write NEAR in capitals`},
		{"two nears", map[string]string{"groups.lex": minimal + "nl: roma NEAR/6 kind* NEAR/2 uitbuit*\n"},
			`groups.lex:12: two NEAR in "roma NEAR/6 kind* NEAR/2 uitbuit*": a proximity rule joins two sides`},
		{"near with a gap", map[string]string{"groups.lex": minimal + "nl: roma ~2 kind* NEAR/6 uitbuit*\n"},
			`groups.lex:12: gap ~2 in "roma ~2 kind* NEAR/6 uitbuit*": a proximity rule takes no gaps, NEAR/N sets the distance`},
		{"near in a trigger", map[string]string{"t.lex": "[trigger negation forward]\nnl: niet NEAR/3 wel\n"},
			`t.lex:2: a proximity rule (NEAR/N) is not allowed in [trigger]; only in group, riskfactor, evidence, cue, trafficking, population and children`},
		{"near duplicate in the other order", map[string]string{"groups.lex": minimal + "nl: roma NEAR/6 kind*\nnl: kind* NEAR/6 roma\n"},
			`groups.lex:13: duplicate term "kind* NEAR/6 roma" (also in [group roma] at groups.lex:12)`},
		{"catastrophic gaps", map[string]string{"groups.lex": minimal + "nl: kind ~5 kind ~5 kind ~2 kind\n"},
			`groups.lex:12: the gaps of "kind ~5 kind ~5 kind ~2 kind" leave too many ways to match (more than 36; at most two gaps of ~5): a catastrophic pattern`},
		{"several problems", map[string]string{"x.lex": "[children]\nkinderen\nmeisjes\n"},
			`x.lex:2: expected "key: value" or "[section]", got "kinderen" (and 1 more)`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := fstest.MapFS{}
			for name, data := range tt.files {
				fsys[name] = &fstest.MapFile{Data: []byte(data)}
			}
			_, err := Load(fsys)
			if err == nil {
				t.Fatalf("Load succeeded, want %q", tt.want)
			}
			if err.Error() != tt.want {
				t.Errorf("error\n got %q\nwant %q", err.Error(), tt.want)
			}
			if zicht.ErrorCode(err) != zicht.CodeInvalid {
				t.Errorf("code %q, want invalid", zicht.ErrorCode(err))
			}
		})
	}
}

func TestLoadNoFiles(t *testing.T) {
	_, err := Load(fstest.MapFS{"readme.txt": &fstest.MapFile{Data: []byte("x")}})
	if err == nil || zicht.ErrorCode(err) != zicht.CodeInvalid {
		t.Fatalf("got %v, want an invalid error", err)
	}
}

func TestLoadValid(t *testing.T) {
	data := minimal + `not: AS Roma {case}

[cue Q1]
nl: kwetsba*   # a trailing comment
riskfactor: isolation

[trigger negation forward]
nl: zonder {scope=3}

[trigger pseudo]
nl: niet alleen

[boundary]
any: ;
nl: maar

[abbreviations final]
nl: Sr.
`
	l, err := Load(fstest.MapFS{"x.lex": &fstest.MapFile{Data: []byte("\ufeff" + strings.ReplaceAll(data, "\n", "\r\n"))}})
	if err != nil {
		t.Fatal(err)
	}
	g, ok := l.Group("roma")
	if !ok || len(g.Terms) != 2 || len(g.Not) != 1 || !g.Not[0].Case {
		t.Fatalf("group roma: %+v", g)
	}
	if g.Terms[0].Lang != "" || g.Terms[1].Lang != zicht.Dutch || g.Terms[1].Line != 11 || g.Terms[1].File != "x.lex" {
		t.Errorf("terms: %+v", g.Terms)
	}
	if w := g.Terms[1].Words[0]; !w.Prefix || w.Norm != "romakind" {
		t.Errorf("romakind*: %+v", w)
	}
	if c := l.Cue(zicht.Q1); len(c.Terms) != 1 || c.Terms[0].Text != "kwetsba*" || len(c.RiskFactors) != 1 {
		t.Errorf("cue: %+v", c)
	}
	if len(l.Triggers) != 2 || l.Triggers[0].Term.Scope != 3 || l.Triggers[0].Direction != Forward || l.Triggers[1].Kind != Pseudo {
		t.Errorf("triggers: %+v", l.Triggers)
	}
	if len(l.Boundaries) != 2 || !l.Boundaries[0].OnlyPunct() {
		t.Errorf("boundaries: %+v", l.Boundaries)
	}
	if len(l.Abbreviations) != 1 || l.Abbreviations[0].Text != "sr" || !l.Abbreviations[0].Final {
		t.Errorf("abbreviations: %+v", l.Abbreviations)
	}
}

func TestLoadOverride(t *testing.T) {
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "lexicon"), 0o755); err != nil {
		t.Fatal(err)
	}
	write := func(name, data string) {
		t.Helper()
		if err := os.WriteFile(filepath.Join(dir, "lexicon", name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// Without overrides: the embedded lexicon.
	l, err := LoadOverride(t.TempDir())
	if err != nil || len(l.Groups) != 7 {
		t.Fatalf("no override: %v, %d groups", err, len(l.Groups))
	}
	// A new file adds a group; the embedded groups stay.
	write("local.lex", "[group drug-couriers]\nname.nl: Minderjarige drugskoeriers\nname.en: Child drug couriers\nnl: drugskoerier*\nen: drug courier*\n")
	l, err = LoadOverride(dir)
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := l.Group("drug-couriers"); !ok || len(l.Groups) != 8 {
		t.Errorf("added group missing: %d groups", len(l.Groups))
	}
	// A file named like an embedded one replaces it.
	write("groups.lex", "[group roma]\nname.nl: Roma-kinderen\nname.en: Roma children\nany: Roma\n")
	l, err = LoadOverride(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(l.Groups) != 2 {
		t.Errorf("groups.lex not replaced: %d groups", len(l.Groups))
	}
	// An error in an override names its path.
	write("groups.lex", "[group roma]\nname.nl: Roma-kinderen\nname.en: Roma children\nany: *\n")
	_, err = LoadOverride(dir)
	want := filepath.Join(dir, "lexicon", "groups.lex") + `:4: wildcard "*" alone would match every word`
	if err == nil || err.Error() != want {
		t.Errorf("error %v, want %q", err, want)
	}
	var ze *zicht.Error
	if !errors.As(err, &ze) || ze.Code != zicht.CodeInvalid {
		t.Errorf("want a *zicht.Error with code invalid, got %T", err)
	}
}
