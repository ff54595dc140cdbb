package detect

import (
	"html"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/zicht-project/zicht"
)

// TestSampleCorpus scans the demo corpus (sample/corpus, fictional texts
// written for zicht): every baseline group must get signals from the
// documents about it, and the documents about neither children nor
// trafficking must give none. PDFs are left to the extractor's tests; HTML
// is stripped crudely here, so as not to depend on package extract.
func TestSampleCorpus(t *testing.T) {
	dir := filepath.Join("..", "sample", "corpus")
	manifest, err := os.ReadFile(filepath.Join(dir, "MANIFEST.tsv"))
	if err != nil {
		t.Skipf("no sample corpus: %v", err)
	}
	d := newDefault(t)
	expected := map[zicht.GroupID]bool{}
	found := map[zicht.GroupID]bool{}
	for i, line := range strings.Split(strings.TrimSpace(string(manifest)), "\n") {
		f := strings.Split(line, "\t")
		if i == 0 || len(f) < 4 {
			continue
		}
		name, lang, groups := f[0], zicht.Lang(f[1]), strings.Split(f[3], ",")
		if strings.HasSuffix(name, ".pdf") {
			continue
		}
		b, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		text := string(b)
		if strings.HasSuffix(name, ".html") {
			text = stripHTML(text)
		}
		_, sigs := d.Scan(zicht.DocumentID(name), text, lang)
		got := map[zicht.GroupID]bool{}
		for _, s := range sigs {
			got[s.Group] = true
		}
		if slices.Contains(groups, "none") {
			if len(sigs) > 0 {
				t.Errorf("%s is about neither children nor trafficking, but gives %d signals:\n%s", name, len(sigs), dump(sigs))
			}
			continue
		}
		var missing []string
		for _, g := range groups {
			g = strings.TrimSpace(g)
			expected[zicht.GroupID(g)] = true
			if got[zicht.GroupID(g)] {
				found[zicht.GroupID(g)] = true
			} else {
				missing = append(missing, g)
			}
		}
		t.Logf("%-45s %3d signals; groups %v, missing %v", name, len(sigs), keys(got), missing)
	}
	for g := range expected {
		if !found[g] {
			t.Errorf("no document gives a signal for %s", g)
		}
	}
}

func keys(m map[zicht.GroupID]bool) []string {
	var out []string
	for k := range m {
		out = append(out, string(k))
	}
	slices.Sort(out)
	return out
}

var (
	htmlDrop  = regexp.MustCompile(`(?is)<(script|style|nav|footer|head)\b.*?</(script|style|nav|footer|head)>`)
	htmlBlock = regexp.MustCompile(`(?i)</?(p|div|h[1-6]|li|ul|ol|article|main|section|header|br|tr|td|title)\b[^>]*>`)
	htmlTag   = regexp.MustCompile(`(?s)<[^>]*>`)
)

func stripHTML(s string) string {
	s = htmlDrop.ReplaceAllString(s, "\n")
	s = htmlBlock.ReplaceAllString(s, "\n\n")
	s = htmlTag.ReplaceAllString(s, "")
	return html.UnescapeString(s)
}
