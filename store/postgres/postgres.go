// Package postgres is the server store: PostgreSQL through pgx, with
// versioned migrations applied on open, the rules of the domain enforced in
// the schema as in the SQLite store, and PostgreSQL's own full-text search
// over passages.
//
// It uses pgx through its database/sql adapter (stdlib) rather than pgxpool:
// the store then has the same shape as the SQLite store (one *sql.DB, the
// same transaction helper, the same scanning code), database/sql's pool is
// enough for the store's short statements, and tests and tools can reach the
// handle with the standard interface. pgx still does the wire protocol, the
// types and the error codes.
//
// Everything lives in the current schema, the first on the connection's
// search_path, which a DSN may set (postgres://host/db?search_path=zicht), so
// one database can hold several stores.
package postgres

import (
	"context"
	"database/sql"
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/stdlib"
	"golang.org/x/text/unicode/norm"

	"github.com/zicht-project/zicht"
)

//go:embed migrations/*.sql
var migrations embed.FS

// Store is the PostgreSQL implementation of zicht.Store.
type Store struct {
	db *sql.DB
}

var _ zicht.Store = (*Store)(nil)

// Open connects to the database at dsn (a postgres:// URL or key=value
// string, as pgx reads it) and migrates its current schema to the newest
// version. Several processes may open the same database at once.
func Open(ctx context.Context, dsn string) (*Store, error) {
	cfg, err := pgx.ParseConfig(dsn)
	if err != nil {
		return nil, zicht.Errorf(zicht.CodeInvalid, "postgres dsn: %v", err)
	}
	db := stdlib.OpenDB(*cfg)
	s := &Store{db: db}
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("connect to postgres %s:%d/%s: %w", cfg.Host, cfg.Port, cfg.Database, err)
	}
	if err := s.migrate(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("migrate postgres %s:%d/%s: %w", cfg.Host, cfg.Port, cfg.Database, err)
	}
	return s, nil
}

// Close closes the connection pool.
func (s *Store) Close() error { return s.db.Close() }

// lockMigrations serialises migrations of the current schema across
// processes until the transaction ends.
const lockMigrations = `SELECT pg_advisory_xact_lock(hashtext('zicht.migrate'), hashtext(coalesce(current_schema(), '')))`

// migrate applies, in order and each in its own transaction, every embedded
// migration not yet recorded in schema_migrations. Each transaction first
// takes an advisory lock, so two processes opening a new database at once
// apply every migration exactly once.
func (s *Store) migrate(ctx context.Context) error {
	var schema sql.NullString
	if err := s.db.QueryRowContext(ctx, `SELECT current_schema()`).Scan(&schema); err != nil {
		return err
	}
	if !schema.Valid {
		return zicht.Errorf(zicht.CodeInvalid, "the search_path names no existing schema to keep the store in")
	}
	err := s.withTx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, lockMigrations); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
			version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`); err != nil {
			return fmt.Errorf("create schema_migrations: %w", err)
		}
		return nil
	})
	if err != nil {
		return err
	}
	names, err := fs.Glob(migrations, "migrations/*.sql")
	if err != nil {
		return err
	}
	sort.Strings(names)
	for _, name := range names {
		base := path.Base(name)
		version, err := strconv.Atoi(strings.SplitN(base, "_", 2)[0])
		if err != nil {
			return fmt.Errorf("migration %s: name must start with a number", base)
		}
		body, err := migrations.ReadFile(name)
		if err != nil {
			return err
		}
		err = s.withTx(ctx, func(tx *sql.Tx) error {
			if _, err := tx.ExecContext(ctx, lockMigrations); err != nil {
				return err
			}
			var done bool
			if err := tx.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM schema_migrations WHERE version = $1)`,
				version).Scan(&done); err != nil {
				return err
			}
			if done {
				return nil
			}
			if _, err := tx.ExecContext(ctx, string(body)); err != nil {
				return err
			}
			_, err := tx.ExecContext(ctx, `INSERT INTO schema_migrations (version, name) VALUES ($1, $2)`, version, base)
			return err
		})
		if err != nil {
			return fmt.Errorf("migration %s: %w", base, err)
		}
	}
	return nil
}

// withTx runs fn in a transaction, committing when it returns nil.
func (s *Store) withTx(ctx context.Context, fn func(*sql.Tx) error) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	defer tx.Rollback() // no-op after Commit
	if err := fn(tx); err != nil {
		return err
	}
	return tx.Commit()
}

// timeArg is t for a timestamptz column: NULL when t is zero.
func timeArg(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return t.UTC()
}

// timeOf is the time read from a nullable timestamptz column, in UTC; zero for NULL.
func timeOf(t sql.NullTime) time.Time {
	if !t.Valid {
		return time.Time{}
	}
	return t.Time.UTC()
}

func toJSON(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		panic(fmt.Sprintf("marshal %T: %v", v, err)) // only plain domain values reach here
	}
	return string(b)
}

func fromJSON[T any](b []byte) (T, error) {
	var v T
	if len(b) == 0 {
		return v, nil
	}
	err := json.Unmarshal(b, &v)
	return v, err
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

func nonNilTerms(t []zicht.Term) []zicht.Term {
	if t == nil {
		return []zicht.Term{}
	}
	return t
}

// pgCode is the SQLSTATE of err, or "" when err is not from the server.
func pgCode(err error) string {
	var pe *pgconn.PgError
	if errors.As(err, &pe) {
		return pe.Code
	}
	return ""
}

// SQLSTATEs the store turns into codes.
const (
	foreignKeyViolation = "23503"
)

// fkError turns a foreign-key violation into CodeNotFound, passes on a
// *zicht.Error and wraps anything else.
func fkError(err error, format string, args ...any) error {
	msg := fmt.Sprintf(format, args...)
	if pgCode(err) == foreignKeyViolation {
		return zicht.Errorf(zicht.CodeNotFound, "%s: it refers to something that does not exist", msg)
	}
	if zicht.ErrorCode(err) != zicht.CodeInternal {
		return err
	}
	return fmt.Errorf("%s: %w", msg, err)
}

// ---- groups ----

// PutGroup inserts or replaces a group. It returns CodeInvalid for an empty
// id or the pseudo-group "other".
func (s *Store) PutGroup(ctx context.Context, g zicht.Group) error {
	if g.ID == "" || g.ID == zicht.GroupOther {
		return zicht.Errorf(zicht.CodeInvalid, "invalid group id %q", g.ID)
	}
	if g.Status == "" {
		g.Status = zicht.GroupActive
	}
	_, err := s.db.ExecContext(ctx, `INSERT INTO groups (id, name_nl, name_en, desc_nl, desc_en, status, terms, ord)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
		ON CONFLICT (id) DO UPDATE SET name_nl=excluded.name_nl, name_en=excluded.name_en, desc_nl=excluded.desc_nl,
		desc_en=excluded.desc_en, status=excluded.status, terms=excluded.terms, ord=excluded.ord`,
		string(g.ID), g.Name.NL, g.Name.EN, g.Description.NL, g.Description.EN, string(g.Status),
		toJSON(nonNilTerms(g.Terms)), g.Order)
	if err != nil {
		return fmt.Errorf("put group %s: %w", g.ID, err)
	}
	return nil
}

const groupCols = `id, name_nl, name_en, desc_nl, desc_en, status, terms, ord`

type scanner interface{ Scan(...any) error }

func scanGroup(sc scanner) (zicht.Group, error) {
	var g zicht.Group
	var terms []byte
	if err := sc.Scan(&g.ID, &g.Name.NL, &g.Name.EN, &g.Description.NL, &g.Description.EN, &g.Status, &terms, &g.Order); err != nil {
		return g, err
	}
	var err error
	g.Terms, err = fromJSON[[]zicht.Term](terms)
	return g, err
}

// Group returns the group with id, or CodeNotFound.
func (s *Store) Group(ctx context.Context, id zicht.GroupID) (*zicht.Group, error) {
	g, err := scanGroup(s.db.QueryRowContext(ctx, `SELECT `+groupCols+` FROM groups WHERE id = $1`, string(id)))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, zicht.Errorf(zicht.CodeNotFound, "group %q not found", id)
	} else if err != nil {
		return nil, fmt.Errorf("query group %s: %w", id, err)
	}
	return &g, nil
}

