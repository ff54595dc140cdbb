package extract

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/xml"
	"fmt"
	"io"
	"path"
	"strconv"
	"strings"
)

// Office formats of a Result.
const (
	FormatDOCX = "docx"
	FormatODT  = "odt"
)

// Archive limits, against zip bombs: a DOCX or ODT of a long report holds a
// few dozen entries and a few MB of XML.
const (
	maxZipEntries   = 10000    // entries in the archive
	maxZipEntry     = 64 << 20 // uncompressed bytes of one entry read
	maxZipTotal     = 256 << 20
	maxZipRatio     = 200     // uncompressed/compressed, for entries above zipRatioFloor
	zipRatioFloor   = 1 << 20 // small entries may compress well
	maxOfficeOutput = 64 << 20
)

// officeType returns FormatDOCX or FormatODT for a ZIP archive that is one,
// and the archive's MIME type otherwise. A damaged archive whose first bytes
// name an office format is that format, so that its reader says what is wrong.
func officeType(data []byte) string {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		switch t := zipType(data); {
		case strings.Contains(t, "(DOCX)"):
			return FormatDOCX
		case strings.Contains(t, "(ODT)"):
			return FormatODT
		default:
			return t
		}
	}
	for _, f := range zr.File {
		switch f.Name {
		case "word/document.xml":
			return FormatDOCX
		case "mimetype":
			if f.UncompressedSize64 < 100 {
				if b, err := readEntry(f, 100); err == nil {
					switch strings.TrimSpace(string(b)) {
					case "application/vnd.oasis.opendocument.text", "application/vnd.oasis.opendocument.text-template",
						"application/vnd.oasis.opendocument.text-web", "application/vnd.oasis.opendocument.text-master":
						return FormatODT
					case "application/epub+zip":
						return "application/epub+zip"
					}
					return strings.TrimSpace(string(b))
				}
			}
		}
	}
	return zipType(data)
}

// archive is an office document's ZIP archive, checked against zip bombs
// and unsafe entry names.
type archive struct {
	name  string
	files map[string]*zip.File
	read  int64 // uncompressed bytes read so far
}

// openArchive opens data as a ZIP archive of kind ("DOCX", "ODT"). It refuses
// archives with too many entries, entry names that climb out of the archive
// (path traversal) and entries whose sizes say zip bomb.
func openArchive(name, kind string, data []byte) (*archive, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, invalid(name, "damaged %s: %s", kind, oneLine(err.Error()))
	}
	if len(zr.File) > maxZipEntries {
		return nil, invalid(name, "%s archive has %d entries (at most %d are read): refused as a possible zip bomb", kind, len(zr.File), maxZipEntries)
	}
	a := &archive{name: name, files: map[string]*zip.File{}}
	var total uint64
	for _, f := range zr.File {
		if !safeEntryName(f.Name) {
			return nil, invalid(name, "%s archive has an unsafe entry name %q (path traversal): refused", kind, oneLine(f.Name))
		}
		total += f.UncompressedSize64
		if f.UncompressedSize64 > zipRatioFloor && f.UncompressedSize64 > maxZipRatio*max(f.CompressedSize64, 1) {
			return nil, invalid(name, "%s entry %s expands %d times: refused as a zip bomb", kind, oneLine(f.Name), f.UncompressedSize64/max(f.CompressedSize64, 1))
		}
		a.files[f.Name] = f
	}
	if total > 4*maxZipTotal {
		return nil, invalid(name, "%s archive declares %d MB uncompressed: refused as a zip bomb", kind, total>>20)
	}
	return a, nil
}

// safeEntryName reports whether an archive entry name stays inside the
// archive: relative, no "..", no backslashes or drive letters, no NUL.
func safeEntryName(n string) bool {
	if n == "" || strings.ContainsAny(n, "\\\x00") || strings.HasPrefix(n, "/") ||
		len(n) >= 2 && n[1] == ':' {
		return false
	}
	for _, part := range strings.Split(n, "/") {
		if part == ".." {
			return false
		}
	}
	return path.Clean(n) != ".."
}

// entry returns the uncompressed bytes of the entry name, nil when the
// archive has none. Reading stops at maxZipEntry bytes for one entry and
// maxZipTotal for all, whatever the sizes the archive declares.
func (a *archive) entry(kind, name string) ([]byte, error) {
	f := a.files[name]
	if f == nil {
		return nil, nil
	}
	limit := min(int64(maxZipEntry), maxZipTotal-a.read)
	b, err := readEntry(f, limit)
	a.read += int64(len(b))
	if err != nil {
		return nil, invalid(a.name, "%s entry %s: %s", kind, name, oneLine(err.Error()))
	}
	return b, nil
}

// readEntry reads f, failing when it holds more than limit bytes.
func readEntry(f *zip.File, limit int64) ([]byte, error) {
	rc, err := f.Open()
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	b, err := io.ReadAll(io.LimitReader(rc, limit+1))
	if err != nil {
		return b, err
	}
	if int64(len(b)) > limit {
		return nil, fmt.Errorf("more than %d MB uncompressed: refused as a zip bomb", limit>>20)
	}
	return b, nil
}

