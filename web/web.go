// Package web serves zicht's web application: for now the overview of all
// groups and a page per group, in Dutch and English, from the store.
package web

import (
	"bytes"
	"context"
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"log/slog"
	"net/http"
	"runtime/debug"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/zicht-project/zicht"
	"github.com/zicht-project/zicht/auth"
	"github.com/zicht-project/zicht/overview"
)

//go:embed templates/*.html
var templateFS embed.FS

//go:embed static
var staticFS embed.FS

// Config configures a Server.
type Config struct {
	Store  zicht.Store  // required
	Logger *slog.Logger // required
	// Lang is the language when the visitor has not chosen one; "" means Dutch.
	Lang zicht.Lang
	// PublicOverview publishes the overview, group levels and publications
	// without login; everything else still needs an account.
	PublicOverview bool
	// Secure marks cookies Secure, for a server reached over TLS.
	Secure bool
	// Ingest takes uploaded documents; nil turns uploads off.
	Ingest Ingester
	// DataDir is where edited lexicon files are kept; "" makes the lexicon read-only.
	DataDir string
	// Jobs is the job queue in server mode; nil on the embedded store.
	Jobs Jobs
}

// Server is the web application.
type Server struct {
	store          zicht.Store
	log            *slog.Logger
	lang           zicht.Lang
	pages          map[string]*template.Template
	static         http.Handler
	publicOverview bool
	secure         bool
	throttle       *auth.Throttle
	ingest         Ingester
	dataDir        string
	jobs           Jobs
	cache          overviewCache
	dummyHash      string // checked against when a login names no user, so timing tells nothing
}

// New parses the templates and returns a Server.
func New(cfg Config) (*Server, error) {
	if cfg.Store == nil || cfg.Logger == nil {
		return nil, errors.New("web: Store and Logger are required")
	}
	if cfg.Lang == "" {
		cfg.Lang = zicht.Dutch
	}
	s := &Server{store: cfg.Store, log: cfg.Logger, lang: cfg.Lang, pages: map[string]*template.Template{},
		publicOverview: cfg.PublicOverview, secure: cfg.Secure, throttle: &auth.Throttle{}, ingest: cfg.Ingest, dataDir: cfg.DataDir, jobs: cfg.Jobs}
	var err error
	if s.dummyHash, err = auth.HashPassword("no such user, no such password"); err != nil {
		return nil, err
	}
	for _, page := range []string{"overview.html", "group.html", "error.html", "search.html", "documents.html", "document.html", "login.html", "review.html", "publications.html", "upload.html", "users.html", "audit.html", "lexicon.html", "jobs.html"} {
		t, err := template.New("layout.html").Funcs(funcs).ParseFS(templateFS, "templates/layout.html", "templates/"+page)
		if err != nil {
			return nil, fmt.Errorf("web: parse %s: %w", page, err)
		}
		s.pages[page] = t
	}
	sub, err := fs.Sub(staticFS, "static")
	if err != nil {
		return nil, err
	}
	s.static = http.StripPrefix("/static/", http.FileServerFS(sub))
	return s, nil
}

// Handler returns the application with its middleware.
func (s *Server) Handler() http.Handler {
	mux := http.NewServeMux()
	for _, rt := range s.routes() {
		mux.HandleFunc(rt.pattern, rt.handler)
	}
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) { w.Write([]byte("ok\n")) })
	mux.Handle("GET /static/", s.static)
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		s.fail(w, r, zicht.Errorf(zicht.CodeNotFound, "no page at %s", r.URL.Path))
	})
	return s.recover(s.headers(s.logRequests(s.authenticate(mux))))
}

// route is one pattern, the role it needs ("" for public) and its handler.
type route struct {
	pattern string
	role    zicht.Role // "" for pages anyone may see when the overview is public
	handler http.HandlerFunc
}

