package repair

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/zicht-project/zicht/extract/wordlist"
)

// Kinds of repair decided by the word lists.
const (
	KindLostLigature = "lost_ligature" // a ligature glyph lost in PDF extraction restored: "o� cieel" → "officieel"
	KindSplitWord    = "split_word"    // a word split in two by an earlier tool joined: "kin deren" → "kinderen"
	KindDiacritic    = "diacritic"     // a letter with a diacritic an earlier tool dropped restored: "co rdinatie" → "coördinatie"
)

// ligatureLetters are what a lost ligature glyph may have stood for, the
// common ones first: when a lost glyph (U+FFFD, a private-use code point)
// leaves two candidates that are both words and the document does not
// decide, the first is taken.
var ligatureLetters = []string{"fi", "ff", "fl", "ffi", "ffl", "ft", "tt", "st", "fb", "fh", "fj", "fk"}

// lostAfterL are the lost letters after an "l": LibreOffice 7.4 with Linux
// Libertine G draws the second l of "ll" as a glyph without a Unicode
// mapping, so PDF readers give "vrijwil ige" and "as wel :" (measured by
// zicht eval extract).
var lostAfterL = append(append([]string(nil), ligatureLetters...), "l")

// lostLetters are the candidates for a glyph lost after pre.
func lostLetters(pre string) []string {
	if strings.HasSuffix(pre, "l") {
		return lostAfterL
	}
	return ligatureLetters
}

// diacriticLetters are the letters with diacritics that Dutch and English
// text uses and that stripping tools drop.
var diacriticLetters = []string{"ë", "é", "ï", "ö", "ü", "è", "ä", "á", "ó", "ê", "í", "ú", "à", "ô", "â", "û", "ç", "ñ", "î"}

// maxWordLen is the longest word, in bytes, that the word pass reads:
// longer runs of letters are no words of a text, and reading them would
// cost time in proportion to their square.
const maxWordLen = 64

// oneLetterWords are the one-letter words: other single letters are taken
// for fragments ("speci c").
var oneLetterWords = map[string]bool{"a": true, "i": true, "o": true, "u": true, "e": true, "y": true}

// lostGlyph reports whether r stands for a glyph the PDF reader could not
// map to text: the replacement character or a private-use code point.
func lostGlyph(r rune) bool {
	return r == utf8.RuneError || r >= 0xE000 && r <= 0xF8FF
}

// lower is strings.ToLower with a fast path for ASCII words that are lower
// case already.
func lower(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 'a' || c > 'z' {
			return strings.ToLower(s)
		}
	}
	return s
}

func isWordRune(r rune) bool {
	if r < 0x80 {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z'
	}
	return unicode.IsLetter(r) || unicode.Is(unicode.Mn, r) || lostGlyph(r)
}

// vocab is what the word pass knows of a text: its tokens, how often each
// word (lower case) stands whole in it, and the word lists. Words are
// interned: a token's id indexes lows, counts and valids.
type vocab struct {
	raw    map[string]int32 // token as written → id of its lower case
	ids    map[string]int32 // lower case → id
	lows   []string         // id → lower case
	counts []int32          // id → occurrences without markers
	valids []int8           // id → 0 not yet known, 1 valid, 2 not
	known  map[string]bool  // cache of word-list look-ups
	dutch  bool             // the text is mostly Dutch
	engl   bool             // the text is mostly English
	tokens []token
	buf    []byte
	heads  *[1 << 16]bool // headKey of every word: a quick "no such word"
	memo   map[uint64]readings
	// lookups counts the word-list look-ups of candidates, up to budget.
	lookups, budget int
}

// headKey hashes the first three bytes and the length of a word.
func headKey(head string, n int) uint16 {
	h := (uint32(head[0])*31+uint32(head[1]))*31 + uint32(head[2])
	return uint16((h ^ uint32(n)*2654435761) * 2246822519 >> 16)
}

// token is a run of letters (and lost-glyph markers) in the text.
type token struct {
	start, end int
	marker     int   // byte offset of the first lost-glyph marker in the token, or -1
	id         int32 // the lower-case word, or -1 for a token with a marker
}

