package web

import (
	"bytes"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/zicht-project/zicht"
	"github.com/zicht-project/zicht/report"
	"github.com/zicht-project/zicht/review"
)

// reviewPage shows the most useful pending signal with its context.
type reviewPage struct {
	Signal  *review.Ranked
	Before  []zicht.Passage
	After   []zicht.Passage
	Doc     *zicht.Document
	Pending int
	Learned bool
	Reasons []string
	Groups  []zicht.Group
	Levels  []zicht.Level
	Types   []zicht.EvidenceType
	Message string
	Filter  string
}

func (s *Server) handleReview(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	f := zicht.SignalFilter{Group: zicht.GroupID(r.URL.Query().Get("group"))}
	queue, model, err := review.Queue(ctx, s.store, f)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	p := reviewPage{Pending: len(queue), Learned: model.Ready(), Reasons: zicht.RejectReasons, Levels: zicht.Levels,
		Types: zicht.EvidenceTypes, Message: r.URL.Query().Get("done"), Filter: string(f.Group)}
	if p.Groups, err = s.store.Groups(ctx); err != nil {
		s.fail(w, r, err)
		return
	}
	if len(queue) > 0 {
		p.Signal = &queue[0]
		if p.Doc, err = s.store.Document(ctx, p.Signal.Doc); err != nil {
			s.fail(w, r, err)
			return
		}
		passages, err := s.store.Passages(ctx, p.Signal.Doc)
		if err != nil {
			s.fail(w, r, err)
			return
		}
		for i, ps := range passages {
			if ps.Start == p.Signal.Start {
				p.Before = passages[max(0, i-2):i]
				p.After = passages[i+1 : min(len(passages), i+3)]
			}
		}
		p.Doc.Text = "" // not needed on the page
	}
	s.render(w, r, http.StatusOK, "review.html", translate(s.langOf(w, r), "nav.review"), p)
}

// backToReview redirects to the queue with a message, keeping the filter.
func backToReview(w http.ResponseWriter, r *http.Request, msg string) {
	q := url.Values{"done": {msg}}
	if g := r.PostFormValue("group_filter"); g != "" {
		q.Set("group", g)
	}
	http.Redirect(w, r, "/review?"+q.Encode(), http.StatusSeeOther)
}

func (s *Server) handleReviewDecision(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	who := visitorOf(r).User.Name
	lang := s.langOf(w, r)
	switch r.PathValue("action") {
	case "accept":
		c, err := correctionJSON{Group: r.PostFormValue("group"), Question: r.PostFormValue("question"),
			Polarity: r.PostFormValue("polarity"), Level: r.PostFormValue("level"), EvidenceType: r.PostFormValue("evidence_type")}.correction()
		if err != nil {
			s.fail(w, r, err)
			return
		}
		if _, _, err := review.Accept(r.Context(), s.store, zicht.SignalID(id), c, who, r.PostFormValue("note")); err != nil {
			s.fail(w, r, err)
			return
		}
		backToReview(w, r, fmt.Sprintf("%s %d", translate(lang, "review.accepted"), id))
	case "reject":
		if _, err := review.Reject(r.Context(), s.store, zicht.SignalID(id), r.PostFormValue("reason"), r.PostFormValue("note"), who); err != nil {
			s.fail(w, r, err)
			return
		}
		backToReview(w, r, fmt.Sprintf("%s %d", translate(lang, "review.rejected"), id))
	default:
		s.fail(w, r, zicht.Errorf(zicht.CodeNotFound, "no such review action"))
	}
}

func (s *Server) handleReviewUndo(w http.ResponseWriter, r *http.Request) {
	d, err := review.Undo(r.Context(), s.store, visitorOf(r).User.Name)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	backToReview(w, r, fmt.Sprintf("%s %d", translate(s.langOf(w, r), "review.undone"), d.Signal))
}

func (s *Server) handlePublications(w http.ResponseWriter, r *http.Request) {
	ps, err := s.store.Publications(r.Context())
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, "publications.html", translate(s.langOf(w, r), "nav.publications"), struct {
		Publications []zicht.Publication
		Formats      []report.Format
	}{ps, report.Formats})
}

func (s *Server) handlePublish(w http.ResponseWriter, r *http.Request) {
	if _, err := review.Publish(r.Context(), s.store, r.PostFormValue("title"), visitorOf(r).User.Name); err != nil {
		s.fail(w, r, err)
		return
	}
	http.Redirect(w, r, "/publications", http.StatusSeeOther)
}

var contentTypes = map[report.Format]string{
	report.FormatSVG: "image/svg+xml", report.FormatHTML: "text/html; charset=utf-8", report.FormatPDF: "application/pdf",
	report.FormatMD: "text/markdown; charset=utf-8", report.FormatCSV: "text/csv; charset=utf-8", report.FormatJSON: "application/json",
}

// handleReport renders a publication (or "current") in one of the report
// formats: /reports/{pub}.{format}?lang=nl.
func (s *Server) handleReport(w http.ResponseWriter, r *http.Request) {
	name := r.PathValue("file")
	pub, ext, ok := strings.Cut(name, ".")
	if !ok {
		s.fail(w, r, zicht.Errorf(zicht.CodeNotFound, "no report %q", name))
		return
	}
	if pub != report.Current {
		if _, err := strconv.ParseInt(pub, 10, 64); err != nil {
			s.fail(w, r, zicht.Errorf(zicht.CodeNotFound, "no report %q", name))
			return
		}
	}
	f, err := report.ParseFormat(ext)
	if err != nil {
		s.fail(w, r, zicht.Errorf(zicht.CodeNotFound, "no report %q", name))
		return
	}
	lang := s.langOf(w, r)
	d, err := report.Build(r.Context(), s.store, report.Options{Publication: pub, Lang: lang})
	if err != nil {
		s.fail(w, r, err)
		return
	}
	var buf bytes.Buffer
	if err := report.Write(&buf, d, f, report.Page{}); err != nil {
		s.fail(w, r, err)
		return
	}
	h := w.Header()
	h.Set("Content-Type", contentTypes[f])
	if f == report.FormatHTML || f == report.FormatSVG {
		// The report is shown as is; it has no scripts, and gets none.
		h.Set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; img-src data:")
	}
	h.Set("Content-Disposition", fmt.Sprintf("inline; filename=\"zicht-%s-%s.%s\"", pub, lang, f))
	w.Write(buf.Bytes())
}

func (s *Server) handleSetAssessment(w http.ResponseWriter, r *http.Request) {
	g := zicht.GroupID(r.PathValue("id"))
	q, err := zicht.ParseQuestion(r.PostFormValue("question"))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	l, err := zicht.ParseLevel(r.PostFormValue("level"))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if _, err := review.SetFinal(r.Context(), s.store, g, q, l, r.PostFormValue("rationale"), visitorOf(r).User.Name); err != nil {
		s.fail(w, r, err)
		return
	}
	http.Redirect(w, r, "/groups/"+url.PathEscape(string(g))+"#drafts", http.StatusSeeOther)
}

func (s *Server) handleApprove(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	a, err := s.store.Assessment(r.Context(), zicht.AssessmentID(id))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if err := review.Approve(r.Context(), s.store, a.ID, visitorOf(r).User.Name); err != nil {
		s.fail(w, r, err)
		return
	}
	http.Redirect(w, r, "/groups/"+url.PathEscape(string(a.Group)), http.StatusSeeOther)
}
