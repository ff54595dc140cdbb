package web

import (
	"net/http"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/zicht-project/zicht"
	"github.com/zicht-project/zicht/lexicon"
)

// segment is a piece of text, marked when it matched.
type segment struct {
	Text string
	Mark bool
}

// highlight splits text into segments, marking every word that starts with
// one of the folded query words, so matches show whatever their case or
// diacritics.
func highlight(text string, words []string) []segment {
	if len(words) == 0 {
		return []segment{{Text: text}}
	}
	var out []segment
	last := 0
	for _, tok := range lexicon.Tokenize(text, nil) {
		if tok.Kind != lexicon.TokenWord {
			continue
		}
		for _, w := range words {
			if strings.HasPrefix(tok.Norm, w) {
				if tok.Start > last {
					out = append(out, segment{Text: text[last:tok.Start]})
				}
				out = append(out, segment{Text: text[tok.Start:tok.End], Mark: true})
				last = tok.End
				break
			}
		}
	}
	if last < len(text) {
		out = append(out, segment{Text: text[last:]})
	}
	return out
}

// queryWords folds the words of a search query the way the text is folded.
func queryWords(q string) []string {
	var out []string
	for _, tok := range lexicon.Tokenize(q, nil) {
		if tok.Kind == lexicon.TokenWord || tok.Kind == lexicon.TokenNumber {
			out = append(out, tok.Norm)
		}
	}
	return out
}

type searchHit struct {
	zicht.SearchHit
	Segments []segment
}

// searchFilter narrows search hits to passages with matching signals, and
// to documents by source and date.
type searchFilter struct {
	Group, Question, Polarity, Type, Source, From, To string
}

func (f searchFilter) bySignal() bool {
	return f.Group != "" || f.Question != "" || f.Polarity != "" || f.Type != ""
}

func (s *Server) handleSearch(w http.ResponseWriter, r *http.Request) {
	q := strings.TrimSpace(r.URL.Query().Get("q"))
	v := r.URL.Query()
	f := searchFilter{Group: v.Get("group"), Question: v.Get("question"), Polarity: v.Get("polarity"), Type: v.Get("type"),
		Source: strings.TrimSpace(v.Get("source")), From: v.Get("from"), To: v.Get("to")}
	var hits []searchHit
	var problem string
	if q != "" {
		found, err := s.store.Search(r.Context(), q, 1000)
		switch {
		case zicht.ErrorCode(err) == zicht.CodeInvalid:
			problem = err.Error()
		case err != nil:
			s.fail(w, r, err)
			return
		}
		if found, err = s.filterHits(r, found, f); err != nil {
			if zicht.ErrorCode(err) != zicht.CodeInvalid {
				s.fail(w, r, err)
				return
			}
			problem = err.Error()
		}
		words := queryWords(q)
		for _, h := range found[:min(len(found), 100)] {
			hits = append(hits, searchHit{SearchHit: h, Segments: highlight(h.Passage.Text, words)})
		}
	}
	groups, err := s.store.Groups(r.Context())
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, "search.html", translate(s.langOf(w, r), "nav.search"), struct {
		Query   string
		Hits    []searchHit
		Problem string
		Filter  searchFilter
		Groups  []zicht.Group
		Types   []zicht.EvidenceType
	}{q, hits, problem, f, groups, zicht.EvidenceTypes})
}

// filterHits keeps the hits that pass f.
func (s *Server) filterHits(r *http.Request, hits []zicht.SearchHit, f searchFilter) ([]zicht.SearchHit, error) {
	var from, to time.Time
	var err error
	if f.From != "" {
		if from, err = parseDate(f.From); err != nil {
			return nil, err
		}
	}
	if f.To != "" {
		if to, err = parseDate(f.To); err != nil {
			return nil, err
		}
	}
	if !f.bySignal() && f.Source == "" && from.IsZero() && to.IsZero() {
		return hits, nil
	}
	docs := map[zicht.DocumentID]*zicht.Document{}
	sigs := map[zicht.DocumentID][]zicht.Signal{}
	var out []zicht.SearchHit
	for _, h := range hits {
		id := h.Passage.Doc
		d, ok := docs[id]
		if !ok {
			if d, err = s.store.Document(r.Context(), id); err != nil {
				return nil, err
			}
			docs[id] = d
		}
		if f.Source != "" && !strings.Contains(strings.ToLower(d.Source+" "+d.Title+" "+d.Canonical), strings.ToLower(f.Source)) {
			continue
		}
		if !from.IsZero() && (d.Date.IsZero() || d.Date.Before(from)) || !to.IsZero() && (d.Date.IsZero() || d.Date.After(to)) {
			continue
		}
		if f.bySignal() {
			list, ok := sigs[id]
			if !ok {
				if list, err = s.store.Signals(r.Context(), zicht.SignalFilter{Doc: id}); err != nil {
					return nil, err
				}
				sigs[id] = list
			}
			if !slices.ContainsFunc(list, func(sg zicht.Signal) bool {
				return sg.Start == h.Passage.Start && (f.Group == "" || string(sg.Group) == f.Group) &&
					(f.Question == "" || string(sg.Question) == f.Question) && (f.Polarity == "" || string(sg.Polarity) == f.Polarity) &&
					(f.Type == "" || string(sg.EvidenceType) == f.Type)
			}) {
				continue
			}
		}
		out = append(out, h)
	}
	return out, nil
}

func (s *Server) handleDocuments(w http.ResponseWriter, r *http.Request) {
	f := zicht.DocumentFilter{Kind: zicht.DocumentKind(r.URL.Query().Get("kind"))}
	if l := r.URL.Query().Get("doclang"); l != "" {
		lang, err := zicht.ParseLang(l)
		if err != nil {
			s.fail(w, r, err)
			return
		}
		f.Lang = lang
	}
	docs, err := s.store.Documents(r.Context(), f)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	sort.SliceStable(docs, func(i, j int) bool { return docs[i].Title < docs[j].Title })
	kinds := []zicht.DocumentKind{zicht.KindCourtRuling, zicht.KindNews, zicht.KindResearch, zicht.KindParliament,
		zicht.KindNGO, zicht.KindOther}
	s.render(w, r, http.StatusOK, "documents.html", translate(s.langOf(w, r), "nav.documents"), struct {
		Documents []zicht.Document
		Kinds     []zicht.DocumentKind
		Filter    zicht.DocumentFilter
	}{docs, kinds, f})
}

// readerPassage is a passage with the signals found in it.
type readerPassage struct {
	zicht.Passage
	Signals []zicht.Signal
}

func (s *Server) handleDocument(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	id := zicht.DocumentID(r.PathValue("id"))
	doc, err := s.store.Document(ctx, id)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	passages, err := s.store.Passages(ctx, id)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	signals, err := s.store.Signals(ctx, zicht.SignalFilter{Doc: id})
	if err != nil {
		s.fail(w, r, err)
		return
	}
	byStart := map[int][]zicht.Signal{}
	for _, sg := range signals {
		byStart[sg.Start] = append(byStart[sg.Start], sg)
	}
	var rp []readerPassage
	for _, p := range passages {
		rp = append(rp, readerPassage{Passage: p, Signals: byStart[p.Start]})
	}
	s.render(w, r, http.StatusOK, "document.html", doc.Title, struct {
		Doc      *zicht.Document
		Passages []readerPassage
		Signals  int
	}{doc, rp, len(signals)})
}
