package web

import (
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"strconv"
	"time"

	"github.com/zicht-project/zicht"
	"github.com/zicht-project/zicht/review"
)

// readJSON decodes a request body of at most 1 MiB into v; anything else is
// a CodeInvalid error naming the problem.
func readJSON(w http.ResponseWriter, r *http.Request, v any) error {
	r.Body = http.MaxBytesReader(w, r.Body, 1<<20)
	dec := json.NewDecoder(r.Body)
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			return zicht.Errorf(zicht.CodeInvalid, "request body larger than 1 MiB")
		}
		if errors.Is(err, io.EOF) {
			return zicht.Errorf(zicht.CodeInvalid, "request body is empty; send JSON")
		}
		return zicht.Errorf(zicht.CodeInvalid, "request body is not valid JSON: %v", err)
	}
	return nil
}

func pathID(r *http.Request) (int64, error) {
	n, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || n <= 0 {
		return 0, zicht.Errorf(zicht.CodeNotFound, "no such id %q", r.PathValue("id"))
	}
	return n, nil
}

func (s *Server) apiQueue(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	f := zicht.SignalFilter{Group: zicht.GroupID(q.Get("group")), Limit: 50}
	if v := q.Get("question"); v != "" {
		question, err := zicht.ParseQuestion(v)
		if err != nil {
			s.fail(w, r, err)
			return
		}
		f.Question = question
	}
	if v := q.Get("limit"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 0 {
			s.fail(w, r, zicht.Errorf(zicht.CodeInvalid, "limit %q is not a number", v))
			return
		}
		f.Limit = n
	}
	queue, model, err := review.Queue(r.Context(), s.store, f)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if queue == nil {
		queue = []review.Ranked{}
	}
	writeJSON(w, http.StatusOK, map[string]any{"learned": model.Ready(), "signals": queue})
}

// correctionJSON is the body of an accept: every field optional.
type correctionJSON struct {
	Group        string `json:"group"`
	Question     string `json:"question"`
	Polarity     string `json:"polarity"`
	Level        string `json:"level"`
	EvidenceType string `json:"evidence_type"`
	Note         string `json:"note"`
}

func (c correctionJSON) correction() (review.Correction, error) {
	return review.ParseCorrection(c.Group, c.Question, c.Polarity, c.Level, c.EvidenceType)
}

func (s *Server) apiAccept(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	var body correctionJSON
	if r.ContentLength != 0 {
		if err := readJSON(w, r, &body); err != nil {
			s.fail(w, r, err)
			return
		}
	}
	c, err := body.correction()
	if err != nil {
		s.fail(w, r, err)
		return
	}
	d, ev, err := review.Accept(r.Context(), s.store, zicht.SignalID(id), c, visitorOf(r).User.Name, body.Note)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusCreated, map[string]any{"decision": d, "evidence": ev})
}

func (s *Server) apiReject(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	var body struct {
		Reason string `json:"reason"`
		Note   string `json:"note"`
	}
	if err := readJSON(w, r, &body); err != nil {
		s.fail(w, r, err)
		return
	}
	d, err := review.Reject(r.Context(), s.store, zicht.SignalID(id), body.Reason, body.Note, visitorOf(r).User.Name)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusCreated, map[string]any{"decision": d})
}

func (s *Server) apiUndo(w http.ResponseWriter, r *http.Request) {
	d, err := review.Undo(r.Context(), s.store, visitorOf(r).User.Name)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"decision": d})
}

func (s *Server) apiAddEvidence(w http.ResponseWriter, r *http.Request) {
	var body struct {
		Group    string `json:"group"`
		Question string `json:"question"`
		Polarity string `json:"polarity"`
		Type     string `json:"type"`
		Level    string `json:"level"`
		Text     string `json:"text"`
		Citation string `json:"citation"`
		Date     string `json:"date"`
		CaseKey  string `json:"case_key"`
	}
	if err := readJSON(w, r, &body); err != nil {
		s.fail(w, r, err)
		return
	}
	ev, err := review.AddManual(r.Context(), s.store, review.Manual{Group: body.Group, Question: body.Question, Polarity: body.Polarity,
		Type: body.Type, Level: body.Level, Text: body.Text, Citation: body.Citation, Date: body.Date, CaseKey: body.CaseKey},
		visitorOf(r).User.Name)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusCreated, ev)
}

func (s *Server) apiEvidence(w http.ResponseWriter, r *http.Request) {
	ev, err := s.store.Evidence(r.Context(), zicht.EvidenceFilter{Group: zicht.GroupID(r.URL.Query().Get("group")),
		Question: zicht.Question(r.URL.Query().Get("question"))})
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if ev == nil {
		ev = []zicht.Evidence{}
	}
	writeJSON(w, http.StatusOK, ev)
}

func (s *Server) apiSetAssessment(w http.ResponseWriter, r *http.Request) {
	var body struct {
		Group     string `json:"group"`
		Question  string `json:"question"`
		Level     string `json:"level"`
		Rationale string `json:"rationale"`
	}
	if err := readJSON(w, r, &body); err != nil {
		s.fail(w, r, err)
		return
	}
	q, err := zicht.ParseQuestion(body.Question)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	l, err := zicht.ParseLevel(body.Level)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	a, err := review.SetFinal(r.Context(), s.store, zicht.GroupID(body.Group), q, l, body.Rationale, visitorOf(r).User.Name)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusCreated, a)
}

func (s *Server) apiApprove(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if err := review.Approve(r.Context(), s.store, zicht.AssessmentID(id), visitorOf(r).User.Name); err != nil {
		s.fail(w, r, err)
		return
	}
	a, err := s.store.Assessment(r.Context(), zicht.AssessmentID(id))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, a)
}

func (s *Server) apiHistory(w http.ResponseWriter, r *http.Request) {
	g := zicht.GroupID(r.PathValue("id"))
	if _, err := s.store.Group(r.Context(), g); err != nil {
		s.fail(w, r, err)
		return
	}
	out := map[zicht.Question][]review.Entry{}
	for _, q := range zicht.Questions {
		h, err := review.History(r.Context(), s.store, g, q)
		if err != nil {
			s.fail(w, r, err)
			return
		}
		out[q] = h
	}
	writeJSON(w, http.StatusOK, out)
}

func (s *Server) apiPublish(w http.ResponseWriter, r *http.Request) {
	var body struct {
		Title string `json:"title"`
	}
	if err := readJSON(w, r, &body); err != nil {
		s.fail(w, r, err)
		return
	}
	p, err := review.Publish(r.Context(), s.store, body.Title, visitorOf(r).User.Name)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusCreated, p)
}

func (s *Server) apiPublications(w http.ResponseWriter, r *http.Request) {
	ps, err := s.store.Publications(r.Context())
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if ps == nil {
		ps = []zicht.Publication{}
	}
	writeJSON(w, http.StatusOK, ps)
}

func parseDate(s string) (time.Time, error) {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return t, zicht.Errorf(zicht.CodeInvalid, "date %q is not a date like 2024-03-01", s)
	}
	return t, nil
}