// Groups lists all groups in overview order: the baseline's order first,
// then groups without an order by id.
func (s *Store) Groups(ctx context.Context) ([]zicht.Group, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT `+groupCols+` FROM groups ORDER BY ord = 0, ord, id`)
	if err != nil {
		return nil, fmt.Errorf("query groups: %w", err)
	}
	defer rows.Close()
	var out []zicht.Group
	for rows.Next() {
		g, err := scanGroup(rows)
		if err != nil {
			return nil, fmt.Errorf("scan group: %w", err)
		}
		out = append(out, g)
	}
	return out, rows.Err()
}

// PutRiskFactor inserts or replaces a risk factor; CodeInvalid without an id.
func (s *Store) PutRiskFactor(ctx context.Context, rf zicht.RiskFactor) error {
	if rf.ID == "" {
		return zicht.Errorf(zicht.CodeInvalid, "risk factor without id")
	}
	_, err := s.db.ExecContext(ctx, `INSERT INTO risk_factors (id, name_nl, name_en, terms) VALUES ($1, $2, $3, $4)
		ON CONFLICT (id) DO UPDATE SET name_nl=excluded.name_nl, name_en=excluded.name_en, terms=excluded.terms`,
		rf.ID, rf.Name.NL, rf.Name.EN, toJSON(nonNilTerms(rf.Terms)))
	if err != nil {
		return fmt.Errorf("put risk factor %s: %w", rf.ID, err)
	}
	return nil
}

// RiskFactors lists the risk factors by id.
func (s *Store) RiskFactors(ctx context.Context) ([]zicht.RiskFactor, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id, name_nl, name_en, terms FROM risk_factors ORDER BY id`)
	if err != nil {
		return nil, fmt.Errorf("query risk factors: %w", err)
	}
	defer rows.Close()
	var out []zicht.RiskFactor
	for rows.Next() {
		var rf zicht.RiskFactor
		var terms []byte
		if err := rows.Scan(&rf.ID, &rf.Name.NL, &rf.Name.EN, &terms); err != nil {
			return nil, fmt.Errorf("scan risk factor: %w", err)
		}
		if rf.Terms, err = fromJSON[[]zicht.Term](terms); err != nil {
			return nil, fmt.Errorf("risk factor %s terms: %w", rf.ID, err)
		}
		out = append(out, rf)
	}
	return out, rows.Err()
}

// AddRecommendation stores r and returns it with its id; CodeNotFound when
// its group does not exist.
func (s *Store) AddRecommendation(ctx context.Context, r zicht.Recommendation) (zicht.Recommendation, error) {
	if r.Status == "" {
		r.Status = "open"
	}
	err := s.db.QueryRowContext(ctx, `INSERT INTO recommendations (group_id, text_nl, text_en, audience, status, origin)
		VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
		string(r.Group), r.Text.NL, r.Text.EN, r.Audience, r.Status, r.Origin).Scan(&r.ID)
	if err != nil {
		return r, fkError(err, "add recommendation for group %q", r.Group)
	}
	return r, nil
}

// Recommendations lists a group's recommendations, or all when g is empty.
func (s *Store) Recommendations(ctx context.Context, g zicht.GroupID) ([]zicht.Recommendation, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id, group_id, text_nl, text_en, audience, status, origin
		FROM recommendations WHERE $1 = '' OR group_id = $1 ORDER BY id`, string(g))
	if err != nil {
		return nil, fmt.Errorf("query recommendations: %w", err)
	}
	defer rows.Close()
	var out []zicht.Recommendation
	for rows.Next() {
		var r zicht.Recommendation
		if err := rows.Scan(&r.ID, &r.Group, &r.Text.NL, &r.Text.EN, &r.Audience, &r.Status, &r.Origin); err != nil {
			return nil, fmt.Errorf("scan recommendation: %w", err)
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// ---- documents ----

// AddDocument stores a document, its original, passages and signals in one
// transaction; it returns false and changes nothing when the id is known.
//
// Concurrent calls with the same id, from this or other processes, store it
// once: the insert of the original waits for any other transaction that is
// inserting the same hash, and the document's insert, ON CONFLICT DO NOTHING,
// tells which of them won.
func (s *Store) AddDocument(ctx context.Context, in zicht.Ingested) (bool, error) {
	d := in.Document
	if d.ID == "" {
		return false, zicht.Errorf(zicht.CodeInvalid, "document without id")
	}
	if d.AddedAt.IsZero() {
		d.AddedAt = time.Now()
	}
	if d.Repairs == nil {
		d.Repairs = []zicht.Repair{}
	}
	if d.Meta == nil {
		d.Meta = map[string]string{}
	}
	original := in.Original
	if original == nil {
		original = []byte{} // bytes is NOT NULL
	}
	added := false
	err := s.withTx(ctx, func(tx *sql.Tx) error {
		var known bool
		if err := tx.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM documents WHERE id = $1)`,
			string(d.ID)).Scan(&known); err != nil {
			return err
		}
		if known {
			return nil
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO originals (hash, bytes) VALUES ($1, $2) ON CONFLICT (hash) DO NOTHING`,
			string(d.ID), original); err != nil {
			return fmt.Errorf("insert original: %w", err)
		}
		res, err := tx.ExecContext(ctx, `INSERT INTO documents (id, canonical, source, kind, format, lang, title, date,
			size, text, repairs, meta, added_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
			ON CONFLICT (id) DO NOTHING`,
			string(d.ID), d.Canonical, d.Source, string(d.Kind), d.Format, string(d.Lang), d.Title, timeArg(d.Date),
			d.Size, d.Text, toJSON(d.Repairs), toJSON(d.Meta), timeArg(d.AddedAt))
		if err != nil {
			return fmt.Errorf("insert document: %w", err)
		}
		if n, err := res.RowsAffected(); err != nil {
			return err
		} else if n == 0 {
			return nil // another transaction stored it first
		}
		for _, p := range in.Passages {
			if _, err := tx.ExecContext(ctx, `INSERT INTO passages (doc, start, "end", text, section, search)
				VALUES ($1, $2, $3, $4, $5, $6)`,
				string(d.ID), p.Start, p.End, p.Text, p.Section, strings.Join(searchWords(p.Text), " ")); err != nil {
				return fmt.Errorf("insert passage: %w", err)
			}
		}
		if err := insertSignals(ctx, tx, d.ID, in.Signals); err != nil {
			return err
		}
		added = true
		return nil
	})
	if err != nil {
		return false, fkError(err, "add document %s", d.ID.Short())
	}
	return added, nil
}

func insertSignals(ctx context.Context, tx *sql.Tx, doc zicht.DocumentID, signals []zicht.Signal) error {
	for _, sg := range signals {
		if sg.EvidenceType == "" {
			sg.EvidenceType = zicht.EvidenceNone
		}
		if sg.Status == "" {
			sg.Status = zicht.SignalPending
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO signals (doc, start, "end", text, group_id, population, question,
			polarity, level, evidence_type, risk_factors, terms, triggers, score, detector, status)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)`,
			string(doc), sg.Start, sg.End, sg.Text, string(sg.Group), sg.Population, string(sg.Question),
			string(sg.Polarity), string(sg.Level), string(sg.EvidenceType), toJSON(nonNil(sg.RiskFactors)),
			toJSON(nonNil(sg.Terms)), toJSON(nonNil(sg.Triggers)), sg.Score, sg.Detector, string(sg.Status)); err != nil {
			return fmt.Errorf("insert signal: %w", err)
		}
	}
	return nil
}

// HasDocument reports whether a document with id is stored.
func (s *Store) HasDocument(ctx context.Context, id zicht.DocumentID) (bool, error) {
	var ok bool
	if err := s.db.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM documents WHERE id = $1)`,
		string(id)).Scan(&ok); err != nil {
		return false, fmt.Errorf("query document %s: %w", id.Short(), err)
	}
	return ok, nil
}

const docCols = `id, canonical, source, kind, format, lang, title, date, size, repairs, meta, added_at`

func scanDocument(sc scanner, extra ...any) (zicht.Document, error) {
	var d zicht.Document
	var date, added sql.NullTime
	var repairs, meta []byte
	dest := append([]any{&d.ID, &d.Canonical, &d.Source, &d.Kind, &d.Format, &d.Lang, &d.Title, &date, &d.Size,
		&repairs, &meta, &added}, extra...)
	if err := sc.Scan(dest...); err != nil {
		return d, err
	}
	d.Date, d.AddedAt = timeOf(date), timeOf(added)
	var err error
	if d.Repairs, err = fromJSON[[]zicht.Repair](repairs); err != nil {
		return d, err
	}
	d.Meta, err = fromJSON[map[string]string](meta)
	return d, err
}

// Document returns the document with id, including its text, or CodeNotFound.
func (s *Store) Document(ctx context.Context, id zicht.DocumentID) (*zicht.Document, error) {
	var text string
	d, err := scanDocument(s.db.QueryRowContext(ctx, `SELECT `+docCols+`, text FROM documents WHERE id = $1`,
		string(id)), &text)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, zicht.Errorf(zicht.CodeNotFound, "document %s not found", id.Short())
	} else if err != nil {
		return nil, fmt.Errorf("query document %s: %w", id.Short(), err)
	}
	d.Text = text
	return &d, nil
}

