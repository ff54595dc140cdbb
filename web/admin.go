package web

import (
	"net/http"
	"strings"
	"time"

	"github.com/zicht-project/zicht"
	"github.com/zicht-project/zicht/auth"
)

type usersPage struct {
	Users   []zicht.User
	Roles   []zicht.Role
	Error   string
	Message string
}

func (s *Server) handleUsers(w http.ResponseWriter, r *http.Request) {
	s.renderUsers(w, r, http.StatusOK, "", r.URL.Query().Get("done"))
}

func (s *Server) renderUsers(w http.ResponseWriter, r *http.Request, status int, problem, msg string) {
	users, err := s.store.Users(r.Context())
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.render(w, r, status, "users.html", translate(s.langOf(w, r), "nav.users"),
		usersPage{Users: users, Roles: zicht.Roles, Error: problem, Message: msg})
}

// handleAddUser creates or changes a user; a malformed form is shown again
// with the problem next to it.
func (s *Server) handleAddUser(w http.ResponseWriter, r *http.Request) {
	u := zicht.User{Name: strings.TrimSpace(r.PostFormValue("name")), Role: zicht.Role(r.PostFormValue("role"))}
	if err := u.Validate(); err != nil {
		s.renderUsers(w, r, http.StatusBadRequest, err.Error(), "")
		return
	}
	hash := ""
	if pw := r.PostFormValue("password"); pw != "" {
		var err error
		if hash, err = auth.HashPassword(pw); err != nil {
			s.renderUsers(w, r, http.StatusBadRequest, err.Error(), "")
			return
		}
	}
	if err := s.store.PutUser(r.Context(), u, hash); err != nil {
		if zicht.ErrorCode(err) == zicht.CodeInvalid {
			s.renderUsers(w, r, http.StatusBadRequest, err.Error(), "")
			return
		}
		s.fail(w, r, err)
		return
	}
	s.store.Audit(r.Context(), zicht.AuditEvent{At: time.Now().UTC(), Actor: visitorOf(r).User.Name, Action: "user.put",
		Object: "user " + u.Name, Detail: string(u.Role)})
	http.Redirect(w, r, "/users?done="+u.Name, http.StatusSeeOther)
}

func (s *Server) handleAudit(w http.ResponseWriter, r *http.Request) {
	events, err := s.store.AuditEvents(r.Context(), 500)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if isAPI(r) {
		if events == nil {
			events = []zicht.AuditEvent{}
		}
		writeJSON(w, http.StatusOK, events)
		return
	}
	s.render(w, r, http.StatusOK, "audit.html", translate(s.langOf(w, r), "nav.audit"), events)
}

func (s *Server) handleOpenAPI(w http.ResponseWriter, r *http.Request) {
	b, err := staticFS.ReadFile("static/openapi.json")
	if err != nil {
		s.fail(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	w.Write(b)
}
