package extract

import (
	"context"
	"encoding/xml"
	"io"
	"strings"
	"time"

	"github.com/zicht-project/zicht"
)

// FormatRuling is a court ruling in the Dutch judiciary's open-data XML
// (open-rechtspraak).
const FormatRuling = "ruling"

// KindCourtRuling is Result.Meta["kind"] for rulings; ingest files the
// document under that kind and Meta["ecli"] as its canonical id.
const KindCourtRuling = "court_ruling"

// isRuling reports whether the start of an XML document (decoded, lower
// case) is an open-rechtspraak ruling.
func isRuling(head string) bool {
	return strings.Contains(head, "<open-rechtspraak") || strings.Contains(head, "rechtspraak.nl/schema/rechtspraak") ||
		strings.Contains(head, "psi.rechtspraak.nl")
}

// rulingBlocks are the elements of a ruling's text that are paragraphs of their own.
var rulingBlocks = map[string]bool{
	"para": true, "title": true, "bridgehead": true, "listitem": true, "parablock": true,
	"paragroup": true, "section": true, "row": true, "entry": true, "footnote": true,
	"blockquote": true, "uitspraak.info": true, "conclusie.info": true, "formalpara": true,
	"itemizedlist": true, "orderedlist": true, "table": true, "tgroup": true, "tbody": true,
}

// extractRuling reads a ruling in the open-rechtspraak format: the RDF
// metadata (ECLI, court, dates, procedure, area of law), the summary
// (inhoudsindicatie) and the text of the ruling (uitspraak) or of the
// Advocate General's opinion (conclusie). Text is the ruling's text; the
// summary goes into Meta["summary"], and is the text only when the ruling
// has none.
func extractRuling(ctx context.Context, name string, data []byte) (*raw, error) {
	r := newXMLReader(data)
	d := &raw{format: FormatRuling, meta: map[string]string{"kind": KindCourtRuling}}
	var (
		path      []string // local names of the open elements
		field     *strings.Builder
		fieldName string
		procs     []string
		summary   = &paraWriter{limit: 1 << 20}
		body      = &paraWriter{limit: 64 << 20}
		out       *paraWriter // where text goes: summary, body or nil
		outDepth  int
		bodyKind  string
		n         int
	)
	meta := map[string]string{}
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
			return nil, invalid(name, "court ruling XML: %s", xmlError(err))
		}
		switch t := t.(type) {
		case xml.StartElement:
			local := t.Name.Local
			path = append(path, local)
			switch {
			case out != nil:
				if rulingBlocks[local] {
					out.block()
				}
			case local == "inhoudsindicatie" && len(path) <= 3:
				out, outDepth = summary, len(path)
			case (local == "uitspraak" || local == "conclusie") && len(path) <= 3:
				out, outDepth, bodyKind = body, len(path), local
			case inDescription(path):
				field, fieldName = &strings.Builder{}, t.Name.Space+":"+local
			}
		case xml.EndElement:
			if len(path) == 0 {
				return nil, invalid(name, "court ruling XML: malformed XML")
			}
			local := path[len(path)-1]
			switch {
			case out != nil && len(path) == outDepth:
				out = nil
			case out != nil:
				if local == "nr" {
					out.noBreak, out.space = true, true
				} else if rulingBlocks[local] {
					out.block()
				}
			case field != nil:
				v := strings.Join(strings.Fields(field.String()), " ")
				switch fieldName {
				case "psi:procedure":
					if v != "" {
						procs = append(procs, v)
					}
				default:
					if _, ok := meta[fieldName]; !ok && v != "" {
						meta[fieldName] = v
					}
				}
				field = nil
			}
			path = path[:len(path)-1]
		case xml.CharData:
			switch {
			case out != nil:
				out.text(string(t))
			case field != nil:
				field.Write(t)
			}
		}
	}
	if len(path) > 0 {
		return nil, invalid(name, "court ruling XML: truncated XML")
	}

	set := func(key, v string) {
		if v != "" {
			d.meta[key] = v
		}
	}
	ecli := meta["dcterms:identifier"]
	if !strings.HasPrefix(strings.ToUpper(ecli), "ECLI:") {
		ecli = ""
	}
	set("ecli", ecli)
	set("court", meta["dcterms:creator"])
	set("decision_date", meta["dcterms:date"])
	set("publication_date", meta["dcterms:issued"])
	set("procedure", strings.Join(procs, "; "))
	set("area_of_law", meta["dcterms:subject"])
	set("case_number", meta["psi:zaaknummer"])
	set("place", meta["dcterms:spatial"])
	set("ruling_type", meta["dcterms:type"])
	if sum := strings.TrimSpace(summary.String()); sum != "-" {
		set("summary", sum)
	}
	if bodyKind != "" {
		set("ruling_part", bodyKind)
	}
	if l := meta["dcterms:language"]; l == "nl" || l == "en" {
		d.lang = zicht.Lang(l)
	}
	d.title = meta["dcterms:title"]
	if d.title == "" && ecli != "" {
		d.title = strings.TrimSpace(ecli + " " + d.meta["court"])
	}
	for _, key := range []string{"dcterms:date", "dcterms:issued"} {
		if t, err := time.Parse("2006-01-02", strings.TrimSpace(meta[key])); err == nil {
			d.date = t
			break
		}
	}
	d.text = body.String()
	if strings.TrimSpace(d.text) == "" && d.meta["summary"] != "" {
		d.text = summary.String()
	}
	if strings.TrimSpace(d.text) == "" {
		return nil, invalid(name, "court ruling XML without text (no uitspraak, conclusie or inhoudsindicatie)")
	}
	return d, nil
}

// inDescription reports whether path is a property element of an
// rdf:Description: .../RDF/Description/<property>.
func inDescription(path []string) bool {
	n := len(path)
	return n >= 3 && path[n-2] == "Description" && path[n-3] == "RDF"
}
