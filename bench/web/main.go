// Command web measures the web application under load: the overview and a
// group page at 50 concurrent clients on loopback, on the demo data, with
// throughput, p50 and p99 latency, and the weight of each page (HTML plus
// the stylesheet and scripts it loads).
//
//	go run ./bench/web [-clients 50] [-duration 20s]
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"runtime/pprof"
	"slices"
	"sync"
	"time"

	"github.com/zicht-project/zicht/assess"
	"github.com/zicht-project/zicht/baseline"
	"github.com/zicht-project/zicht/detect"
	"github.com/zicht-project/zicht/extract"
	"github.com/zicht-project/zicht/ingest"
	"github.com/zicht-project/zicht/lexicon"
	"github.com/zicht-project/zicht/sample"
	"github.com/zicht-project/zicht/store/sqlite"
	"github.com/zicht-project/zicht/web"
)

func main() {
	clients := flag.Int("clients", 50, "concurrent clients")
	duration := flag.Duration("duration", 20*time.Second, "how long to load each page")
	cpuprofile := flag.String("cpuprofile", "", "write a CPU profile of the load to this file")
	flag.Parse()
	if *cpuprofile != "" {
		f, err := os.Create(*cpuprofile)
		if err == nil {
			pprof.StartCPUProfile(f)
			defer pprof.StopCPUProfile()
		}
	}
	if err := run(*clients, *duration); err != nil {
		fmt.Fprintln(os.Stderr, "bench/web:", err)
		pprof.StopCPUProfile()
		os.Exit(1)
	}
}

func run(clients int, duration time.Duration) error {
	ctx := context.Background()
	dir, err := os.MkdirTemp("", "zicht-bench-web-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	st, err := sqlite.Open(ctx, filepath.Join(dir, sqlite.FileName))
	if err != nil {
		return err
	}
	defer st.Close()
	if _, err := baseline.Load(ctx, st); err != nil {
		return err
	}
	lex, err := lexicon.Default()
	if err != nil {
		return err
	}
	det, err := detect.New(lex, nil)
	if err != nil {
		return err
	}
	pipe, err := ingest.New(ingest.Config{Store: st, Scanner: det, Extract: func(ctx context.Context, name string, data []byte) (*ingest.Extracted, error) {
		r, err := extract.Extract(ctx, name, data)
		if err != nil {
			return nil, err
		}
		return &ingest.Extracted{Format: r.Format, Lang: r.Lang, Title: r.Title, Date: r.Date, Text: r.Text, Meta: r.Meta}, nil
	}})
	if err != nil {
		return err
	}
	if _, err := pipe.FS(ctx, sample.Corpus(), "."); err != nil {
		return err
	}
	if _, err := assess.Run(ctx, st, assess.Config{}); err != nil {
		return err
	}
	srv, err := web.New(web.Config{Store: st, Logger: slog.New(slog.NewTextHandler(io.Discard, nil)), PublicOverview: true})
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	hs := &http.Server{Handler: srv.Handler()}
	go hs.Serve(ln)
	defer hs.Close()
	base := "http://" + ln.Addr().String()
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: clients}}

	fmt.Printf("machine: %d CPUs (%s), %s/%s, %s\n", runtime.NumCPU(), cpuModel(), runtime.GOOS, runtime.GOARCH, runtime.Version())
	fmt.Printf("date: %s\n", time.Now().UTC().Format(time.DateOnly))
	fmt.Printf("%-16s %8s %10s %9s %9s %12s\n", "page", "clients", "req/s", "p50", "p99", "weight")
	for _, page := range []string{"/?lang=nl", "/groups/roma?lang=nl"} {
		weight, err := pageWeight(client, base, page)
		if err != nil {
			return err
		}
		lat, n, errs := load(client, base+page, clients, duration)
		if errs > 0 {
			return fmt.Errorf("%s: %d failed requests", page, errs)
		}
		slices.Sort(lat)
		fmt.Printf("%-16s %8d %10.0f %9s %9s %9.1f KB\n", page, clients, float64(n)/duration.Seconds(),
			lat[len(lat)/2].Round(10*time.Microsecond), lat[len(lat)*99/100].Round(10*time.Microsecond), float64(weight)/1024)
	}
	return nil
}

// load has clients fetch url for d and returns every latency.
func load(c *http.Client, url string, clients int, d time.Duration) ([]time.Duration, int, int) {
	var mu sync.Mutex
	var all []time.Duration
	errs := 0
	stop := time.Now().Add(d)
	var wg sync.WaitGroup
	for range clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var mine []time.Duration
			bad := 0
			for time.Now().Before(stop) {
				t0 := time.Now()
				resp, err := c.Get(url)
				if err != nil {
					bad++
					continue
				}
				io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
				if resp.StatusCode != 200 {
					bad++
				}
				mine = append(mine, time.Since(t0))
			}
			mu.Lock()
			all = append(all, mine...)
			errs += bad
			mu.Unlock()
		}()
	}
	wg.Wait()
	return all, len(all), errs
}

var assetRe = regexp.MustCompile(`(?:href|src)="(/static/[^"]+)"`)

// pageWeight is the bytes of the page and the static files it loads.
func pageWeight(c *http.Client, base, page string) (int, error) {
	body, err := get(c, base+page)
	if err != nil {
		return 0, err
	}
	total := len(body)
	for _, m := range assetRe.FindAllStringSubmatch(string(body), -1) {
		b, err := get(c, base+m[1])
		if err != nil {
			return 0, err
		}
		total += len(b)
	}
	return total, nil
}

func get(c *http.Client, url string) ([]byte, error) {
	resp, err := c.Get(url)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != 200 {
		return nil, fmt.Errorf("GET %s: %s", url, resp.Status)
	}
	return io.ReadAll(resp.Body)
}

func cpuModel() string {
	b, err := os.ReadFile("/proc/cpuinfo")
	if err != nil {
		return "unknown CPU"
	}
	if m := regexp.MustCompile(`model name\s*:\s*(.+)`).FindSubmatch(b); m != nil {
		return string(m[1])
	}
	return "unknown CPU"
}