// routes is the one table of what exists and who may use it; the route ×
// role test walks it.
func (s *Server) routes() []route {
	rts := []route{
		{"GET /{$}", "", s.handleOverview},
		{"GET /groups/{id}", "", s.handleGroup},
		{"GET /api/overview", "", s.handleOverviewJSON},
		{"GET /api/publications", "", s.apiPublications},
		{"GET /publications", "", s.handlePublications},
		{"GET /reports/{file}", "", s.handleReport},
		{"GET /login", "-", s.handleLoginForm},
		{"GET /api/openapi.json", "-", s.handleOpenAPI},
		{"GET /lexicon", zicht.RoleViewer, s.handleLexicon},
		{"GET /lexicon/{file}", zicht.RoleViewer, s.handleLexicon},
		{"POST /lexicon/{file}", zicht.RoleAdmin, s.handleSaveLexicon},
		{"GET /jobs", zicht.RoleViewer, s.handleJobs},
		{"GET /api/jobs", zicht.RoleViewer, s.handleJobs},
		{"POST /jobs/retry", zicht.RoleAdmin, s.handleRetryJobs},
		{"GET /users", zicht.RoleAdmin, s.handleUsers},
		{"POST /users", zicht.RoleAdmin, s.handleAddUser},
		{"GET /audit", zicht.RoleAdmin, s.handleAudit},
		{"GET /api/audit", zicht.RoleAdmin, s.handleAudit},
		{"POST /login", "-", s.handleLogin},
		{"POST /logout", zicht.RoleViewer, s.handleLogout},
		{"GET /documents", zicht.RoleViewer, s.handleDocuments},
		{"GET /documents/{id}", zicht.RoleViewer, s.handleDocument},
		{"GET /search", zicht.RoleViewer, s.handleSearch},
		{"GET /api/evidence", zicht.RoleViewer, s.apiEvidence},
		{"GET /api/groups/{id}/history", zicht.RoleViewer, s.apiHistory},
		{"GET /review", zicht.RoleAnalyst, s.handleReview},
		{"POST /review/{id}/{action}", zicht.RoleAnalyst, s.handleReviewDecision},
		{"POST /review/undo", zicht.RoleAnalyst, s.handleReviewUndo},
		{"POST /publications", zicht.RoleReviewer, s.handlePublish},
		{"POST /groups/{id}/assessments", zicht.RoleAnalyst, s.handleSetAssessment},
		{"POST /assessments/{id}/approve", zicht.RoleReviewer, s.handleApprove},
		{"GET /upload", zicht.RoleAnalyst, s.handleUploadForm},
		{"POST /upload", zicht.RoleAnalyst, s.handleUpload},
		{"GET /api/queue", zicht.RoleAnalyst, s.apiQueue},
		{"POST /api/signals/{id}/accept", zicht.RoleAnalyst, s.apiAccept},
		{"POST /api/signals/{id}/reject", zicht.RoleAnalyst, s.apiReject},
		{"POST /api/review/undo", zicht.RoleAnalyst, s.apiUndo},
		{"POST /api/evidence", zicht.RoleAnalyst, s.apiAddEvidence},
		{"POST /api/assessments", zicht.RoleAnalyst, s.apiSetAssessment},
		{"POST /api/assessments/{id}/approve", zicht.RoleReviewer, s.apiApprove},
		{"POST /api/publications", zicht.RoleReviewer, s.apiPublish},
	}
	for i, rt := range rts {
		if !strings.HasPrefix(rt.pattern, "GET ") {
			h := rts[i].handler
			rts[i].handler = func(w http.ResponseWriter, r *http.Request) {
				h(w, r)
				s.cache.drop() // whatever the request changed shows at once
			}
		}
		switch rt.role {
		case "":
			rts[i].handler = s.public(rts[i].handler)
		case "-": // the login pages themselves
		default:
			rts[i].handler = s.need(rt.role, rts[i].handler)
		}
	}
	return rts
}

func (s *Server) headers(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'")
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "same-origin")
		h.Set("X-Frame-Options", "DENY")
		next.ServeHTTP(w, r)
	})
}

func (s *Server) logRequests(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		next.ServeHTTP(w, r)
		s.log.Debug("request", "method", r.Method, "path", r.URL.Path, "elapsed", time.Since(start))
	})
}

func (s *Server) recover(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer func() {
			if v := recover(); v != nil {
				s.log.Error("panic", "path", r.URL.Path, "panic", v, "stack", string(debug.Stack()))
				http.Error(w, "internal error", http.StatusInternalServerError)
			}
		}()
		next.ServeHTTP(w, r)
	})
}

// lang picks the page language: ?lang=, then the cookie, then Accept-Language, then the default.
func (s *Server) langOf(w http.ResponseWriter, r *http.Request) zicht.Lang {
	if l, err := zicht.ParseLang(r.URL.Query().Get("lang")); err == nil {
		http.SetCookie(w, &http.Cookie{Name: "lang", Value: string(l), Path: "/", MaxAge: 365 * 24 * 3600,
			HttpOnly: true, SameSite: http.SameSiteLaxMode})
		return l
	}
	if c, err := r.Cookie("lang"); err == nil {
		if l, err := zicht.ParseLang(c.Value); err == nil {
			return l
		}
	}
	if al := r.Header.Get("Accept-Language"); al != "" {
		first := strings.ToLower(strings.TrimSpace(strings.Split(al, ",")[0]))
		if strings.HasPrefix(first, "en") {
			return zicht.English
		}
		if strings.HasPrefix(first, "nl") {
			return zicht.Dutch
		}
	}
	return s.lang
}

