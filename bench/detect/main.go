// Command detect-bench measures detection throughput against grep.
//
//	go run ./bench/detect gen   -size 200 -out corpus.txt   # MB of mixed text
//	go run ./bench/detect terms -out terms.txt              # lexicon terms for grep -F -w
//	go run ./bench/detect scan  -in corpus.txt              # detect.Scan, GOMAXPROCS=1
//
// The corpus is made from zicht's own texts (sample/corpus and the gold
// set, detect/testdata/gold.jsonl) mixed with much irrelevant text: the
// shuffled sentences of the sample documents about neither children nor
// trafficking, and synthetic filler. Documents are separated by a line
// holding only a form feed, so that scan can stream them from disk one at a
// time and memory stays flat however large the corpus is. bench/detect/run.sh
// runs everything side by side and writes the figures.
package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"html"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"runtime/pprof"
	"sort"
	"strings"
	"syscall"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/zicht-project/zicht"
	"github.com/zicht-project/zicht/detect"
	"github.com/zicht-project/zicht/lexicon"
)

// sep ends every document of the corpus.
const sep = "\f\n"

func main() {
	if len(os.Args) < 2 {
		usage()
	}
	var err error
	switch os.Args[1] {
	case "gen":
		err = gen(os.Args[2:])
	case "terms":
		err = terms(os.Args[2:])
	case "scan":
		err = scan(os.Args[2:])
	default:
		usage()
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "detect-bench:", err)
		os.Exit(1)
	}
}

func usage() {
	fmt.Fprintln(os.Stderr, "usage: detect-bench gen|terms|scan [flags]")
	os.Exit(2)
}

func gen(args []string) error {
	fs := flag.NewFlagSet("gen", flag.ExitOnError)
	size := fs.Int("size", 200, "corpus size in MB (2^20 bytes)")
	out := fs.String("out", "corpus.txt", "output file")
	root := fs.String("root", ".", "repository root")
	share := fs.Float64("relevant", 0.05, "share of documents taken from our own relevant texts")
	seed := fs.Uint64("seed", 1, "random seed")
	fs.Parse(args)

	relevant, irrelevant, err := readTexts(*root)
	if err != nil {
		return err
	}
	if len(relevant) == 0 || len(irrelevant) == 0 {
		return errors.New("no texts found: run from the repository root or pass -root")
	}
	vocab := words(irrelevant)
	r := rand.New(rand.NewPCG(*seed, 2))
	f, err := os.Create(*out)
	if err != nil {
		return err
	}
	w := bufio.NewWriterSize(f, 1<<20)
	limit := int64(*size) << 20
	var n, docs, rel int64
	for n < limit {
		var doc string
		if r.Float64() < *share {
			doc = relevant[r.IntN(len(relevant))]
			rel++
		} else {
			doc = filler(r, irrelevant, vocab)
		}
		k, _ := w.WriteString(doc)
		w.WriteString("\n" + sep)
		n += int64(k + 1 + len(sep))
		docs++
	}
	if err := w.Flush(); err != nil {
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "%s: %d bytes, %d documents, %d of them relevant\n", *out, n, docs, rel)
	return nil
}

var (
	htmlDrop  = regexp.MustCompile(`(?is)<(script|style|nav|footer|head)\b.*?</(script|style|nav|footer|head)>`)
	htmlBlock = regexp.MustCompile(`(?i)</?(p|div|h[1-6]|li|ul|ol|article|main|section|header|br|tr|td|title)\b[^>]*>`)
	htmlTag   = regexp.MustCompile(`(?s)<[^>]*>`)
	sentEnd   = regexp.MustCompile(`[.!?]\s+`)
)

func stripHTML(s string) string {
	s = htmlDrop.ReplaceAllString(s, "\n")
	s = htmlBlock.ReplaceAllString(s, "\n\n")
	s = htmlTag.ReplaceAllString(s, "")
	return html.UnescapeString(s)
}

