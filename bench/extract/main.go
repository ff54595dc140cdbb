// Command extract benchmarks zicht's extraction against pdftotext on the
// same files in the same run, and measures text and HTML throughput per
// core and the peak memory of `zicht extract` on a large generated PDF.
//
//	go build -o /tmp/zicht ./cmd/zicht
//	go run ./bench/extract -zicht /tmp/zicht -pdfs ../shared/eval/pdfs
//
// It needs groff (to generate PDFs) and pdftotext (poppler-utils); a missing
// tool skips what needs it. Results go to stdout as Markdown.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"syscall"
	"time"
	"unicode"

	"github.com/zicht-project/zicht/extract"
	"github.com/zicht-project/zicht/extract/eval"
)

func main() {
	pdfs := flag.String("pdfs", "", "directory of PDFs to compare on (besides the generated ones)")
	zicht := flag.String("zicht", "", "a built zicht binary, for the CLI timings and peak memory")
	n := flag.Int("n", 5, "runs per file (the median is reported)")
	pages := flag.Int("pages", 500, "pages of the large generated PDF")
	textOnly := flag.Bool("text-only", false, "measure only text and HTML throughput")
	flag.Parse()
	if err := run(*pdfs, *zicht, *n, *pages, *textOnly); err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(1)
	}
}

func run(pdfDir, zicht string, n, bigPages int, textOnly bool) error {
	ctx := context.Background()
	tmp, err := os.MkdirTemp("", "zicht-bench-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)

	fmt.Printf("machine: %s, %d cores (GOMAXPROCS %d), %s/%s, %s\n", cpuName(), runtime.NumCPU(), runtime.GOMAXPROCS(0), runtime.GOOS, runtime.GOARCH, runtime.Version())
	fmt.Printf("date: %s\n\n", time.Now().UTC().Format(time.RFC3339))

	if textOnly {
		return throughput(ctx)
	}
	var files []string
	if pdfDir != "" {
		fs, _ := filepath.Glob(filepath.Join(pdfDir, "*.pdf"))
		files = append(files, fs...)
	}
	gen, err := generate(ctx, tmp, bigPages)
	if err != nil {
		fmt.Printf("(generated PDFs skipped: %v)\n\n", err)
	}
	files = append(files, gen...)

	_, havePdftotext := exec.LookPath("pdftotext")
	fmt.Println("| file | pages | zicht in-process p/s | zicht CLI p/s | pdftotext CLI p/s | words vs pdftotext | result |")
	fmt.Println("|---|---:|---:|---:|---:|---:|---|")
	var sumPages int
	var sumIn, sumCLI, sumPT time.Duration
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			return err
		}
		np := pdfPages(f)
		var res *extract.Result
		var xerr error
		tin := median(n, func() { res, xerr = extract.Extract(ctx, filepath.Base(f), data) })
		status := "ok"
		if xerr != nil {
			status = "error: " + xerr.Error()
		} else if p := res.Meta["pages"]; p != "" && np == 0 {
			fmt.Sscan(p, &np)
		}
		var tcli, tpt time.Duration
		if zicht != "" {
			tcli = median(n, func() { _ = exec.Command(zicht, "extract", f).Run() })
		}
		cover := "-"
		if havePdftotext == nil {
			var out []byte
			tpt = median(n, func() { out, _ = exec.Command("pdftotext", "-q", f, "-").Output() })
			if xerr == nil {
				cover = fmt.Sprintf("%.1f%%", 100*recall(string(out), res.Text))
			}
		}
		if xerr == nil && np > 0 {
			sumPages += np
			sumIn += tin
			sumCLI += tcli
			sumPT += tpt
		}
		fmt.Printf("| %s | %d | %s | %s | %s | %s | %s |\n", filepath.Base(f), np, rate(np, tin), rate(np, tcli), rate(np, tpt), cover, status)
	}
	fmt.Printf("| **all readable** | %d | %s | %s | %s | | |\n\n", sumPages, rate(sumPages, sumIn), rate(sumPages, sumCLI), rate(sumPages, sumPT))

	if err := throughput(ctx); err != nil {
		return err
	}
	peak(zicht, gen)
	return nil
}

// throughput measures text and HTML extraction in one goroutine.
func throughput(ctx context.Context) error {
	texts := eval.Texts()
	var body strings.Builder
	for i := 0; body.Len() < 8<<20; i++ {
		for _, name := range []string{"nl-rapport", "en-report"} {
			fmt.Fprintf(&body, "Hoofdstuk %d\n\n%s\n\n", i, texts[name])
		}
	}
	txt := []byte(body.String())
	html := []byte("<!doctype html><html lang=nl><head><meta charset=utf-8><title>Bench</title></head><body><nav><a href=/>Home</a></nav><main><article>" +
		strings.ReplaceAll(strings.ReplaceAll(body.String(), "\n\n", "</p>\n<p>"), "\n", " ") + "</article></main><footer>Voet</footer></body></html>")
	for _, c := range []struct {
		name string
		data []byte
	}{{"bench.txt", txt}, {"bench.html", html}} {
		_, _ = extract.Extract(ctx, c.name, c.data) // warm up: word lists loaded
		cpu0 := cpuTime()
		d := median(3, func() { _, _ = extract.Extract(ctx, c.name, c.data) })
		cpu := (cpuTime() - cpu0) / 3
		mb := float64(len(c.data)) / 1e6
		fmt.Printf("%s: %.1f MB in %v wall = %.1f MB/s; %v CPU (all threads, GC included) = **%.1f MB per CPU-second**\n",
			c.name, mb, d.Round(time.Millisecond), mb/d.Seconds(), cpu.Round(time.Millisecond), mb/cpu.Seconds())
	}
	fmt.Println()
	return nil
}

