package db

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"runtime"
	"strings"
	"sync"
	"time"
)

// SQLite is the Store on one SQLite file: a single writer connection, a
// pool of query-only readers, and one connection kept for data_version.
type SQLite struct {
	path   string
	writer *sql.DB
	reader *sql.DB

	versionMu sync.Mutex
	version   *sql.Conn // PRAGMA data_version is per connection: keep one
}

// timeLayout is RFC 3339 in UTC with a fixed nine-digit fraction, so that
// stored times sort as text and round-trip exactly.
const timeLayout = "2006-01-02T15:04:05.000000000Z07:00"

func formatTime(t time.Time) string { return t.UTC().Format(timeLayout) }

// parseTime reads a stored time. The layout formatTime writes is read by
// hand: a board's start reads one per response, and time.Parse is a
// tenth of that start.
func parseTime(s string) (time.Time, error) {
	if t, ok := parseStored(s); ok {
		return t, nil
	}
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		return time.Time{}, fmt.Errorf("stored time %q: %w", s, err)
	}
	return t.UTC(), nil
}

// parseStored reads a time in timeLayout, UTC ("Z"); ok is false for
// anything else, including a date that does not exist.
func parseStored(s string) (t time.Time, ok bool) {
	if len(s) != len("2006-01-02T15:04:05.000000000Z") || s[4] != '-' || s[7] != '-' || s[10] != 'T' ||
		s[13] != ':' || s[16] != ':' || s[19] != '.' || s[29] != 'Z' {
		return t, false
	}
	ok = true
	num := func(from, to int) int {
		n := 0
		for _, c := range []byte(s[from:to]) {
			if c < '0' || c > '9' {
				ok = false
			}
			n = n*10 + int(c-'0')
		}
		return n
	}
	y, mo, d := num(0, 4), time.Month(num(5, 7)), num(8, 10)
	h, mi, sec, ns := num(11, 13), num(14, 16), num(17, 19), num(20, 29)
	if !ok || h > 23 || mi > 59 || sec > 59 {
		return t, false
	}
	t = time.Date(y, mo, d, h, mi, sec, ns, time.UTC)
	if ty, tm, td := t.Date(); ty != y || tm != mo || td != d {
		return t, false // 31 April: time.Date would move it on
	}
	return t, true
}

// fileURI makes path a "file:" URI, escaping what a URI would misread.
func fileURI(path string) string {
	r := strings.NewReplacer("%", "%25", "?", "%3f", "#", "%23")
	return "file:" + r.Replace(path)
}

// Open opens (creating when missing) the database file at path and brings
// its schema up to date.
func Open(path string) (*SQLite, error) {
	s := &SQLite{path: path}
	if err := s.open(); err != nil {
		s.Close()
		return nil, fmt.Errorf("open database %s: %w", path, err)
	}
	return s, nil
}

func (s *SQLite) open() error {
	if err := createPrivate(s.path); err != nil {
		return err
	}
	uri := fileURI(s.path)
	var err error
	s.writer, err = sql.Open(driverName, uri+
		"?_journal_mode=WAL&_busy_timeout=5000&_txlock=immediate&_synchronous=FULL&_foreign_keys=on&_cache_size=-65536&_stmt_cache_size=64")
	if err != nil {
		return err
	}
	s.writer.SetMaxOpenConns(1)
	s.writer.SetConnMaxIdleTime(0)
	ctx := context.Background()
	if err := migrate(ctx, s.writer); err != nil {
		return err
	}
	// The file is in WAL mode now (it is persistent), so readers need not
	// set it; query_only makes any write through them an error.
	s.reader, err = sql.Open(driverName, uri+
		"?_busy_timeout=5000&_query_only=on&_foreign_keys=on&_synchronous=FULL&_stmt_cache_size=64")
	if err != nil {
		return err
	}
	n := max(4, runtime.GOMAXPROCS(0))
	s.reader.SetMaxOpenConns(n + 1) // + the data_version connection
	s.reader.SetMaxIdleConns(n + 1)
	s.version, err = s.reader.Conn(ctx)
	return err
}

// createPrivate creates a missing database file readable by its owner
// only: it holds what visitors said. SQLite gives the -wal and -shm files
// the database file's permissions. An existing file is left as it is.
func createPrivate(path string) error {
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600)
	if errors.Is(err, fs.ErrExist) {
		return nil
	}
	if err != nil {
		return err
	}
	return f.Close()
}

// Path returns the database file's path.
func (s *SQLite) Path() string { return s.path }

// Close closes every connection.
func (s *SQLite) Close() error {
	var errs []error
	if s.version != nil {
		errs = append(errs, s.version.Close())
	}
	for _, d := range []*sql.DB{s.reader, s.writer} {
		if d != nil {
			errs = append(errs, d.Close())
		}
	}
	for _, err := range errs {
		if err != nil {
			return fmt.Errorf("close database %s: %w", s.path, err)
		}
	}
	return nil
}

// DataVersion returns a number that changes whenever another connection
// (of this or any process) commits to the database.
func (s *SQLite) DataVersion(ctx context.Context) (int64, error) {
	s.versionMu.Lock()
	defer s.versionMu.Unlock()
	var v int64
	if err := s.version.QueryRowContext(ctx, "PRAGMA data_version").Scan(&v); err != nil {
		return 0, fmt.Errorf("data version: %w", err)
	}
	return v, nil
}

// Changes returns the change log after seq, oldest first, at most limit
// rows, and the newest seq stored, both read in one transaction.
func (s *SQLite) Changes(ctx context.Context, after int64, limit int) ([]Change, int64, error) {
	cs, newest, err := s.changes(ctx, after, limit)
	if err != nil {
		return nil, 0, fmt.Errorf("read changes: %w", err)
	}
	return cs, newest, nil
}

func (s *SQLite) changes(ctx context.Context, after int64, limit int) ([]Change, int64, error) {
	tx, err := s.reader.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, 0, err
	}
	defer tx.Rollback()
	var newest int64
	if err := tx.QueryRowContext(ctx, "SELECT coalesce(max(seq), 0) FROM changes").Scan(&newest); err != nil {
		return nil, 0, err
	}
	if limit <= 0 || after >= newest {
		return nil, newest, nil
	}
	rows, err := tx.QueryContext(ctx, `SELECT c.seq, e.name, c.response_id
		FROM changes c JOIN events e ON e.id = c.event_id
		WHERE c.seq > ? ORDER BY c.seq LIMIT ?`, after, limit)
	if err != nil {
		return nil, 0, err
	}
	defer rows.Close()
	var out []Change
	for rows.Next() {
		var c Change
		if err := rows.Scan(&c.Seq, &c.Event, &c.ResponseID); err != nil {
			return nil, 0, err
		}
		out = append(out, c)
	}
	return out, newest, rows.Err()
}