// Original returns the original bytes of document id, or CodeNotFound.
func (s *Store) Original(ctx context.Context, id zicht.DocumentID) ([]byte, error) {
	var b []byte
	err := s.db.QueryRowContext(ctx, `SELECT bytes FROM originals WHERE hash = $1`, string(id)).Scan(&b)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, zicht.Errorf(zicht.CodeNotFound, "original of document %s not found", id.Short())
	} else if err != nil {
		return nil, fmt.Errorf("query original %s: %w", id.Short(), err)
	}
	return b, nil
}

// limitArg is a LIMIT parameter: NULL, no limit, for n <= 0.
func limitArg(n int) any {
	if n <= 0 {
		return nil
	}
	return n
}

// Documents lists documents newest first, without their text.
func (s *Store) Documents(ctx context.Context, f zicht.DocumentFilter) ([]zicht.Document, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT `+docCols+` FROM documents
		WHERE ($1 = '' OR lang = $1) AND ($2 = '' OR kind = $2) ORDER BY added_at DESC, id LIMIT $3`,
		string(f.Lang), string(f.Kind), limitArg(f.Limit))
	if err != nil {
		return nil, fmt.Errorf("query documents: %w", err)
	}
	defer rows.Close()
	var out []zicht.Document
	for rows.Next() {
		d, err := scanDocument(rows)
		if err != nil {
			return nil, fmt.Errorf("scan document: %w", err)
		}
		out = append(out, d)
	}
	return out, rows.Err()
}

// Passages lists the passages of doc in text order.
func (s *Store) Passages(ctx context.Context, doc zicht.DocumentID) ([]zicht.Passage, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id, doc, start, "end", text, section FROM passages
		WHERE doc = $1 ORDER BY start, id`, string(doc))
	if err != nil {
		return nil, fmt.Errorf("query passages of %s: %w", doc.Short(), err)
	}
	defer rows.Close()
	var out []zicht.Passage
	for rows.Next() {
		var p zicht.Passage
		if err := rows.Scan(&p.ID, &p.Doc, &p.Start, &p.End, &p.Text, &p.Section); err != nil {
			return nil, fmt.Errorf("scan passage: %w", err)
		}
		out = append(out, p)
	}
	return out, rows.Err()
}

// ---- search ----

