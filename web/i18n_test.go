package web

import (
	"io/fs"
	"regexp"
	"testing"
)

// Every key the templates ask for exists, in both languages.
func TestEveryTemplateKeyTranslated(t *testing.T) {
	re := regexp.MustCompile(`\.T "([^"]+)"`)
	names, err := fs.Glob(templateFS, "templates/*.html")
	if err != nil || len(names) == 0 {
		t.Fatalf("templates: %v", err)
	}
	for _, name := range names {
		b, err := templateFS.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range re.FindAllStringSubmatch(string(b), -1) {
			msg, ok := messages[m[1]]
			if !ok || msg.NL == "" || msg.EN == "" {
				t.Errorf("%s: key %q has no Dutch and English text", name, m[1])
			}
		}
	}
}
