package extract

import (
	"context"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/zicht-project/zicht"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/net/html/charset"
)

// HTML limits.
const (
	// maxHTMLDepth is the nesting depth beyond which tags are dropped (their
	// text is kept) when the parser refuses a document as too deep.
	maxHTMLDepth = 128
	// mainShare is the share of the page's text an <article> or <main> must
	// hold to be taken as the main content.
	mainShare = 0.3
	// boilerShare is the share of the content's text above which an element
	// that looks like boilerplate by its class, id or role is kept anyway:
	// a "wrapper menu-open" div around the whole page is not a menu.
	boilerShare = 0.5
)

// extractHTML reads the main content of an HTML page: <article> or <main>
// when they hold most of the text, without navigation, headers, footers,
// asides, scripts, forms and cookie banners. Block elements end paragraphs.
func extractHTML(ctx context.Context, name string, data []byte) (*raw, error) {
	s, cs, declared := decodeHTML(data)
	if binary(s) {
		return nil, unsupportedBinary(name)
	}
	d := &raw{format: FormatHTML, meta: map[string]string{"charset": cs}}
	if declared != "" && declared != cs {
		d.meta["declared_charset"] = declared
	}

	doc, err := html.Parse(strings.NewReader(s))
	if err != nil {
		// The parser refuses documents nested too deeply; drop the
		// excess tags and try again, and failing that, read the tokens.
		d.meta["html_flattened"] = "true"
		doc, err = html.Parse(strings.NewReader(flatten(s, maxHTMLDepth)))
		if err != nil {
			d.text = tokenText(s)
			return d, nil
		}
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}

	p := &page{textLen: map[*html.Node]int{}}
	p.readMeta(doc, d)
	root := p.mainContent(doc)
	if root.Type == html.ElementNode && root.DataAtom != atom.Body && root.DataAtom != atom.Html {
		d.meta["html_content"] = root.Data
	}
	d.text = p.render(root)
	if d.title == "" {
		d.title = p.firstText(root, atom.H1)
	}
	if d.title == "" {
		d.title = p.firstText(doc, atom.H1)
	}
	if d.date.IsZero() {
		d.date = p.timeDate(root)
	}
	if d.date.IsZero() {
		d.date = p.timeDate(doc)
	}
	return d, nil
}

// decodeHTML decodes an HTML page and returns the text, the charset used and
// the charset the page declares in a <meta> element (or ""). A BOM decides;
// else valid UTF-8 is UTF-8 whatever the page declares (a page that is valid
// UTF-8 with non-ASCII letters is UTF-8 mislabelled far more often than
// anything else); else the declared charset; else as for plain text.
func decodeHTML(data []byte) (text, cs, declared string) {
	declared = metaCharset(data[:min(len(data), 1024)])
	if hasBOM(data) || utf8.Valid(data) {
		text, cs = decodeText(data)
		return text, cs, declared
	}
	if e, canon := charset.Lookup(declared); e != nil && !strings.HasPrefix(canon, "utf-") {
		return decodeWith(e, data), canon, declared
	}
	text, cs = decodeText(data)
	return text, cs, declared
}

func hasBOM(data []byte) bool {
	for _, bom := range []string{"\xEF\xBB\xBF", "\xFF\xFE", "\xFE\xFF", "\x00\x00\xFE\xFF"} {
		if strings.HasPrefix(string(data[:min(len(data), 4)]), bom) {
			return true
		}
	}
	return false
}

// metaCharset returns the charset the head of a page declares with
// <meta charset> or <meta http-equiv="Content-Type" content="...; charset=...">.
func metaCharset(head []byte) string {
	z := html.NewTokenizer(strings.NewReader(string(head)))
	for range 1000 {
		switch z.Next() {
		case html.ErrorToken:
			return ""
		case html.StartTagToken, html.SelfClosingTagToken:
			t := z.Token()
			switch t.DataAtom {
			case atom.Body:
				return ""
			case atom.Meta:
				var httpEquiv, content string
				for _, a := range t.Attr {
					switch strings.ToLower(a.Key) {
					case "charset":
						return strings.ToLower(strings.TrimSpace(a.Val))
					case "http-equiv":
						httpEquiv = strings.ToLower(a.Val)
					case "content":
						content = a.Val
					}
				}
				if httpEquiv == "content-type" {
					if cs := contentCharset(content); cs != "" {
						return cs
					}
				}
			}
		case html.EndTagToken:
			if z.Token().DataAtom == atom.Head {
				return ""
			}
		}
	}
	return ""
}

