package db

import (
	"context"
	"errors"
	"reflect"
	"testing"
	"time"

	"standmap/model"
)

func TestOpenMigratesOnceAndReopens(t *testing.T) {
	t.Parallel()
	s, path := openTemp(t)
	mustEvent(t, s, "fair")
	s.Close()
	s2, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	var n, v int
	if err := s2.reader.QueryRow("SELECT count(*), max(version) FROM schema_migrations").Scan(&n, &v); err != nil {
		t.Fatal(err)
	}
	ms, _ := migrations()
	if n != len(ms) || v != ms[len(ms)-1].version {
		t.Fatalf("schema_migrations has %d rows up to %d, want %d", n, v, len(ms))
	}
	if _, err := s2.Event(context.Background(), "fair"); err != nil {
		t.Fatalf("event lost on reopen: %v", err)
	}
	var mode string
	if err := s2.reader.QueryRow("PRAGMA journal_mode").Scan(&mode); err != nil || mode != "wal" {
		t.Fatalf("journal mode %q, %v", mode, err)
	}
}

func TestSaveEditDeleteRestore(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s, _ := openTemp(t)
	mustEvent(t, s, "fair")
	in := sample("fair", 1)
	in.CreatedAt = time.Date(2025, 5, 1, 10, 0, 0, 123456789, time.FixedZone("EEST", 3*3600))
	saved, err := s.SaveResponse(ctx, in)
	if err != nil {
		t.Fatal(err)
	}
	if saved.Seq == 0 {
		t.Fatal("no seq")
	}
	got, err := s.Response(ctx, "fair", in.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !got.CreatedAt.Equal(in.CreatedAt) || got.CreatedAt.Location() != time.UTC {
		t.Fatalf("time %v, want %v in UTC", got.CreatedAt, in.CreatedAt)
	}
	if !reflect.DeepEqual(got, saved) {
		t.Fatalf("read %+v\nsaved %+v", got, saved)
	}

	edit := saved
	edit.Marks = []model.Mark{{Neighbourhood: "Grīva"}}
	edit.AgeGroup = "19+"
	edit.Seq = 0
	if _, err := s.SaveResponse(ctx, sample("fair", 2)); err != nil {
		t.Fatal(err)
	}
	edited, err := s.SaveResponse(ctx, edit)
	if err != nil {
		t.Fatal(err)
	}
	if edited.Seq != saved.Seq {
		t.Fatalf("edit moved seq %d → %d", saved.Seq, edited.Seq)
	}
	if got, _ := s.Response(ctx, "fair", in.ID); !reflect.DeepEqual(got, edited) {
		t.Fatalf("after edit read %+v", got)
	}

	removed, err := s.DeleteResponse(ctx, "fair", in.ID, "local:ann")
	if err != nil || removed.DeletedBy != "local:ann" || removed.DeletedAt.IsZero() {
		t.Fatalf("delete returned %+v, %v", removed, err)
	}
	if kept := removed; true {
		kept.DeletedAt, kept.DeletedBy = time.Time{}, ""
		if !reflect.DeepEqual(kept, edited) {
			t.Fatalf("delete returned %+v, want %+v marked deleted", removed, edited)
		}
	}
	if _, err := s.Response(ctx, "fair", in.ID); !errors.Is(err, ErrNotFound) {
		t.Fatalf("after delete: %v", err)
	}
	if _, err := s.DeleteResponse(ctx, "fair", in.ID, "local"); !errors.Is(err, ErrNotFound) {
		t.Fatalf("second delete: %v", err)
	}
	var marks int
	s.reader.QueryRow("SELECT count(*) FROM marks WHERE response_seq = ?", removed.Seq).Scan(&marks)
	if marks != len(edited.Marks) {
		t.Fatalf("%d marks kept after delete, want the response's", marks)
	}
	deleted, err := s.DeletedResponses(ctx, "fair")
	if err != nil || len(deleted) != 1 || deleted[0].ID != in.ID || deleted[0].DeletedBy != "local:ann" ||
		!deleted[0].DeletedAt.Equal(removed.DeletedAt) {
		t.Fatalf("deleted responses %+v, %v", deleted, err)
	}
	restored, err := s.RestoreResponse(ctx, "fair", in.ID)
	if err != nil || !reflect.DeepEqual(restored, edited) {
		t.Fatalf("restore %+v, %v; want %+v", restored, err, edited)
	}
	if _, err := s.RestoreResponse(ctx, "fair", in.ID); !errors.Is(err, ErrNotDeleted) {
		t.Fatalf("restoring a counted response: %v", err)
	}
	if _, err := s.RestoreResponse(ctx, "fair", "nobody"); !errors.Is(err, ErrNotFound) {
		t.Fatalf("restoring no response: %v", err)
	}
	recent, err := s.Recent(ctx, "fair", 10)
	if err != nil || len(recent) != 2 || recent[0].ID != "r000002" {
		t.Fatalf("recent %+v, %v", recent, err)
	}
}

func TestSaveNeedsEvent(t *testing.T) {
	t.Parallel()
	s, _ := openTemp(t)
	if _, err := s.SaveResponse(context.Background(), sample("nowhere", 1)); !errors.Is(err, ErrNotFound) {
		t.Fatalf("got %v, want ErrNotFound", err)
	}
}

func TestOpenRefusesNewerSchema(t *testing.T) {
	t.Parallel()
	s, path := openTemp(t)
	if _, err := s.writer.Exec("INSERT INTO schema_migrations(version, applied_at) VALUES (9999, 'x')"); err != nil {
		t.Fatal(err)
	}
	s.Close()
	if s2, err := Open(path); err == nil {
		s2.Close()
		t.Fatal("opened a database of a newer schema")
	}
}

// TestParseStoredTime: the hand-read layout gives what time.Parse gives,
// and what it cannot read goes to time.Parse.
func TestParseStoredTime(t *testing.T) {
	t.Parallel()
	for _, s := range []string{
		"2025-05-01T10:00:00.000000000Z", "0001-01-01T00:00:00.000000001Z", "9999-12-31T23:59:59.999999999Z",
		"2024-02-29T12:30:45.123456789Z", "2025-02-29T12:30:45.000000000Z", "2025-04-31T00:00:00.000000000Z",
		"2025-05-01T24:00:00.000000000Z", "2025-05-01T10:00:00.00000000xZ", "2025-05-01T10:00:00Z",
		"2025-05-01T10:00:00.000000000+02:00", "",
	} {
		want, wantErr := time.Parse(time.RFC3339Nano, s)
		got, err := parseTime(s)
		if (err != nil) != (wantErr != nil) || err == nil && (!got.Equal(want) || got != want.UTC()) {
			t.Errorf("parseTime(%q) = %v, %v; time.Parse: %v, %v", s, got, err, want, wantErr)
		}
	}
}

// TestEachResponseMarksNotFromZero reads a response whose marks were
// renumbered by hand (positions 3 and 5) after one read the fast way;
// deleted responses, before it and after it, are left out both ways.
func TestEachResponseMarksNotFromZero(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s, _ := openTemp(t)
	mustEvent(t, s, "fair")
	for i := range 5 {
		if _, err := s.SaveResponse(ctx, sample("fair", i)); err != nil {
			t.Fatal(err)
		}
	}
	for _, i := range []int{1, 3} {
		if _, err := s.DeleteResponse(ctx, "fair", sample("fair", i).ID, "test"); err != nil {
			t.Fatal(err)
		}
	}
	read := func() []model.Response {
		var got []model.Response
		if err := s.EachResponse(ctx, "fair", func(r model.Response) error { got = append(got, r); return nil }); err != nil {
			t.Fatal(err)
		}
		return got
	}
	check := func(how string, got []model.Response) {
		t.Helper()
		if len(got) != 3 {
			t.Fatalf("%s: %d responses, want 3", how, len(got))
		}
		for k, i := range []int{0, 2, 4} {
			want := sample("fair", i)
			want.Seq = int64(i + 1)
			want.Number = int64(i + 1)
			want.CreatedAt = want.CreatedAt.UTC()
			if !reflect.DeepEqual(got[k], want) {
				t.Errorf("%s: response %d:\n got %+v\nwant %+v", how, k, got[k], want)
			}
		}
	}
	check("the fast way", read())
	if _, err := s.writer.Exec("UPDATE marks SET position = position * 2 + 3 WHERE response_seq = 3"); err != nil {
		t.Fatal(err)
	}
	check("after a renumbering by hand", read())
}