// peak measures the peak memory of the CLI and of pdftotext on the large
// PDF, by GNU time.
func peak(zicht string, gen []string) {
	if zicht != "" && len(gen) > 0 {
		big := gen[len(gen)-1]
		for _, c := range [][]string{{zicht, "extract", big}, {"pdftotext", big, "/dev/null"}} {
			start := time.Now()
			out, err := exec.Command("/usr/bin/time", append([]string{"-f", "%M"}, c...)...).CombinedOutput()
			d := time.Since(start)
			if err != nil {
				fmt.Printf("peak RSS of `%s`: not measured (%v; GNU time installed?)\n", filepath.Base(c[0]), err)
				continue
			}
			lines := strings.Split(strings.TrimSpace(string(out)), "\n")
			var kb float64
			fmt.Sscan(lines[len(lines)-1], &kb)
			fmt.Printf("peak RSS of `%s` on %s (%d pages): **%.0f MB** in %v\n", filepath.Base(c[0]), filepath.Base(big), pdfPages(big), kb/1024, d.Round(time.Millisecond))
		}
	}
}

// generate renders PDFs with groff: 10 pages in two columns, and the large
// one of bigPages pages in one column, last.
func generate(ctx context.Context, dir string, bigPages int) ([]string, error) {
	if _, err := exec.LookPath("groff"); err != nil {
		return nil, err
	}
	texts := eval.Texts()
	var paras []string
	for _, name := range []string{"nl-rapport", "en-report"} {
		for _, p := range strings.Split(strings.TrimSpace(texts[name]), "\n\n")[1:] {
			paras = append(paras, strings.Join(strings.Fields(p), " "))
		}
	}
	mk := func(name string, twoCol bool, pages int) (string, error) {
		var b strings.Builder
		b.WriteString(".SH\nGenerated benchmark document\n")
		if twoCol {
			b.WriteString(".2C\n")
		}
		// About 15 paragraphs fill a page in groff -ms.
		for i := 0; i < pages*15; i++ {
			if i%20 == 0 {
				fmt.Fprintf(&b, ".SH\nSection %d\n", i/20+1)
			}
			b.WriteString(".PP\n" + paras[i%len(paras)] + "\n")
		}
		ms := filepath.Join(dir, name+".ms")
		if err := os.WriteFile(ms, []byte(b.String()), 0o644); err != nil {
			return "", err
		}
		out, err := exec.CommandContext(ctx, "groff", "-k", "-ms", "-Tpdf", ms).Output()
		if err != nil {
			return "", err
		}
		p := filepath.Join(dir, name+".pdf")
		return p, os.WriteFile(p, out, 0o644)
	}
	var files []string
	for _, g := range []struct {
		name   string
		twoCol bool
		pages  int
	}{{"generated-2col", true, 10}, {"generated-large", false, bigPages}} {
		f, err := mk(g.name, g.twoCol, g.pages)
		if err != nil {
			return files, err
		}
		files = append(files, f)
	}
	return files, nil
}

// pdfPages asks pdfinfo for the page count; 0 when it cannot.
func pdfPages(f string) int {
	out, err := exec.Command("pdfinfo", f).Output()
	if err != nil {
		return 0
	}
	for _, l := range strings.Split(string(out), "\n") {
		if strings.HasPrefix(l, "Pages:") {
			var n int
			fmt.Sscan(strings.TrimSpace(strings.TrimPrefix(l, "Pages:")), &n)
			return n
		}
	}
	return 0
}

func median(n int, f func()) time.Duration {
	ds := make([]time.Duration, n)
	for i := range ds {
		start := time.Now()
		f()
		ds[i] = time.Since(start)
	}
	slices.Sort(ds)
	return ds[n/2]
}

func rate(pages int, d time.Duration) string {
	if d <= 0 || pages == 0 {
		return "-"
	}
	return fmt.Sprintf("%.0f", float64(pages)/d.Seconds())
}

// recall is the share of the reference's words (as a bag, lower case) that
// the text has.
func recall(ref, text string) float64 {
	split := func(s string) []string {
		return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	}
	have := map[string]int{}
	for _, w := range split(text) {
		have[w]++
	}
	words := split(ref)
	if len(words) == 0 {
		return 1
	}
	hit := 0
	for _, w := range words {
		if have[w] > 0 {
			have[w]--
			hit++
		}
	}
	return float64(hit) / float64(len(words))
}

// cpuTime is the user and system CPU time of this process so far.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func cpuName() string {
	b, err := os.ReadFile("/proc/cpuinfo")
	if err != nil {
		return runtime.GOARCH
	}
	for _, l := range strings.Split(string(b), "\n") {
		if strings.HasPrefix(l, "model name") {
			if i := strings.Index(l, ":"); i >= 0 {
				return strings.TrimSpace(l[i+1:])
			}
		}
	}
	return runtime.GOARCH
}