func newVocab(s string) *vocab {
	v := &vocab{raw: map[string]int32{}, ids: map[string]int32{}, known: map[string]bool{}, heads: new([1 << 16]bool), memo: map[uint64]readings{}}
	v.tokens = make([]token, 0, len(s)/6)
	var nl, en int
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if !isWordRune(r) {
			i += n
			continue
		}
		t := token{start: i, marker: -1, id: -1}
		for i < len(s) {
			if c := s[i]; c < 0x80 {
				if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' {
					i++
					continue
				}
				break
			}
			r, n := utf8.DecodeRuneInString(s[i:])
			if !isWordRune(r) {
				break
			}
			if lostGlyph(r) && t.marker < 0 {
				t.marker = i
			}
			i += n
		}
		t.end = i
		if t.marker < 0 {
			w := s[t.start:t.end]
			id, ok := v.raw[w]
			if !ok {
				id = v.intern(lower(w))
				v.raw[w] = id
			}
			t.id = id
			if v.counts[id]++; v.counts[id] == 1 && len(v.lows) <= 2000 {
				// Guess the language from the first distinct words.
				switch inNL, inEN := wordlist.Dutch().Has(v.lows[id]), wordlist.English().Has(v.lows[id]); {
				case inNL && !inEN:
					nl++
				case inEN && !inNL:
					en++
				}
			}
		}
		v.tokens = append(v.tokens, t)
	}
	v.dutch, v.engl = nl > en, en > nl
	v.budget = 20000 + len(s)/4
	return v
}

// intern returns the id of the lower-case word w.
func (v *vocab) intern(w string) int32 {
	if id, ok := v.ids[w]; ok {
		return id
	}
	id := int32(len(v.lows))
	v.ids[w] = id
	if len(w) >= 3 {
		v.heads[headKey(w[:3], len(w))] = true
	}
	v.lows = append(v.lows, w)
	v.counts = append(v.counts, 0)
	v.valids = append(v.valids, 0)
	return id
}

// count returns how often w (lower case) stands whole in the text.
func (v *vocab) count(w string) int {
	if id, ok := v.ids[w]; ok {
		return int(v.counts[id])
	}
	return 0
}

// validID is valid for an interned word.
func (v *vocab) validID(id int32) bool {
	if v.valids[id] == 0 {
		v.valids[id] = 2
		if v.valid(v.lows[id]) {
			v.valids[id] = 1
		}
	}
	return v.valids[id] == 1
}

// listed reports whether w (lower case) is in a word list.
func (v *vocab) listed(w string) bool {
	if k, ok := v.known[w]; ok {
		return k
	}
	if v.lookups >= v.budget {
		return false
	}
	v.lookups++
	k := wordlist.Known(w)
	if len(v.known) < 1<<16 {
		v.known[w] = k
	}
	return k
}

// listedBytes is listed for a candidate word in a buffer. Candidates are
// not cached (pair keeps its readings), and the look-ups of one text are
// bounded by budget, so that no input takes long: past it, candidates are
// not words.
func (v *vocab) listedBytes(b []byte) bool {
	if v.lookups >= v.budget {
		return false
	}
	v.lookups++
	return wordlist.Known(string(b))
}

// valid reports whether the fragment w (lower case) is a word on its own:
// listed, and not a single letter or a short word of the other language.
func (v *vocab) valid(w string) bool {
	n := utf8.RuneCountInString(w)
	if n == 1 {
		return oneLetterWords[w]
	}
	if n <= 3 {
		// A short fragment counts as a word only in the text's language
		// (in both when the language is unclear).
		switch inNL, inEN := wordlist.Dutch().Has(w), wordlist.English().Has(w); {
		case v.dutch:
			return inNL
		case v.engl:
			return inEN
		default:
			return inNL && inEN
		}
	}
	return v.listed(w)
}

// word reports whether w (lower case) is a word: listed, or standing whole
// elsewhere in the text.
func (v *vocab) word(w string) bool {
	return v.count(w) > 0 || v.listed(w)
}

// compound reports whether w (lower case) is two listed words of at least
// three letters each, as Dutch writes compounds.
func (v *vocab) compound(w string) bool {
	if len(w) > maxWordLen {
		return false
	}
	for i := range w {
		if i == 0 || utf8.RuneCountInString(w[:i]) < 3 {
			continue
		}
		if utf8.RuneCountInString(w[i:]) < 3 {
			break
		}
		if v.listed(w[:i]) && v.listed(w[i:]) {
			return true
		}
	}
	return false
}

// A cand is one reading of a damaged span.
type cand struct {
	after, kind string
	inText      bool // the text has the repaired word whole elsewhere
}

