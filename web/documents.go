package web

import (
	"net/http"
	"sort"
	"strings"

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

func (s *Server) handleSearch(w http.ResponseWriter, r *http.Request) {
	q := strings.TrimSpace(r.URL.Query().Get("q"))
	var hits []searchHit
	var problem string
	if q != "" {
		found, err := s.store.Search(r.Context(), q, 100)
		switch {
		case zicht.ErrorCode(err) == zicht.CodeInvalid:
			problem = err.Error()
		case err != nil:
			s.fail(w, r, err)
			return
		}
		words := queryWords(q)
		for _, h := range found {
			hits = append(hits, searchHit{SearchHit: h, Segments: highlight(h.Passage.Text, words)})
		}
	}
	s.render(w, r, http.StatusOK, "search.html", translate(s.langOf(w, r), "nav.search"), struct {
		Query   string
		Hits    []searchHit
		Problem string
	}{q, hits, problem})
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
