// Package sqlite is the embedded store: SQLite through a pure-Go driver (no
// cgo), in WAL mode with foreign keys on, versioned migrations applied on
// open, and FTS5 full-text search over passages.
package sqlite

import (
	"context"
	"database/sql"
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/zicht-project/zicht"
	_ "modernc.org/sqlite" // registers the "sqlite" driver
)

//go:embed migrations/*.sql
var migrations embed.FS

// FileName is the database file inside a data directory.
const FileName = "zicht.db"

// Store is the SQLite implementation of zicht.Store.
type Store struct {
	db   *sql.DB
	path string
}

var _ zicht.Store = (*Store)(nil)

// Open opens (creating if needed) the database at path and migrates it to
// the newest schema.
func Open(ctx context.Context, path string) (*Store, error) {
	q := url.Values{}
	for _, p := range []string{"journal_mode(WAL)", "foreign_keys(1)", "busy_timeout(10000)", "synchronous(FULL)"} {
		q.Add("_pragma", p)
	}
	q.Set("_txlock", "immediate") // take the write lock at BEGIN: no upgrade deadlocks
	dsn := "file:" + filepath.ToSlash(path) + "?" + q.Encode()
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	// Keep connections open: opening one runs the pragmas above, which costs
	// far more than a query, and database/sql keeps only two idle by default.
	conns := max(4, 2*runtime.GOMAXPROCS(0))
	db.SetMaxOpenConns(conns)
	db.SetMaxIdleConns(conns)
	s := &Store{db: db, path: path}
	if err := s.migrate(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	return s, nil
}

// Path is the database file.
func (s *Store) Path() string { return s.path }

// Close closes the database.
func (s *Store) Close() error { return s.db.Close() }

// migrate applies, in order and each in its own transaction, every embedded
// migration not yet recorded in schema_migrations.
func (s *Store) migrate(ctx context.Context) error {
	if _, err := s.db.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
		version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`); err != nil {
		return fmt.Errorf("create schema_migrations: %w", err)
	}
	names, err := fs.Glob(migrations, "migrations/*.sql")
	if err != nil {
		return err
	}
	sort.Strings(names)
	for _, name := range names {
		base := filepath.Base(name)
		version, err := strconv.Atoi(strings.SplitN(base, "_", 2)[0])
		if err != nil {
			return fmt.Errorf("migration %s: name must start with a number", base)
		}
		body, err := migrations.ReadFile(name)
		if err != nil {
			return err
		}
		err = s.withTx(ctx, func(tx *sql.Tx) error {
			var n int
			if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM schema_migrations WHERE version = ?`, version).Scan(&n); err != nil {
				return err
			}
			if n > 0 {
				return nil
			}
			if _, err := tx.ExecContext(ctx, string(body)); err != nil {
				return err
			}
			_, err := tx.ExecContext(ctx, `INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)`,
				version, base, now())
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

func now() string { return formatTime(time.Now()) }

func formatTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.RFC3339Nano)
}

func parseTime(s string) time.Time {
	if s == "" {
		return time.Time{}
	}
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		return time.Time{}
	}
	return t
}

func toJSON(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		panic(fmt.Sprintf("marshal %T: %v", v, err)) // only plain domain values reach here
	}
	return string(b)
}