// A choice is a damaged span and its readings.
type choice struct {
	start, end int
	cands      []cand
	forced     bool // a glyph was lost for sure: take the commonest reading when unsure
	weak       bool // both parts are words: repair only when the text shows lost ligatures elsewhere
}

// words restores what the word lists and the text's own vocabulary make
// clear: lost ligature glyphs ("o� cieel", "we elijk"), words split in two
// ("kin deren") and dropped diacritics ("co rdinatie", "na ef"). A word that
// is valid is never changed: two valid words are joined only when the text
// has the joined word elsewhere and the second part never stands alone, or,
// for short parts, when the text has lost ligatures elsewhere.
//
// Choices with one reading (or one the text itself has) are made first;
// they are the evidence for the rest: in a text that lost ligatures,
// "tra cking" is trafficking rather than tracking.
func words(s string) []edit {
	if !strings.ContainsRune(s, ' ') {
		return nil
	}
	v := newVocab(s)
	// Pairs are read only in Dutch or English text: at least 60 % of the
	// words (the first 100 000) listed. In other languages the lists
	// would see fragments everywhere.
	pairs := true
	var listed, all int
	for _, t := range v.tokens[:min(len(v.tokens), 100000)] {
		if t.id >= 0 {
			all++
			if v.validID(t.id) {
				listed++
			}
		}
	}
	if all >= 200 && listed*10 < all*6 {
		pairs = false
	}
	var choices []choice
	var deferred []int // token indexes of pairs of short words, read only in texts with lost ligatures
	for i := 0; i < len(v.tokens); i++ {
		t := v.tokens[i]
		var next *token
		if i+1 < len(v.tokens) {
			next = &v.tokens[i+1]
		}
		if t.marker >= 0 {
			if c, ok := v.lostGlyph(s, t, next); ok {
				choices = append(choices, c)
				if c.end > t.end {
					i++
				}
			}
			continue
		}
		if !pairs || next == nil || next.marker >= 0 || s[t.end:next.start] != " " {
			continue
		}
		if t.id >= 0 && next.id >= 0 && v.validID(t.id) && v.validID(next.id) {
			// Two words: only a split the text proves, or, for short
			// words, a lost ligature when the text shows others; skip
			// what cannot be either without the look-ups.
			la, lb := v.lows[t.id], v.lows[next.id]
			split := len(la) >= 3 && len(lb) >= 3 && v.heads[headKey(la[:3], len(la)+len(lb))]
			if !split {
				if utf8.RuneCountInString(la) <= 3 || utf8.RuneCountInString(lb) <= 3 {
					deferred = append(deferred, i)
				}
				continue
			}
		}
		if c, ok := v.pair(s, t, *next); ok {
			choices = append(choices, c)
		}
	}
	if len(deferred) > 0 {
		lost := 0
		for _, c := range choices {
			if n := sure(c.cands); n >= 0 && !c.weak && c.cands[n].kind == KindLostLigature {
				lost++
			}
		}
		if lost >= 2 {
			for _, i := range deferred {
				if c, ok := v.pair(s, v.tokens[i], v.tokens[i+1]); ok {
					choices = append(choices, c)
				}
			}
			sort.SliceStable(choices, func(i, j int) bool { return choices[i].start < choices[j].start })
		}
	}

	// Evidence: the kinds of the sure choices.
	chosen := make([]int, len(choices))
	evidence := map[string]int{}
	for k, c := range choices {
		chosen[k] = -1
		if c.weak {
			continue
		}
		if n := sure(c.cands); n >= 0 {
			chosen[k] = n
			evidence[c.cands[n].kind]++
		}
	}
	var edits []edit
	end := 0 // the end of the last edit: choices may overlap
	for k, c := range choices {
		if c.start < end {
			continue
		}
		n := chosen[k]
		if n < 0 && (!c.weak || evidence[KindLostLigature] >= 2) {
			for _, kind := range []string{KindLostLigature, KindDiacritic} {
				if evidence[kind] == 0 || (c.weak && kind != KindLostLigature) {
					continue
				}
				if m := only(c.cands, kind); m >= 0 {
					n = m
					break
				}
			}
		}
		if n < 0 && c.forced && len(c.cands) > 0 {
			n = 0
		}
		if n >= 0 {
			edits = append(edits, edit{Start: c.start, End: c.end, After: c.cands[n].after, Kind: c.cands[n].kind})
			end = c.end
		}
	}
	return edits
}