// readTexts returns the relevant documents (sample documents about a group
// or other children, and the gold texts in documents of twelve) and the
// sentences of the irrelevant sample documents.
func readTexts(root string) (relevant, irrelevant []string, err error) {
	dir := filepath.Join(root, "sample", "corpus")
	manifest, err := os.ReadFile(filepath.Join(dir, "MANIFEST.tsv"))
	if err != nil {
		return nil, nil, err
	}
	for i, line := range strings.Split(strings.TrimSpace(string(manifest)), "\n") {
		f := strings.Split(line, "\t")
		if i == 0 || len(f) < 4 || strings.HasSuffix(f[0], ".pdf") {
			continue
		}
		b, err := os.ReadFile(filepath.Join(dir, f[0]))
		if err != nil {
			return nil, nil, err
		}
		text := string(b)
		if strings.HasSuffix(f[0], ".html") {
			text = stripHTML(text)
		}
		if f[3] == "none" {
			for _, s := range sentEnd.Split(strings.Join(strings.Fields(text), " "), -1) {
				if len(s) > 20 {
					irrelevant = append(irrelevant, s+".")
				}
			}
			continue
		}
		relevant = append(relevant, text)
	}
	gf, err := os.Open(filepath.Join(root, "detect", "testdata", "gold.jsonl"))
	if err != nil {
		return nil, nil, err
	}
	defer gf.Close()
	sc := bufio.NewScanner(gf)
	sc.Buffer(nil, 1<<20)
	var batch []string
	for sc.Scan() {
		var it struct{ Text string }
		if json.Unmarshal(sc.Bytes(), &it) != nil || it.Text == "" {
			continue
		}
		batch = append(batch, it.Text)
		if len(batch) == 12 {
			relevant = append(relevant, strings.Join(batch, " "))
			batch = nil
		}
	}
	return relevant, irrelevant, sc.Err()
}

// words returns the distinct words of texts, plus made-up ones.
func words(texts []string) []string {
	set := map[string]bool{}
	for _, t := range texts {
		for _, w := range strings.Fields(t) {
			if w = strings.Trim(w, ".,;:!?()\"'"); len(w) > 1 {
				set[w] = true
			}
		}
	}
	out := make([]string, 0, len(set)+2000)
	for w := range set {
		out = append(out, w)
	}
	sort.Strings(out)
	r := rand.New(rand.NewPCG(7, 7))
	const letters = "aaabcddeeeeefghiijkllmnnoooprrsstttuvwz"
	for range 2000 {
		b := make([]byte, 3+r.IntN(9))
		for i := range b {
			b[i] = letters[r.IntN(len(letters))]
		}
		out = append(out, string(b))
	}
	return out
}

// filler makes an irrelevant document of 2 to 20 KB: paragraphs of shuffled
// sentences of the irrelevant samples and of synthetic sentences.
func filler(r *rand.Rand, sentences, vocab []string) string {
	var b strings.Builder
	target := 2048 + r.IntN(18*1024)
	if r.IntN(3) == 0 {
		b.WriteString("Titel ")
		b.WriteString(vocab[r.IntN(len(vocab))])
		b.WriteString("\n\n")
	}
	for b.Len() < target {
		for range 2 + r.IntN(5) {
			if r.IntN(2) == 0 {
				b.WriteString(sentences[r.IntN(len(sentences))])
			} else {
				n := 6 + r.IntN(16)
				for i := range n {
					w := vocab[r.IntN(len(vocab))]
					if i == 0 {
						r, n := utf8.DecodeRuneInString(w)
						w = string(unicode.ToUpper(r)) + w[n:]
					}
					b.WriteString(w)
					if i < n-1 {
						if r.IntN(10) == 0 {
							b.WriteString(",")
						}
						b.WriteByte(' ')
					}
				}
				b.WriteByte('.')
			}
			b.WriteByte(' ')
		}
		b.WriteString("\n\n")
	}
	return b.String()
}

