package ingest

import (
	"fmt"
	"io"
	"strings"
	"time"
)

// progress reports how far a run is: a redrawn bar on a terminal, plain
// lines (at most one every two seconds, and the last) otherwise.
type progress struct {
	w     io.Writer
	bar   bool
	total int
	count int
	start time.Time
	last  time.Time
}

func newProgress(w io.Writer, bar bool, total int) *progress {
	return &progress{w: w, bar: bar, total: total, start: time.Now()}
}

func (p *progress) line(s Summary) string {
	rate := float64(p.count) / max(time.Since(p.start).Seconds(), 1e-3)
	return fmt.Sprintf("%d/%d files  %.1f files/s  added %d  duplicate %d  failed %d",
		p.count, p.total, rate, s.Added, s.Duplicates, len(s.Failures))
}

func (p *progress) step(s Summary) {
	p.count++
	if p.w == nil {
		return
	}
	if p.bar {
		const width = 30
		filled := width
		if p.total > 0 {
			filled = width * p.count / p.total
		}
		fmt.Fprintf(p.w, "\r[%s%s] %s", strings.Repeat("=", filled), strings.Repeat(" ", width-filled), p.line(s))
		return
	}
	if time.Since(p.last) >= 2*time.Second && p.count < p.total {
		p.last = time.Now()
		fmt.Fprintf(p.w, "ingest: %s\n", p.line(s))
	}
}

func (p *progress) done(s Summary) {
	if p.w == nil {
		return
	}
	if p.bar {
		fmt.Fprintln(p.w)
		return
	}
	if p.total > 0 {
		fmt.Fprintf(p.w, "ingest: %s\n", p.line(s))
	}
}
