package web_test

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"

	"github.com/zicht-project/zicht"
	"github.com/zicht-project/zicht/auth"
	"github.com/zicht-project/zicht/baseline"
	"github.com/zicht-project/zicht/store/sqlite"
	"github.com/zicht-project/zicht/web"
)

func newServer(t *testing.T) *httptest.Server {
	t.Helper()
	ts, _ := newServerWith(t, true)
	return ts
}

// newServerWith serves a store with the baseline; public publishes the overview.
func newServerWith(t *testing.T, public bool) (*httptest.Server, *sqlite.Store) {
	t.Helper()
	ctx := context.Background()
	st, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "zicht.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	if _, err := baseline.Load(ctx, st); err != nil {
		t.Fatal(err)
	}
	srv, err := web.New(web.Config{Store: st, Logger: slog.New(slog.NewTextHandler(io.Discard, nil)), PublicOverview: public})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(srv.Handler())
	t.Cleanup(ts.Close)
	return ts, st
}

// apiToken makes a user with role and returns an API token for it.
func apiToken(t *testing.T, st zicht.Store, name string, role zicht.Role) string {
	t.Helper()
	ctx := context.Background()
	if err := st.PutUser(ctx, zicht.User{Name: name, Role: role}, "$argon2id$unused"); err != nil {
		t.Fatal(err)
	}
	secret, hash, err := auth.NewToken()
	if err != nil {
		t.Fatal(err)
	}
	if err := st.AddToken(ctx, zicht.Token{Hash: hash, User: name, Kind: zicht.TokenAPI, Name: "test"}); err != nil {
		t.Fatal(err)
	}
	return "Bearer " + secret
}

// fetchAs gets url with an Authorization header (none when empty); the
// client follows redirects, so a page that needs a login ends on /login.
func fetchAs(t *testing.T, url, authz string) (int, http.Header, string) {
	t.Helper()
	if authz == "" {
		return fetch(t, url)
	}
	return fetch(t, url, "Authorization", authz)
}

func fetch(t *testing.T, url string, header ...string) (int, http.Header, string) {
	t.Helper()
	req, _ := http.NewRequest("GET", url, nil)
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, resp.Header, string(b)
}

func TestOverviewBothLanguages(t *testing.T) {
	ts := newServer(t)
	cases := []struct {
		url, header string
		want        []string
	}{
		{"/?lang=nl", "", []string{`lang="nl"`, "Roma-kinderen", "Syrische kindbruiden", "hoog", "verhoogd", "geen niveau genoemd", "Q1 kwetsbaarheid"}},
		{"/?lang=en", "", []string{`lang="en"`, "Roma children", "Syrian child brides", "high", "elevated", "no level named", "Q1 vulnerability"}},
		{"/", "en-GB,en;q=0.8", []string{`lang="en"`}},
	}
	for _, c := range cases {
		status, h, body := fetch(t, ts.URL+c.url, "Accept-Language", c.header)
		if status != 200 {
			t.Fatalf("%s: status %d", c.url, status)
		}
		for _, w := range c.want {
			if !strings.Contains(body, w) {
				t.Errorf("%s lacks %q", c.url, w)
			}
		}
		if !strings.Contains(h.Get("Content-Security-Policy"), "default-src 'self'") {
			t.Errorf("%s: no CSP header", c.url)
		}
		// Levels are never told by colour alone: every gauge carries its level in words.
		if strings.Count(body, `class="gauge" role="img" aria-label=`) != 14 {
			t.Errorf("%s: want 14 labelled gauges (7 groups × 2 questions)", c.url)
		}
		if strings.Contains(body, "<script") {
			t.Errorf("%s: page has a script; none is needed", c.url)
		}
	}
}

func TestGroupPageAndErrors(t *testing.T) {
	ts := newServer(t)
	status, _, body := fetch(t, ts.URL+"/groups/anorexia-nervosa?lang=en")
	if status != 200 || !strings.Contains(body, "Alert professionals who work with the group") || !strings.Contains(body, "slight") {
		t.Errorf("group page: %d", status)
	}
	status, _, body = fetch(t, ts.URL+"/groups/%3Cscript%3E")
	if status != 404 || strings.Contains(body, "<script>") {
		t.Errorf("unknown group: status %d, escaped? %v", status, !strings.Contains(body, "<script>"))
	}
	status, h, body := fetch(t, ts.URL+"/api/overview")
	if status != 200 || h.Get("Content-Type") != "application/json" || !strings.Contains(body, `"group":"roma","name":{"nl":"Roma-kinderen"`) {
		t.Errorf("api overview: %d %s", status, body)
	}
	status, _, _ = fetch(t, ts.URL+"/static/style.css")
	if status != 200 {
		t.Errorf("stylesheet: %d", status)
	}
}

