// Package extract turns the bytes of a document into repaired text and what
// is known about it: plain text in the common encodings, HTML (the main
// content, without navigation, banners and scripts), PDF (the text layer),
// DOCX and ODT (paragraphs and headings), and court rulings in the Dutch
// judiciary's open-data XML (the ruling's text, its metadata in Meta).
//
// Extract sniffs the content first and uses the file name only as a hint. It
// never panics; every problem with the input is a *zicht.Error whose message
// names the file: CodeInvalid for empty, damaged, encrypted or image-only
// files, XML with a DTD, zip bombs and archives with unsafe entry names;
// CodeUnsupported for types zicht does not read.
package extract

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"path/filepath"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/zicht-project/zicht"
	"github.com/zicht-project/zicht/extract/repair"
)

// Formats of a Result.
//
// Result.Meta keys: "charset" (text and HTML: the encoding the bytes were
// decoded from), "declared_charset", "declared_lang", "lang_source"
// ("declared" when Lang comes from the HTML lang attribute), "date_source",
// "description", "author", "keywords", "site_name", "url", "canonical",
// "modified", "html_content" (the element taken as the main content),
// "html_flattened", "pages", "pdf_version", "pdf_title", "pdf_creator",
// "pdf_producer", "pdf_encrypted", "pdf_pages_unreadable" and
// "pdf_page_numbers_removed"; for rulings (Format "ruling") "kind"
// ("court_ruling"), "ecli", "court", "decision_date", "publication_date"
// (YYYY-MM-DD), "procedure" (several joined with "; "), "area_of_law",
// "summary" (the inhoudsindicatie), "case_number", "place", "ruling_type",
// "ruling_part" ("uitspraak" or "conclusie"); for DOCX and ODT "headings"
// (their number) and "office_creator"; "quality" and "quality_reasons" when
// repair found the text degraded.
const (
	FormatText = "text"
	FormatHTML = "html"
	FormatPDF  = "pdf"
)

// Result is the text of one document and what is known about it.
type Result struct {
	Format  string            // "text", "html", "pdf", "ruling", "docx", "odt"
	Lang    zicht.Lang        // detected language: zicht.Dutch, zicht.English, or "" when unsure
	Title   string            // from metadata (<title>, og:title, PDF Title) or the first heading/line
	Date    time.Time         // publication date from metadata when present, else zero
	Text    string            // the repaired text, UTF-8, paragraphs separated by a blank line
	Repairs []zicht.Repair    // every change repair made (offset into Text, before, after, kind)
	Meta    map[string]string // anything else found (charset, pdf producer, page count ...)
}

// raw is what a format's extractor finds, before repair.
type raw struct {
	format string
	title  string
	date   time.Time
	lang   zicht.Lang // declared in the document (HTML lang); used when detection is unsure
	text   string
	meta   map[string]string
}

// maxTitle is the longest title, in runes, taken from the first line of the text.
const maxTitle = 150