// coreTitle reads dc:title (and dc:creator) from a DOCX docProps/core.xml
// or an ODT meta.xml.
func coreTitle(data []byte) (title, creator string) {
	if data == nil {
		return "", ""
	}
	r := newXMLReader(data)
	var cur string
	var b strings.Builder
	for {
		t, err := r.next()
		if err != nil {
			break
		}
		switch t := t.(type) {
		case xml.StartElement:
			cur = t.Name.Local
			b.Reset()
		case xml.CharData:
			b.Write(t)
		case xml.EndElement:
			v := strings.Join(strings.Fields(b.String()), " ")
			switch {
			case cur == "title" && t.Name.Space == "dc" && title == "":
				title = v
			case (cur == "creator" || cur == "initial-creator") && creator == "":
				creator = v
			}
			cur = ""
			b.Reset()
		}
	}
	return title, creator
}

// extractDOCX reads the paragraphs of a Word document (word/document.xml):
// each w:p a paragraph, headings included; deleted text of tracked changes,
// field codes and drawings' alternate content left out. Title and author
// come from docProps/core.xml.
func extractDOCX(ctx context.Context, name string, data []byte) (*raw, error) {
	a, err := openArchive(name, "DOCX", data)
	if err != nil {
		return nil, err
	}
	doc, err := a.entry("DOCX", "word/document.xml")
	if err != nil {
		return nil, err
	}
	if doc == nil {
		return nil, invalid(name, "damaged DOCX: no word/document.xml")
	}
	d := &raw{format: FormatDOCX, meta: map[string]string{}}
	if core, err := a.entry("DOCX", "docProps/core.xml"); err == nil {
		title, creator := coreTitle(core)
		d.title = title
		if creator != "" {
			d.meta["office_creator"] = creator
		}
	}
	w := &paraWriter{limit: maxOfficeOutput}
	r := newXMLReader(doc)
	var (
		inText   bool
		skip     int // depth inside elements whose text is left out
		headings int
		para     strings.Builder // the current paragraph's style
		n        int
	)
	for {
		if n++; n%4096 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		t, err := r.next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, invalid(name, "damaged DOCX: word/document.xml: %s", xmlError(err))
		}
		switch t := t.(type) {
		case xml.StartElement:
			if skip > 0 {
				skip++
				continue
			}
			switch t.Name.Local {
			case "del", "instrText", "delText", "Fallback", "commentReference":
				skip = 1
			case "p":
				w.block()
				para.Reset()
			case "pStyle":
				for _, at := range t.Attr {
					if at.Name.Local == "val" {
						para.WriteString(at.Value)
					}
				}
				if isHeadingStyle(para.String()) {
					headings++
				}
			case "t":
				inText = true
			case "tab":
				w.tab()
			case "br", "cr":
				w.lineBreak()
			case "tc":
				w.block()
			}
		case xml.EndElement:
			if skip > 0 {
				skip--
				continue
			}
			switch t.Name.Local {
			case "t":
				inText = false
			case "p":
				w.block()
			}
		case xml.CharData:
			if inText && skip == 0 {
				w.raw(string(t))
			}
		}
	}
	d.text = w.String()
	if headings > 0 {
		d.meta["headings"] = strconv.Itoa(headings)
	}
	return d, nil
}

// isHeadingStyle reports whether a DOCX paragraph style id names a heading.
func isHeadingStyle(s string) bool {
	s = strings.ToLower(s)
	return strings.HasPrefix(s, "heading") || strings.HasPrefix(s, "kop") || s == "title" || s == "titel" || s == "subtitle"
}

// extractODT reads the paragraphs and headings of an OpenDocument text
// (content.xml): text:p and text:h, with text:s spaces, tabs and line breaks;
// notes' citations, annotations and tracked deletions left out. Title and
// author come from meta.xml.
func extractODT(ctx context.Context, name string, data []byte) (*raw, error) {
	a, err := openArchive(name, "ODT", data)
	if err != nil {
		return nil, err
	}
	content, err := a.entry("ODT", "content.xml")
	if err != nil {
		return nil, err
	}
	if content == nil {
		return nil, invalid(name, "damaged ODT: no content.xml")
	}
	d := &raw{format: FormatODT, meta: map[string]string{}}
	if meta, err := a.entry("ODT", "meta.xml"); err == nil {
		title, creator := coreTitle(meta)
		d.title = title
		if creator != "" {
			d.meta["office_creator"] = creator
		}
	}
	w := &paraWriter{limit: maxOfficeOutput}
	r := newXMLReader(content)
	var (
		inBody   bool
		skip     int
		headings int
		n        int
	)
	for {
		if n++; n%4096 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		t, err := r.next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, invalid(name, "damaged ODT: content.xml: %s", xmlError(err))
		}
		switch t := t.(type) {
		case xml.StartElement:
			if skip > 0 {
				skip++
				continue
			}
			switch t.Name.Local {
			case "body":
				inBody = true
			case "note-citation", "annotation", "tracked-changes", "sequence-decls", "bookmark-ref":
				skip = 1
			case "p", "h", "list-item", "table-cell":
				w.block()
				if t.Name.Local == "h" {
					headings++
				}
			case "s":
				c := 1
				for _, at := range t.Attr {
					if at.Name.Local == "c" {
						if v, err := strconv.Atoi(at.Value); err == nil && v > 0 {
							c = v
						}
					}
				}
				w.spaces(c)
			case "tab":
				w.tab()
			case "line-break":
				w.lineBreak()
			}
		case xml.EndElement:
			if skip > 0 {
				skip--
				continue
			}
			switch t.Name.Local {
			case "p", "h", "list-item", "table-cell":
				w.block()
			}
		case xml.CharData:
			if inBody && skip == 0 {
				w.text(string(t))
			}
		}
	}
	d.text = w.String()
	if headings > 0 {
		d.meta["headings"] = strconv.Itoa(headings)
	}
	return d, nil
}
