// Command gen makes an embedded word list from a Debian /usr/share/dict
// file: entries of letters and inner hyphens only, NFC, lower case, unique,
// sorted by bytes, one a line, gzip -9.
package main

import (
	"bufio"
	"compress/gzip"
	"fmt"
	"os"
	"slices"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

func main() {
	if len(os.Args) != 3 {
		fmt.Fprintln(os.Stderr, "usage: gen DICT OUT.txt.gz")
		os.Exit(2)
	}
	if err := run(os.Args[1], os.Args[2]); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

func run(in, out string) error {
	f, err := os.Open(in)
	if err != nil {
		return err
	}
	defer f.Close()
	seen := map[string]bool{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		w := strings.ToLower(norm.NFC.String(strings.TrimSpace(sc.Text())))
		if w == "" || strings.IndexFunc(w, func(r rune) bool { return !unicode.IsLetter(r) && r != '-' }) >= 0 {
			continue
		}
		seen[w] = true
	}
	if err := sc.Err(); err != nil {
		return err
	}
	words := make([]string, 0, len(seen))
	for w := range seen {
		words = append(words, w)
	}
	slices.Sort(words)
	o, err := os.Create(out)
	if err != nil {
		return err
	}
	zw, _ := gzip.NewWriterLevel(o, gzip.BestCompression)
	for _, w := range words {
		fmt.Fprintln(zw, w)
	}
	if err := zw.Close(); err != nil {
		return err
	}
	return o.Close()
}