// terms writes the lexicon's terms as fixed strings for grep -F -i -w: the
// words of each pattern with wildcards dropped; a pattern with a gap
// ("Syrische ~2 meisjes") gives its parts.
func terms(args []string) error {
	fs := flag.NewFlagSet("terms", flag.ExitOnError)
	out := fs.String("out", "terms.txt", "output file")
	fs.Parse(args)
	lex, err := lexicon.Default()
	if err != nil {
		return err
	}
	var all []lexicon.Term
	for _, g := range lex.Groups {
		all = append(all, g.Terms...)
		all = append(all, g.Near...)
	}
	for _, r := range lex.RiskFactors {
		all = append(all, r.Terms...)
	}
	for _, l := range lex.Levels {
		all = append(all, l.Terms...)
	}
	for _, e := range lex.Evidence {
		all = append(all, e.Terms...)
	}
	for _, c := range lex.Cues {
		all = append(all, c.Terms...)
	}
	for _, t := range lex.Triggers {
		all = append(all, t.Term)
	}
	all = append(all, lex.Trafficking...)
	all = append(all, lex.Population...)
	all = append(all, lex.Children...)
	all = append(all, lex.Anaphors...)
	set := map[string]bool{}
	for _, t := range all {
		var part []string
		for _, w := range t.Words {
			if w.Gap > 0 && len(part) > 0 {
				set[strings.Join(part, " ")] = true
				part = nil
			}
			part = append(part, w.Norm)
		}
		if len(part) > 0 {
			set[strings.Join(part, " ")] = true
		}
	}
	list := make([]string, 0, len(set))
	for s := range set {
		list = append(list, s)
	}
	sort.Strings(list)
	if err := os.WriteFile(*out, []byte(strings.Join(list, "\n")+"\n"), 0o644); err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "%s: %d terms\n", *out, len(list))
	return nil
}

func scan(args []string) error {
	fs := flag.NewFlagSet("scan", flag.ExitOnError)
	in := fs.String("in", "corpus.txt", "corpus file (- for stdin)")
	procs := fs.Int("procs", 1, "GOMAXPROCS")
	maxDoc := fs.Int("maxdoc", 16<<20, "longest document in bytes; longer ones are cut")
	cpuprof := fs.String("cpuprofile", "", "write a CPU profile")
	fs.Parse(args)
	runtime.GOMAXPROCS(*procs)

	lex, err := lexicon.Default()
	if err != nil {
		return err
	}
	d, err := detect.New(lex, nil)
	if err != nil {
		return err
	}
	var r io.Reader = os.Stdin
	if *in != "-" {
		f, err := os.Open(*in)
		if err != nil {
			return err
		}
		defer f.Close()
		r = f
	}
	if *cpuprof != "" {
		pf, err := os.Create(*cpuprof)
		if err != nil {
			return err
		}
		defer pf.Close()
		if err := pprof.StartCPUProfile(pf); err != nil {
			return err
		}
		defer pprof.StopCPUProfile()
	}
	br := bufio.NewReaderSize(r, 1<<20)
	var doc []byte
	var bytes, docs, signals, passages int64
	cpu0 := cpuTime()
	start := time.Now()
	flush := func() {
		if len(doc) == 0 {
			return
		}
		ps, sigs := d.Scan(zicht.DocumentID(fmt.Sprint(docs)), string(doc), "")
		passages += int64(len(ps))
		signals += int64(len(sigs))
		docs++
		doc = doc[:0]
	}
	for {
		line, err := br.ReadSlice('\n')
		bytes += int64(len(line))
		if string(line) == sep {
			flush()
		} else if len(doc)+len(line) <= *maxDoc {
			doc = append(doc, line...)
		}
		if err == bufio.ErrBufferFull {
			continue
		}
		if err == io.EOF {
			break
		}
		if err != nil {
			return err
		}
	}
	flush()
	wall := time.Since(start)
	cpu := cpuTime() - cpu0
	mb := float64(bytes) / (1 << 20)
	fmt.Printf("detect.Scan: %.1f MB, %d documents, %d passages, %d signals; wall %.2fs (%.1f MB/s), cpu %.2fs (%.1f MB/s per core), GOMAXPROCS=%d\n",
		mb, docs, passages, signals, wall.Seconds(), mb/wall.Seconds(), cpu.Seconds(), mb/cpu.Seconds(), runtime.GOMAXPROCS(0))
	return nil
}

// cpuTime is the user and system time the process has used.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
