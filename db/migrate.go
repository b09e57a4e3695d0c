package db

import (
	"context"
	"database/sql"
	"embed"
	"fmt"
	"io/fs"
	"sort"
	"strconv"
	"strings"
	"time"
)

//go:embed migrations/*.sql
var migrationFiles embed.FS

// migration is one numbered SQL file of migrations/.
type migration struct {
	version int
	name    string
	sql     string
}

// migrations returns the embedded migrations in order of version.
func migrations() ([]migration, error) {
	names, err := fs.Glob(migrationFiles, "migrations/*.sql")
	if err != nil {
		return nil, err
	}
	var out []migration
	for _, name := range names {
		base := strings.TrimPrefix(name, "migrations/")
		num, _, _ := strings.Cut(base, "_")
		v, err := strconv.Atoi(num)
		if err != nil {
			return nil, fmt.Errorf("migration %s: name must begin with its number", base)
		}
		b, err := migrationFiles.ReadFile(name)
		if err != nil {
			return nil, err
		}
		out = append(out, migration{version: v, name: base, sql: string(b)})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].version < out[j].version })
	return out, nil
}

// migrate applies the migrations the database lacks, all in one
// transaction, recording each in schema_migrations, and brings what Go
// derives from the data (the mark counts) up to date in the same one.
func migrate(ctx context.Context, d *sql.DB) error {
	ms, err := migrations()
	if err != nil {
		return err
	}
	return applyMigrations(ctx, d, ms)
}

// applyMigrations is migrate with the migrations given.
func applyMigrations(ctx context.Context, d *sql.DB, ms []migration) error {
	if upToDate(ctx, d, ms) && countsDerived(ctx, d) {
		return nil // no write lock taken: opening never waits for a busy writer
	}
	tx, err := d.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
		version    INTEGER PRIMARY KEY,
		applied_at TEXT NOT NULL
	)`); err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	have, err := appliedVersions(ctx, tx)
	if err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	known := make(map[int]bool, len(ms))
	for _, m := range ms {
		known[m.version] = true
	}
	for v := range have {
		if !known[v] {
			return fmt.Errorf("migrate: schema version %d is newer than this standmap knows (%d)", v, ms[len(ms)-1].version)
		}
	}
	now := formatTime(time.Now())
	// Every missing version is applied, even below the newest applied
	// one: numbers taken by work in parallel may land out of order.
	for _, m := range ms {
		if have[m.version] {
			continue
		}
		if _, err := tx.ExecContext(ctx, m.sql); err != nil {
			return fmt.Errorf("migrate %s: %w", m.name, err)
		}
		if _, err := tx.ExecContext(ctx, "INSERT INTO schema_migrations(version, applied_at) VALUES (?, ?)", m.version, now); err != nil {
			return fmt.Errorf("migrate %s: %w", m.name, err)
		}
	}
	// Go's part comes after every file, so that it reads the schema they
	// made together, whatever order they were applied in.
	if err := deriveCounts(ctx, tx); err != nil {
		return fmt.Errorf("migrate: count marks: %w", err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	return nil
}

// upToDate reports, from a plain read, whether every migration is applied
// already. Any doubt (no table yet, an error) sends migrate to the write
// transaction, which checks again under the lock.
func upToDate(ctx context.Context, d *sql.DB, ms []migration) bool {
	have, err := appliedVersions(ctx, d)
	if err != nil {
		return false
	}
	for _, m := range ms {
		if !have[m.version] {
			return false
		}
	}
	return len(have) == len(ms)
}

// appliedVersions returns the versions recorded in schema_migrations.
func appliedVersions(ctx context.Context, q querier) (map[int]bool, error) {
	rows, err := q.QueryContext(ctx, "SELECT version FROM schema_migrations")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := make(map[int]bool)
	for rows.Next() {
		var v int
		if err := rows.Scan(&v); err != nil {
			return nil, err
		}
		out[v] = true
	}
	return out, rows.Err()
}
