package web_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"mime/multipart"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/zicht-project/zicht"
	"github.com/zicht-project/zicht/auth"
	"github.com/zicht-project/zicht/detect"
	"github.com/zicht-project/zicht/extract"
	"github.com/zicht-project/zicht/ingest"
	"github.com/zicht-project/zicht/lexicon"
	"github.com/zicht-project/zicht/web"
)

// noRedirect is a client that shows redirects instead of following them.
var noRedirect = &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}

func call(t *testing.T, c *http.Client, method, url, authz, body string, header ...string) (int, string) {
	t.Helper()
	req, err := http.NewRequest(method, url, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	if authz != "" {
		req.Header.Set("Authorization", authz)
	}
	if body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	resp, err := c.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

// TestRouteRoleTable walks every route with every role and checks who gets in.
func TestRouteRoleTable(t *testing.T) {
	for _, public := range []bool{false, true} {
		ts, st := newServerWith(t, public)
		tokens := map[string]string{"anonymous": ""}
		for _, r := range zicht.Roles {
			tokens[string(r)] = apiToken(t, st, "u-"+string(r), r)
		}
		routes := []struct {
			method, path string
			need         zicht.Role // "" public page, "-" login pages
		}{
			{"GET", "/", ""}, {"GET", "/groups/roma", ""}, {"GET", "/api/overview", ""}, {"GET", "/api/publications", ""},
			{"GET", "/login", "-"},
			{"GET", "/documents", zicht.RoleViewer}, {"GET", "/search?q=roma", zicht.RoleViewer},
			{"GET", "/documents/nope", zicht.RoleViewer}, {"GET", "/api/evidence", zicht.RoleViewer},
			{"GET", "/api/groups/roma/history", zicht.RoleViewer}, {"POST", "/logout", zicht.RoleViewer},
			{"GET", "/api/queue", zicht.RoleAnalyst}, {"POST", "/api/signals/1/accept", zicht.RoleAnalyst},
			{"POST", "/api/signals/1/reject", zicht.RoleAnalyst}, {"POST", "/api/review/undo", zicht.RoleAnalyst},
			{"POST", "/api/evidence", zicht.RoleAnalyst}, {"POST", "/api/assessments", zicht.RoleAnalyst},
			{"POST", "/api/assessments/1/approve", zicht.RoleReviewer}, {"POST", "/api/publications", zicht.RoleReviewer},
			{"GET", "/publications", ""}, {"GET", "/reports/1.svg", ""}, {"GET", "/review", zicht.RoleAnalyst},
			{"POST", "/review/undo", zicht.RoleAnalyst}, {"POST", "/review/1/reject", zicht.RoleAnalyst},
			{"POST", "/publications", zicht.RoleReviewer}, {"GET", "/upload", zicht.RoleAnalyst},
			{"POST", "/groups/roma/assessments", zicht.RoleAnalyst}, {"POST", "/assessments/1/approve", zicht.RoleReviewer},
			{"GET", "/users", zicht.RoleAdmin}, {"POST", "/users", zicht.RoleAdmin}, {"GET", "/audit", zicht.RoleAdmin},
			{"GET", "/api/audit", zicht.RoleAdmin}, {"GET", "/api/openapi.json", "-"},
			{"GET", "/jobs", zicht.RoleViewer}, {"GET", "/api/jobs", zicht.RoleViewer}, {"POST", "/jobs/retry", zicht.RoleAdmin},
			{"GET", "/lexicon", zicht.RoleViewer}, {"GET", "/lexicon/groups.lex", zicht.RoleViewer}, {"POST", "/lexicon/groups.lex", zicht.RoleAdmin},
		}
		for _, rt := range routes {
			for who, tok := range tokens {
				status, _ := call(t, noRedirect, rt.method, ts.URL+rt.path, tok, "{}")
				var want string
				switch {
				case rt.need == "-" || rt.need == "" && (public || who != "anonymous"):
					want = "in"
				case who == "anonymous" && rt.method == "GET" && !strings.HasPrefix(rt.path, "/api/"):
					want = "303"
				case who == "anonymous":
					want = "401"
				case !zicht.Role(who).Can(rt.need):
					want = "403"
				default:
					want = "in"
				}
				got := fmt.Sprint(status)
				loggedOut := rt.path == "/logout" && status == 303 // logging out ends with a redirect home
				if want == "in" && !loggedOut && (status == 401 || status == 403 || status == 303 || status >= 500) ||
					want != "in" && got != want {
					t.Errorf("public=%v %s %s as %s: status %d, want %s", public, rt.method, rt.path, who, status, want)
				}
			}
		}
		if status, _ := call(t, noRedirect, "GET", ts.URL+"/api/overview", "Bearer zt_forged", ""); status != 401 {
			t.Errorf("forged API token: %d, want 401", status)
		}
	}
}

// login logs name in through the form and returns a client holding the session.
func login(t *testing.T, base, name, pw string) (*http.Client, int) {
	t.Helper()
	jar, _ := cookiejar.New(nil)
	c := &http.Client{Jar: jar, CheckRedirect: noRedirect.CheckRedirect}
	resp, err := c.PostForm(base+"/login", url.Values{"name": {name}, "password": {pw}, "next": {"/documents"}})
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	return c, resp.StatusCode
}

func TestLoginSessionCSRFAndThrottle(t *testing.T) {
	ts, st := newServerWith(t, false)
	hash, err := auth.HashPassword("a long enough password")
	if err != nil {
		t.Fatal(err)
	}
	if err := st.PutUser(context.Background(), zicht.User{Name: "ana", Role: zicht.RoleAnalyst}, hash); err != nil {
		t.Fatal(err)
	}
	if _, code := login(t, ts.URL, "ana", "wrong password here"); code != 401 {
		t.Errorf("wrong password: %d, want 401", code)
	}
	c, code := login(t, ts.URL, "ana", "a long enough password")
	if code != 303 {
		t.Fatalf("login: %d, want a redirect", code)
	}
	u, _ := url.Parse(ts.URL)
	var cookie *http.Cookie
	for _, ck := range c.Jar.Cookies(u) {
		if ck.Name == "zicht_session" {
			cookie = ck
		}
	}
	if cookie == nil {
		t.Fatal("no session cookie")
	}
	status, body := call(t, c, "GET", ts.URL+"/documents", "", "")
	if status != 200 || !strings.Contains(body, "ana (analyst)") {
		t.Errorf("documents after login: %d", status)
	}
	// State changes from a browser session need the CSRF token.
	if status, _ := call(t, c, "POST", ts.URL+"/api/review/undo", "", ""); status != 403 {
		t.Errorf("POST without CSRF token: %d, want 403", status)
	}
	csrf := auth.CSRFToken(cookie.Value)
	if status, body := call(t, c, "POST", ts.URL+"/api/review/undo", "", "", "X-CSRF-Token", csrf); status != 404 || !strings.Contains(body, "no decision to undo") {
		t.Errorf("POST with CSRF token: %d %s, want 404 nothing to undo", status, body)
	}
	// Logging out ends the session on the server, not only in the browser.
	if status, _ := call(t, c, "POST", ts.URL+"/logout", "", "csrf="+csrf, "Content-Type", "application/x-www-form-urlencoded"); status != 303 {
		t.Errorf("logout: %d", status)
	}
	req, _ := http.NewRequest("GET", ts.URL+"/documents", nil)
	req.AddCookie(cookie)
	resp, err := noRedirect.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 303 {
		t.Errorf("old session cookie after logout: %d, want a redirect to login", resp.StatusCode)
	}
	// Guessing is slowed down.
	var last int
	for range 7 {
		_, last = login(t, ts.URL, "ana", "guess guess guess")
	}
	if last != 429 {
		t.Errorf("7 wrong passwords in a row: last status %d, want 429", last)
	}
	if _, code := login(t, ts.URL, "ana", "a long enough password"); code != 429 {
		t.Errorf("right password while throttled: %d, want 429", code)
	}
}

func TestAPIReviewWorkflow(t *testing.T) {
	ts, st := newServerWith(t, false)
	ctx := context.Background()
	text := "De rechtbank veroordeelde twee ooms wegens mensenhandel met Roma-kinderen."
	_, err := st.AddDocument(ctx, zicht.Ingested{Document: zicht.Document{ID: "d1", Title: "Vonnis", Kind: zicht.KindCourtRuling,
		Format: "text", Text: text}, Original: []byte(text), Passages: []zicht.Passage{{Start: 0, End: len(text), Text: text}},
		Signals: []zicht.Signal{
			{Start: 0, End: len(text), Text: text, Group: "roma", Question: zicht.Q2, Polarity: zicht.Asserted, EvidenceType: zicht.Conviction, Score: 0.9, Detector: "t"},
			{Start: 0, End: len(text), Text: text, Group: "lgbt", Question: zicht.Q1, Polarity: zicht.Asserted, EvidenceType: zicht.EvidenceNone, Score: 0.2, Detector: "t"},
		}})
	if err != nil {
		t.Fatal(err)
	}
	ana, rob := apiToken(t, st, "ana", zicht.RoleAnalyst), apiToken(t, st, "rob", zicht.RoleReviewer)
	var queue struct {
		Signals []struct {
			ID    int64  `json:"id"`
			Group string `json:"group"`
		} `json:"signals"`
	}
	status, body := call(t, http.DefaultClient, "GET", ts.URL+"/api/queue", ana, "")
	if err := json.Unmarshal([]byte(body), &queue); status != 200 || err != nil || len(queue.Signals) != 2 || queue.Signals[0].Group != "roma" {
		t.Fatalf("queue: %d %s", status, body)
	}
	roma, lgbt := queue.Signals[0].ID, queue.Signals[1].ID
	expect := func(method, path, authz, body string, want int, contains string) string {
		t.Helper()
		status, got := call(t, http.DefaultClient, method, ts.URL+path, authz, body)
		if status != want || !strings.Contains(got, contains) {
			t.Errorf("%s %s: %d %s; want %d with %q", method, path, status, got, want, contains)
		}
		return got
	}
	expect("POST", fmt.Sprintf("/api/signals/%d/accept", roma), ana, `{"polarity":"asserted"}`, 201, `"case_key":"text:`)
	expect("POST", fmt.Sprintf("/api/signals/%d/accept", roma), ana, ``, 409, "already accepted")
	expect("POST", fmt.Sprintf("/api/signals/%d/reject", lgbt), ana, `{"reason":"because"}`, 400, "needs a reason")
	expect("POST", fmt.Sprintf("/api/signals/%d/reject", lgbt), ana, `{"reason":"not_about_group"}`, 201, `"action":"reject"`)
	expect("POST", "/api/review/undo", ana, ``, 200, `"undone":true`)
	expect("POST", fmt.Sprintf("/api/signals/%d/reject", lgbt), ana, `{"reason":`, 400, "not valid JSON")
	expect("POST", fmt.Sprintf("/api/signals/%d/reject", lgbt), ana, `{"reason":"other","extra":1}`, 400, "unknown field")
	expect("POST", "/api/signals/999/accept", ana, ``, 404, "not found")
	expect("POST", "/api/evidence", ana, `{"group":"roma","question":"Q2","type":"conviction","text":"A second conviction.","citation":"case file (fictional)","date":"2026-01-05"}`, 201, `"added_by":"ana"`)
	expect("POST", "/api/evidence", ana, `{"group":"roma","question":"Q2","type":"conviction","text":"x"}`, 400, "citation")
	expect("POST", "/api/evidence", ana, `{"group":"roma","question":"Q2","type":"rumour","text":"x","citation":"y"}`, 400, "unknown evidence type")
	got := expect("POST", "/api/assessments", ana, `{"group":"roma","question":"Q2","level":"high","rationale":"Two convictions in one year."}`, 201, `"status":"draft"`)
	var a zicht.Assessment
	if err := json.Unmarshal([]byte(got), &a); err != nil {
		t.Fatal(err)
	}
	expect("POST", fmt.Sprintf("/api/assessments/%d/approve", a.ID), ana, ``, 403, "")
	expect("POST", fmt.Sprintf("/api/assessments/%d/approve", a.ID), rob, ``, 200, `"status":"approved"`)
	expect("POST", fmt.Sprintf("/api/assessments/%d/approve", a.ID), rob, ``, 409, "already approved")
	expect("POST", "/api/publications", rob, `{"title":"Overzicht"}`, 201, `"title":"Overzicht"`)
	expect("GET", "/api/groups/roma/history", ana, ``, 200, `level unknown → high`)
	expect("POST", "/api/publications", rob, string(bytes.Repeat([]byte("x"), 2<<20)), 400, "")
}

func TestReviewPageAndReports(t *testing.T) {
	ts, st := newServerWith(t, true)
	ctx := context.Background()
	text := "Hulpverleners melden dat Roma-kinderen door familieleden worden uitgebuit."
	_, err := st.AddDocument(ctx, zicht.Ingested{Document: zicht.Document{ID: "d1", Title: "Melding", Kind: zicht.KindNGO,
		Format: "text", Text: text}, Original: []byte(text), Passages: []zicht.Passage{{Start: 0, End: len(text), Text: text}},
		Signals: []zicht.Signal{{Start: 0, End: len(text), Text: text, Group: "roma", Question: zicht.Q2, Polarity: zicht.Asserted,
			EvidenceType: zicht.ProfessionalSignal, Score: 0.7, Detector: "t"}}})
	if err != nil {
		t.Fatal(err)
	}
	ana := apiToken(t, st, "ana", zicht.RoleAnalyst)
	status, body := call(t, noRedirect, "GET", ts.URL+"/review?lang=en", ana, "")
	if status != 200 || !strings.Contains(body, text) || !strings.Contains(body, `data-key="a"`) || !strings.Contains(body, "/static/review.js") {
		t.Fatalf("review page: %d", status)
	}
	sigs, _ := st.Signals(ctx, zicht.SignalFilter{})
	form := "reason=not_about_group"
	status, _ = call(t, noRedirect, "POST", fmt.Sprintf("%s/review/%d/reject", ts.URL, sigs[0].ID), ana, form, "Content-Type", "application/x-www-form-urlencoded")
	if status != 303 {
		t.Errorf("reject from the page: %d", status)
	}
	if _, body = call(t, noRedirect, "GET", ts.URL+"/review?lang=en", ana, ""); !strings.Contains(body, "No signals are waiting") {
		t.Error("queue not empty after rejecting its only signal")
	}
	if status, _ = call(t, noRedirect, "POST", ts.URL+"/review/undo", ana, ""); status != 303 {
		t.Errorf("undo from the page: %d", status)
	}
	if s, _ := st.Signal(ctx, sigs[0].ID); s.Status != zicht.SignalPending {
		t.Errorf("signal after undo: %s", s.Status)
	}
	// Publications and their files are public when the overview is.
	status, body = call(t, noRedirect, "GET", ts.URL+"/publications?lang=nl", "", "")
	if status != 200 || !strings.Contains(body, "/reports/1.pdf") {
		t.Errorf("publications: %d", status)
	}
	for file, want := range map[string]string{"1.svg": "<svg", "1.pdf": "%PDF", "current.json": `"groups"`, "1.html": "<html"} {
		status, body := call(t, noRedirect, "GET", ts.URL+"/reports/"+file+"?lang=nl", "", "")
		if status != 200 || !strings.Contains(body, want) {
			t.Errorf("/reports/%s: %d, want %q", file, status, want)
		}
	}
	for _, file := range []string{"99.svg", "1.exe", "x.svg", "1"} {
		if status, _ := call(t, noRedirect, "GET", ts.URL+"/reports/"+file, "", ""); status != 404 {
			t.Errorf("/reports/%s: %d, want 404", file, status)
		}
	}
}

func TestUpload(t *testing.T) {
	ctx := context.Background()
	_, st := newServerWith(t, false)
	lex, err := lexicon.Default()
	if err != nil {
		t.Fatal(err)
	}
	det, err := detect.New(lex, nil)
	if err != nil {
		t.Fatal(err)
	}
	pipe, err := ingest.New(ingest.Config{Store: st, Scanner: det,
		Extract: func(ctx context.Context, name string, data []byte) (*ingest.Extracted, error) {
			r, err := extract.Extract(ctx, name, data)
			if err != nil {
				return nil, err
			}
			return &ingest.Extracted{Format: r.Format, Lang: r.Lang, Title: r.Title, Text: r.Text, Meta: r.Meta}, nil
		}})
	if err != nil {
		t.Fatal(err)
	}
	srv, err := web.New(web.Config{Store: st, Logger: slog.New(slog.NewTextHandler(io.Discard, nil)), Ingest: pipe})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(srv.Handler())
	defer ts.Close()
	ana := apiToken(t, st, "ana", zicht.RoleAnalyst)
	upload := func(files map[string][]byte) (int, string) {
		var buf bytes.Buffer
		mw := multipart.NewWriter(&buf)
		for name, data := range files {
			fw, _ := mw.CreateFormFile("files", name)
			fw.Write(data)
		}
		mw.Close()
		return call(t, noRedirect, "POST", ts.URL+"/upload?lang=en", ana, buf.String(), "Content-Type", mw.FormDataContentType())
	}
	status, body := upload(map[string][]byte{
		"roma.txt":  []byte("FICTIEF. De rechtbank veroordeelde twee ooms wegens mensenhandel met Roma-kinderen."),
		"image.png": []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"),
		"empty.txt": nil,
	})
	if status != 200 || !strings.Contains(body, "added") || strings.Count(body, "failed") < 2 || !strings.Contains(body, "image.png") {
		t.Errorf("upload: %d\n%s", status, body)
	}
	docs, _ := st.Documents(ctx, zicht.DocumentFilter{})
	if len(docs) != 1 {
		t.Errorf("%d documents after uploading one good file", len(docs))
	}
	status, body = upload(map[string][]byte{"again.txt": []byte("FICTIEF. De rechtbank veroordeelde twee ooms wegens mensenhandel met Roma-kinderen.")})
	if status != 200 || !strings.Contains(body, "already stored") {
		t.Errorf("second upload of the same bytes: %d", status)
	}
	status, body = upload(map[string][]byte{"huge.txt": bytes.Repeat([]byte("a"), web.MaxUpload+1)})
	if status != 413 || !strings.Contains(body, "larger than") {
		t.Errorf("oversized upload: %d, want 413 with a message", status)
	}
	if status, _ := call(t, noRedirect, "POST", ts.URL+"/upload", ana, "not multipart", "Content-Type", "text/plain"); status != 400 {
		t.Errorf("non-multipart upload: %d, want 400", status)
	}
}

func TestOpenAPIListsEveryAPIRoute(t *testing.T) {
	ts, _ := newServerWith(t, false)
	status, body := call(t, noRedirect, "GET", ts.URL+"/api/openapi.json", "", "")
	var doc struct {
		OpenAPI string                    `json:"openapi"`
		Paths   map[string]map[string]any `json:"paths"`
	}
	if status != 200 || json.Unmarshal([]byte(body), &doc) != nil || doc.OpenAPI == "" {
		t.Fatalf("openapi.json: %d", status)
	}
	for _, route := range []string{"GET /api/overview", "GET /api/queue", "POST /api/signals/{id}/accept", "POST /api/signals/{id}/reject",
		"POST /api/review/undo", "GET /api/evidence", "POST /api/evidence", "POST /api/assessments", "POST /api/assessments/{id}/approve",
		"GET /api/groups/{id}/history", "GET /api/publications", "POST /api/publications", "GET /api/audit"} {
		method, path, _ := strings.Cut(route, " ")
		if _, ok := doc.Paths[path][strings.ToLower(method)]; !ok {
			t.Errorf("openapi.json lacks %s", route)
		}
	}
}

func TestUsersAndAuditPages(t *testing.T) {
	ts, st := newServerWith(t, false)
	admin := apiToken(t, st, "ada", zicht.RoleAdmin)
	form := "name=bo&role=reviewer&password=a+long+enough+password"
	if status, _ := call(t, noRedirect, "POST", ts.URL+"/users", admin, form, "Content-Type", "application/x-www-form-urlencoded"); status != 303 {
		t.Errorf("add user: %d", status)
	}
	status, body := call(t, noRedirect, "POST", ts.URL+"/users?lang=en", admin, "name=b+o&role=reviewer&password=x", "Content-Type", "application/x-www-form-urlencoded")
	if status != 400 || !strings.Contains(body, "user name") || !strings.Contains(body, `id="u-name"`) {
		t.Errorf("malformed user form: %d; want the form again with the problem", status)
	}
	if u, _, err := st.UserByName(context.Background(), "bo"); err != nil || u.Role != zicht.RoleReviewer {
		t.Errorf("bo = %+v, %v", u, err)
	}
	status, body = call(t, noRedirect, "GET", ts.URL+"/audit?lang=en", admin, "")
	if status != 200 || !strings.Contains(body, "user.put") {
		t.Errorf("audit page: %d", status)
	}
}

func TestLexiconEditor(t *testing.T) {
	ctx := context.Background()
	_, st := newServerWith(t, false)
	data := t.TempDir()
	srv, err := web.New(web.Config{Store: st, Logger: slog.New(slog.NewTextHandler(io.Discard, nil)), DataDir: data})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(srv.Handler())
	defer ts.Close()
	admin := apiToken(t, st, "ada", zicht.RoleAdmin)
	status, body := call(t, noRedirect, "GET", ts.URL+"/lexicon/groups.lex?lang=en", admin, "")
	if status != 200 || !strings.Contains(body, "[group roma]") || !strings.Contains(body, "<textarea") {
		t.Fatalf("lexicon file page: %d", status)
	}
	post := func(text string) (int, string) {
		return call(t, noRedirect, "POST", ts.URL+"/lexicon/extra.lex?lang=en", admin, "text="+url.QueryEscape(text),
			"Content-Type", "application/x-www-form-urlencoded")
	}
	status, body = post("[group roma]\nnl: roma\n")
	if status != 400 || !regexp.MustCompile(`\.lex:\d+: duplicate group id`).MatchString(body) {
		t.Errorf("duplicate group id: %d; want the form again with a line-numbered error\n%s", status, body)
	}
	if _, err := os.Stat(filepath.Join(data, "lexicon", "extra.lex")); err == nil {
		t.Error("an invalid lexicon file was saved")
	}
	status, _ = post("[group drug-couriers]\nname.nl: Minderjarige drugskoeriers\nname.en: Minor drug couriers\nnl: drugskoerier*\nen: drug courier*\n")
	if status != 303 {
		t.Fatalf("valid new file: %d", status)
	}
	lex, err := lexicon.LoadOverride(data)
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := lex.Group("drug-couriers"); !ok {
		t.Error("the saved file did not reach the lexicon")
	}
	if ev, _ := st.AuditEvents(ctx, 1); len(ev) == 0 || ev[0].Action != "lexicon.edit" {
		t.Errorf("edit not audited: %+v", ev)
	}
	if status, _ := call(t, noRedirect, "GET", ts.URL+"/lexicon/..%2Fzicht.db", admin, ""); status != 404 {
		t.Errorf("path traversal in a lexicon name: %d, want 404", status)
	}
}
