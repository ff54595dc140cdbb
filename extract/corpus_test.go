package extract

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/zicht-project/zicht"
)

// TestSampleCorpus extracts every document of the sample corpus, which must
// all extract cleanly, in the language MANIFEST.tsv gives.
func TestSampleCorpus(t *testing.T) {
	dir := filepath.Join("..", "sample", "corpus")
	manifest, err := os.ReadFile(filepath.Join(dir, "MANIFEST.tsv"))
	if err != nil {
		t.Skipf("no sample corpus: %v", err)
	}
	langs := map[string]zicht.Lang{}
	for i, line := range strings.Split(strings.TrimSpace(string(manifest)), "\n") {
		if f := strings.Split(line, "\t"); i > 0 && len(f) >= 2 {
			langs[f[0]] = zicht.Lang(f[1])
		}
	}
	files, err := filepath.Glob(filepath.Join(dir, "*"))
	if err != nil {
		t.Fatal(err)
	}
	for _, path := range files {
		name := filepath.Base(path)
		if name == "MANIFEST.tsv" {
			continue
		}
		t.Run(name, func(t *testing.T) {
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			res, err := Extract(context.Background(), name, data)
			if err != nil {
				t.Fatal(err)
			}
			if res.Title == "" || len(res.Text) < 200 {
				t.Errorf("title %q, %d bytes of text", res.Title, len(res.Text))
			}
			if want, ok := langs[name]; ok && res.Lang != want {
				t.Errorf("Lang = %q, want %q", res.Lang, want)
			}
			if want := strings.TrimPrefix(filepath.Ext(name), "."); want == "txt" && res.Format != FormatText || want != "txt" && res.Format != want {
				t.Errorf("Format = %q for %s", res.Format, name)
			}
		})
	}
}
