package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/zicht-project/zicht"
	"github.com/zicht-project/zicht/store/sqlite"
)

// zichtBin is the zicht binary built once for the tests that run it as a
// child process, the way users do.
var zichtBin string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "zicht-bin-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	zichtBin = filepath.Join(dir, "zicht")
	out, err := exec.Command("go", "build", "-o", zichtBin, ".").CombinedOutput()
	if err != nil {
		fmt.Fprintf(os.Stderr, "build zicht: %v\n%s", err, out)
		os.Exit(1)
	}
	os.Chmod(dir, 0o755)
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

type result struct {
	stdout, stderr string
	code           int
}

// zicht runs the binary with args and returns what it printed and its exit code.
func runZicht(t *testing.T, stdin string, args ...string) result {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, zichtBin, args...)
	cmd.Stdin = strings.NewReader(stdin)
	return runCmd(t, cmd)
}

// runCmd runs cmd and returns what it printed and its exit code.
func runCmd(t *testing.T, cmd *exec.Cmd) result {
	t.Helper()
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatalf("run %v: %v", cmd.Args, err)
	}
	return result{out.String(), errb.String(), code}
}

func openData(t *testing.T, dir string) *sqlite.Store {
	t.Helper()
	st, err := sqlite.Open(context.Background(), filepath.Join(dir, sqlite.FileName))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

func counts(t *testing.T, dir string) map[string]int {
	t.Helper()
	st := openData(t, dir)
	if err := st.Check(context.Background()); err != nil {
		t.Fatalf("store not consistent: %v", err)
	}
	c, err := st.Counts(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestUsage(t *testing.T) {
	cases := []struct {
		args []string
		code int
		err  string
	}{
		{nil, 2, "Usage"},
		{[]string{"frobnicate"}, 2, `unknown command "frobnicate"`},
		{[]string{"scan", "--format", "xml", "x"}, 2, `unknown format "xml"`},
		{[]string{"scan", "--bogus"}, 2, "flag provided but not defined"},
		{[]string{"extract"}, 2, "want exactly one FILE"},
		{[]string{"groups", "--data", filepath.Join(t.TempDir(), "none")}, 2, "run 'zicht init"},
	}
	for _, c := range cases {
		r := runZicht(t, "", c.args...)
		if r.code != c.code || !strings.Contains(r.stderr, c.err) {
			t.Errorf("zicht %v: exit %d, stderr %q; want exit %d and %q", c.args, r.code, r.stderr, c.code, c.err)
		}
	}
	for _, cmd := range []string{"init", "demo", "serve", "ingest", "extract", "scan", "assess", "groups", "version", "eval", "report", "check", "backup", "restore", "publish", "user", "review", "evidence", "assessment", "recommendation", "worker", "jobs", "migrate-store"} {
		r := runZicht(t, "", cmd, "--help")
		if r.code != 0 || !strings.Contains(r.stderr, "Usage: zicht "+cmd+" ") {
			t.Errorf("zicht %s --help: exit %d, stderr %q", cmd, r.code, r.stderr)
		}
	}
	if r := runZicht(t, "", "version"); r.code != 0 || !strings.HasPrefix(r.stdout, "zicht ") {
		t.Errorf("version: %+v", r)
	}
}

func TestExtractPrintsText(t *testing.T) {
	r := runZicht(t, "", "extract", "testdata/page-en.html")
	if r.code != 0 {
		t.Fatalf("extract: %+v", r)
	}
	if !strings.Contains(r.stdout, "Syrian child brides are highly vulnerable") {
		t.Errorf("text missing from %q", r.stdout)
	}
	for _, junk := range []string{"tracking", "cookies", "Copyright", "News"} {
		if strings.Contains(r.stdout, junk) {
			t.Errorf("extract kept %q of the page's clutter: %q", junk, r.stdout)
		}
	}
	r = runZicht(t, "", "extract", "--format", "json", "testdata/page-en.html")
	var doc struct {
		Path, Format, Lang, Title, Text string
		Repairs                         []zicht.Repair
	}
	if err := json.Unmarshal([]byte(r.stdout), &doc); err != nil {
		t.Fatalf("extract --format json: %v in %q", err, r.stdout)
	}
	if doc.Path != "testdata/page-en.html" || doc.Format != "html" || doc.Lang != "en" || doc.Title == "" || doc.Repairs == nil {
		t.Errorf("json = %+v", doc)
	}
	if r := runZicht(t, "Kinderen zijn kwetsbaar voor uitbuiting door mensenhandelaren.", "extract", "-"); r.code != 0 ||
		!strings.Contains(r.stdout, "uitbuiting") {
		t.Errorf("extract from stdin: %+v", r)
	}
}

func TestScanContract(t *testing.T) {
	r := runZicht(t, "", "scan", "--format", "jsonl", "testdata/roma-nl.txt", "testdata/lgbt-en.txt", "testdata/recipe-nl.txt")
	if r.code != 0 {
		t.Fatalf("scan: %+v", r)
	}
	fields := []string{"doc", "start", "end", "text", "group", "question", "polarity", "level", "evidence_type",
		"risk_factors", "terms", "score"}
	type key struct{ doc, group, question, polarity string }
	seen := map[key]map[string]any{}
	sc := bufio.NewScanner(strings.NewReader(r.stdout))
	n := 0
	for sc.Scan() {
		n++
		var m map[string]any
		if err := json.Unmarshal(sc.Bytes(), &m); err != nil {
			t.Fatalf("line %d is not JSON: %v: %s", n, err, sc.Text())
		}
		for _, f := range fields {
			if _, ok := m[f]; !ok {
				t.Errorf("line %d lacks %q: %s", n, f, sc.Text())
			}
		}
		if _, ok := m["risk_factors"].([]any); !ok {
			t.Errorf("line %d: risk_factors is not a list: %s", n, sc.Text())
		}
		if lv, ok := m["level"]; ok && lv != nil {
			if _, err := zicht.ParseLevel(lv.(string)); err != nil {
				t.Errorf("line %d: level %v", n, lv)
			}
		}
		seen[key{filepath.Base(m["doc"].(string)), m["group"].(string), m["question"].(string), m["polarity"].(string)}] = m
	}
	if n == 0 {
		t.Fatal("scan printed no signals")
	}
	conv, ok := seen[key{"roma-nl.txt", "roma", "Q2", "asserted"}]
	if !ok {
		t.Errorf("no asserted Q2 signal for roma in roma-nl.txt; got %v", keys(seen))
	} else if conv["evidence_type"] != "conviction" {
		t.Errorf("roma Q2 evidence type = %v, want conviction", conv["evidence_type"])
	}
	if q1, ok := seen[key{"roma-nl.txt", "roma", "Q1", "asserted"}]; !ok || q1["level"] != "high" {
		t.Errorf("roma Q1 with level high missing: %v", q1)
	}
	if _, ok := seen[key{"lgbt-en.txt", "lgbt", "Q2", "negated"}]; !ok {
		t.Errorf("no negated Q2 signal for lgbt in lgbt-en.txt; got %v", keys(seen))
	}
	for k := range seen {
		if k.doc == "recipe-nl.txt" {
			t.Errorf("the recipe gave a signal: %+v", k)
		}
	}
}

func keys[K comparable, V any](m map[K]V) []K {
	var out []K
	for k := range m {
		out = append(out, k)
	}
	return out
}

// writePDF makes a PDF of text with groff, a real typesetter, and reports
// whether it could (groff is not on every machine; .ci/run installs it).
func writePDF(t *testing.T, path, text string) bool {
	t.Helper()
	if _, err := exec.LookPath("groff"); err != nil {
		t.Log("groff not installed: no PDF in this test (.ci/run installs it)")
		return false
	}
	cmd := exec.Command("groff", "-k", "-Tpdf", "-ms")
	cmd.Stdin = strings.NewReader(text)
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("groff: %v", err)
	}
	if err := os.WriteFile(path, out, 0o644); err != nil {
		t.Fatal(err)
	}
	return true
}

func TestIngestTwiceAndBadInput(t *testing.T) {
	dir := t.TempDir()
	data := filepath.Join(dir, "data")
	docs := filepath.Join(dir, "docs")
	sub := filepath.Join(docs, "sub")
	must(t, os.MkdirAll(sub, 0o755))
	for _, f := range []string{"roma-nl.txt", "lgbt-en.txt", "recipe-nl.txt", "page-en.html"} {
		b, err := os.ReadFile(filepath.Join("testdata", f))
		must(t, err)
		must(t, os.WriteFile(filepath.Join(sub, f), b, 0o644))
	}
	good := 4
	if writePDF(t, filepath.Join(docs, "report.pdf"), "FICTIEF TESTDOCUMENT\n.PP\nDe inspectie signaleert dat minderjarige Syrische kindbruiden sterk afhankelijk zijn van hun echtgenoot.\n") {
		good++
	}
	// Bad input: each must be reported in one line and not stop the run.
	must(t, os.WriteFile(filepath.Join(docs, "empty.txt"), nil, 0o644))
	must(t, os.WriteFile(filepath.Join(docs, "zero.pdf"), nil, 0o644))
	must(t, os.WriteFile(filepath.Join(docs, "image.png"), []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01"), 0o644))
	locked := filepath.Join(docs, "locked")
	must(t, os.MkdirAll(locked, 0o755))
	must(t, os.WriteFile(filepath.Join(locked, "secret.txt"), []byte("Roma-kinderen zijn kwetsbaar."), 0o644))
	must(t, os.Chmod(locked, 0))
	t.Cleanup(func() { os.Chmod(locked, 0o755) })

	r := runAsUser(t, dir, "ingest", "--data", data, docs)
	if r.code != 1 {
		t.Errorf("ingest with bad files: exit %d, want 1; stderr %s", r.code, r.stderr)
	}
	if !strings.Contains(r.stdout, fmt.Sprintf("%d added", good)) || !strings.Contains(r.stdout, "4 failed") {
		t.Errorf("summary %q, want %d added and 4 failed", r.stdout, good)
	}
	for _, want := range []string{"empty.txt: file is empty", "zero.pdf:", "image.png:", "locked: permission denied"} {
		if !strings.Contains(r.stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, r.stderr)
		}
	}
	for _, line := range strings.Split(strings.TrimSpace(r.stderr), "\n") {
		if strings.HasPrefix(line, "zicht ingest:") && strings.Count(line, "zicht") > 2 {
			t.Errorf("error line repeats itself: %q", line)
		}
	}
	c := counts(t, data)
	if c["documents"] != good || c["originals"] != good {
		t.Errorf("after first ingest: %v", c)
	}
	r = runAsUser(t, dir, "ingest", "--data", data, sub)
	if r.code != 0 || !strings.Contains(r.stdout, "0 added, 4 skipped as duplicate") || !strings.Contains(r.stdout, "nothing new") {
		t.Errorf("second ingest: %+v", r)
	}
	c2 := counts(t, data)
	if c2["documents"] != good || c2["signals"] != c["signals"] || c2["passages"] != c["passages"] {
		t.Errorf("second ingest changed the store: %v → %v", c, c2)
	}
	if c["signals"] == 0 {
		t.Error("no signals stored")
	}
}

// runAsUser runs zicht; as root (where permissions are not enforced) it
// runs it as nobody, so that an unreadable folder is unreadable.
func runAsUser(t *testing.T, dir string, args ...string) result {
	t.Helper()
	if os.Getuid() != 0 {
		return runZicht(t, "", args...)
	}
	// Let nobody reach the test directory and the binary.
	for p := dir; p != "/" && p != "."; p = filepath.Dir(p) {
		info, err := os.Stat(p)
		must(t, err)
		os.Chmod(p, info.Mode().Perm()|0o711)
	}
	filepath.Walk(dir, func(p string, info os.FileInfo, err error) error {
		if err == nil && !strings.Contains(p, "locked") {
			os.Chmod(p, info.Mode().Perm()|0o777)
		}
		return nil
	})
	cmd := exec.Command(zichtBin, args...)
	cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: 65534, Gid: 65534}}
	return runCmd(t, cmd)
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func TestIngestKilledHalfwayResumes(t *testing.T) {
	dir := t.TempDir()
	data, docs := filepath.Join(dir, "data"), filepath.Join(dir, "docs")
	must(t, os.MkdirAll(docs, 0o755))
	const n = 600
	for i := range n {
		var b strings.Builder
		fmt.Fprintf(&b, "FICTIEF TESTDOCUMENT %d\n\n", i)
		for j := range 40 {
			fmt.Fprintf(&b, "In melding %d-%d schrijven hulpverleners dat Roma-kinderen door familieleden worden uitgebuit en dat de rechtbank verdachten heeft veroordeeld wegens mensenhandel. ", i, j)
		}
		must(t, os.WriteFile(filepath.Join(docs, fmt.Sprintf("doc-%04d.txt", i)), []byte(b.String()), 0o644))
	}
	must(t, exec.Command(zichtBin, "init", "--data", data).Run())
	cmd := exec.Command(zichtBin, "ingest", "--data", data, "--workers", "2", docs)
	stderr, err := cmd.StderrPipe()
	must(t, err)
	must(t, cmd.Start())
	// Kill it once progress shows it is well under way.
	killed := make(chan bool, 1)
	go func() {
		sc := bufio.NewScanner(stderr)
		re := regexp.MustCompile(`added (\d+)`)
		for sc.Scan() {
			if m := re.FindStringSubmatch(sc.Text()); m != nil && m[1] != "0" {
				cmd.Process.Kill() // SIGKILL: no chance to clean up
				killed <- true
				io.Copy(io.Discard, stderr)
				return
			}
		}
		killed <- false
	}()
	wasKilled := <-killed
	cmd.Wait()
	if !wasKilled {
		t.Skip("ingest finished before it could be killed; machine too fast for this corpus")
	}
	c := counts(t, data) // consistent after the kill
	if c["documents"] == 0 || c["documents"] >= n {
		t.Logf("documents after kill: %d of %d", c["documents"], n)
	}
	if c["documents"] != c["originals"] {
		t.Errorf("after kill: %d documents but %d originals", c["documents"], c["originals"])
	}
	r := runZicht(t, "", "ingest", "--data", data, "--quiet", docs)
	if r.code != 0 {
		t.Fatalf("resume: %+v", r)
	}
	want := fmt.Sprintf("%d added, %d skipped as duplicate", n-c["documents"], c["documents"])
	if !strings.Contains(r.stdout, want) {
		t.Errorf("resume summary %q, want %q", r.stdout, want)
	}
	c = counts(t, data)
	if c["documents"] != n || c["originals"] != n {
		t.Errorf("after resume: %v, want %d documents", c, n)
	}
	// Every document has its passages exactly once.
	st := openData(t, data)
	ds, err := st.Documents(context.Background(), zicht.DocumentFilter{Limit: 5})
	must(t, err)
	for _, d := range ds {
		ps, err := st.Passages(context.Background(), d.ID)
		must(t, err)
		starts := map[int]bool{}
		for _, p := range ps {
			if starts[p.Start] {
				t.Fatalf("document %s has a passage at %d twice", d.ID.Short(), p.Start)
			}
			starts[p.Start] = true
		}
	}
}

func TestDemoServesOverview(t *testing.T) {
	data := filepath.Join(t.TempDir(), "data")
	cmd := exec.Command(zichtBin, "demo", "--data", data, "--addr", "127.0.0.1:0")
	stdout, err := cmd.StdoutPipe()
	must(t, err)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	must(t, cmd.Start())
	defer cmd.Process.Kill()
	url := ""
	sc := bufio.NewScanner(stdout)
	var lines []string
	deadline := time.AfterFunc(2*time.Minute, func() { cmd.Process.Kill() })
	defer deadline.Stop()
	for sc.Scan() {
		lines = append(lines, sc.Text())
		if m := regexp.MustCompile(`http://\S+/`).FindString(sc.Text()); m != "" {
			url = m
			break
		}
	}
	if url == "" {
		t.Fatalf("demo printed no URL:\n%s\n%s", strings.Join(lines, "\n"), stderr.String())
	}
	out := strings.Join(lines, "\n")
	if !regexp.MustCompile(`sample corpus \(fictional\): (\d+) files: (\d+) added`).MatchString(out) || strings.Contains(out, " 0 added") {
		t.Errorf("demo output: %s", out)
	}
	go io.Copy(io.Discard, stdout)
	body := get(t, url+"?lang=en")
	for _, name := range []string{"Children who (want to) join ISIS", "Children with the eating disorder anorexia nervosa",
		"Children staying illegally who are exploited within families", "Roma children",
		"Children who must work in production chains", "LGBT children", "Syrian child brides"} {
		if !strings.Contains(body, name) {
			t.Errorf("overview lacks group %q", name)
		}
	}
	if !strings.Contains(body, "high") || !strings.Contains(body, "signals") {
		t.Error("overview shows no levels or signal counts")
	}
	nl := get(t, url+"groups/roma?lang=nl")
	if !strings.Contains(nl, "Roma-kinderen") || !strings.Contains(nl, "hoog") {
		t.Errorf("Dutch group page lacks name or level")
	}
	resp, err := http.Get(url + "groups/no-such-group")
	must(t, err)
	resp.Body.Close()
	if resp.StatusCode != http.StatusNotFound {
		t.Errorf("unknown group: status %d, want 404", resp.StatusCode)
	}
	// A second demo over the same data reuses it and adds nothing.
	cmd.Process.Signal(os.Interrupt)
	if err := cmd.Wait(); err != nil {
		t.Errorf("demo after interrupt: %v\n%s", err, stderr.String())
	}
	r := runZicht(t, "", "demo", "--data", data, "--no-serve")
	if r.code != 0 || !strings.Contains(r.stdout, " 0 added") {
		t.Errorf("second demo: %+v", r)
	}
	g := runZicht(t, "", "groups", "--data", data)
	if g.code != 0 || !strings.Contains(g.stdout, "roma") || !strings.Contains(g.stdout, "CONFIDENCE") {
		t.Errorf("groups: %+v", g)
	}
}

func get(t *testing.T, url string) string {
	t.Helper()
	resp, err := http.Get(url)
	must(t, err)
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	must(t, err)
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("GET %s: %d\n%s", url, resp.StatusCode, b)
	}
	return string(b)
}

func TestCheckBackupRestore(t *testing.T) {
	dir := t.TempDir()
	data := filepath.Join(dir, "data")
	docs := filepath.Join(dir, "docs")
	must(t, os.MkdirAll(docs, 0o755))
	for _, f := range []string{"roma-nl.txt", "lgbt-en.txt"} {
		b, err := os.ReadFile(filepath.Join("testdata", f))
		must(t, err)
		must(t, os.WriteFile(filepath.Join(docs, f), b, 0o644))
	}
	if r := runZicht(t, "", "ingest", "--quiet", "--data", data, docs); r.code != 0 {
		t.Fatalf("ingest: %+v", r)
	}
	r := runZicht(t, "", "check", "--data", data)
	if r.code != 0 || !strings.Contains(r.stdout, "is consistent: 2 documents") {
		t.Fatalf("check: %+v", r)
	}
	backup := filepath.Join(dir, "backup.db")
	if r := runZicht(t, "", "backup", "--data", data, "--to", backup); r.code != 0 {
		t.Fatalf("backup: %+v", r)
	}
	if r := runZicht(t, "", "backup", "--data", data, "--to", backup); r.code != 1 || !strings.Contains(r.stderr, "already exists") {
		t.Errorf("backup over an existing file: %+v", r)
	}
	before := counts(t, data)
	// Change the store after the backup, then restore: the change is undone
	// and the changed store is kept aside.
	b, err := os.ReadFile("testdata/recipe-nl.txt")
	must(t, err)
	must(t, os.WriteFile(filepath.Join(docs, "recipe.txt"), b, 0o644))
	if r := runZicht(t, "", "ingest", "--quiet", "--data", data, docs); r.code != 0 {
		t.Fatalf("second ingest: %+v", r)
	}
	r = runZicht(t, "", "restore", "--data", data, "--from", backup)
	if r.code != 0 || !strings.Contains(r.stdout, "previous store was kept") {
		t.Fatalf("restore: %+v", r)
	}
	after := counts(t, data)
	for k, v := range before {
		if after[k] != v {
			t.Errorf("after restore %s = %d, want %d as at backup time", k, after[k], v)
		}
	}
	kept, _ := filepath.Glob(filepath.Join(data, "zicht.db.before-restore-*"))
	if len(kept) != 1 {
		t.Errorf("previous store not kept: %v", kept)
	}
	garbage := filepath.Join(dir, "garbage.db")
	must(t, os.WriteFile(garbage, []byte("this is not a database at all, just text"), 0o644))
	if r := runZicht(t, "", "restore", "--data", data, "--from", garbage); r.code != 2 || !strings.Contains(r.stderr, "garbage.db") {
		t.Errorf("restore from garbage: %+v", r)
	}
	if r := runZicht(t, "", "check", "--data", data); r.code != 0 {
		t.Errorf("check after refused restore: %+v", r)
	}
}

// TestReviewToPublication walks the analyst's whole path on the demo corpus:
// scan → review decisions → evidence → suggestion with explanation → final
// level with rationale → approval by a second user → publication → history.
func TestReviewToPublication(t *testing.T) {
	data := filepath.Join(t.TempDir(), "data")
	ok := func(args ...string) string {
		t.Helper()
		r := runZicht(t, "", append(args, "--data", data)...)
		if r.code != 0 {
			t.Fatalf("zicht %v: exit %d: %s", args, r.code, r.stderr)
		}
		return r.stdout
	}
	fails := func(code int, want string, args ...string) {
		t.Helper()
		r := runZicht(t, "", append(args, "--data", data)...)
		if r.code != code || !strings.Contains(r.stderr, want) {
			t.Errorf("zicht %v: exit %d, stderr %q; want exit %d and %q", args, r.code, r.stderr, code, want)
		}
	}
	ok("demo", "--no-serve")
	var queue []struct {
		ID           int64  `json:"id"`
		EvidenceType string `json:"evidence_type"`
		Polarity     string `json:"polarity"`
	}
	must(t, json.Unmarshal([]byte(ok("review", "queue", "--group", "roma", "--question", "Q2", "--limit", "0", "--format", "json")), &queue))
	var conviction, other int64
	for _, s := range queue {
		if s.EvidenceType == "conviction" && s.Polarity == "asserted" && conviction == 0 {
			conviction = s.ID
		} else if other == 0 {
			other = s.ID
		}
	}
	if conviction == 0 || other == 0 {
		t.Fatalf("the demo corpus gave no asserted roma conviction signal in the queue: %+v", queue)
	}
	id := func(n int64) string { return strconv.FormatInt(n, 10) }
	ok("review", "accept", id(conviction), "--user", "ana")
	fails(1, "already accepted", "review", "accept", id(conviction), "--user", "ana")
	fails(2, "needs a reason", "review", "reject", id(other), "--user", "ana")
	ok("review", "reject", id(other), "--reason", "not_about_group", "--user", "ana")
	if out := ok("review", "undo", "--user", "ana"); !strings.Contains(out, "signal "+id(other)) {
		t.Errorf("undo: %s", out)
	}
	ok("evidence", "add", "--user", "ana", "--group", "roma", "--question", "Q2", "--type", "conviction",
		"--text", "Case file: a second family was convicted for forcing children to steal.", "--citation", "case file 2025-17 (fictional)",
		"--case", "case:13/000017-25", "--date", time.Now().AddDate(0, -5, 0).Format(time.DateOnly))
	ok("evidence", "add", "--user", "ana", "--group", "roma", "--question", "Q2", "--type", "conviction",
		"--text", "Interview with a youth prosecutor about a third conviction of a family network.", "--citation", "interview, 2026 (fictional)",
		"--case", "case:13/000023-26", "--date", time.Now().AddDate(0, -2, 0).Format(time.DateOnly))
	fails(2, "needs --text and --citation", "evidence", "add", "--user", "ana", "--group", "roma", "--question", "Q2", "--type", "research")

	out := ok("assess", "--group", "roma")
	if !strings.Contains(out, "roma Q2: suggested high") {
		t.Errorf("after three reviewed convictions roma Q2 should be suggested high:\n%s", out)
	}
	fails(2, "give a rationale", "assessment", "set", "roma", "Q2", "elevated", "--user", "ana")
	out = ok("assessment", "set", "roma", "Q2", "high", "--user", "ana")
	m := regexp.MustCompile(`assessment (\d+):`).FindStringSubmatch(out)
	if m == nil {
		t.Fatalf("assessment set printed no id: %s", out)
	}
	fails(1, "nobody approves their own assessment", "assessment", "approve", m[1], "--user", "ana")
	ok("assessment", "approve", m[1], "--user", "rob")
	fails(1, "already approved", "assessment", "approve", m[1], "--user", "eve")
	if out := ok("publish", "--title", "Overzicht november 2026", "--user", "rob"); !strings.Contains(out, "14 approved assessments") {
		t.Errorf("publish: %s", out)
	}
	hist := ok("assessment", "history", "roma", "Q2")
	if !strings.Contains(hist, "study-2017") || !strings.Contains(hist, "level unknown → high") {
		t.Errorf("history lacks the baseline or the change:\n%s", hist)
	}
	if g := ok("groups"); !regexp.MustCompile(`roma\s+high\s+high`).MatchString(g) {
		t.Errorf("groups does not show roma Q2 high:\n%s", g)
	}
	ok("recommendation", "add", "--group", "roma", "--nl", "Rechercheurs trainen in signalen van gedwongen criminaliteit.",
		"--en", "Train detectives in signs of forced criminality.", "--audience", "police", "--user", "ana")
	recs := ok("recommendation", "list", "--group", "roma")
	if !strings.Contains(recs, "Train detectives") || !strings.Contains(recs, "More attention to trafficking") {
		t.Errorf("recommendations lack the baseline's or the new one:\n%s", recs)
	}
	ok("recommendation", "status", "1", "in_progress", "--user", "rob")
	fails(2, "unknown recommendation status", "recommendation", "status", "1", "someday", "--user", "rob")
	if h := ok("review", "history", "--by", "ana"); strings.Count(h, "\n") != 3 {
		t.Errorf("review history of ana: want 2 decisions:\n%s", h)
	}
}

func TestUsersTokensAndServe(t *testing.T) {
	data := filepath.Join(t.TempDir(), "data")
	if r := runZicht(t, "short\n", "user", "add", "--role", "admin", "--data", data, "ada"); r.code != 2 || !strings.Contains(r.stderr, "at least 12") {
		t.Errorf("short password: %+v", r)
	}
	if r := runZicht(t, "a sufficiently long one\n", "user", "add", "--role", "boss", "--data", data, "ada"); r.code != 2 || !strings.Contains(r.stderr, "unknown role") {
		t.Errorf("unknown role: %+v", r)
	}
	if r := runZicht(t, "a sufficiently long one\n", "user", "add", "--role", "analyst", "--data", data, "ada"); r.code != 0 {
		t.Fatalf("user add: %+v", r)
	}
	if r := runZicht(t, "", "user", "list", "--data", data); !strings.Contains(r.stdout, "ada   analyst") {
		t.Errorf("user list: %q", r.stdout)
	}
	r := runZicht(t, "", "user", "token", "--name", "scripts", "--data", data, "ada")
	token := strings.TrimSpace(r.stdout)
	if r.code != 0 || !strings.HasPrefix(token, "zt_") {
		t.Fatalf("user token: %+v", r)
	}
	cmd := exec.Command(zichtBin, "serve", "--data", data, "--addr", "127.0.0.1:0")
	stdout, err := cmd.StdoutPipe()
	must(t, err)
	must(t, cmd.Start())
	defer func() { cmd.Process.Signal(os.Interrupt); cmd.Wait() }()
	sc := bufio.NewScanner(stdout)
	url := ""
	for sc.Scan() {
		if m := regexp.MustCompile(`http://\S+/`).FindString(sc.Text()); m != "" {
			url = m
			break
		}
	}
	go io.Copy(io.Discard, stdout)
	if url == "" {
		t.Fatal("serve printed no URL")
	}
	req, _ := http.NewRequest("GET", url+"api/queue", nil)
	req.Header.Set("Authorization", "Bearer "+token)
	resp, err := http.DefaultClient.Do(req)
	must(t, err)
	resp.Body.Close()
	if resp.StatusCode != 200 {
		t.Errorf("queue with the token: %d", resp.StatusCode)
	}
	resp, err = http.Get(url + "api/overview")
	must(t, err)
	resp.Body.Close()
	if resp.StatusCode != 401 {
		t.Errorf("overview without login on a non-public server: %d, want 401", resp.StatusCode)
	}
}
