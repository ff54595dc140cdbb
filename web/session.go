package web

import (
	"context"
	"encoding/json"
	"net"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/zicht-project/zicht"
	"github.com/zicht-project/zicht/auth"
)

// sessionCookie holds the session's secret; the store keeps only its hash.
const sessionCookie = "zicht_session"

// sessionLife is how long a login lasts.
const sessionLife = 12 * time.Hour

type ctxKey int

const (
	userKey ctxKey = iota
	secretKey
)

// visitor is who makes a request: a user, and for browser sessions the
// session secret that CSRF tokens derive from.
type visitor struct {
	User   *zicht.User
	Secret string // empty for API tokens and anonymous visitors
}

func visitorOf(r *http.Request) visitor {
	v := visitor{}
	if u, ok := r.Context().Value(userKey).(*zicht.User); ok {
		v.User = u
	}
	if s, ok := r.Context().Value(secretKey).(string); ok {
		v.Secret = s
	}
	return v
}

// authenticate finds the user of a request from its API token (Authorization:
// Bearer) or its session cookie. A request without either goes on anonymous;
// the routes decide what anonymous visitors may see.
func (s *Server) authenticate(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx := r.Context()
		if h := r.Header.Get("Authorization"); h != "" {
			secret, ok := strings.CutPrefix(h, "Bearer ")
			u, t, err := s.store.TokenUser(ctx, auth.HashToken(strings.TrimSpace(secret)), time.Now())
			if !ok || err != nil || t.Kind != zicht.TokenAPI {
				s.fail(w, r, zicht.Errorf(codeUnauthorized, "invalid API token"))
				return
			}
			next.ServeHTTP(w, r.WithContext(context.WithValue(ctx, userKey, &u)))
			return
		}
		if c, err := r.Cookie(sessionCookie); err == nil && c.Value != "" {
			u, t, err := s.store.TokenUser(ctx, auth.HashToken(c.Value), time.Now())
			if err == nil && t.Kind == zicht.TokenSession {
				ctx = context.WithValue(ctx, userKey, &u)
				ctx = context.WithValue(ctx, secretKey, c.Value)
			}
		}
		next.ServeHTTP(w, r.WithContext(ctx))
	})
}

// codeUnauthorized marks "log in first"; it maps to 401 here, not in the domain's table.
const codeUnauthorized zicht.Code = "unauthorized"

// need wraps a handler so only users whose role can do need reach it:
// anonymous browsers are sent to the login page, anonymous API calls get
// 401, users without the role 403. Unsafe methods from a browser session
// must carry the session's CSRF token.
func (s *Server) need(role zicht.Role, h http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		v := visitorOf(r)
		if v.User == nil {
			if isAPI(r) || r.Method != http.MethodGet {
				s.fail(w, r, zicht.Errorf(codeUnauthorized, "log in first"))
				return
			}
			http.Redirect(w, r, "/login?next="+url.QueryEscape(r.URL.RequestURI()), http.StatusSeeOther)
			return
		}
		if !v.User.Role.Can(role) {
			s.fail(w, r, zicht.Errorf(zicht.CodeForbidden, "your role (%s) may not do this; it needs %s", v.User.Role, role))
			return
		}
		if !isMultipart(r) && !s.csrfOK(r, v) { // a multipart body is checked by its handler once parsed
			s.fail(w, r, zicht.Errorf(zicht.CodeForbidden, "the form is stale or was not sent from zicht (CSRF check); reload the page and try again"))
			return
		}
		h(w, r)
	}
}

// public lets anonymous visitors in when the overview is published; else it
// needs a viewer.
func (s *Server) public(h http.HandlerFunc) http.HandlerFunc {
	if s.publicOverview {
		return h
	}
	return s.need(zicht.RoleViewer, h)
}

func (s *Server) csrfOK(r *http.Request, v visitor) bool {
	switch r.Method {
	case http.MethodGet, http.MethodHead, http.MethodOptions:
		return true
	}
	if v.Secret == "" {
		return true // API token: not sent by browsers on their own
	}
	tok := r.Header.Get("X-CSRF-Token")
	if tok == "" {
		tok = r.PostFormValue("csrf")
	}
	return auth.ValidCSRF(v.Secret, tok)
}