// Extract detects the type of data (by content sniffing first, the name's
// extension as a hint), extracts and repairs its text. name is used in error
// messages and as a hint.
//
// Errors are *zicht.Error values whose one-line message names the file and
// the problem: CodeUnsupported for types it does not read ("photo.png:
// unsupported file type image/png"), CodeInvalid for empty files, corrupt or
// encrypted PDFs, image-only PDFs and files without text. When ctx is done,
// Extract returns ctx.Err().
func Extract(ctx context.Context, name string, data []byte) (res *Result, err error) {
	name = displayName(name)
	defer func() {
		// The format extractors guard against their libraries; this is the
		// last line, so that no input can take the process down.
		if r := recover(); r != nil {
			res, err = nil, zicht.Errorf(zicht.CodeInternal, "%s: internal error while extracting text: %s", name, panicText(r))
		}
	}()
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if len(data) == 0 {
		return nil, invalid(name, "empty file")
	}

	var d *raw
	switch kind := sniff(name, data); kind {
	case FormatPDF:
		d, err = extractPDF(ctx, name, data)
	case FormatHTML:
		d, err = extractHTML(ctx, name, data)
	case FormatText:
		d, err = extractText(name, data)
	case FormatRuling:
		d, err = extractRuling(ctx, name, data)
	case FormatDOCX:
		d, err = extractDOCX(ctx, name, data)
	case FormatODT:
		d, err = extractODT(ctx, name, data)
	default:
		return nil, unsupported(name, kind)
	}
	if err != nil {
		return nil, err
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}

	text, reps := repair.Text(d.text)
	if strings.TrimSpace(text) == "" {
		if d.format == FormatPDF {
			return nil, invalid(name, "PDF has no text layer (scanned image?); OCR is not supported yet")
		}
		return nil, invalid(name, "no text found")
	}
	res = &Result{
		Format:  d.format,
		Lang:    DetectLang(text),
		Title:   cleanTitle(d.title),
		Date:    d.date,
		Text:    text,
		Repairs: reps,
		Meta:    d.meta,
	}
	if res.Meta == nil {
		res.Meta = map[string]string{}
	}
	if reasons := repair.Quality(text, reps); len(reasons) > 0 {
		res.Meta["quality"] = "degraded"
		res.Meta["quality_reasons"] = strings.Join(reasons, ",")
	}
	if res.Lang == "" && (d.lang == zicht.Dutch || d.lang == zicht.English) {
		res.Lang = d.lang
		res.Meta["lang_source"] = "declared"
	}
	if res.Title == "" {
		res.Title = textTitle(text)
	}
	return res, nil
}

// displayName is name as it goes in a one-line message: valid UTF-8
// without control characters, "input" when empty.
func displayName(name string) string {
	if name == "" {
		return "input"
	}
	return strings.Map(func(r rune) rune {
		if unicode.IsControl(r) {
			return '?'
		}
		return r
	}, strings.ToValidUTF8(name, "?"))
}

// invalid returns a CodeInvalid error about the file name.
func invalid(name, format string, args ...any) *zicht.Error {
	return zicht.Errorf(zicht.CodeInvalid, "%s: %s", name, fmt.Sprintf(format, args...))
}

// unsupported returns a CodeUnsupported error about the file name of type mime.
func unsupported(name, mime string) *zicht.Error {
	return zicht.Errorf(zicht.CodeUnsupported, "%s: unsupported file type %s", name, mime)
}

// sniff returns FormatPDF, FormatHTML or FormatText for data zicht reads,
// and otherwise the MIME type of data. Content decides; the name's extension
// only settles what the content leaves open.
func sniff(name string, data []byte) string {
	if isPDF(data) {
		return FormatPDF
	}
	if mime := binaryType(data); mime != "" {
		return mime
	}
	// Text: look at the start of it, decoded.
	s, _ := decodeText(data[:min(len(data), 4096)])
	s = strings.TrimLeft(s, "\ufeff \t\r\n")
	low := strings.ToLower(s[:min(len(s), 1024)])
	ext := strings.ToLower(filepath.Ext(name))
	switch {
	case strings.HasPrefix(low, "{\\rtf"):
		return "text/rtf"
	case strings.HasPrefix(low, "<open-rechtspraak"):
		return FormatRuling
	case strings.HasPrefix(low, "<?xml") || strings.HasPrefix(low, "<rss") || strings.HasPrefix(low, "<feed"):
		if strings.Contains(low, "<html") {
			return FormatHTML // XHTML
		}
		if isRuling(strings.ToLower(s)) {
			return FormatRuling
		}
		return "text/xml"
	case strings.HasPrefix(http.DetectContentType([]byte(s)), "text/html"):
		return FormatHTML
	case strings.Contains(low, "<html") || strings.Contains(low, "<!doctype html"):
		return FormatHTML
	case (ext == ".html" || ext == ".htm" || ext == ".xhtml") && strings.HasPrefix(low, "<"):
		return FormatHTML
	}
	return FormatText
}