// contentCharset returns the charset parameter of a Content-Type value.
func contentCharset(content string) string {
	low := []byte(content)
	for i, c := range low {
		if 'A' <= c && c <= 'Z' {
			low[i] = c + 'a' - 'A'
		}
	}
	i := strings.Index(string(low), "charset=")
	if i < 0 {
		return ""
	}
	cs := string(low[i+len("charset="):])
	if j := strings.IndexAny(cs, "; \t"); j >= 0 {
		cs = cs[:j]
	}
	return strings.Trim(cs, `"' `)
}

// page holds what is learnt about a parsed page while reading it.
type page struct {
	textLen map[*html.Node]int // memo of textLength
}

// readMeta reads title, date, language and other metadata from the page into d.
func (p *page) readMeta(doc *html.Node, d *raw) {
	var title string
	metas := map[string]string{}
	walk(doc, func(n *html.Node) bool {
		if n.Type != html.ElementNode {
			return true
		}
		switch n.DataAtom {
		case atom.Html:
			if l := attr(n, "lang"); l != "" {
				d.meta["declared_lang"] = l
				d.lang = zicht.Lang(strings.ToLower(strings.SplitN(strings.SplitN(l, "-", 2)[0], "_", 2)[0]))
			}
		case atom.Title:
			if title == "" {
				title = nodeText(n)
			}
			return false
		case atom.Meta:
			key := strings.ToLower(firstNonEmpty(attr(n, "property"), attr(n, "name"), attr(n, "itemprop")))
			if v := strings.TrimSpace(attr(n, "content")); key != "" && v != "" {
				if _, seen := metas[key]; !seen {
					metas[key] = v
				}
			}
		case atom.Link:
			if strings.EqualFold(attr(n, "rel"), "canonical") && attr(n, "href") != "" {
				d.meta["canonical"] = attr(n, "href")
			}
		}
		return true
	})
	d.title = firstNonEmpty(metas["og:title"], metas["twitter:title"], title, metas["dc.title"], metas["dcterms.title"])
	for _, k := range []string{
		"article:published_time", "datepublished", "date", "dc.date", "dcterms.date",
		"dc.date.issued", "dcterms.issued", "dcterms.created", "citation_publication_date",
		"citation_date", "pubdate", "publishdate", "publish-date", "publication_date",
		"og:published_time", "parsely-pub-date", "sailthru.date",
	} {
		if t, ok := parseDate(metas[k]); ok {
			d.date = t
			d.meta["date_source"] = "meta " + k
			break
		}
	}
	for k, mk := range map[string]string{
		"description": "description", "og:description": "description", "author": "author",
		"og:site_name": "site_name", "og:url": "url", "article:modified_time": "modified",
		"keywords": "keywords", "og:locale": "locale",
	} {
		if v := metas[k]; v != "" && d.meta[mk] == "" {
			d.meta[mk] = cleanTitle(v)
		}
	}
}

// mainContent returns the node whose text is the page's main content: the
// largest <article> if it holds a fair share of the page's text, else the
// largest <main> (or role="main") if it does, else the body.
func (p *page) mainContent(doc *html.Node) *html.Node {
	body := doc
	var article, main *html.Node
	walk(doc, func(n *html.Node) bool {
		if n.Type != html.ElementNode {
			return true
		}
		switch {
		case n.DataAtom == atom.Body:
			body = n
		case n.DataAtom == atom.Article:
			if article == nil || p.textLength(n) > p.textLength(article) {
				article = n
			}
		case n.DataAtom == atom.Main || strings.EqualFold(attr(n, "role"), "main"):
			if main == nil || p.textLength(n) > p.textLength(main) {
				main = n
			}
		case skipAlways(n):
			return false
		}
		return true
	})
	total := float64(p.textLength(body))
	for _, n := range []*html.Node{article, main} {
		if n != nil && float64(p.textLength(n)) >= mainShare*total && p.textLength(n) > 0 {
			return n
		}
	}
	return body
}