// page is what every template gets.
type page struct {
	Lang  zicht.Lang
	Path  string
	Title string
	User  *zicht.User // nil for anonymous visitors
	CSRF  string      // the token forms must send back
	Data  any
}

func (p page) T(key string) string { return translate(p.Lang, key) }

func (s *Server) render(w http.ResponseWriter, r *http.Request, status int, name string, title string, data any) {
	b, err := s.renderBytes(r, s.langOf(w, r), name, title, data)
	if err != nil {
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	w.Write(b)
}

// renderBytes executes page name for the visitor of r in lang.
func (s *Server) renderBytes(r *http.Request, lang zicht.Lang, name, title string, data any) ([]byte, error) {
	var buf bytes.Buffer
	v := visitorOf(r)
	p := page{Lang: lang, Path: r.URL.Path, Title: title, User: v.User, Data: data}
	if v.Secret != "" {
		p.CSRF = auth.CSRFToken(v.Secret)
	}
	if err := s.pages[name].Execute(&buf, p); err != nil {
		s.log.Error("render", "page", name, "err", err)
		return nil, fmt.Errorf("render %s: %w", name, err)
	}
	return buf.Bytes(), nil
}

// fail shows err: its message when it is a *zicht.Error, "internal error" otherwise.
func (s *Server) fail(w http.ResponseWriter, r *http.Request, err error) {
	status := zicht.HTTPStatus(err)
	switch zicht.ErrorCode(err) {
	case codeUnauthorized:
		status = http.StatusUnauthorized
	case codeTooLarge:
		status = http.StatusRequestEntityTooLarge
	}
	msg := err.Error()
	if zicht.ErrorCode(err) == zicht.CodeInternal {
		s.log.Error("request failed", "path", r.URL.Path, "err", err)
		msg = "internal error"
	}
	if isAPI(r) {
		writeJSON(w, status, map[string]any{"error": map[string]string{"code": string(zicht.ErrorCode(err)), "message": msg}})
		return
	}
	s.render(w, r, status, "error.html", http.StatusText(status), msg)
}

// overviewCache keeps the overview for a moment: it is the most visited page
// and the costliest to gather. Every change made through the web
// application drops it; changes from the command line show within maxAge.
type overviewCache struct {
	mu   sync.Mutex
	at   time.Time
	ov   *overview.Overview
	docs int
	// pages holds the overview page as anonymous visitors get it, per
	// language, built from ov.
	pages map[string][]byte // key: page path and language
}

const overviewMaxAge = 2 * time.Second

func (c *overviewCache) drop() {
	c.mu.Lock()
	c.ov, c.pages = nil, nil
	c.mu.Unlock()
}

// anonymousPage returns the cached overview page for lang, if it was built
// from the current cached overview.
func (c *overviewCache) anonymousPage(key string, ov *overview.Overview) []byte {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.ov != ov || c.pages == nil {
		return nil
	}
	return c.pages[key]
}

func (c *overviewCache) keepPage(key string, ov *overview.Overview, b []byte) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.ov != ov {
		return // the overview changed while the page was rendered
	}
	if c.pages == nil {
		c.pages = map[string][]byte{}
	}
	c.pages[key] = b
}

// current returns the cached overview or builds a new one.
func (s *Server) currentOverview(ctx context.Context) (*overview.Overview, int, error) {
	c := &s.cache
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.ov != nil && time.Since(c.at) < overviewMaxAge {
		return c.ov, c.docs, nil
	}
	ov, err := overview.Build(ctx, s.store)
	if err != nil {
		return nil, 0, err
	}
	docs, err := s.store.Documents(ctx, zicht.DocumentFilter{})
	if err != nil {
		return nil, 0, err
	}
	c.ov, c.docs, c.at, c.pages = ov, len(docs), time.Now(), nil
	return ov, c.docs, nil
}