func isAPI(r *http.Request) bool { return strings.HasPrefix(r.URL.Path, "/api/") }

// clientKey is the address a request came from, for throttling.
func clientKey(r *http.Request) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}

func (s *Server) handleLoginForm(w http.ResponseWriter, r *http.Request) {
	s.render(w, r, http.StatusOK, "login.html", translate(s.langOf(w, r), "login.title"), loginPage{Next: safeNext(r.URL.Query().Get("next"))})
}

type loginPage struct {
	Next, Name, Error string
}

// safeNext keeps redirects after login on this site.
func safeNext(next string) string {
	if !strings.HasPrefix(next, "/") || strings.HasPrefix(next, "//") || strings.HasPrefix(next, "/\\") {
		return "/"
	}
	return next
}

func (s *Server) handleLogin(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, 64<<10)
	if err := r.ParseForm(); err != nil {
		s.fail(w, r, zicht.Errorf(zicht.CodeInvalid, "malformed login form"))
		return
	}
	lang := s.langOf(w, r)
	name, pw := strings.TrimSpace(r.PostFormValue("name")), r.PostFormValue("password")
	page := loginPage{Next: safeNext(r.PostFormValue("next")), Name: name}
	now := time.Now()
	for _, key := range []string{"user:" + name, "addr:" + clientKey(r)} {
		if wait := s.throttle.Wait(key, now); wait > 0 {
			page.Error = translate(lang, "login.wait") + " " + wait.Round(time.Second).String()
			s.render(w, r, http.StatusTooManyRequests, "login.html", translate(lang, "login.title"), page)
			return
		}
	}
	u, hash, err := s.store.UserByName(r.Context(), name)
	if err != nil && zicht.ErrorCode(err) != zicht.CodeNotFound {
		s.fail(w, r, err)
		return
	}
	if err != nil || !auth.CheckPassword(hash, pw) {
		if err != nil {
			auth.CheckPassword(s.dummyHash, pw) // the same work whether the name exists or not
		}
		s.throttle.Fail("user:"+name, now)
		s.throttle.Fail("addr:"+clientKey(r), now)
		s.log.Info("login failed", "user", name, "addr", clientKey(r))
		page.Error = translate(lang, "login.failed")
		s.render(w, r, http.StatusUnauthorized, "login.html", translate(lang, "login.title"), page)
		return
	}
	s.throttle.Succeed("user:" + name)
	s.throttle.Succeed("addr:" + clientKey(r))
	// A new session secret on every login: a session fixed before login is worthless.
	if c, err := r.Cookie(sessionCookie); err == nil {
		s.store.DeleteToken(r.Context(), auth.HashToken(c.Value))
	}
	secret, hashed, err := auth.NewToken()
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if err := s.store.AddToken(r.Context(), zicht.Token{Hash: hashed, User: u.Name, Kind: zicht.TokenSession,
		CreatedAt: now, ExpiresAt: now.Add(sessionLife)}); err != nil {
		s.fail(w, r, err)
		return
	}
	s.store.Audit(r.Context(), zicht.AuditEvent{Actor: u.Name, Action: "user.login", Object: "user " + u.Name, Detail: clientKey(r)})
	http.SetCookie(w, &http.Cookie{Name: sessionCookie, Value: secret, Path: "/", HttpOnly: true, Secure: s.secure,
		SameSite: http.SameSiteLaxMode, MaxAge: int(sessionLife.Seconds())})
	http.Redirect(w, r, page.Next, http.StatusSeeOther)
}

func (s *Server) handleLogout(w http.ResponseWriter, r *http.Request) {
	v := visitorOf(r)
	if v.Secret != "" {
		if err := s.store.DeleteToken(r.Context(), auth.HashToken(v.Secret)); err != nil {
			s.fail(w, r, err)
			return
		}
	}
	http.SetCookie(w, &http.Cookie{Name: sessionCookie, Value: "", Path: "/", HttpOnly: true, Secure: s.secure,
		SameSite: http.SameSiteLaxMode, MaxAge: -1})
	http.Redirect(w, r, "/", http.StatusSeeOther)
}

// writeJSON answers with v as JSON.
func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(v)
}

func isMultipart(r *http.Request) bool {
	return strings.HasPrefix(r.Header.Get("Content-Type"), "multipart/form-data")
}