// textLength returns the number of bytes of text under n, not counting
// scripts, styles and templates.
func (p *page) textLength(n *html.Node) int {
	if l, ok := p.textLen[n]; ok {
		return l
	}
	l := 0
	walk(n, func(c *html.Node) bool {
		switch c.Type {
		case html.TextNode:
			l += len(strings.TrimSpace(c.Data))
		case html.ElementNode:
			switch c.DataAtom {
			case atom.Script, atom.Style, atom.Noscript, atom.Template:
				return false
			}
		}
		return true
	})
	p.textLen[n] = l
	return l
}

// render returns the text of root without boilerplate, with paragraph
// breaks after block elements and line breaks for <br>.
func (p *page) render(root *html.Node) string {
	var w textWriter
	rootLen := float64(p.textLength(root))
	type frame struct {
		n    *html.Node
		exit bool
	}
	stack := []frame{{n: root}}
	articles := 0 // <article> elements open above the current node
	for len(stack) > 0 {
		f := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		n := f.n
		if f.exit {
			switch {
			case n.DataAtom == atom.Pre:
				w.pre--
				w.block()
			case n.DataAtom == atom.Article:
				articles--
				w.block()
			case n.DataAtom == atom.Td || n.DataAtom == atom.Th:
				w.space = true
			case isBlock(n):
				w.block()
			}
			continue
		}
		switch n.Type {
		case html.TextNode:
			w.text(n.Data)
			continue
		case html.ElementNode:
			if n != root && p.boilerplate(n, rootLen, articles > 0) {
				continue
			}
			switch {
			case n.DataAtom == atom.Br:
				w.lineBreak()
				continue
			case n.DataAtom == atom.Hr, n.DataAtom == atom.Img:
				w.block()
				continue
			case n.DataAtom == atom.Pre:
				w.pre++
				w.block()
			case n.DataAtom == atom.Article:
				articles++
				w.block()
			case n.DataAtom == atom.Td || n.DataAtom == atom.Th:
				w.space = true
			case isBlock(n):
				w.block()
			}
		case html.DocumentNode:
		default:
			continue // comments, doctypes
		}
		stack = append(stack, frame{n: n, exit: true})
		for c := n.LastChild; c != nil; c = c.PrevSibling {
			stack = append(stack, frame{n: c})
		}
	}
	return w.b.String()
}

// boilerplate reports whether element n is not part of the content:
// navigation, page header and footer, asides, scripts, forms, hidden
// elements and elements whose class, id or role names a menu, banner,
// breadcrumb, cookie notice or the like. Headers inside an <article> are the
// article's own and are kept. Elements judged by their attributes, forms
// and headers are kept when they hold more than boilerShare of the content's
// text (rootLen bytes).
func (p *page) boilerplate(n *html.Node, rootLen float64, inArticle bool) bool {
	if skipAlways(n) {
		return true
	}
	if _, hidden := attrOK(n, "hidden"); hidden || strings.EqualFold(attr(n, "aria-hidden"), "true") {
		return true
	}
	switch {
	case n.DataAtom == atom.Header && inArticle:
		return false
	case n.DataAtom == atom.Header, n.DataAtom == atom.Form, boilerAttrs(n):
		return float64(p.textLength(n)) <= boilerShare*rootLen
	}
	return false
}

// skipAlways reports whether n never holds content text.
func skipAlways(n *html.Node) bool {
	switch n.DataAtom {
	case atom.Script, atom.Style, atom.Noscript, atom.Template, atom.Nav, atom.Aside,
		atom.Footer, atom.Button, atom.Select, atom.Textarea, atom.Input, atom.Svg,
		atom.Math, atom.Iframe, atom.Object, atom.Embed, atom.Canvas, atom.Audio,
		atom.Video, atom.Map, atom.Dialog, atom.Head, atom.Title, atom.Menu:
		return true
	}
	return false
}

// boilerWords are what class and id values of boilerplate contain.
var boilerWords = []string{
	"cookie", "consent", "gdpr", "banner", "breadcrumb", "navbar", "navigation",
	"menu", "footer", "sidebar", "newsletter", "advert", "popup", "subscribe",
	"pagination", "masthead", "skiplink", "skip-link", "sharing", "socialmedia",
	"social-media", "share-", "related", "toolbar",
}