func TestDocumentsSearchAndReader(t *testing.T) {
	ctx := context.Background()
	st, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "zicht.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	text := "De coördinatie rond Roma-kinderen schiet tekort. Hulpverleners melden uitbuiting."
	second := strings.Index(text, "Hulpverleners")
	_, err = st.AddDocument(ctx, zicht.Ingested{
		Document: zicht.Document{ID: "d1", Title: `<script>alert("x")</script> Rapport`, Kind: zicht.KindNGO, Format: "text",
			Lang: zicht.Dutch, Text: text, Repairs: []zicht.Repair{{Offset: 3, Before: "co\u0308", After: "coö", Kind: "nfc"}}},
		Original: []byte(text),
		Passages: []zicht.Passage{{Start: 0, End: second - 1, Text: text[:second-1]}, {Start: second, End: len(text), Text: text[second:]}},
		Signals: []zicht.Signal{{Start: second, End: len(text), Text: text[second:], Group: "roma", Question: zicht.Q2,
			Polarity: zicht.Asserted, EvidenceType: zicht.ProfessionalSignal, Score: 0.5, Detector: "t"}},
	})
	if err != nil {
		t.Fatal(err)
	}
	srv, err := web.New(web.Config{Store: st, Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(srv.Handler())
	defer ts.Close()
	tok := apiToken(t, st, "vera", zicht.RoleViewer)
	fetch := func(t *testing.T, url string) (int, http.Header, string) {
		t.Helper()
		return fetchAs(t, url, tok)
	}
	if status, _, body := fetchAs(t, ts.URL+"/documents", ""); status != 200 || !strings.Contains(body, `action="/login"`) ||
		strings.Contains(body, "/documents/d1") {
		t.Errorf("anonymous /documents did not end on the login page: %d", status)
	}

	status, _, body := fetch(t, ts.URL+"/search?q=COORDINATIE&lang=en")
	if status != 200 || !strings.Contains(body, "<mark>coördinatie</mark>") || !strings.Contains(body, "1 passages found") {
		t.Errorf("search: %d, highlighted match missing", status)
	}
	if strings.Contains(body, `<script>alert`) {
		t.Error("document title not escaped in search results")
	}
	for query, want := range map[string]int{
		"uitbuiting&group=roma&question=Q2":         1, // the passage with the roma Q2 signal
		"uitbuiting&group=lgbt":                     0,
		"uitbuiting&polarity=negated":               0,
		"uitbuiting&type=professional_signal":       1,
		"schiet&group=roma":                         0, // a passage without signals
		"uitbuiting&source=Rapport&from=2000-01-01": 0, // the document has no date
	} {
		_, _, body := fetch(t, ts.URL+"/search?lang=en&q="+query)
		if got := strings.Count(body, "<blockquote>"); got != want {
			t.Errorf("search %s: %d hits, want %d", query, got, want)
		}
	}
	if _, _, body := fetch(t, ts.URL+"/search?q=uitbuiting&from=yesterday"); !strings.Contains(body, "is not a date") {
		t.Error("a malformed date filter gave no message")
	}
	status, _, body = fetch(t, ts.URL+"/search?q=%3F%21")
	if status != 200 || !strings.Contains(body, "has no words") {
		t.Errorf("empty query: %d", status)
	}
	status, _, body = fetch(t, ts.URL+"/documents?lang=en&kind=ngo")
	if status != 200 || !strings.Contains(body, "/documents/d1") || !strings.Contains(body, "1 documents") {
		t.Errorf("documents list: %d", status)
	}
	status, _, body = fetch(t, ts.URL+"/documents?kind=court_ruling")
	if status != 200 || strings.Contains(body, "/documents/d1\"") {
		t.Errorf("kind filter did not filter: %d", status)
	}
	if status, _, _ = fetch(t, ts.URL+"/documents?doclang=fr"); status != 400 {
		t.Errorf("unknown language filter: %d, want 400", status)
	}
	status, _, body = fetch(t, ts.URL+"/documents/d1?lang=en")
	if status != 200 || !strings.Contains(body, `class="hit"`) || !strings.Contains(body, "roma · Q2 · asserted") ||
		!strings.Contains(body, "1 repairs to the text") || strings.Contains(body, "<script>alert") {
		t.Errorf("reader: %d", status)
	}
	if status, _, _ = fetch(t, ts.URL+"/documents/nope"); status != 404 {
		t.Errorf("unknown document: %d, want 404", status)
	}
}