// fold lowers w's case and drops its diacritics: "Ö" becomes "o".
func fold(w string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(w) {
		if unicode.Is(unicode.Mn, r) {
			continue
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return norm.NFC.String(b.String())
}

// searchWords splits text into folded words: runs of letters and digits, so
// that punctuation never reaches PostgreSQL's parser and the passage's words
// are cut exactly as a query's are.
func searchWords(text string) []string {
	return strings.FieldsFunc(fold(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
}

// term is one word of a query, folded; prefix when it ended in *.
type term struct {
	word   string
	prefix bool
}

// queryTerms splits the user's query into folded words; a word ending in *
// matches a prefix. Nothing the user types is syntax: punctuation only
// separates words.
func queryTerms(q string) []term {
	var terms []term
	for _, w := range strings.Fields(q) {
		for _, t := range searchWords(w) {
			terms = append(terms, term{word: t})
		}
		if strings.HasSuffix(w, "*") && len(terms) > 0 {
			terms[len(terms)-1].prefix = true
		}
	}
	return terms
}

// matches reports whether the folded word w is matched by one of terms.
func matches(terms []term, w string) bool {
	for _, t := range terms {
		if w == t.word || t.prefix && strings.HasPrefix(w, t.word) {
			return true
		}
	}
	return false
}

// tsQuery is the tsquery for terms: all must occur. Each lexeme is quoted and
// holds only letters and digits, so the user cannot write tsquery syntax; it
// is compared as it is with the passages' tsv, which the 'simple'
// configuration built from the same folded words.
func tsQuery(terms []term) string {
	parts := make([]string, len(terms))
	for i, t := range terms {
		parts[i] = "'" + t.word + "'"
		if t.prefix {
			parts[i] += ":*"
		}
	}
	return strings.Join(parts, " & ")
}

// headlineQuery is the tsquery that ts_headline highlights in text: the
// passage's own spellings of the words that matched ("coördinatie" for the
// query "coordinatie"), because ts_headline reads the unfolded text.
func headlineQuery(terms []term, text string) string {
	seen := map[string]bool{}
	var parts []string
	for _, w := range strings.FieldsFunc(text, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		lw := strings.ToLower(w)
		if seen[lw] || !matches(terms, fold(w)) {
			continue
		}
		seen[lw] = true
		parts = append(parts, "'"+lw+"'")
	}
	return strings.Join(parts, " | ")
}

// headlineOptions make ts_headline mark matches as [match] and show about a
// sentence around them, like the SQLite store's snippet.
const headlineOptions = `StartSel=[, StopSel=], MinWords=12, MaxWords=32, MaxFragments=2, FragmentDelimiter=" … "`

// Search finds passages containing all words of query (case and diacritics
// ignored, a trailing * matching a prefix), best match first, with a snippet
// that has the matches between [ and ]. It returns CodeInvalid when the
// query has no words.
func (s *Store) Search(ctx context.Context, query string, limit int) ([]zicht.SearchHit, error) {
	terms := queryTerms(query)
	if len(terms) == 0 {
		return nil, zicht.Errorf(zicht.CodeInvalid, "search query %q has no words", query)
	}
	if limit <= 0 {
		limit = 50
	}
	rows, err := s.db.QueryContext(ctx, `SELECT p.id, p.doc, p.start, p."end", p.text, p.section, d.title
		FROM passages p JOIN documents d ON d.id = p.doc, CAST($1 AS tsquery) q
		WHERE p.tsv @@ q ORDER BY ts_rank(p.tsv, q) DESC, p.id LIMIT $2`, tsQuery(terms), limit)
	if err != nil {
		return nil, fmt.Errorf("search %q: %w", query, err)
	}
	defer rows.Close()
	var out []zicht.SearchHit
	var texts, queries []string
	for rows.Next() {
		var h zicht.SearchHit
		p := &h.Passage
		if err := rows.Scan(&p.ID, &p.Doc, &p.Start, &p.End, &p.Text, &p.Section, &h.Title); err != nil {
			return nil, fmt.Errorf("scan search hit: %w", err)
		}
		out = append(out, h)
		texts = append(texts, p.Text)
		queries = append(queries, headlineQuery(terms, p.Text))
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("search %q: %w", query, err)
	}
	rows.Close()
	if len(out) == 0 {
		return nil, nil
	}
	// All snippets in one round trip, in the order of the hits.
	snips, err := s.db.QueryContext(ctx, `SELECT ts_headline('simple', u.t, CAST(u.q AS tsquery), '`+headlineOptions+`')
		FROM unnest(CAST($1 AS text[]), CAST($2 AS text[])) WITH ORDINALITY AS u(t, q, n) ORDER BY u.n`, texts, queries)
	if err != nil {
		return nil, fmt.Errorf("search %q: snippets: %w", query, err)
	}
	defer snips.Close()
	for i := 0; snips.Next(); i++ {
		if i < len(out) {
			if err := snips.Scan(&out[i].Snippet); err != nil {
				return nil, fmt.Errorf("scan snippet: %w", err)
			}
		}
	}
	if err := snips.Err(); err != nil {
		return nil, fmt.Errorf("search %q: snippets: %w", query, err)
	}
	return out, nil
}

// ---- signals ----

const signalCols = `id, doc, start, "end", text, group_id, population, question, polarity, level, evidence_type,
	risk_factors, terms, triggers, score, detector, status`

func scanSignal(sc scanner) (zicht.Signal, error) {
	var sg zicht.Signal
	var rfs, terms, triggers []byte
	if err := sc.Scan(&sg.ID, &sg.Doc, &sg.Start, &sg.End, &sg.Text, &sg.Group, &sg.Population, &sg.Question,
		&sg.Polarity, &sg.Level, &sg.EvidenceType, &rfs, &terms, &triggers, &sg.Score, &sg.Detector, &sg.Status); err != nil {
		return sg, err
	}
	var err error
	if sg.RiskFactors, err = fromJSON[[]string](rfs); err != nil {
		return sg, err
	}
	if sg.Terms, err = fromJSON[[]string](terms); err != nil {
		return sg, err
	}
	sg.Triggers, err = fromJSON[[]string](triggers)
	return sg, err
}

// Signals lists signals matching f, highest score first.
func (s *Store) Signals(ctx context.Context, f zicht.SignalFilter) ([]zicht.Signal, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT `+signalCols+` FROM signals
		WHERE ($1 = '' OR doc = $1) AND ($2 = '' OR group_id = $2) AND ($3 = '' OR question = $3) AND ($4 = '' OR status = $4)
		ORDER BY score DESC, id LIMIT $5`,
		string(f.Doc), string(f.Group), string(f.Question), string(f.Status), limitArg(f.Limit))
	if err != nil {
		return nil, fmt.Errorf("query signals: %w", err)
	}
	defer rows.Close()
	var out []zicht.Signal
	for rows.Next() {
		sg, err := scanSignal(rows)
		if err != nil {
			return nil, fmt.Errorf("scan signal: %w", err)
		}
		out = append(out, sg)
	}
	return out, rows.Err()
}

// Signal returns the signal with id, or CodeNotFound.
func (s *Store) Signal(ctx context.Context, id zicht.SignalID) (*zicht.Signal, error) {
	sg, err := scanSignal(s.db.QueryRowContext(ctx, `SELECT `+signalCols+` FROM signals WHERE id = $1`, int64(id)))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, zicht.Errorf(zicht.CodeNotFound, "signal %d not found", id)
	} else if err != nil {
		return nil, fmt.Errorf("query signal %d: %w", id, err)
	}
	return &sg, nil
}

// ReplaceSignals swaps the pending signals of doc for signals; reviewed ones,
// and pending ones evidence refers to, stay. CodeNotFound for an unknown doc.
func (s *Store) ReplaceSignals(ctx context.Context, doc zicht.DocumentID, signals []zicht.Signal) error {
	return s.withTx(ctx, func(tx *sql.Tx) error {
		// Lock the document's row so that two rescans of it do not interleave.
		var id string
		err := tx.QueryRowContext(ctx, `SELECT id FROM documents WHERE id = $1 FOR UPDATE`, string(doc)).Scan(&id)
		if errors.Is(err, sql.ErrNoRows) {
			return zicht.Errorf(zicht.CodeNotFound, "document %s not found", doc.Short())
		} else if err != nil {
			return fmt.Errorf("query document %s: %w", doc.Short(), err)
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM signals s WHERE s.doc = $1 AND s.status = 'pending'
			AND NOT EXISTS (SELECT 1 FROM evidence e WHERE e.signal = s.id)`, string(doc)); err != nil {
			return fmt.Errorf("delete signals of %s: %w", doc.Short(), err)
		}
		return insertSignals(ctx, tx, doc, signals)
	})
}

// SetSignalStatus records a review decision on signal id: CodeInvalid for an
// unknown status, CodeNotFound for an unknown signal.
func (s *Store) SetSignalStatus(ctx context.Context, id zicht.SignalID, st zicht.SignalStatus) error {
	switch st {
	case zicht.SignalPending, zicht.SignalAccepted, zicht.SignalRejected:
	default:
		return zicht.Errorf(zicht.CodeInvalid, "unknown signal status %q", st)
	}
	res, err := s.db.ExecContext(ctx, `UPDATE signals SET status = $1 WHERE id = $2`, string(st), int64(id))
	if err != nil {
		return fmt.Errorf("set status of signal %d: %w", id, err)
	}
	if n, err := res.RowsAffected(); err != nil {
		return fmt.Errorf("set status of signal %d: %w", id, err)
	} else if n == 0 {
		return zicht.Errorf(zicht.CodeNotFound, "signal %d not found", id)
	}
	return nil
}

// SignalCounts counts signals per group and question.
func (s *Store) SignalCounts(ctx context.Context) ([]zicht.SignalCount, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT group_id, question, count(*),
		count(*) FILTER (WHERE status = 'pending'), count(*) FILTER (WHERE status = 'accepted')
		FROM signals GROUP BY group_id, question ORDER BY group_id, question`)
	if err != nil {
		return nil, fmt.Errorf("count signals: %w", err)
	}
	defer rows.Close()
	var out []zicht.SignalCount
	for rows.Next() {
		var c zicht.SignalCount
		if err := rows.Scan(&c.Group, &c.Question, &c.Total, &c.Pending, &c.Accepted); err != nil {
			return nil, fmt.Errorf("scan signal count: %w", err)
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// ---- evidence ----

// AddEvidence stores e and returns it with its id: CodeInvalid for an unknown
// question, polarity, type or level, CodeNotFound when its signal or document
// does not exist.
func (s *Store) AddEvidence(ctx context.Context, e zicht.Evidence) (zicht.Evidence, error) {
	var out zicht.Evidence
	err := s.withTx(ctx, func(tx *sql.Tx) error {
		var err error
		out, err = insertEvidence(ctx, tx, e)
		return err
	})
	return out, err
}

func insertEvidence(ctx context.Context, tx *sql.Tx, e zicht.Evidence) (zicht.Evidence, error) {
	if _, err := zicht.ParseQuestion(string(e.Question)); err != nil {
		return e, err
	}
	if _, err := zicht.ParsePolarity(string(e.Polarity)); err != nil {
		return e, err
	}
	if e.Type == "" {
		e.Type = zicht.EvidenceNone
	}
	if _, err := zicht.ParseEvidenceType(string(e.Type)); err != nil {
		return e, err
	}
	if _, err := zicht.ParseLevel(string(e.Level)); err != nil {
		return e, err
	}
	if e.AddedAt.IsZero() {
		e.AddedAt = time.Now()
	}
	var signal, doc any
	if e.Signal != 0 {
		signal = int64(e.Signal)
	}
	if e.Doc != "" {
		doc = string(e.Doc)
	}
	err := tx.QueryRowContext(ctx, `INSERT INTO evidence (signal, doc, group_id, question, polarity, level, type, text,
		citation, case_key, date, added_by, added_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
		RETURNING id`,
		signal, doc, string(e.Group), string(e.Question), string(e.Polarity), string(e.Level), string(e.Type), e.Text,
		e.Citation, e.CaseKey, timeArg(e.Date), e.AddedBy, timeArg(e.AddedAt)).Scan(&e.ID)
	if err != nil {
		return e, fkError(err, "add evidence for %s %s", e.Group, e.Question)
	}
	return e, nil
}

// Evidence lists evidence matching f, oldest first.
func (s *Store) Evidence(ctx context.Context, f zicht.EvidenceFilter) ([]zicht.Evidence, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id, coalesce(signal, 0), coalesce(doc, ''), group_id, question, polarity,
		level, type, text, citation, case_key, date, added_by, added_at FROM evidence
		WHERE ($1 = '' OR group_id = $1) AND ($2 = '' OR question = $2) ORDER BY id`,
		string(f.Group), string(f.Question))
	if err != nil {
		return nil, fmt.Errorf("query evidence: %w", err)
	}
	defer rows.Close()
	var out []zicht.Evidence
	for rows.Next() {
		var e zicht.Evidence
		var date, added sql.NullTime
		if err := rows.Scan(&e.ID, &e.Signal, &e.Doc, &e.Group, &e.Question, &e.Polarity, &e.Level, &e.Type, &e.Text,
			&e.Citation, &e.CaseKey, &date, &e.AddedBy, &added); err != nil {
			return nil, fmt.Errorf("scan evidence: %w", err)
		}
		e.Date, e.AddedAt = timeOf(date), timeOf(added)
		out = append(out, e)
	}
	return out, rows.Err()
}

// ---- assessments ----

// validAssessment applies the same rules as the SQLite store.
func validAssessment(a zicht.Assessment) error {
	if _, err := zicht.ParseQuestion(string(a.Question)); err != nil {
		return err
	}
	for _, l := range []zicht.Level{a.Suggested, a.Final} {
		if l != zicht.LevelUnknown && l.Rank() < 0 {
			return zicht.Errorf(zicht.CodeInvalid, "unknown level %q", l)
		}
	}
	if a.Status != zicht.Draft && a.Status != zicht.Approved {
		return zicht.Errorf(zicht.CodeInvalid, "unknown assessment status %q", a.Status)
	}
	if a.Final != a.Suggested && a.Final != zicht.LevelUnknown && strings.TrimSpace(a.Rationale) == "" {
		return zicht.Errorf(zicht.CodeInvalid, "assessment of %s %s: a final level (%s) that differs from the suggestion (%s) needs a rationale",
			a.Group, a.Question, a.Final, a.Suggested)
	}
	if a.Author == "" {
		return zicht.Errorf(zicht.CodeInvalid, "assessment of %s %s has no author", a.Group, a.Question)
	}
	return nil
}

func insertAssessment(ctx context.Context, tx *sql.Tx, a zicht.Assessment) (zicht.Assessment, error) {
	if a.CreatedAt.IsZero() {
		a.CreatedAt = time.Now()
	}
	var supersedes any
	if a.Supersedes != 0 {
		supersedes = int64(a.Supersedes)
	}
	items := a.Items
	if items == nil {
		items = []zicht.Item{}
	}
	err := tx.QueryRowContext(ctx, `INSERT INTO assessments (group_id, question, suggested, final, confidence, summary_nl,
		summary_en, rationale, items, method, origin, author, reviewer, status, supersedes, created_at, approved_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17) RETURNING id`,
		string(a.Group), string(a.Question), string(a.Suggested), string(a.Final), string(a.Confidence), a.Summary.NL,
		a.Summary.EN, a.Rationale, toJSON(items), a.Method, a.Origin, a.Author, a.Reviewer, string(a.Status), supersedes,
		timeArg(a.CreatedAt), timeArg(a.ApprovedAt)).Scan(&a.ID)
	return a, err
}

// AddAssessment stores a new assessment and returns it with its id:
// CodeInvalid when it breaks the method's rules, CodeNotFound when its group
// or the assessment it supersedes does not exist.
func (s *Store) AddAssessment(ctx context.Context, a zicht.Assessment) (zicht.Assessment, error) {
	if err := validAssessment(a); err != nil {
		return a, err
	}
	var out zicht.Assessment
	err := s.withTx(ctx, func(tx *sql.Tx) error {
		var err error
		out, err = insertAssessment(ctx, tx, a)
		return err
	})
	if err != nil {
		return a, fkError(err, "add assessment of %s %s", a.Group, a.Question)
	}
	return out, nil
}

const assessmentCols = `id, group_id, question, suggested, final, confidence, summary_nl, summary_en, rationale, items,
	method, origin, author, reviewer, status, coalesce(supersedes, 0), created_at, approved_at`

// briefAssessmentCols reads an assessment without its items.
const briefAssessmentCols = `id, group_id, question, suggested, final, confidence, summary_nl, summary_en, rationale, '[]'::jsonb,
	method, origin, author, reviewer, status, coalesce(supersedes, 0), created_at, approved_at`

func scanAssessment(sc scanner) (zicht.Assessment, error) {
	var a zicht.Assessment
	var items []byte
	var created, approved sql.NullTime
	if err := sc.Scan(&a.ID, &a.Group, &a.Question, &a.Suggested, &a.Final, &a.Confidence, &a.Summary.NL, &a.Summary.EN,
		&a.Rationale, &items, &a.Method, &a.Origin, &a.Author, &a.Reviewer, &a.Status, &a.Supersedes, &created, &approved); err != nil {
		return a, err
	}
	a.CreatedAt, a.ApprovedAt = timeOf(created), timeOf(approved)
	var err error
	a.Items, err = fromJSON[[]zicht.Item](items)
	return a, err
}

// Assessment returns the assessment with id, or CodeNotFound.
func (s *Store) Assessment(ctx context.Context, id zicht.AssessmentID) (*zicht.Assessment, error) {
	a, err := scanAssessment(s.db.QueryRowContext(ctx, `SELECT `+assessmentCols+` FROM assessments WHERE id = $1`, int64(id)))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, zicht.Errorf(zicht.CodeNotFound, "assessment %d not found", id)
	} else if err != nil {
		return nil, fmt.Errorf("query assessment %d: %w", id, err)
	}
	return &a, nil
}

