// Package sample holds the demo corpus: fictional documents in Dutch and
// English, written for zicht, that `zicht demo` ingests. See README.md.
package sample

import (
	"embed"
	"io/fs"
)

//go:embed corpus/*.txt corpus/*.html corpus/*.pdf
var corpus embed.FS

// Corpus returns the sample documents, at the root of the returned FS.
func Corpus() fs.FS {
	sub, err := fs.Sub(corpus, "corpus")
	if err != nil {
		panic(err) // the embedded directory always exists
	}
	return sub
}