// boilerTokens are whole class or id tokens of boilerplate.
var boilerTokens = map[string]bool{
	"nav": true, "ad": true, "ads": true, "share": true, "social": true, "skip": true,
	"print": true, "tags": true, "comments": true, "promo": true, "modal": true,
}

// boilerRoles are ARIA roles of boilerplate.
var boilerRoles = map[string]bool{
	"navigation": true, "banner": true, "contentinfo": true, "complementary": true,
	"search": true, "dialog": true, "alertdialog": true, "menu": true, "menubar": true,
}

// boilerAttrs reports whether n's class, id or role names boilerplate, or
// its inline style hides it.
func boilerAttrs(n *html.Node) bool {
	if boilerRoles[strings.ToLower(attr(n, "role"))] {
		return true
	}
	style := strings.ReplaceAll(strings.ToLower(attr(n, "style")), " ", "")
	if strings.Contains(style, "display:none") || strings.Contains(style, "visibility:hidden") {
		return true
	}
	for _, v := range []string{attr(n, "class"), attr(n, "id")} {
		v = strings.ToLower(v)
		if v == "" {
			continue
		}
		for _, w := range boilerWords {
			if strings.Contains(v, w) {
				return true
			}
		}
		for _, tok := range strings.FieldsFunc(v, func(r rune) bool { return !('a' <= r && r <= 'z' || '0' <= r && r <= '9') }) {
			if boilerTokens[tok] {
				return true
			}
		}
	}
	return false
}

// isBlock reports whether n ends a paragraph.
func isBlock(n *html.Node) bool {
	switch n.DataAtom {
	case atom.Address, atom.Article, atom.Blockquote, atom.Body, atom.Caption, atom.Center,
		atom.Dd, atom.Details, atom.Dir, atom.Div, atom.Dl, atom.Dt, atom.Fieldset,
		atom.Figcaption, atom.Figure, atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6,
		atom.Header, atom.Hgroup, atom.Html, atom.Legend, atom.Li, atom.Main, atom.Ol,
		atom.P, atom.Section, atom.Summary, atom.Table, atom.Tbody, atom.Tfoot, atom.Thead,
		atom.Tr, atom.Ul, atom.Frameset, atom.Option:
		return true
	}
	return false
}

// firstText returns the text of the first element a under n, outside boilerplate.
func (p *page) firstText(n *html.Node, a atom.Atom) string {
	var s string
	walk(n, func(c *html.Node) bool {
		if s != "" || c.Type == html.ElementNode && skipAlways(c) {
			return false
		}
		if c.Type == html.ElementNode && c.DataAtom == a {
			s = cleanTitle(nodeText(c))
			return false
		}
		return true
	})
	return s
}

// timeDate returns the date of the first <time datetime> (or <time> whose
// text is a date) under n.
func (p *page) timeDate(n *html.Node) time.Time {
	var t time.Time
	walk(n, func(c *html.Node) bool {
		if !t.IsZero() {
			return false
		}
		if c.Type == html.ElementNode && c.DataAtom == atom.Time {
			if d, ok := parseDate(firstNonEmpty(attr(c, "datetime"), nodeText(c))); ok {
				t = d
			}
			return false
		}
		return true
	})
	return t
}

// textWriter collects text, collapsing HTML whitespace and turning block
// ends into paragraph breaks.
type textWriter struct {
	b     strings.Builder
	brk   int  // pending break: 0 none, 1 line, 2 paragraph
	space bool // pending space
	pre   int  // depth of <pre> elements
}

func (w *textWriter) block()     { w.brk = 2 }
func (w *textWriter) lineBreak() { w.brk = max(w.brk, 1) }

// text writes s, collapsing whitespace outside <pre>.
func (w *textWriter) text(s string) {
	if w.pre > 0 {
		for i, l := range strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n") {
			if i > 0 {
				w.lineBreak()
			}
			if l != "" {
				w.word(l)
			}
		}
		return
	}
	fields := strings.FieldsFunc(s, isHTMLSpace)
	if len(fields) == 0 {
		if s != "" {
			w.space = true
		}
		return
	}
	if isHTMLSpace(rune(s[0])) {
		w.space = true
	}
	for i, f := range fields {
		if i > 0 {
			w.space = true
		}
		w.word(f)
	}
	if isHTMLSpace(rune(s[len(s)-1])) {
		w.space = true
	}
}

