package web_test

import (
	"context"
	"io"
	"log/slog"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/zicht-project/zicht"
	"github.com/zicht-project/zicht/assess"
	"github.com/zicht-project/zicht/auth"
	"github.com/zicht-project/zicht/detect"
	"github.com/zicht-project/zicht/extract"
	"github.com/zicht-project/zicht/ingest"
	"github.com/zicht-project/zicht/lexicon"
	"github.com/zicht-project/zicht/web"
)

// chromium finds the browser: $ZICHT_CHROMIUM, or Debian's chromium.
func chromium(t *testing.T) string {
	t.Helper()
	for _, c := range []string{os.Getenv("ZICHT_CHROMIUM"), "chromium", "chromium-browser", "google-chrome"} {
		if c == "" {
			continue
		}
		if p, err := exec.LookPath(c); err == nil {
			return p
		}
	}
	t.Skip("no Chromium found (.ci/run installs Debian's chromium); set ZICHT_CHROMIUM to its path")
	return ""
}

// TestBrowserWorkflow drives real Chromium through the web application: log
// in, upload, review with the keyboard, set a level as an analyst, approve
// it as a reviewer, publish, and see the overview change. Screenshots of the
// main pages go to $ZICHT_SCREENSHOTS when set.
func TestBrowserWorkflow(t *testing.T) {
	bin := chromium(t)
	ctx := context.Background()
	_, st := newServerWith(t, true)
	for name, role := range map[string]zicht.Role{"ana": zicht.RoleAnalyst, "rob": zicht.RoleReviewer} {
		hash, err := auth.HashPassword("password for " + name + " in tests")
		if err != nil {
			t.Fatal(err)
		}
		if err := st.PutUser(ctx, zicht.User{Name: name, Role: role}, hash); err != nil {
			t.Fatal(err)
		}
	}
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
	srv, err := web.New(web.Config{Store: st, Logger: slog.New(slog.NewTextHandler(io.Discard, nil)), PublicOverview: true, Ingest: pipe})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(srv.Handler())
	defer ts.Close()

	shots := os.Getenv("ZICHT_SCREENSHOTS")
	if shots == "" {
		shots = t.TempDir()
	}
	doc := filepath.Join(t.TempDir(), "melding.txt")
	if err := os.WriteFile(doc, []byte("FICTIEF TESTDOCUMENT\n\nDe rechtbank heeft twee ooms veroordeeld wegens mensenhandel, omdat zij Roma-kinderen dwongen te stelen.\n"), 0o644); err != nil {
		t.Fatal(err)
	}

	// Chromium may still write to its profile as it exits; clean up without failing.
	profile, err := os.MkdirTemp("", "zicht-chromium-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(profile) })
	opts := append(chromedp.DefaultExecAllocatorOptions[:], chromedp.ExecPath(bin), chromedp.NoSandbox,
		chromedp.Flag("disable-gpu", true), chromedp.Flag("disable-quic", true), chromedp.Flag("no-first-run", true),
		chromedp.Flag("disable-background-networking", true), chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true), chromedp.UserDataDir(profile), chromedp.WindowSize(1280, 1000))
	actx, cancel := chromedp.NewExecAllocator(ctx, opts...)
	defer cancel()
	bctx, cancel := chromedp.NewContext(actx)
	defer cancel()
	bctx, cancel = context.WithTimeout(bctx, 90*time.Second)
	defer cancel()

	shot := func(name string) chromedp.Action {
		return chromedp.ActionFunc(func(ctx context.Context) error {
			var buf []byte
			if err := chromedp.FullScreenshot(&buf, 90).Do(ctx); err != nil {
				return err
			}
			return os.WriteFile(filepath.Join(shots, name+".png"), buf, 0o644)
		})
	}
	loginAs := func(name string) chromedp.Tasks {
		return chromedp.Tasks{
			chromedp.Navigate(ts.URL + "/login?lang=en"),
			chromedp.WaitVisible(`#name`, chromedp.ByQuery),
			chromedp.SendKeys(`#name`, name, chromedp.ByQuery),
			chromedp.SendKeys(`#password`, "password for "+name+" in tests", chromedp.ByQuery),
			chromedp.Submit(`#password`, chromedp.ByQuery),
			chromedp.WaitVisible(`form.logout`, chromedp.ByQuery),
		}
	}
	var text string
	run := func(step string, tasks ...chromedp.Action) {
		t.Helper()
		if err := chromedp.Run(bctx, tasks...); err != nil {
			t.Fatalf("%s: %v", step, err)
		}
	}
	run("overview before", chromedp.Navigate(ts.URL+"/?lang=en"), chromedp.WaitVisible(`.panels`, chromedp.ByQuery), shot("browser-overview"))
	run("login as ana", loginAs("ana"))
	run("upload", chromedp.Navigate(ts.URL+"/upload?lang=en"), chromedp.WaitVisible(`#files`, chromedp.ByQuery),
		chromedp.SetUploadFiles(`#files`, []string{doc}, chromedp.ByQuery),
		chromedp.Click(`#upload button[type=submit]`, chromedp.ByQuery),
		chromedp.WaitVisible(`//td[text()="added"]`, chromedp.BySearch), shot("browser-upload"))
	run("review with the keyboard", chromedp.Navigate(ts.URL+"/review?lang=en&group=roma"), chromedp.WaitVisible(`.card`, chromedp.ByQuery),
		shot("browser-review"),
		chromedp.KeyEvent("a"),
		chromedp.WaitVisible(`.notice`, chromedp.ByQuery), chromedp.Text(`.notice`, &text, chromedp.ByQuery))
	if !strings.Contains(text, "Accepted") {
		t.Fatalf("after pressing a: %q", text)
	}
	run("undo and accept again", chromedp.KeyEvent("u"),
		chromedp.WaitVisible(`//p[@class="notice" and contains(., "Undone")]`, chromedp.BySearch),
		chromedp.Text(`.notice`, &text, chromedp.ByQuery))
	if !strings.Contains(text, "Undone") {
		t.Fatalf("after pressing u: %q", text)
	}
	run("accept", chromedp.KeyEvent("a"), chromedp.WaitVisible(`//p[@class="notice" and contains(., "Accepted")]`, chromedp.BySearch))
	if _, err := assess.Run(ctx, st, assess.Config{}); err != nil {
		t.Fatal(err)
	}
	run("set a level", chromedp.Navigate(ts.URL+"/groups/roma?lang=en"), chromedp.WaitVisible(`#set-submit`, chromedp.ByQuery),
		chromedp.SetValue(`#set-q`, "Q2", chromedp.ByQuery), chromedp.SetValue(`#set-level`, "high", chromedp.ByQuery),
		chromedp.SendKeys(`#set-rationale`, "Several convictions in recent case files.", chromedp.ByQuery),
		chromedp.Click(`#set-submit`, chromedp.ByQuery), chromedp.WaitVisible(`button[id^=approve-]`, chromedp.ByQuery),
		shot("browser-group"))
	run("ana logs out", chromedp.Click(`form.logout button`, chromedp.ByQuery), chromedp.WaitVisible(`.panels`, chromedp.ByQuery),
		chromedp.WaitVisible(`//a[@href="/login"]`, chromedp.BySearch))
	run("rob approves and publishes", loginAs("rob"), chromedp.Navigate(ts.URL+"/groups/roma?lang=en"),
		chromedp.WaitVisible(`button[id^=approve-]`, chromedp.ByQuery), chromedp.Click(`button[id^=approve-]`, chromedp.ByQuery),
		chromedp.WaitNotPresent(`button[id^=approve-]`, chromedp.ByQuery),
		chromedp.Navigate(ts.URL+"/publications?lang=en"), chromedp.WaitVisible(`#title`, chromedp.ByQuery),
		chromedp.SendKeys(`#title`, "Overview after review", chromedp.ByQuery), chromedp.Submit(`#title`, chromedp.ByQuery),
		chromedp.WaitVisible(`//td[text()="Overview after review"]`, chromedp.BySearch), shot("browser-publications"))
	var q2 string
	run("overview after", chromedp.Navigate(ts.URL+"/?lang=en"), chromedp.WaitVisible(`.panels`, chromedp.ByQuery),
		chromedp.Text(`#g-roma`, &text, chromedp.ByQuery),
		chromedp.Text(`//section[@aria-labelledby="g-roma"]//div[@class="q"][2]//span[@class="lv"]`, &q2, chromedp.BySearch),
		shot("browser-overview-after"))
	if q2 != "high" {
		t.Errorf("Roma Q2 on the overview after approval = %q, want high", q2)
	}
	pubs, _ := st.Publications(ctx)
	if len(pubs) != 2 {
		t.Errorf("%d publications, want the baseline and the new one", len(pubs))
	}
}
