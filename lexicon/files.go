package lexicon

import "io/fs"

// Embedded returns the lexicon files built into the binary, at the root of
// the returned FS, so they can be shown and copied for editing.
func Embedded() fs.FS {
	sub, err := fs.Sub(embedded, "data")
	if err != nil {
		panic(err) // the embedded directory always exists
	}
	return sub
}