// isPDF reports whether data starts with a PDF header, or has one in its
// first 1024 bytes (after junk such as mail headers) and a PDF trailer
// keyword near its end.
func isPDF(data []byte) bool {
	if bytes.HasPrefix(data, []byte("%PDF-")) {
		return true
	}
	if !bytes.Contains(data[:min(len(data), 1024)], []byte("%PDF-")) {
		return false
	}
	tail := data[max(0, len(data)-2048):]
	return bytes.Contains(tail, []byte("%%EOF")) || bytes.Contains(tail, []byte("startxref"))
}

// binaryType returns the MIME type of data when it is a known binary format
// (image, archive, office document, ...), and "" otherwise.
func binaryType(data []byte) string {
	switch {
	case bytes.HasPrefix(data, []byte("PK\x03\x04")):
		return officeType(data)
	case bytes.HasPrefix(data, []byte("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1")):
		return "application/x-ole-storage (legacy Microsoft Office file)"
	case bytes.HasPrefix(data, []byte("\x7FELF")):
		return "application/x-executable"
	}
	mime := http.DetectContentType(data)
	if i := strings.IndexByte(mime, ';'); i >= 0 {
		mime = mime[:i]
	}
	switch {
	case strings.HasPrefix(mime, "text/"), mime == "application/octet-stream":
		// Text, or bytes decodeText must judge (UTF-16 without a BOM,
		// legacy encodings, garbage).
		return ""
	case mime == "application/pdf":
		return "" // sniff found no header in the first 1024 bytes; let the PDF reader say why
	}
	return mime
}

// zipType tells the office formats apart from other ZIP archives by the
// names of their first entries.
func zipType(data []byte) string {
	head := data[:min(len(data), 4096)]
	switch {
	case bytes.Contains(head, []byte("word/")):
		return "application/vnd.openxmlformats-officedocument.wordprocessingml.document (DOCX)"
	case bytes.Contains(head, []byte("application/vnd.oasis.opendocument.text")):
		return "application/vnd.oasis.opendocument.text (ODT)"
	case bytes.Contains(head, []byte("application/epub+zip")):
		return "application/epub+zip"
	}
	return "application/zip"
}

// cleanTitle collapses the whitespace in a title from metadata.
func cleanTitle(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	return strings.Join(strings.FieldsFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) || unicode.IsControl(r)
	}), " ")
}

// textTitle returns the first paragraph that looks like a heading (short,
// starting with a capital or digit, no final punctuation) among those
// before the first long paragraph; else the first line of the text.
func textTitle(text string) string {
	paras := strings.SplitN(text, "\n\n", 8)
	for _, p := range paras[:min(len(paras), 7)] {
		n := utf8.RuneCountInString(p)
		if n > 2*maxTitle {
			break
		}
		first, _ := utf8.DecodeRuneInString(p)
		last, _ := utf8.DecodeLastRuneInString(p)
		if n <= maxTitle && (unicode.IsUpper(first) || unicode.IsDigit(first)) &&
			!strings.ContainsRune(".!?;:,", last) && strings.IndexFunc(p, unicode.IsLetter) >= 0 {
			return p
		}
	}
	return firstLine(text)
}

// firstLine returns the first paragraph of text, cut at a word boundary
// when it is longer than maxTitle runes.
func firstLine(text string) string {
	if i := strings.Index(text, "\n"); i >= 0 {
		text = text[:i]
	}
	if utf8.RuneCountInString(text) <= maxTitle {
		return text
	}
	n, cut, space := 0, 0, 0
	for i, r := range text {
		if n == maxTitle {
			cut = i
			break
		}
		if r == ' ' {
			space = i
		}
		n++
	}
	if space > 0 {
		cut = space
	}
	return strings.TrimRight(text[:cut], " ,;:") + "…"
}