func fromJSON[T any](s string) (T, error) {
	var v T
	if s == "" {
		return v, nil
	}
	err := json.Unmarshal([]byte(s), &v)
	return v, err
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// ---- groups ----

// PutGroup inserts or replaces a group.
func (s *Store) PutGroup(ctx context.Context, g zicht.Group) error {
	if g.ID == "" || g.ID == zicht.GroupOther {
		return zicht.Errorf(zicht.CodeInvalid, "invalid group id %q", g.ID)
	}
	if g.Status == "" {
		g.Status = zicht.GroupActive
	}
	_, err := s.db.ExecContext(ctx, `INSERT INTO groups (id, name_nl, name_en, desc_nl, desc_en, status, terms, ord)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (id) DO UPDATE SET name_nl=excluded.name_nl, name_en=excluded.name_en, desc_nl=excluded.desc_nl,
		desc_en=excluded.desc_en, status=excluded.status, terms=excluded.terms, ord=excluded.ord`,
		g.ID, g.Name.NL, g.Name.EN, g.Description.NL, g.Description.EN, g.Status, toJSON(nonNilTerms(g.Terms)), g.Order)
	if err != nil {
		return fmt.Errorf("put group %s: %w", g.ID, err)
	}
	return nil
}

func nonNilTerms(t []zicht.Term) []zicht.Term {
	if t == nil {
		return []zicht.Term{}
	}
	return t
}

const groupCols = `id, name_nl, name_en, desc_nl, desc_en, status, terms, ord`

func scanGroup(sc interface{ Scan(...any) error }) (zicht.Group, error) {
	var g zicht.Group
	var terms string
	if err := sc.Scan(&g.ID, &g.Name.NL, &g.Name.EN, &g.Description.NL, &g.Description.EN, &g.Status, &terms, &g.Order); err != nil {
		return g, err
	}
	var err error
	g.Terms, err = fromJSON[[]zicht.Term](terms)
	return g, err
}

// Group returns the group with id, or CodeNotFound.
func (s *Store) Group(ctx context.Context, id zicht.GroupID) (*zicht.Group, error) {
	g, err := scanGroup(s.db.QueryRowContext(ctx, `SELECT `+groupCols+` FROM groups WHERE id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, zicht.Errorf(zicht.CodeNotFound, "group %q not found", id)
	} else if err != nil {
		return nil, fmt.Errorf("query group %s: %w", id, err)
	}
	return &g, nil
}

// Groups lists all groups in overview order.
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

// PutRiskFactor inserts or replaces a risk factor.
func (s *Store) PutRiskFactor(ctx context.Context, rf zicht.RiskFactor) error {
	if rf.ID == "" {
		return zicht.Errorf(zicht.CodeInvalid, "risk factor without id")
	}
	_, err := s.db.ExecContext(ctx, `INSERT INTO risk_factors (id, name_nl, name_en, terms) VALUES (?, ?, ?, ?)
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
		var terms string
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

// AddRecommendation stores r and returns it with its id.
func (s *Store) AddRecommendation(ctx context.Context, r zicht.Recommendation) (zicht.Recommendation, error) {
	if r.Status == "" {
		r.Status = "open"
	}
	res, err := s.db.ExecContext(ctx, `INSERT INTO recommendations (group_id, text_nl, text_en, audience, status, origin)
		VALUES (?, ?, ?, ?, ?, ?)`, r.Group, r.Text.NL, r.Text.EN, r.Audience, r.Status, r.Origin)
	if err != nil {
		return r, fkError(err, "add recommendation for group %q", r.Group)
	}
	r.ID, err = res.LastInsertId()
	return r, err
}

// Recommendations lists a group's recommendations, or all when g is empty.
func (s *Store) Recommendations(ctx context.Context, g zicht.GroupID) ([]zicht.Recommendation, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id, group_id, text_nl, text_en, audience, status, origin
		FROM recommendations WHERE ? = '' OR group_id = ? ORDER BY id`, g, g)
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

// fkError turns a foreign-key violation into CodeNotFound and wraps anything else.
func fkError(err error, format string, args ...any) error {
	msg := fmt.Sprintf(format, args...)
	if strings.Contains(err.Error(), "FOREIGN KEY constraint failed") {
		return zicht.Errorf(zicht.CodeNotFound, "%s: it refers to something that does not exist", msg)
	}
	return fmt.Errorf("%s: %w", msg, err)
}

// ---- documents ----

// AddDocument stores a document, its original, passages and signals in one
// transaction; it returns false and changes nothing when the id is known.
func (s *Store) AddDocument(ctx context.Context, in zicht.Ingested) (bool, error) {
	d := in.Document
	if d.ID == "" {
		return false, zicht.Errorf(zicht.CodeInvalid, "document without id")
	}
	if d.AddedAt.IsZero() {
		d.AddedAt = time.Now()
	}
	added := false
	err := s.withTx(ctx, func(tx *sql.Tx) error {
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM documents WHERE id = ?`, d.ID).Scan(&n); err != nil {
			return err
		}
		if n > 0 {
			return nil
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO originals (hash, bytes) VALUES (?, ?) ON CONFLICT (hash) DO NOTHING`,
			d.ID, in.Original); err != nil {
			return fmt.Errorf("insert original: %w", err)
		}
		if d.Repairs == nil {
			d.Repairs = []zicht.Repair{}
		}
		if d.Meta == nil {
			d.Meta = map[string]string{}
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO documents (id, canonical, source, kind, format, lang, title, date,
			size, text, repairs, meta, added_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			d.ID, d.Canonical, d.Source, d.Kind, d.Format, d.Lang, d.Title, formatTime(d.Date), d.Size, d.Text,
			toJSON(d.Repairs), toJSON(d.Meta), formatTime(d.AddedAt)); err != nil {
			return fmt.Errorf("insert document: %w", err)
		}
		for _, p := range in.Passages {
			if _, err := tx.ExecContext(ctx, `INSERT INTO passages (doc, start, "end", text, section) VALUES (?, ?, ?, ?, ?)`,
				d.ID, p.Start, p.End, p.Text, p.Section); err != nil {
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
		return false, fmt.Errorf("add document %s: %w", d.ID.Short(), err)
	}
	return added, nil
}

func insertSignals(ctx context.Context, tx *sql.Tx, doc zicht.DocumentID, signals []zicht.Signal) error {
	stmt, err := tx.PrepareContext(ctx, `INSERT INTO signals (doc, start, "end", text, group_id, population, question,
		polarity, level, evidence_type, risk_factors, terms, triggers, score, detector, status)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
	if err != nil {
		return fmt.Errorf("prepare signal insert: %w", err)
	}
	defer stmt.Close()
	for _, sg := range signals {
		if sg.EvidenceType == "" {
			sg.EvidenceType = zicht.EvidenceNone
		}
		if sg.Status == "" {
			sg.Status = zicht.SignalPending
		}
		if _, err := stmt.ExecContext(ctx, doc, sg.Start, sg.End, sg.Text, sg.Group, sg.Population, sg.Question,
			sg.Polarity, sg.Level, sg.EvidenceType, toJSON(nonNil(sg.RiskFactors)), toJSON(nonNil(sg.Terms)),
			toJSON(nonNil(sg.Triggers)), sg.Score, sg.Detector, sg.Status); err != nil {
			return fmt.Errorf("insert signal: %w", err)
		}
	}
	return nil
}

// HasDocument reports whether a document with id is stored.
func (s *Store) HasDocument(ctx context.Context, id zicht.DocumentID) (bool, error) {
	var n int
	if err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM documents WHERE id = ?`, id).Scan(&n); err != nil {
		return false, fmt.Errorf("query document %s: %w", id.Short(), err)
	}
	return n > 0, nil
}

const docCols = `id, canonical, source, kind, format, lang, title, date, size, repairs, meta, added_at`

func scanDocument(sc interface{ Scan(...any) error }, extra ...any) (zicht.Document, error) {
	var d zicht.Document
	var date, repairs, meta, added string
	dest := append([]any{&d.ID, &d.Canonical, &d.Source, &d.Kind, &d.Format, &d.Lang, &d.Title, &date, &d.Size,
		&repairs, &meta, &added}, extra...)
	if err := sc.Scan(dest...); err != nil {
		return d, err
	}
	d.Date, d.AddedAt = parseTime(date), parseTime(added)
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
	d, err := scanDocument(s.db.QueryRowContext(ctx, `SELECT `+docCols+`, text FROM documents WHERE id = ?`, id), &text)
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
	err := s.db.QueryRowContext(ctx, `SELECT bytes FROM originals WHERE hash = ?`, id).Scan(&b)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, zicht.Errorf(zicht.CodeNotFound, "original of document %s not found", id.Short())
	} else if err != nil {
		return nil, fmt.Errorf("query original %s: %w", id.Short(), err)
	}
	return b, nil
}

// Documents lists documents newest first, without their text.
func (s *Store) Documents(ctx context.Context, f zicht.DocumentFilter) ([]zicht.Document, error) {
	limit := f.Limit
	if limit <= 0 {
		limit = -1
	}
	rows, err := s.db.QueryContext(ctx, `SELECT `+docCols+` FROM documents
		WHERE (? = '' OR lang = ?) AND (? = '' OR kind = ?) ORDER BY added_at DESC, id LIMIT ?`,
		f.Lang, f.Lang, f.Kind, f.Kind, limit)
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
	rows, err := s.db.QueryContext(ctx, `SELECT id, doc, start, "end", text, section FROM passages WHERE doc = ? ORDER BY start`, doc)
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

// ftsQuery turns the user's words into an FTS5 query: every word must occur,
// a trailing * matches a prefix, and nothing the user types is FTS syntax.
func ftsQuery(q string) string {
	var parts []string
	for _, w := range strings.Fields(q) {
		prefix := strings.HasSuffix(w, "*")
		w = strings.Map(func(r rune) rune {
			if unicode.IsLetter(r) || unicode.IsDigit(r) {
				return r
			}
			return ' '
		}, w)
		for _, t := range strings.Fields(w) {
			parts = append(parts, `"`+t+`"`)
		}
		if prefix && len(parts) > 0 {
			parts[len(parts)-1] += "*"
		}
	}
	return strings.Join(parts, " ")
}

// Search finds passages containing all words of query.
func (s *Store) Search(ctx context.Context, query string, limit int) ([]zicht.SearchHit, error) {
	fq := ftsQuery(query)
	if fq == "" {
		return nil, zicht.Errorf(zicht.CodeInvalid, "search query %q has no words", query)
	}
	if limit <= 0 {
		limit = 50
	}
	rows, err := s.db.QueryContext(ctx, `SELECT p.id, p.doc, p.start, p."end", p.text, p.section, d.title,
		snippet(passages_fts, 0, '[', ']', '…', 16)
		FROM passages_fts JOIN passages p ON p.id = passages_fts.rowid JOIN documents d ON d.id = p.doc
		WHERE passages_fts MATCH ? ORDER BY rank LIMIT ?`, fq, limit)
	if err != nil {
		return nil, fmt.Errorf("search %q: %w", query, err)
	}
	defer rows.Close()
	var out []zicht.SearchHit
	for rows.Next() {
		var h zicht.SearchHit
		p := &h.Passage
		if err := rows.Scan(&p.ID, &p.Doc, &p.Start, &p.End, &p.Text, &p.Section, &h.Title, &h.Snippet); err != nil {
			return nil, fmt.Errorf("scan search hit: %w", err)
		}
		out = append(out, h)
	}
	return out, rows.Err()
}

// ---- signals ----

const signalCols = `id, doc, start, "end", text, group_id, population, question, polarity, level, evidence_type,
	risk_factors, terms, triggers, score, detector, status`

func scanSignal(sc interface{ Scan(...any) error }) (zicht.Signal, error) {
	var sg zicht.Signal
	var rfs, terms, triggers string
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
	limit := f.Limit
	if limit <= 0 {
		limit = -1
	}
	rows, err := s.db.QueryContext(ctx, `SELECT `+signalCols+` FROM signals
		WHERE (? = '' OR doc = ?) AND (? = '' OR group_id = ?) AND (? = '' OR question = ?) AND (? = '' OR status = ?)
		ORDER BY score DESC, id LIMIT ?`,
		f.Doc, f.Doc, f.Group, f.Group, f.Question, f.Question, f.Status, f.Status, limit)
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
	sg, err := scanSignal(s.db.QueryRowContext(ctx, `SELECT `+signalCols+` FROM signals WHERE id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, zicht.Errorf(zicht.CodeNotFound, "signal %d not found", id)
	} else if err != nil {
		return nil, fmt.Errorf("query signal %d: %w", id, err)
	}
	return &sg, nil
}

// ReplaceSignals swaps the pending signals of doc for signals; reviewed ones stay.
func (s *Store) ReplaceSignals(ctx context.Context, doc zicht.DocumentID, signals []zicht.Signal) error {
	return s.withTx(ctx, func(tx *sql.Tx) error {
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM documents WHERE id = ?`, doc).Scan(&n); err != nil {
			return err
		}
		if n == 0 {
			return zicht.Errorf(zicht.CodeNotFound, "document %s not found", doc.Short())
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM signals WHERE doc = ? AND status = 'pending'
			AND id NOT IN (SELECT signal FROM evidence WHERE signal IS NOT NULL)`, doc); err != nil {
			return fmt.Errorf("delete signals of %s: %w", doc.Short(), err)
		}
		return insertSignals(ctx, tx, doc, signals)
	})
}

// SetSignalStatus records a review decision on signal id.
func (s *Store) SetSignalStatus(ctx context.Context, id zicht.SignalID, st zicht.SignalStatus) error {
	switch st {
	case zicht.SignalPending, zicht.SignalAccepted, zicht.SignalRejected:
	default:
		return zicht.Errorf(zicht.CodeInvalid, "unknown signal status %q", st)
	}
	res, err := s.db.ExecContext(ctx, `UPDATE signals SET status = ? WHERE id = ?`, st, id)
	if err != nil {
		return fmt.Errorf("set status of signal %d: %w", id, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return zicht.Errorf(zicht.CodeNotFound, "signal %d not found", id)
	}
	return nil
}

// SignalCounts counts signals per group and question.
func (s *Store) SignalCounts(ctx context.Context) ([]zicht.SignalCount, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT group_id, question, count(*),
		sum(status = 'pending'), sum(status = 'accepted') FROM signals GROUP BY group_id, question ORDER BY group_id, question`)
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

// AddEvidence stores e and returns it with its id.
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
		signal = e.Signal
	}
	if e.Doc != "" {
		doc = e.Doc
	}
	res, err := tx.ExecContext(ctx, `INSERT INTO evidence (signal, doc, group_id, question, polarity, level, type, text,
		citation, case_key, date, added_by, added_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		signal, doc, e.Group, e.Question, e.Polarity, e.Level, e.Type, e.Text, e.Citation, e.CaseKey,
		formatTime(e.Date), e.AddedBy, formatTime(e.AddedAt))
	if err != nil {
		return e, fkError(err, "add evidence for %s %s", e.Group, e.Question)
	}
	id, err := res.LastInsertId()
	e.ID = zicht.EvidenceID(id)
	return e, err
}

// Evidence lists evidence matching f, oldest first.
func (s *Store) Evidence(ctx context.Context, f zicht.EvidenceFilter) ([]zicht.Evidence, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id, coalesce(signal, 0), coalesce(doc, ''), group_id, question, polarity,
		level, type, text, citation, case_key, date, added_by, added_at FROM evidence
		WHERE (? = '' OR group_id = ?) AND (? = '' OR question = ?) ORDER BY id`,
		f.Group, f.Group, f.Question, f.Question)
	if err != nil {
		return nil, fmt.Errorf("query evidence: %w", err)
	}
	defer rows.Close()
	var out []zicht.Evidence
	for rows.Next() {
		var e zicht.Evidence
		var date, added string
		if err := rows.Scan(&e.ID, &e.Signal, &e.Doc, &e.Group, &e.Question, &e.Polarity, &e.Level, &e.Type, &e.Text,
			&e.Citation, &e.CaseKey, &date, &e.AddedBy, &added); err != nil {
			return nil, fmt.Errorf("scan evidence: %w", err)
		}
		e.Date, e.AddedAt = parseTime(date), parseTime(added)
		out = append(out, e)
	}
	return out, rows.Err()
}

// ---- assessments ----

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
		supersedes = a.Supersedes
	}
	items := a.Items
	if items == nil {
		items = []zicht.Item{}
	}
	res, err := tx.ExecContext(ctx, `INSERT INTO assessments (group_id, question, suggested, final, confidence, summary_nl,
		summary_en, rationale, items, method, origin, author, reviewer, status, supersedes, created_at, approved_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		a.Group, a.Question, a.Suggested, a.Final, a.Confidence, a.Summary.NL, a.Summary.EN, a.Rationale, toJSON(items),
		a.Method, a.Origin, a.Author, a.Reviewer, a.Status, supersedes, formatTime(a.CreatedAt), formatTime(a.ApprovedAt))
	if err != nil {
		return a, err
	}
	id, err := res.LastInsertId()
	a.ID = zicht.AssessmentID(id)
	return a, err
}

// AddAssessment stores a new assessment and returns it with its id.
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
const briefAssessmentCols = `id, group_id, question, suggested, final, confidence, summary_nl, summary_en, rationale, '[]',
	method, origin, author, reviewer, status, coalesce(supersedes, 0), created_at, approved_at`

func scanAssessment(sc interface{ Scan(...any) error }) (zicht.Assessment, error) {
	var a zicht.Assessment
	var items, created, approved string
	if err := sc.Scan(&a.ID, &a.Group, &a.Question, &a.Suggested, &a.Final, &a.Confidence, &a.Summary.NL, &a.Summary.EN,
		&a.Rationale, &items, &a.Method, &a.Origin, &a.Author, &a.Reviewer, &a.Status, &a.Supersedes, &created, &approved); err != nil {
		return a, err
	}
	a.CreatedAt, a.ApprovedAt = parseTime(created), parseTime(approved)
	var err error
	a.Items, err = fromJSON[[]zicht.Item](items)
	return a, err
}

// Assessment returns the assessment with id, or CodeNotFound.
func (s *Store) Assessment(ctx context.Context, id zicht.AssessmentID) (*zicht.Assessment, error) {
	a, err := scanAssessment(s.db.QueryRowContext(ctx, `SELECT `+assessmentCols+` FROM assessments WHERE id = ?`, id))
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
		WHERE (? = '' OR group_id = ?) AND (? = '' OR question = ?) AND (? = '' OR status = ?) ORDER BY id`,
		f.Group, f.Group, f.Question, f.Question, f.Status, f.Status)
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
// deleting the earlier draft of the same origin.
func (s *Store) ReplaceDraft(ctx context.Context, a zicht.Assessment) (zicht.Assessment, error) {
	a.Status = zicht.Draft
	if err := validAssessment(a); err != nil {
		return a, err
	}
	var out zicht.Assessment
	err := s.withTx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `DELETE FROM assessments WHERE group_id = ? AND question = ? AND origin = ?
			AND status = 'draft' AND id NOT IN (SELECT supersedes FROM assessments WHERE supersedes IS NOT NULL)`,
			a.Group, a.Question, a.Origin); err != nil {
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

// Approve marks draft id approved by reviewer.
func (s *Store) Approve(ctx context.Context, id zicht.AssessmentID, reviewer string, at time.Time) error {
	return s.withTx(ctx, func(tx *sql.Tx) error {
		var author, status string
		err := tx.QueryRowContext(ctx, `SELECT author, status FROM assessments WHERE id = ?`, id).Scan(&author, &status)
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
		_, err = tx.ExecContext(ctx, `UPDATE assessments SET status = 'approved', reviewer = ?, approved_at = ? WHERE id = ?`,
			reviewer, formatTime(at), id)
		return err
	})
}

// AddPublication stores a frozen snapshot of approved assessments.
func (s *Store) AddPublication(ctx context.Context, p zicht.Publication) (zicht.Publication, error) {
	if strings.TrimSpace(p.Title) == "" {
		return p, zicht.Errorf(zicht.CodeInvalid, "a publication needs a title")
	}
	err := s.withTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `INSERT INTO publications (title, date, created_by) VALUES (?, ?, ?)`,
			p.Title, formatTime(p.Date), p.CreatedBy)
		if err != nil {
			return err
		}
		if p.ID, err = res.LastInsertId(); err != nil {
			return err
		}
		for _, id := range p.Assessments {
			var status string
			err := tx.QueryRowContext(ctx, `SELECT status FROM assessments WHERE id = ?`, id).Scan(&status)
			if errors.Is(err, sql.ErrNoRows) {
				return zicht.Errorf(zicht.CodeNotFound, "assessment %d not found", id)
			} else if err != nil {
				return err
			}
			if status != string(zicht.Approved) {
				return zicht.Errorf(zicht.CodeConflict, "assessment %d is not approved; only approved assessments are published", id)
			}
			if _, err := tx.ExecContext(ctx, `INSERT INTO publication_assessments (publication, assessment) VALUES (?, ?)`,
				p.ID, id); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		if zicht.ErrorCode(err) != zicht.CodeInternal {
			return p, err
		}
		return p, fmt.Errorf("add publication %q: %w", p.Title, err)
	}
	return p, nil
}

// Publications lists publications oldest first with their assessments.
func (s *Store) Publications(ctx context.Context) ([]zicht.Publication, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id, title, date, created_by FROM publications ORDER BY id`)
	if err != nil {
		return nil, fmt.Errorf("query publications: %w", err)
	}
	var out []zicht.Publication
	for rows.Next() {
		var p zicht.Publication
		var date string
		if err := rows.Scan(&p.ID, &p.Title, &date, &p.CreatedBy); err != nil {
			rows.Close()
			return nil, fmt.Errorf("scan publication: %w", err)
		}
		p.Date = parseTime(date)
		out = append(out, p)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	for i := range out {
		ids, err := s.db.QueryContext(ctx, `SELECT assessment FROM publication_assessments WHERE publication = ? ORDER BY assessment`, out[i].ID)
		if err != nil {
			return nil, fmt.Errorf("query publication %d: %w", out[i].ID, err)
		}
		for ids.Next() {
			var id zicht.AssessmentID
			if err := ids.Scan(&id); err != nil {
				ids.Close()
				return nil, err
			}
			out[i].Assessments = append(out[i].Assessments, id)
		}
		ids.Close()
	}
	return out, nil
}

// ---- audit ----

// Audit appends e to the audit trail.
func (s *Store) Audit(ctx context.Context, e zicht.AuditEvent) error {
	if e.At.IsZero() {
		e.At = time.Now()
	}
	_, err := s.db.ExecContext(ctx, `INSERT INTO audit (at, actor, action, object, detail) VALUES (?, ?, ?, ?, ?)`,
		formatTime(e.At), e.Actor, e.Action, e.Object, e.Detail)
	if err != nil {
		return fmt.Errorf("audit %s: %w", e.Action, err)
	}
	return nil
}

// AuditEvents lists the most recent events, newest first.
func (s *Store) AuditEvents(ctx context.Context, limit int) ([]zicht.AuditEvent, error) {
	if limit <= 0 {
		limit = 100
	}
	rows, err := s.db.QueryContext(ctx, `SELECT id, at, actor, action, object, detail FROM audit ORDER BY id DESC LIMIT ?`, limit)
	if err != nil {
		return nil, fmt.Errorf("query audit: %w", err)
	}
	defer rows.Close()
	var out []zicht.AuditEvent
	for rows.Next() {
		var e zicht.AuditEvent
		var at string
		if err := rows.Scan(&e.ID, &at, &e.Actor, &e.Action, &e.Object, &e.Detail); err != nil {
			return nil, fmt.Errorf("scan audit event: %w", err)
		}
		e.At = parseTime(at)
		out = append(out, e)
	}
	return out, rows.Err()
}

// Check verifies the database file and its references: SQLite's integrity
// check, foreign keys, documents without originals, and passages or signals
// whose offsets fall outside their document's text. It returns a
// CodeConflict error listing the first problems found.
func (s *Store) Check(ctx context.Context) error {
	var problems []string
	rows, err := s.db.QueryContext(ctx, `PRAGMA integrity_check`)
	if err != nil {
		return fmt.Errorf("integrity check: %w", err)
	}
	for rows.Next() {
		var msg string
		if err := rows.Scan(&msg); err != nil {
			rows.Close()
			return err
		}
		if msg != "ok" {
			problems = append(problems, "integrity: "+msg)
		}
	}
	rows.Close()
	checks := []struct{ what, query string }{
		{"foreign key violations", `SELECT count(*) FROM pragma_foreign_key_check`},
		{"documents without original", `SELECT count(*) FROM documents d LEFT JOIN originals o ON o.hash = d.id WHERE o.hash IS NULL`},
		{"passages outside their document", `SELECT count(*) FROM passages p JOIN documents d ON d.id = p.doc
			WHERE p.start < 0 OR p."end" > length(CAST(d.text AS BLOB)) OR p.start > p."end"`},
		{"signals outside their document", `SELECT count(*) FROM signals s JOIN documents d ON d.id = s.doc
			WHERE s.start < 0 OR s."end" > length(CAST(d.text AS BLOB)) OR s.start > s."end"`},
		{"full-text index out of step", `SELECT (SELECT count(*) FROM passages) - (SELECT count(*) FROM passages_fts)`},
	}
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
		return zicht.Errorf(zicht.CodeConflict, "store %s is inconsistent: %s", s.path, strings.Join(problems, "; "))
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

// Backup writes a consistent copy of the database to path (which must not
// exist) while the store stays in use: SQLite's VACUUM INTO reads one
// snapshot, so concurrent writers neither block nor tear the copy. The copy
// is then checked before Backup returns.
func (s *Store) Backup(ctx context.Context, path string) error {
	if _, err := os.Stat(path); err == nil {
		return zicht.Errorf(zicht.CodeConflict, "%s already exists; choose a new file for the backup", path)
	}
	if _, err := s.db.ExecContext(ctx, `VACUUM INTO ?`, path); err != nil {
		os.Remove(path)
		return fmt.Errorf("backup to %s: %w", path, err)
	}
	b, err := Open(ctx, path)
	if err != nil {
		return fmt.Errorf("verify backup %s: %w", path, err)
	}
	defer b.Close()
	if err := b.Check(ctx); err != nil {
		return fmt.Errorf("verify backup %s: %w", path, err)
	}
	return nil
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
		err := tx.QueryRowContext(ctx, `SELECT status FROM signals WHERE id = ?`, d.Signal).Scan(&status)
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
			evidence = saved.ID
			newStatus = zicht.SignalAccepted
		}
		if _, err := tx.ExecContext(ctx, `UPDATE signals SET status = ? WHERE id = ?`, newStatus, d.Signal); err != nil {
			return fmt.Errorf("update signal %d: %w", d.Signal, err)
		}
		res, err := tx.ExecContext(ctx, `INSERT INTO decisions (signal, action, reason, note, evidence, by_user, at)
			VALUES (?, ?, ?, ?, ?, ?, ?)`, d.Signal, d.Action, d.Reason, d.Note, evidence, d.By, formatTime(d.At))
		if err != nil {
			return fmt.Errorf("insert decision: %w", err)
		}
		id, err := res.LastInsertId()
		d.ID = zicht.DecisionID(id)
		return err
	})
	return d, err
}

// UndoDecision undoes the latest decision of by that is not undone yet.
func (s *Store) UndoDecision(ctx context.Context, by string) (zicht.Decision, error) {
	var d zicht.Decision
	err := s.withTx(ctx, func(tx *sql.Tx) error {
		var err error
		d, err = scanDecision(tx.QueryRowContext(ctx, `SELECT `+decisionCols+` FROM decisions
			WHERE by_user = ? AND undone = 0 ORDER BY id DESC LIMIT 1`, by))
		if errors.Is(err, sql.ErrNoRows) {
			return zicht.Errorf(zicht.CodeNotFound, "%s has no decision to undo", by)
		} else if err != nil {
			return fmt.Errorf("query last decision of %s: %w", by, err)
		}
		if d.Evidence != 0 {
			var used int64
			err := tx.QueryRowContext(ctx, `SELECT id FROM assessments WHERE status = 'approved'
				AND EXISTS (SELECT 1 FROM json_each(assessments.items) WHERE json_extract(value, '$.evidence') = ?) LIMIT 1`,
				d.Evidence).Scan(&used)
			if err == nil {
				return zicht.Errorf(zicht.CodeConflict, "evidence %d from this decision is part of approved assessment %d; it cannot be undone", d.Evidence, used)
			} else if !errors.Is(err, sql.ErrNoRows) {
				return fmt.Errorf("check evidence %d: %w", d.Evidence, err)
			}
			if _, err := tx.ExecContext(ctx, `DELETE FROM evidence WHERE id = ?`, d.Evidence); err != nil {
				return fmt.Errorf("remove evidence %d: %w", d.Evidence, err)
			}
		}
		if _, err := tx.ExecContext(ctx, `UPDATE signals SET status = 'pending' WHERE id = ?`, d.Signal); err != nil {
			return fmt.Errorf("reopen signal %d: %w", d.Signal, err)
		}
		if _, err := tx.ExecContext(ctx, `UPDATE decisions SET undone = 1 WHERE id = ?`, d.ID); err != nil {
			return fmt.Errorf("mark decision %d undone: %w", d.ID, err)
		}
		d.Undone = true
		return nil
	})
	return d, err
}

const decisionCols = `id, signal, action, reason, note, coalesce(evidence, 0), by_user, at, undone`

func scanDecision(sc interface{ Scan(...any) error }) (zicht.Decision, error) {
	var d zicht.Decision
	var at string
	err := sc.Scan(&d.ID, &d.Signal, &d.Action, &d.Reason, &d.Note, &d.Evidence, &d.By, &at, &d.Undone)
	d.At = parseTime(at)
	return d, err
}

// Decisions lists decisions, newest first.
func (s *Store) Decisions(ctx context.Context, f zicht.DecisionFilter) ([]zicht.Decision, error) {
	limit := f.Limit
	if limit <= 0 {
		limit = -1
	}
	rows, err := s.db.QueryContext(ctx, `SELECT `+decisionCols+` FROM decisions
		WHERE (? = 0 OR signal = ?) AND (? = '' OR by_user = ?) ORDER BY id DESC LIMIT ?`,
		f.Signal, f.Signal, f.By, f.By, limit)
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
	res, err := s.db.ExecContext(ctx, `UPDATE recommendations SET status = ? WHERE id = ?`, status, id)
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
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM users WHERE name = ?`, u.Name).Scan(&n); err != nil {
			return err
		}
		switch {
		case n == 0 && passwordHash == "":
			return zicht.Errorf(zicht.CodeInvalid, "new user %s needs a password", u.Name)
		case n == 0:
			_, err := tx.ExecContext(ctx, `INSERT INTO users (name, role, password_hash, created_at) VALUES (?, ?, ?, ?)`,
				u.Name, u.Role, passwordHash, formatTime(u.CreatedAt))
			return err
		case passwordHash == "":
			_, err := tx.ExecContext(ctx, `UPDATE users SET role = ? WHERE name = ?`, u.Role, u.Name)
			return err
		default:
			_, err := tx.ExecContext(ctx, `UPDATE users SET role = ?, password_hash = ? WHERE name = ?`, u.Role, passwordHash, u.Name)
			return err
		}
	})
}

// UserByName returns the user called name and its password hash.
func (s *Store) UserByName(ctx context.Context, name string) (zicht.User, string, error) {
	var u zicht.User
	var hash, created string
	err := s.db.QueryRowContext(ctx, `SELECT name, role, password_hash, created_at FROM users WHERE name = ?`, name).
		Scan(&u.Name, &u.Role, &hash, &created)
	if errors.Is(err, sql.ErrNoRows) {
		return u, "", zicht.Errorf(zicht.CodeNotFound, "user %q not found", name)
	} else if err != nil {
		return u, "", fmt.Errorf("query user %s: %w", name, err)
	}
	u.CreatedAt = parseTime(created)
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
		var created string
		if err := rows.Scan(&u.Name, &u.Role, &created); err != nil {
			return nil, err
		}
		u.CreatedAt = parseTime(created)
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
	_, err := s.db.ExecContext(ctx, `INSERT INTO tokens (hash, user_name, kind, name, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)`,
		t.Hash, t.User, t.Kind, t.Name, formatTime(t.CreatedAt), formatTime(t.ExpiresAt))
	if err != nil {
		return fkError(err, "add token for %s", t.User)
	}
	return nil
}

// TokenUser returns the user of an unexpired token.
func (s *Store) TokenUser(ctx context.Context, hash string, now time.Time) (zicht.User, zicht.Token, error) {
	var u zicht.User
	var t zicht.Token
	var created, expires, ucreated string
	err := s.db.QueryRowContext(ctx, `SELECT t.hash, t.user_name, t.kind, t.name, t.created_at, t.expires_at, u.role, u.created_at
		FROM tokens t JOIN users u ON u.name = t.user_name WHERE t.hash = ?`, hash).
		Scan(&t.Hash, &t.User, &t.Kind, &t.Name, &created, &expires, &u.Role, &ucreated)
	if errors.Is(err, sql.ErrNoRows) {
		return u, t, zicht.Errorf(zicht.CodeNotFound, "unknown or expired token")
	} else if err != nil {
		return u, t, fmt.Errorf("query token: %w", err)
	}
	t.CreatedAt, t.ExpiresAt = parseTime(created), parseTime(expires)
	if !t.ExpiresAt.IsZero() && !now.Before(t.ExpiresAt) {
		return u, t, zicht.Errorf(zicht.CodeNotFound, "unknown or expired token")
	}
	u.Name, u.CreatedAt = t.User, parseTime(ucreated)
	return u, t, nil
}

// DeleteToken removes a token; removing an unknown one is no error.
func (s *Store) DeleteToken(ctx context.Context, hash string) error {
	if _, err := s.db.ExecContext(ctx, `DELETE FROM tokens WHERE hash = ?`, hash); err != nil {
		return fmt.Errorf("delete token: %w", err)
	}
	return nil
}

// Tokens lists a user's API tokens, newest first.
func (s *Store) Tokens(ctx context.Context, user string) ([]zicht.Token, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT hash, user_name, kind, name, created_at, expires_at FROM tokens
		WHERE user_name = ? AND kind = 'api' ORDER BY created_at DESC`, user)
	if err != nil {
		return nil, fmt.Errorf("query tokens: %w", err)
	}
	defer rows.Close()
	var out []zicht.Token
	for rows.Next() {
		var t zicht.Token
		var created, expires string
		if err := rows.Scan(&t.Hash, &t.User, &t.Kind, &t.Name, &created, &expires); err != nil {
			return nil, err
		}
		t.CreatedAt, t.ExpiresAt = parseTime(created), parseTime(expires)
		out = append(out, t)
	}
	return out, rows.Err()
}
