package web

import (
	"context"
	"net/http"
	"strconv"

	"github.com/zicht-project/zicht"
	"github.com/zicht-project/zicht/queue"
)

// Jobs is the job queue of server mode, as the jobs page shows it.
type Jobs interface {
	Stats(ctx context.Context) ([]queue.KindStats, error)
	Failures(ctx context.Context, limit int) ([]queue.Failure, error)
	RetryFailed(ctx context.Context) (int, error)
}

type jobsPage struct {
	Enabled  bool
	Stats    []jobStat
	Failures []queue.Failure
	Message  string
}

type jobStat struct {
	queue.KindStats
	ETA string
}

func (s *Server) handleJobs(w http.ResponseWriter, r *http.Request) {
	p := jobsPage{Enabled: s.jobs != nil, Message: r.URL.Query().Get("done")}
	if s.jobs != nil {
		stats, err := s.jobs.Stats(r.Context())
		if err != nil {
			s.fail(w, r, err)
			return
		}
		for _, st := range stats {
			js := jobStat{KindStats: st, ETA: "—"}
			if d, ok := st.ETA(); ok {
				js.ETA = d.Round(1e9).String()
			}
			p.Stats = append(p.Stats, js)
		}
		if p.Failures, err = s.jobs.Failures(r.Context(), 50); err != nil {
			s.fail(w, r, err)
			return
		}
	}
	if isAPI(r) {
		writeJSON(w, http.StatusOK, p)
		return
	}
	s.render(w, r, http.StatusOK, "jobs.html", translate(s.langOf(w, r), "nav.jobs"), p)
}

func (s *Server) handleRetryJobs(w http.ResponseWriter, r *http.Request) {
	if s.jobs == nil {
		s.fail(w, r, zicht.Errorf(zicht.CodeUnsupported, "this server has no job queue (server mode on PostgreSQL only)"))
		return
	}
	n, err := s.jobs.RetryFailed(r.Context())
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.store.Audit(r.Context(), zicht.AuditEvent{Actor: visitorOf(r).User.Name, Action: "jobs.retry", Object: "jobs"})
	http.Redirect(w, r, "/jobs?done="+strconv.Itoa(n), http.StatusSeeOther)
}