func (s *Server) handleOverview(w http.ResponseWriter, r *http.Request) {
	ov, docs, err := s.currentOverview(r.Context())
	if err != nil {
		s.fail(w, r, err)
		return
	}
	data := struct {
		*overview.Overview
		Documents int
		Levels    []zicht.Level
	}{ov, docs, zicht.Levels}
	if visitorOf(r).User != nil || r.URL.Path != "/" {
		s.render(w, r, http.StatusOK, "overview.html", "", data)
		return
	}
	// Anonymous visitors all get the same page: render it once per language.
	lang := s.langOf(w, r)
	key := "/|" + string(lang)
	b := s.cache.anonymousPage(key, ov)
	if b == nil {
		if b, err = s.renderBytes(r, lang, "overview.html", "", data); err != nil {
			s.fail(w, r, err)
			return
		}
		s.cache.keepPage(key, ov, b)
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Write(b)
}

type groupPage struct {
	Drafts      []zicht.Assessment // analysts' drafts awaiting approval
	Levels      []zicht.Level
	Group       zicht.Group
	Row         overview.Row
	History     []zicht.Assessment
	Signals     []zicht.Signal
	Recs        []zicht.Recommendation
	Questions   []zicht.Question
	Suggestions map[zicht.Question]*zicht.Assessment
}

func (s *Server) handleGroup(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	id := zicht.GroupID(r.PathValue("id"))
	lang := s.langOf(w, r)
	anonymous := visitorOf(r).User == nil
	var ov *overview.Overview
	key := "/groups/" + string(id) + "|" + string(lang)
	if anonymous {
		var err error
		if ov, _, err = s.currentOverview(ctx); err != nil {
			s.fail(w, r, err)
			return
		}
		if b := s.cache.anonymousPage(key, ov); b != nil {
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.Write(b)
			return
		}
	}
	g, err := s.store.Group(ctx, id)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	p, err := s.groupData(ctx, g, !anonymous)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if !anonymous {
		s.render(w, r, http.StatusOK, "group.html", g.Name.In(lang), p)
		return
	}
	b, err := s.renderBytes(r, lang, "group.html", g.Name.In(lang), p)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.cache.keepPage(key, ov, b)
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Write(b)
}

// groupData gathers a group page; passages from documents are shown only
// to users who are logged in, never on the public overview.
func (s *Server) groupData(ctx context.Context, g *zicht.Group, showPassages bool) (*groupPage, error) {
	ov, _, err := s.currentOverview(ctx)
	if err != nil {
		return nil, err
	}
	p := &groupPage{Group: *g, Questions: zicht.Questions, Suggestions: map[zicht.Question]*zicht.Assessment{}}
	for _, row := range ov.Rows {
		if row.Group.ID == g.ID {
			p.Row = row
		}
	}
	all, err := s.store.Assessments(ctx, zicht.AssessmentFilter{Group: g.ID})
	if err != nil {
		return nil, err
	}
	for i, a := range all {
		switch {
		case a.Status == zicht.Approved:
			p.History = append(p.History, a)
		case a.Origin == zicht.OriginAnalyst && showPassages:
			p.Drafts = append(p.Drafts, a)
		case a.Origin == zicht.OriginComputed:
			p.Suggestions[a.Question] = &all[i] // with its items, for the explanation
		}
	}
	p.Levels = zicht.Levels
	slices.Reverse(p.History)
	if showPassages {
		if p.Signals, err = s.store.Signals(ctx, zicht.SignalFilter{Group: g.ID, Limit: 25}); err != nil {
			return nil, err
		}
	}
	if p.Recs, err = s.store.Recommendations(ctx, g.ID); err != nil {
		return nil, err
	}
	return p, nil
}

// overviewJSON is one group in /api/overview.
type overviewJSON struct {
	Group      zicht.GroupID    `json:"group"`
	Name       zicht.Text       `json:"name"`
	Q1         zicht.Level      `json:"q1"`
	Q2         zicht.Level      `json:"q2"`
	Suggested  [2]zicht.Level   `json:"suggested"`
	Confidence zicht.Confidence `json:"confidence"`
	Signals    int              `json:"signals"`
	Evidence   int              `json:"evidence"`
}

func (s *Server) handleOverviewJSON(w http.ResponseWriter, r *http.Request) {
	ov, _, err := s.currentOverview(r.Context())
	if err != nil {
		s.fail(w, r, err)
		return
	}
	out := []overviewJSON{}
	for _, row := range ov.Rows {
		o := overviewJSON{Group: row.Group.ID, Name: row.Group.Name, Q1: row.Q1.Level(), Q2: row.Q2.Level(),
			Confidence: row.Confidence(), Signals: row.Signals(), Evidence: row.Q1.Evidence + row.Q2.Evidence}
		for i, c := range []overview.Cell{row.Q1, row.Q2} {
			if c.Suggestion != nil {
				o.Suggested[i] = c.Suggestion.Suggested
			}
		}
		out = append(out, o)
	}
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(map[string]any{"groups": out, "other_signals": ov.Other})
}