func (w *textWriter) word(s string) {
	if w.b.Len() > 0 {
		switch {
		case w.brk == 2:
			w.b.WriteString("\n\n")
		case w.brk == 1:
			w.b.WriteString("\n")
		case w.space:
			w.b.WriteString(" ")
		}
	}
	w.brk, w.space = 0, false
	w.b.WriteString(s)
}

func isHTMLSpace(r rune) bool {
	return r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\f'
}

// walk calls fn for n and its descendants in document order, without
// recursion; fn returns false to skip a node's children.
func walk(n *html.Node, fn func(*html.Node) bool) {
	stack := []*html.Node{n}
	for len(stack) > 0 {
		n := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if !fn(n) {
			continue
		}
		for c := n.LastChild; c != nil; c = c.PrevSibling {
			stack = append(stack, c)
		}
	}
}

// nodeText returns all text under n, whitespace collapsed.
func nodeText(n *html.Node) string {
	var b strings.Builder
	walk(n, func(c *html.Node) bool {
		if c.Type == html.TextNode {
			b.WriteString(c.Data)
			b.WriteByte(' ')
		}
		return true
	})
	return strings.Join(strings.FieldsFunc(b.String(), isHTMLSpace), " ")
}

func attr(n *html.Node, key string) string {
	v, _ := attrOK(n, key)
	return v
}

func attrOK(n *html.Node, key string) (string, bool) {
	for _, a := range n.Attr {
		if a.Namespace == "" && strings.EqualFold(a.Key, key) {
			return a.Val, true
		}
	}
	return "", false
}

func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if s = strings.TrimSpace(s); s != "" {
			return s
		}
	}
	return ""
}

// voidElements have no end tag.
var voidElements = map[string]bool{
	"area": true, "base": true, "br": true, "col": true, "embed": true, "hr": true,
	"img": true, "input": true, "link": true, "meta": true, "param": true,
	"source": true, "track": true, "wbr": true,
}

// flatten returns s with the start and end tags of elements nested deeper
// than depth left out; their text stays.
func flatten(s string, depth int) string {
	z := html.NewTokenizer(strings.NewReader(s))
	var b strings.Builder
	var open []string
	dropped := map[string]int{}
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			break
		}
		rawTok := z.Raw()
		switch tt {
		case html.StartTagToken:
			name, _ := z.TagName()
			tag := string(name)
			if voidElements[tag] {
				break
			}
			if len(open) >= depth {
				dropped[tag]++
				continue
			}
			open = append(open, tag)
		case html.EndTagToken:
			name, _ := z.TagName()
			tag := string(name)
			if dropped[tag] > 0 {
				dropped[tag]--
				continue
			}
			for i := len(open) - 1; i >= 0; i-- {
				if open[i] == tag {
					open = open[:i]
					break
				}
			}
		}
		b.Write(rawTok)
	}
	return b.String()
}

// tokenText is the last resort for a page the parser refuses: the text of
// its tokens outside scripts and styles, with block tags as paragraph breaks.
func tokenText(s string) string {
	z := html.NewTokenizer(strings.NewReader(s))
	var w textWriter
	skip := 0
	for {
		switch z.Next() {
		case html.ErrorToken:
			return w.b.String()
		case html.TextToken:
			if skip == 0 {
				w.text(string(z.Text()))
			}
		case html.StartTagToken, html.SelfClosingTagToken, html.EndTagToken:
			t := z.Token()
			n := &html.Node{Type: html.ElementNode, DataAtom: t.DataAtom, Data: t.Data}
			switch t.DataAtom {
			case atom.Script, atom.Style, atom.Noscript, atom.Template:
				if t.Type == html.StartTagToken {
					skip++
				} else if t.Type == html.EndTagToken && skip > 0 {
					skip--
				}
			case atom.Br:
				w.lineBreak()
			default:
				if isBlock(n) {
					w.block()
				}
			}
		}
	}
}
