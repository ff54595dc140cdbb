package detect

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/zicht-project/zicht/lexicon"
)

// The Scan benchmarks report MB/s (b.SetBytes) on three kinds of text. The
// full comparison with grep on 200 MB is bench/detect (see bench/RESULTS.md).
//
//	go test -run '^$' -bench Scan -cpu 1 ./detect

// BenchmarkScanGold scans the gold set's passages as documents of twelve:
// nearly every sentence is relevant, so this is the full analysis's speed.
func BenchmarkScanGold(b *testing.B) {
	items, err := LoadGold(filepath.Join("testdata", "gold.jsonl"))
	if err != nil {
		b.Fatal(err)
	}
	var docs []string
	for i := 0; i < len(items); i += 12 {
		var parts []string
		for _, it := range items[i:min(i+12, len(items))] {
			parts = append(parts, it.Text)
		}
		docs = append(docs, strings.Join(parts, " "))
	}
	benchScan(b, docs)
}

// BenchmarkScanSample scans the plain-text documents of sample/corpus.
func BenchmarkScanSample(b *testing.B) {
	paths, _ := filepath.Glob(filepath.Join("..", "sample", "corpus", "*.txt"))
	var docs []string
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		docs = append(docs, string(data))
	}
	if len(docs) == 0 {
		b.Skip("no sample corpus")
	}
	benchScan(b, docs)
}

// BenchmarkScanIrrelevant scans synthetic text about nothing the lexicon
// knows: the fast path's speed, where most tokens are dismissed by the
// prefilter.
func BenchmarkScanIrrelevant(b *testing.B) {
	r := rand.New(rand.NewPCG(1, 2))
	const letters = "aaabcddeeeeefghiijkllmnnoooprrsstttuvwz"
	var sb strings.Builder
	for sb.Len() < 1<<20 {
		n := 6 + r.IntN(16)
		for i := range n {
			w := make([]byte, 2+r.IntN(9))
			for j := range w {
				w[j] = letters[r.IntN(len(letters))]
			}
			if i == 0 {
				w[0] -= 'a' - 'A'
			}
			sb.Write(w)
			if i < n-1 {
				sb.WriteByte(' ')
			}
		}
		sb.WriteString(". ")
		if r.IntN(5) == 0 {
			sb.WriteString("\n\n")
		}
	}
	benchScan(b, []string{sb.String()})
}

// BenchmarkTokenize is the floor under every scan: tokenizing alone.
func BenchmarkTokenize(b *testing.B) {
	paths, _ := filepath.Glob(filepath.Join("..", "sample", "corpus", "*.txt"))
	var text strings.Builder
	for _, p := range paths {
		data, _ := os.ReadFile(p)
		text.Write(data)
	}
	if text.Len() == 0 {
		b.Skip("no sample corpus")
	}
	s := text.String()
	b.SetBytes(int64(len(s)))
	var toks []lexicon.Token
	for b.Loop() {
		toks = lexicon.Tokenize(s, toks[:0])
	}
}

func benchScan(b *testing.B, docs []string) {
	d := newDefault(b)
	n := 0
	for _, doc := range docs {
		n += len(doc)
	}
	b.SetBytes(int64(n))
	b.ReportAllocs()
	for b.Loop() {
		for _, doc := range docs {
			d.Scan("bench", doc, "")
		}
	}
}