// sure returns the index of the reading to take without further evidence:
// the only one, or the only one the text has whole elsewhere; else -1.
func sure(cs []cand) int {
	if len(cs) == 1 {
		return 0
	}
	found := -1
	for i, c := range cs {
		if c.inText {
			if found >= 0 {
				return -1
			}
			found = i
		}
	}
	return found
}

// only returns the index of the only reading of kind, or -1.
func only(cs []cand, kind string) int {
	found := -1
	for i, c := range cs {
		if c.kind == kind {
			if found >= 0 {
				return -1
			}
			found = i
		}
	}
	return found
}

// lostGlyph reads a token with a lost-glyph marker. When the marker ends
// the token and a single space follows, the next token is joined first (the
// stray space PDF readers put after a lost ligature); then the token is
// read alone; compounds of listed words are the last resort.
func (v *vocab) lostGlyph(s string, t token, next *token) (choice, bool) {
	if t.end-t.start > maxWordLen {
		return choice{}, false
	}
	pre := s[t.start:t.marker]
	_, n := utf8.DecodeRuneInString(s[t.marker:])
	post := s[t.marker+n : t.end]
	if strings.IndexFunc(post, lostGlyph) >= 0 {
		return choice{}, false // more than one lost glyph: leave it
	}
	type try struct {
		join     bool
		tail     string
		compound bool
	}
	var tries []try
	if post == "" && next != nil && next.marker < 0 && s[t.end:next.start] == " " && startsLower(s[next.start:next.end]) {
		tries = append(tries, try{join: true, tail: s[next.start:next.end]})
	}
	if pre != "" || post != "" {
		tries = append(tries, try{tail: post}) // a lone marker is no word
	}
	for _, tr := range tries {
		tr.compound = true
		tries = append(tries, tr)
	}
	for _, tr := range tries {
		c := choice{start: t.start, end: t.end, forced: true}
		if tr.join {
			c.end = next.end
		}
		for _, set := range [][]string{lostLetters(strings.ToLower(pre)), diacriticLetters} {
			for _, x := range set {
				w := pre + x + tr.tail
				lw := strings.ToLower(w)
				if utf8.RuneCountInString(lw) < 3 {
					continue
				}
				ok := v.word(lw)
				if tr.compound {
					ok = set[0] != diacriticLetters[0] && v.compound(lw)
				}
				if ok {
					c.cands = append(c.cands, cand{after: w, kind: kindOf(x), inText: v.count(lw) > 0})
				}
			}
		}
		if len(c.cands) > 0 {
			return c, true
		}
	}
	return choice{}, false
}

func kindOf(x string) string {
	for _, l := range lostAfterL {
		if x == l {
			return KindLostLigature
		}
	}
	if x == "" {
		return KindSplitWord
	}
	return KindDiacritic
}

// pair reads the tokens a and b, one space apart: one word broken by a
// lost ligature, a dropped letter with a diacritic, or a split; or a word
// that lost a ligature at its start or end next to a valid one ("this
// ctional", "sta in").
func (v *vocab) pair(s string, a, b token) (choice, bool) {
	as, bs := s[a.start:a.end], s[b.start:b.end]
	if len(as)+len(bs) > maxWordLen || !startsLower(bs) || hasInnerUpper(as) || hasInnerUpper(bs) || !wordEdge(s, a.start, b.end) {
		return choice{}, false
	}
	key := uint64(a.id)<<32 | uint64(uint32(b.id))
	r, ok := v.memo[key]
	if !ok {
		r = v.readings(a.id, b.id)
		v.memo[key] = r
	}
	if len(r.rs) == 0 {
		return choice{}, false
	}
	c := choice{start: a.start, end: b.end, weak: r.weak}
	for _, x := range r.rs {
		after := as + x.x + bs
		switch x.edge {
		case edgeStart:
			after = as + " " + x.x + bs
		case edgeEnd:
			after = as + x.x + " " + bs
		}
		c.cands = append(c.cands, cand{after: after, kind: x.kind, inText: x.inText})
	}
	return c, true
}

// Where a reading puts its letters: between the parts, joining them, or at
// the start of the second or the end of the first, keeping the space.
const (
	edgeJoin = iota
	edgeStart
	edgeEnd
)

type reading struct {
	x, kind string
	edge    int8
	inText  bool
}

// readings are the readings of a pair of words, by their ids; they depend
// on the lower-case words only, so pair keeps them for the next time.
type readings struct {
	rs   []reading
	weak bool
}

