package web

import (
	"io/fs"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/zicht-project/zicht"
	"github.com/zicht-project/zicht/lexicon"
)

var lexiconFileRe = regexp.MustCompile(`^[a-z0-9_-]{1,64}\.lex$`)

// maxLexiconFile is the largest lexicon file accepted from the editor.
const maxLexiconFile = 2 << 20

type lexiconFile struct {
	Name       string
	Overridden bool // an edited copy in the data directory replaces the built-in file
}

// lexiconFiles lists the built-in files and the data directory's overrides.
func (s *Server) lexiconFiles() ([]lexiconFile, error) {
	names, err := fs.Glob(lexicon.Embedded(), "*.lex")
	if err != nil {
		return nil, err
	}
	over := map[string]bool{}
	if s.dataDir != "" {
		paths, _ := filepath.Glob(filepath.Join(s.dataDir, "lexicon", "*.lex"))
		for _, p := range paths {
			over[filepath.Base(p)] = true
			if !slices.Contains(names, filepath.Base(p)) {
				names = append(names, filepath.Base(p))
			}
		}
	}
	slices.Sort(names)
	var out []lexiconFile
	for _, n := range names {
		out = append(out, lexiconFile{Name: n, Overridden: over[n]})
	}
	return out, nil
}

// lexiconText is the current text of a file: the override, else the built-in one.
func (s *Server) lexiconText(name string) (string, error) {
	if s.dataDir != "" {
		if b, err := os.ReadFile(filepath.Join(s.dataDir, "lexicon", name)); err == nil {
			return string(b), nil
		}
	}
	b, err := fs.ReadFile(lexicon.Embedded(), name)
	if err != nil {
		return "", zicht.Errorf(zicht.CodeNotFound, "no lexicon file %s", name)
	}
	return string(b), nil
}

type lexiconPage struct {
	Files    []lexiconFile
	Name     string
	Text     string
	Error    string
	Saved    bool
	Editable bool
}

func (s *Server) handleLexicon(w http.ResponseWriter, r *http.Request) {
	files, err := s.lexiconFiles()
	if err != nil {
		s.fail(w, r, err)
		return
	}
	p := lexiconPage{Files: files, Name: r.PathValue("file"), Saved: r.URL.Query().Get("saved") != ""}
	if p.Name != "" {
		if !lexiconFileRe.MatchString(p.Name) {
			s.fail(w, r, zicht.Errorf(zicht.CodeNotFound, "no lexicon file %s", p.Name))
			return
		}
		if p.Text, err = s.lexiconText(p.Name); err != nil {
			s.fail(w, r, err)
			return
		}
	}
	u := visitorOf(r).User
	p.Editable = s.dataDir != "" && u != nil && u.Role.Can(zicht.RoleAdmin)
	s.render(w, r, http.StatusOK, "lexicon.html", translate(s.langOf(w, r), "nav.lexicon"), p)
}

// handleSaveLexicon validates the edited file together with the rest of the
// lexicon and only then writes it to the data directory; a file with errors
// is shown again with the line-numbered problem.
func (s *Server) handleSaveLexicon(w http.ResponseWriter, r *http.Request) {
	name := r.PathValue("file")
	if !lexiconFileRe.MatchString(name) {
		s.fail(w, r, zicht.Errorf(zicht.CodeNotFound, "no lexicon file %s", name))
		return
	}
	if s.dataDir == "" {
		s.fail(w, r, zicht.Errorf(zicht.CodeUnsupported, "this server has no data directory to keep an edited lexicon in"))
		return
	}
	text := strings.ReplaceAll(r.PostFormValue("text"), "\r\n", "\n")
	files, err := s.lexiconFiles()
	if err != nil {
		s.fail(w, r, err)
		return
	}
	page := lexiconPage{Files: files, Name: name, Text: text, Editable: true}
	if len(text) > maxLexiconFile {
		page.Error = "the file is larger than 2 MiB"
		s.render(w, r, http.StatusBadRequest, "lexicon.html", translate(s.langOf(w, r), "nav.lexicon"), page)
		return
	}
	if err := s.checkLexicon(name, text); err != nil {
		page.Error = err.Error()
		s.render(w, r, http.StatusBadRequest, "lexicon.html", translate(s.langOf(w, r), "nav.lexicon"), page)
		return
	}
	dir := filepath.Join(s.dataDir, "lexicon")
	if err := os.MkdirAll(dir, 0o750); err != nil {
		s.fail(w, r, err)
		return
	}
	tmp, err := os.CreateTemp(dir, ".edit-*")
	if err != nil {
		s.fail(w, r, err)
		return
	}
	_, werr := tmp.WriteString(text)
	if err := tmp.Close(); werr == nil {
		werr = err
	}
	if werr == nil {
		werr = os.Rename(tmp.Name(), filepath.Join(dir, name)) // readers see the old file or the new, never half
	}
	if werr != nil {
		os.Remove(tmp.Name())
		s.fail(w, r, werr)
		return
	}
	s.store.Audit(r.Context(), zicht.AuditEvent{At: time.Now().UTC(), Actor: visitorOf(r).User.Name, Action: "lexicon.edit",
		Object: "lexicon " + name, Detail: "saved to " + filepath.Join(dir, name)})
	http.Redirect(w, r, "/lexicon/"+name+"?saved=1", http.StatusSeeOther)
}

// checkLexicon loads the whole lexicon with name replaced by text, in a
// scratch copy of the data directory's overrides.
func (s *Server) checkLexicon(name, text string) error {
	scratch, err := os.MkdirTemp("", "zicht-lexicon-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(scratch)
	dir := filepath.Join(scratch, "lexicon")
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return err
	}
	paths, _ := filepath.Glob(filepath.Join(s.dataDir, "lexicon", "*.lex"))
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(dir, filepath.Base(p)), b, 0o600); err != nil {
			return err
		}
	}
	if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o600); err != nil {
		return err
	}
	_, err = lexicon.LoadOverride(scratch)
	if err != nil {
		// Show the problem against the file's name, not the scratch path.
		return zicht.Errorf(zicht.CodeInvalid, "%s", strings.ReplaceAll(err.Error(), dir+string(filepath.Separator), ""))
	}
	return nil
}