// Assessments lists assessments matching f, oldest first.
func (s *Store) Assessments(ctx context.Context, f zicht.AssessmentFilter) ([]zicht.Assessment, error) {
	cols := assessmentCols
	if f.Brief {
		cols = briefAssessmentCols
	}
	rows, err := s.db.QueryContext(ctx, `SELECT `+cols+` FROM assessments
		WHERE ($1 = '' OR group_id = $1) AND ($2 = '' OR question = $2) AND ($3 = '' OR status = $3) ORDER BY id`,
		string(f.Group), string(f.Question), string(f.Status))
	if err != nil {
		return nil, fmt.Errorf("query assessments: %w", err)
	}
	defer rows.Close()
	var out []zicht.Assessment
	for rows.Next() {
		a, err := scanAssessment(rows)
		if err != nil {
			return nil, fmt.Errorf("scan assessment: %w", err)
		}
		out = append(out, a)
	}
	return out, rows.Err()
}

// ReplaceDraft stores a as the draft of its group, question and origin,
// deleting the earlier draft of the same origin (unless a later assessment
// names it as superseded). Approved assessments are never touched.
func (s *Store) ReplaceDraft(ctx context.Context, a zicht.Assessment) (zicht.Assessment, error) {
	a.Status = zicht.Draft
	if err := validAssessment(a); err != nil {
		return a, err
	}
	var out zicht.Assessment
	err := s.withTx(ctx, func(tx *sql.Tx) error {
		// Two replacements of the same draft wait for each other, so that
		// one draft remains, as in the SQLite store, whose writers queue.
		if _, err := tx.ExecContext(ctx, `SELECT pg_advisory_xact_lock(hashtext('zicht.draft'),
			hashtext(concat_ws('/', current_schema(), $1::text, $2::text, $3::text)))`,
			string(a.Group), string(a.Question), a.Origin); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM assessments a WHERE a.group_id = $1 AND a.question = $2
			AND a.origin = $3 AND a.status = 'draft'
			AND NOT EXISTS (SELECT 1 FROM assessments b WHERE b.supersedes = a.id)
			AND NOT EXISTS (SELECT 1 FROM publication_assessments pa WHERE pa.assessment = a.id)`,
			string(a.Group), string(a.Question), a.Origin); err != nil {
			return err
		}
		var err error
		out, err = insertAssessment(ctx, tx, a)
		return err
	})
	if err != nil {
		return a, fkError(err, "replace draft of %s %s", a.Group, a.Question)
	}
	return out, nil
}

// Approve marks draft id approved by reviewer at time at: CodeNotFound for
// an unknown id, CodeConflict when it is already approved, CodeInvalid
// without a reviewer and CodeForbidden when the reviewer is the author.
func (s *Store) Approve(ctx context.Context, id zicht.AssessmentID, reviewer string, at time.Time) error {
	if at.IsZero() {
		at = time.Now()
	}
	return s.withTx(ctx, func(tx *sql.Tx) error {
		var author, status string
		// FOR UPDATE: of two concurrent approvals, the second sees the first's result.
		err := tx.QueryRowContext(ctx, `SELECT author, status FROM assessments WHERE id = $1 FOR UPDATE`,
			int64(id)).Scan(&author, &status)
		if errors.Is(err, sql.ErrNoRows) {
			return zicht.Errorf(zicht.CodeNotFound, "assessment %d not found", id)
		} else if err != nil {
			return fmt.Errorf("query assessment %d: %w", id, err)
		}
		switch {
		case status == string(zicht.Approved):
			return zicht.Errorf(zicht.CodeConflict, "assessment %d is already approved", id)
		case reviewer == "":
			return zicht.Errorf(zicht.CodeInvalid, "approving assessment %d needs a reviewer", id)
		case reviewer == author:
			return zicht.Errorf(zicht.CodeForbidden, "%s cannot approve assessment %d: nobody approves their own assessment", reviewer, id)
		}
		if _, err := tx.ExecContext(ctx, `UPDATE assessments SET status = 'approved', reviewer = $1, approved_at = $2
			WHERE id = $3`, reviewer, timeArg(at), int64(id)); err != nil {
			return fmt.Errorf("approve assessment %d: %w", id, err)
		}
		return nil
	})
}

// AddPublication stores a frozen snapshot of approved assessments:
// CodeInvalid without a title, CodeNotFound for an unknown assessment and
// CodeConflict for one that is not approved.
func (s *Store) AddPublication(ctx context.Context, p zicht.Publication) (zicht.Publication, error) {
	if strings.TrimSpace(p.Title) == "" {
		return p, zicht.Errorf(zicht.CodeInvalid, "a publication needs a title")
	}
	err := s.withTx(ctx, func(tx *sql.Tx) error {
		if err := tx.QueryRowContext(ctx, `INSERT INTO publications (title, date, created_by) VALUES ($1, $2, $3)
			RETURNING id`, p.Title, timeArg(p.Date), p.CreatedBy).Scan(&p.ID); err != nil {
			return err
		}
		for _, id := range p.Assessments {
			var status string
			// FOR SHARE: the assessment cannot be deleted while it is being published.
			err := tx.QueryRowContext(ctx, `SELECT status FROM assessments WHERE id = $1 FOR SHARE`, int64(id)).Scan(&status)
			if errors.Is(err, sql.ErrNoRows) {
				return zicht.Errorf(zicht.CodeNotFound, "assessment %d not found", id)
			} else if err != nil {
				return err
			}
			if status != string(zicht.Approved) {
				return zicht.Errorf(zicht.CodeConflict, "assessment %d is not approved; only approved assessments are published", id)
			}
			if _, err := tx.ExecContext(ctx, `INSERT INTO publication_assessments (publication, assessment) VALUES ($1, $2)
				ON CONFLICT DO NOTHING`, p.ID, int64(id)); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		p.ID = 0
		return p, fkError(err, "add publication %q", p.Title)
	}
	return p, nil
}

// Publications lists publications oldest first with their assessments.
func (s *Store) Publications(ctx context.Context) ([]zicht.Publication, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT p.id, p.title, p.date, p.created_by,
		coalesce(json_agg(pa.assessment ORDER BY pa.assessment) FILTER (WHERE pa.assessment IS NOT NULL), '[]')
		FROM publications p LEFT JOIN publication_assessments pa ON pa.publication = p.id
		GROUP BY p.id ORDER BY p.id`)
	if err != nil {
		return nil, fmt.Errorf("query publications: %w", err)
	}
	defer rows.Close()
	var out []zicht.Publication
	for rows.Next() {
		var p zicht.Publication
		var date sql.NullTime
		var ids []byte
		if err := rows.Scan(&p.ID, &p.Title, &date, &p.CreatedBy, &ids); err != nil {
			return nil, fmt.Errorf("scan publication: %w", err)
		}
		p.Date = timeOf(date)
		var err error
		if p.Assessments, err = fromJSON[[]zicht.AssessmentID](ids); err != nil {
			return nil, fmt.Errorf("publication %d assessments: %w", p.ID, err)
		}
		out = append(out, p)
	}
	return out, rows.Err()
}

// ---- audit ----

// Audit appends e to the audit trail.
func (s *Store) Audit(ctx context.Context, e zicht.AuditEvent) error {
	if e.At.IsZero() {
		e.At = time.Now()
	}
	_, err := s.db.ExecContext(ctx, `INSERT INTO audit (at, actor, action, object, detail) VALUES ($1, $2, $3, $4, $5)`,
		timeArg(e.At), e.Actor, e.Action, e.Object, e.Detail)
	if err != nil {
		return fmt.Errorf("audit %s: %w", e.Action, err)
	}
	return nil
}

// AuditEvents lists the most recent events, newest first; at most limit, or
// 100 when limit is not positive.
func (s *Store) AuditEvents(ctx context.Context, limit int) ([]zicht.AuditEvent, error) {
	if limit <= 0 {
		limit = 100
	}
	rows, err := s.db.QueryContext(ctx, `SELECT id, at, actor, action, object, detail FROM audit ORDER BY id DESC LIMIT $1`, limit)
	if err != nil {
		return nil, fmt.Errorf("query audit: %w", err)
	}
	defer rows.Close()
	var out []zicht.AuditEvent
	for rows.Next() {
		var e zicht.AuditEvent
		var at sql.NullTime
		if err := rows.Scan(&e.ID, &at, &e.Actor, &e.Action, &e.Object, &e.Detail); err != nil {
			return nil, fmt.Errorf("scan audit event: %w", err)
		}
		e.At = timeOf(at)
		out = append(out, e)
	}
	return out, rows.Err()
}

// ---- checks ----

// Check verifies what the schema cannot: documents without originals,
// passages or signals whose offsets fall outside their document's text, and
// passages whose search column is empty although they have words. It returns
// a CodeConflict error listing the problems found.
func (s *Store) Check(ctx context.Context) error {
	checks := []struct{ what, query string }{
		{"documents without original", `SELECT count(*) FROM documents d
			WHERE NOT EXISTS (SELECT 1 FROM originals o WHERE o.hash = d.id)`},
		{"passages outside their document", `SELECT count(*) FROM passages p JOIN documents d ON d.id = p.doc
			WHERE p.start < 0 OR p."end" > octet_length(d.text) OR p.start > p."end"`},
		{"signals outside their document", `SELECT count(*) FROM signals s JOIN documents d ON d.id = s.doc
			WHERE s.start < 0 OR s."end" > octet_length(d.text) OR s.start > s."end"`},
		{"passages missing from the search index", `SELECT count(*) FROM passages
			WHERE search = '' AND text ~ '[[:alnum:]]'`},
	}
	var problems []string
	for _, c := range checks {
		var n int
		if err := s.db.QueryRowContext(ctx, c.query).Scan(&n); err != nil {
			return fmt.Errorf("check %s: %w", c.what, err)
		}
		if n != 0 {
			problems = append(problems, fmt.Sprintf("%d %s", n, c.what))
		}
	}
	if len(problems) > 0 {
		var schema string
		if err := s.db.QueryRowContext(ctx, `SELECT coalesce(current_schema(), '')`).Scan(&schema); err != nil {
			return fmt.Errorf("check: %w", err)
		}
		return zicht.Errorf(zicht.CodeConflict, "store in schema %q is inconsistent: %s", schema, strings.Join(problems, "; "))
	}
	return nil
}

// Counts returns the number of rows in the main tables, for reports and checks.
func (s *Store) Counts(ctx context.Context) (map[string]int, error) {
	out := map[string]int{}
	for _, t := range []string{"documents", "originals", "passages", "signals", "evidence", "decisions", "assessments", "publications", "audit"} {
		var n int
		if err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM `+t).Scan(&n); err != nil {
			return nil, fmt.Errorf("count %s: %w", t, err)
		}
		out[t] = n
	}
	return out, nil
}

// ---- review ----

// Decide records a review decision on a pending signal; an accept stores e
// as its evidence in the same transaction.
func (s *Store) Decide(ctx context.Context, d zicht.Decision, e *zicht.Evidence) (zicht.Decision, error) {
	if err := d.Validate(e); err != nil {
		return d, err
	}
	if d.At.IsZero() {
		d.At = time.Now()
	}
	err := s.withTx(ctx, func(tx *sql.Tx) error {
		var status string
		err := tx.QueryRowContext(ctx, `SELECT status FROM signals WHERE id = $1 FOR UPDATE`, int64(d.Signal)).Scan(&status)
		if errors.Is(err, sql.ErrNoRows) {
			return zicht.Errorf(zicht.CodeNotFound, "signal %d not found", d.Signal)
		} else if err != nil {
			return fmt.Errorf("query signal %d: %w", d.Signal, err)
		}
		if status != string(zicht.SignalPending) {
			return zicht.Errorf(zicht.CodeConflict, "signal %d was already %s; undo that decision first", d.Signal, status)
		}
		newStatus := zicht.SignalRejected
		var evidence any
		if d.Action == zicht.Accept {
			e.Signal = d.Signal
			if e.AddedBy == "" {
				e.AddedBy = d.By
			}
			saved, err := insertEvidence(ctx, tx, *e)
			if err != nil {
				return err
			}
			*e = saved
			d.Evidence = saved.ID
			evidence = int64(saved.ID)
			newStatus = zicht.SignalAccepted
		}
		if _, err := tx.ExecContext(ctx, `UPDATE signals SET status = $1 WHERE id = $2`, string(newStatus), int64(d.Signal)); err != nil {
			return fmt.Errorf("update signal %d: %w", d.Signal, err)
		}
		return tx.QueryRowContext(ctx, `INSERT INTO decisions (signal, action, reason, note, evidence, by_user, at)
			VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`, int64(d.Signal), d.Action, d.Reason, d.Note, evidence, d.By,
			timeArg(d.At)).Scan(&d.ID)
	})
	return d, err
}

// UndoDecision undoes the latest decision of by that is not undone yet.
func (s *Store) UndoDecision(ctx context.Context, by string) (zicht.Decision, error) {
	var d zicht.Decision
	err := s.withTx(ctx, func(tx *sql.Tx) error {
		var err error
		d, err = scanDecision(tx.QueryRowContext(ctx, `SELECT `+decisionCols+` FROM decisions
			WHERE by_user = $1 AND NOT undone ORDER BY id DESC LIMIT 1 FOR UPDATE`, by))
		if errors.Is(err, sql.ErrNoRows) {
			return zicht.Errorf(zicht.CodeNotFound, "%s has no decision to undo", by)
		} else if err != nil {
			return fmt.Errorf("query last decision of %s: %w", by, err)
		}
		if d.Evidence != 0 {
			var used int64
			err := tx.QueryRowContext(ctx, `SELECT id FROM assessments WHERE status = 'approved'
				AND items @> jsonb_build_array(jsonb_build_object('evidence', $1::bigint)) LIMIT 1`, int64(d.Evidence)).Scan(&used)
			if err == nil {
				return zicht.Errorf(zicht.CodeConflict, "evidence %d from this decision is part of approved assessment %d; it cannot be undone", d.Evidence, used)
			} else if !errors.Is(err, sql.ErrNoRows) {
				return fmt.Errorf("check evidence %d: %w", d.Evidence, err)
			}
			if _, err := tx.ExecContext(ctx, `DELETE FROM evidence WHERE id = $1`, int64(d.Evidence)); err != nil {
				return fmt.Errorf("remove evidence %d: %w", d.Evidence, err)
			}
		}
		if _, err := tx.ExecContext(ctx, `UPDATE signals SET status = 'pending' WHERE id = $1`, int64(d.Signal)); err != nil {
			return fmt.Errorf("reopen signal %d: %w", d.Signal, err)
		}
		if _, err := tx.ExecContext(ctx, `UPDATE decisions SET undone = true WHERE id = $1`, int64(d.ID)); err != nil {
			return fmt.Errorf("mark decision %d undone: %w", d.ID, err)
		}
		d.Undone = true
		return nil
	})
	return d, err
}

const decisionCols = `id, signal, action, reason, note, coalesce(evidence, 0), by_user, at, undone`

func scanDecision(sc scanner) (zicht.Decision, error) {
	var d zicht.Decision
	var at sql.NullTime
	err := sc.Scan(&d.ID, &d.Signal, &d.Action, &d.Reason, &d.Note, &d.Evidence, &d.By, &at, &d.Undone)
	d.At = timeOf(at)
	return d, err
}

// Decisions lists decisions, newest first.
func (s *Store) Decisions(ctx context.Context, f zicht.DecisionFilter) ([]zicht.Decision, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT `+decisionCols+` FROM decisions
		WHERE ($1 = 0 OR signal = $1) AND ($2 = '' OR by_user = $2) ORDER BY id DESC LIMIT $3`,
		int64(f.Signal), f.By, limitArg(f.Limit))
	if err != nil {
		return nil, fmt.Errorf("query decisions: %w", err)
	}
	defer rows.Close()
	var out []zicht.Decision
	for rows.Next() {
		d, err := scanDecision(rows)
		if err != nil {
			return nil, fmt.Errorf("scan decision: %w", err)
		}
		out = append(out, d)
	}
	return out, rows.Err()
}

// SetRecommendationStatus changes the status of recommendation id.
func (s *Store) SetRecommendationStatus(ctx context.Context, id int64, status string) error {
	if !slices.Contains(zicht.RecommendationStatuses, status) {
		return zicht.Errorf(zicht.CodeInvalid, "unknown recommendation status %q (want one of %s)", status, strings.Join(zicht.RecommendationStatuses, ", "))
	}
	res, err := s.db.ExecContext(ctx, `UPDATE recommendations SET status = $1 WHERE id = $2`, status, id)
	if err != nil {
		return fmt.Errorf("set status of recommendation %d: %w", id, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return zicht.Errorf(zicht.CodeNotFound, "recommendation %d not found", id)
	}
	return nil
}

// ---- users ----

// PutUser creates or updates a user; an empty hash keeps the current one.
func (s *Store) PutUser(ctx context.Context, u zicht.User, passwordHash string) error {
	if err := u.Validate(); err != nil {
		return err
	}
	if u.CreatedAt.IsZero() {
		u.CreatedAt = time.Now()
	}
	return s.withTx(ctx, func(tx *sql.Tx) error {
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM users WHERE name = $1`, u.Name).Scan(&n); err != nil {
			return err
		}
		switch {
		case n == 0 && passwordHash == "":
			return zicht.Errorf(zicht.CodeInvalid, "new user %s needs a password", u.Name)
		case n == 0:
			_, err := tx.ExecContext(ctx, `INSERT INTO users (name, role, password_hash, created_at) VALUES ($1, $2, $3, $4)
				ON CONFLICT (name) DO UPDATE SET role = excluded.role, password_hash = excluded.password_hash`,
				u.Name, string(u.Role), passwordHash, timeArg(u.CreatedAt))
			return err
		case passwordHash == "":
			_, err := tx.ExecContext(ctx, `UPDATE users SET role = $1 WHERE name = $2`, string(u.Role), u.Name)
			return err
		default:
			_, err := tx.ExecContext(ctx, `UPDATE users SET role = $1, password_hash = $2 WHERE name = $3`, string(u.Role), passwordHash, u.Name)
			return err
		}
	})
}

// UserByName returns the user called name and its password hash.
func (s *Store) UserByName(ctx context.Context, name string) (zicht.User, string, error) {
	var u zicht.User
	var hash string
	var created sql.NullTime
	err := s.db.QueryRowContext(ctx, `SELECT name, role, password_hash, created_at FROM users WHERE name = $1`, name).
		Scan(&u.Name, &u.Role, &hash, &created)
	if errors.Is(err, sql.ErrNoRows) {
		return u, "", zicht.Errorf(zicht.CodeNotFound, "user %q not found", name)
	} else if err != nil {
		return u, "", fmt.Errorf("query user %s: %w", name, err)
	}
	u.CreatedAt = timeOf(created)
	return u, hash, nil
}

// Users lists all users by name.
func (s *Store) Users(ctx context.Context) ([]zicht.User, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT name, role, created_at FROM users ORDER BY name`)
	if err != nil {
		return nil, fmt.Errorf("query users: %w", err)
	}
	defer rows.Close()
	var out []zicht.User
	for rows.Next() {
		var u zicht.User
		var created sql.NullTime
		if err := rows.Scan(&u.Name, &u.Role, &created); err != nil {
			return nil, err
		}
		u.CreatedAt = timeOf(created)
		out = append(out, u)
	}
	return out, rows.Err()
}

// AddToken stores a session or API token.
func (s *Store) AddToken(ctx context.Context, t zicht.Token) error {
	if len(t.Hash) != 64 {
		return zicht.Errorf(zicht.CodeInvalid, "a token is stored as its hex SHA-256")
	}
	if t.Kind != zicht.TokenSession && t.Kind != zicht.TokenAPI {
		return zicht.Errorf(zicht.CodeInvalid, "unknown token kind %q", t.Kind)
	}
	if t.CreatedAt.IsZero() {
		t.CreatedAt = time.Now()
	}
	_, err := s.db.ExecContext(ctx, `INSERT INTO tokens (hash, user_name, kind, name, created_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6)`,
		t.Hash, t.User, t.Kind, t.Name, timeArg(t.CreatedAt), timeArg(t.ExpiresAt))
	if err != nil {
		return fkError(err, "add token for %s", t.User)
	}
	return nil
}

// TokenUser returns the user of an unexpired token.
func (s *Store) TokenUser(ctx context.Context, hash string, now time.Time) (zicht.User, zicht.Token, error) {
	var u zicht.User
	var t zicht.Token
	var created, expires, ucreated sql.NullTime
	err := s.db.QueryRowContext(ctx, `SELECT t.hash, t.user_name, t.kind, t.name, t.created_at, t.expires_at, u.role, u.created_at
		FROM tokens t JOIN users u ON u.name = t.user_name WHERE t.hash = $1`, hash).
		Scan(&t.Hash, &t.User, &t.Kind, &t.Name, &created, &expires, &u.Role, &ucreated)
	if errors.Is(err, sql.ErrNoRows) {
		return u, t, zicht.Errorf(zicht.CodeNotFound, "unknown or expired token")
	} else if err != nil {
		return u, t, fmt.Errorf("query token: %w", err)
	}
	t.CreatedAt, t.ExpiresAt = timeOf(created), timeOf(expires)
	if !t.ExpiresAt.IsZero() && !now.Before(t.ExpiresAt) {
		return u, t, zicht.Errorf(zicht.CodeNotFound, "unknown or expired token")
	}
	u.Name, u.CreatedAt = t.User, timeOf(ucreated)
	return u, t, nil
}

// DeleteToken removes a token; removing an unknown one is no error.
func (s *Store) DeleteToken(ctx context.Context, hash string) error {
	if _, err := s.db.ExecContext(ctx, `DELETE FROM tokens WHERE hash = $1`, hash); err != nil {
		return fmt.Errorf("delete token: %w", err)
	}
	return nil
}

// Tokens lists a user's API tokens, newest first.
func (s *Store) Tokens(ctx context.Context, user string) ([]zicht.Token, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT hash, user_name, kind, name, created_at, expires_at FROM tokens
		WHERE user_name = $1 AND kind = 'api' ORDER BY created_at DESC`, user)
	if err != nil {
		return nil, fmt.Errorf("query tokens: %w", err)
	}
	defer rows.Close()
	var out []zicht.Token
	for rows.Next() {
		var t zicht.Token
		var created, expires sql.NullTime
		if err := rows.Scan(&t.Hash, &t.User, &t.Kind, &t.Name, &created, &expires); err != nil {
			return nil, err
		}
		t.CreatedAt, t.ExpiresAt = timeOf(created), timeOf(expires)
		out = append(out, t)
	}
	return out, rows.Err()
}