func (v *vocab) readings(aid, bid int32) readings {
	la, lb := v.lows[aid], v.lows[bid]
	va, vb := v.validID(aid), v.validID(bid)
	na, nb := utf8.RuneCountInString(la), utf8.RuneCountInString(lb)
	var r readings
	// add adds the reading lpre+x+lpost when that is a word.
	add := func(x, kind string, edge int8, lpre, lpost string) {
		v.buf = append(append(append(v.buf[:0], lpre...), x...), lpost...)
		inText := len(v.buf) >= 3 && v.heads[headKey(string(v.buf[:3]), len(v.buf))] && v.count(string(v.buf)) > 0
		if inText || v.listedBytes(v.buf) {
			r.rs = append(r.rs, reading{x: x, kind: kind, edge: edge, inText: inText})
		}
	}
	if va && vb {
		// Both are words: join only a split the text itself proves.
		if na >= 3 && nb >= 3 && v.heads[headKey(la[:3], len(la)+len(lb))] {
			v.buf = append(append(v.buf[:0], la...), lb...)
			if v.count(string(v.buf)) > 0 && v.listedBytes(v.buf) && v.count(lb) <= v.pairs(aid, bid) {
				r.rs = append(r.rs, reading{kind: KindSplitWord, inText: true})
				return r
			}
		}
		if na > 3 && nb > 3 {
			return r
		}
		// Short parts ("pro el"): a lost ligature, if the text shows
		// lost ligatures elsewhere.
		r.weak = true
		for _, x := range lostLetters(la) {
			add(x, KindLostLigature, edgeJoin, la, lb)
		}
		return r
	}
	if na+nb < 3 {
		return r
	}
	for _, set := range [][]string{{""}, lostLetters(la), diacriticLetters} {
		for _, x := range set {
			if x == "" && (na < 2 || nb < 2 || v.listed(la) && v.listed(lb)) {
				// "a b" is no split word, nor are two words of either
				// language ("om er" in a mostly English text).
				continue
			}
			add(x, kindOf(x), edgeJoin, la, lb)
		}
	}
	if len(r.rs) == 0 {
		// A ligature lost at the start of b or the end of a. A part that
		// is a word of the other language ("and" in Dutch text) is taken
		// for a fragment only when the text shows lost ligatures elsewhere.
		for _, x := range lostLetters(la) {
			switch {
			case va && !vb && nb >= 2 && x != "l":
				add(x, KindLostLigature, edgeStart, "", lb)
				r.weak = r.weak || v.listed(lb)
			case vb && !va && na >= 2:
				add(x, KindLostLigature, edgeEnd, la, "")
				r.weak = r.weak || v.listed(la)
			}
		}
	}
	return r
}

// pairs counts the tokens with id b that follow a token with id a after one
// space.
func (v *vocab) pairs(a, b int32) int {
	n := 0
	for i := 1; i < len(v.tokens); i++ {
		if v.tokens[i].id == b && v.tokens[i-1].id == a {
			n++
		}
	}
	return n
}

// wordEdge reports whether s[start:end] stands apart as words: no digit,
// hyphen, apostrophe, dot, slash or @ right before or after it.
func wordEdge(s string, start, end int) bool {
	if (start == 0 || s[start-1] == ' ' || s[start-1] == '\n') && (end == len(s) || s[end] == ' ' || s[end] == ',' || s[end] == '\n') {
		return true
	}
	before, _ := utf8.DecodeLastRuneInString(s[:start])
	after, _ := utf8.DecodeRuneInString(s[end:])
	bad := func(r rune) bool {
		return unicode.IsDigit(r) || strings.ContainsRune("-‐'’./@_&", r)
	}
	return (start == 0 || !bad(before)) && (end == len(s) || !bad(after) || after == '.' && end+1 < len(s) && s[end+1] == ' ' || after == '.' && end+1 == len(s))
}

func startsLower(s string) bool {
	if s[0] < 0x80 {
		return 'a' <= s[0] && s[0] <= 'z'
	}
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLower(r)
}

// hasInnerUpper reports whether s has a capital after its first letter
// (an acronym or a name such as "McDonald").
func hasInnerUpper(s string) bool {
	ascii := true
	for i := 1; i < len(s); i++ {
		if c := s[i]; c >= 0x80 {
			ascii = false
			break
		} else if 'A' <= c && c <= 'Z' {
			return true
		}
	}
	if ascii {
		return false
	}
	_, n := utf8.DecodeRuneInString(s)
	return strings.IndexFunc(s[n:], unicode.IsUpper) >= 0
}
