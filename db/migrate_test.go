package db

import (
	"context"
	"database/sql"
	"path/filepath"
	"reflect"
	"testing"
)

// rawDB opens a database file with the writer's settings and no migration.
func rawDB(t *testing.T, path string) *sql.DB {
	t.Helper()
	d, err := sql.Open("sqlite3", fileURI(path)+"?_journal_mode=WAL&_busy_timeout=5000&_txlock=immediate&_foreign_keys=on")
	if err != nil {
		t.Fatal(err)
	}
	d.SetMaxOpenConns(1)
	t.Cleanup(func() { d.Close() })
	return d
}

// fill writes responses as a standmap before migration 0005 did: plain
// rows, no counts.
func fill(t *testing.T, d *sql.DB) {
	t.Helper()
	_, err := d.Exec(`INSERT INTO events(id, name, created_at) VALUES (1, 'fair', 'x'), (2, 'school', 'x');
		INSERT INTO responses(seq, event_id, response_id, created_at, age_group) VALUES
			(1, 1, 'a', '2025-05-01T10:00:00.000000000Z', ''),
			(2, 1, 'b', '2025-05-01T10:00:00.000000000Z', ''),
			(3, 2, 'c', '2025-05-01T09:00:00.000000000Z', '19+');
		INSERT INTO marks(response_seq, position, neighbourhood, wish, category) VALUES
			(1, 0, 'Centrs', 'Āra trenažieri', 'fitness'), (1, 1, 'Centrs', 'ara trenazieri!', ''),
			(2, 0, 'Grīva', 'ĀRA  trenažieri', 'sport'), (2, 1, '', 'Veloceliņi', 'cycle'),
			(3, 0, 'Centrs', '', '')`)
	if err != nil {
		t.Fatal(err)
	}
}

// TestMigrationCountsExistingResponses: a file written before 0005 gets
// its counts in the migration, whichever of 0005 and 0006 comes first.
func TestMigrationCountsExistingResponses(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	all, err := migrations()
	if err != nil {
		t.Fatal(err)
	}
	without := func(v int) []migration {
		var out []migration
		for _, m := range all {
			if m.version != v {
				out = append(out, m)
			}
		}
		return out
	}
	for _, c := range []struct {
		name  string
		first []migration // applied before the data is written
	}{
		{"0005 then 0006", all[:4]},
		{"0006 before 0005", without(5)},
	} {
		t.Run(c.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "standmap.db")
			d := rawDB(t, path)
			if err := applyMigrations(ctx, d, c.first); err != nil {
				t.Fatal(err)
			}
			fill(t, d)
			if err := applyMigrations(ctx, d, all); err != nil {
				t.Fatal(err)
			}
			var n int
			if err := d.QueryRow("SELECT count(*) FROM schema_migrations").Scan(&n); err != nil || n != len(all) {
				t.Fatalf("%d migrations recorded (%v), want %d", n, err, len(all))
			}
			for _, ev := range []string{"fair", "school"} {
				got, want := countsOf(t, d, ev), countedAfresh(t, d, ev)
				if len(want) == 0 || !reflect.DeepEqual(got, want) {
					t.Fatalf("counts of %s:\n got %v\nwant %v", ev, got, want)
				}
			}
			var key string
			if err := d.QueryRow("SELECT wish_key FROM mark_counts WHERE wish = 'ĀRA  trenažieri'").Scan(&key); err != nil || key != "ara trenazieri" {
				t.Fatalf("derived key %q, %v", key, err)
			}
		})
	}
}
