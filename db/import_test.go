package db

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"standmap/model"
)

func TestImportAddsSkipsAndCreatesEvents(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s, _ := openTemp(t)
	mustEvent(t, s, "fair")
	first := []model.Response{sample("fair", 1), sample("fair", 2), sample("school", 3)}
	res, err := s.Import(ctx, first, false)
	if err != nil {
		t.Fatal(err)
	}
	if res.Added != 3 || res.Skipped != 0 || !slices.Equal(res.NewEvents, []string{"school"}) {
		t.Fatalf("first import %+v", res)
	}

	again := []model.Response{sample("fair", 1), sample("fair", 2), sample("school", 3), sample("fair", 4)}
	again[0].Marks = []model.Mark{again[0].Marks[1], again[0].Marks[0]} // same multiset
	again[1].CreatedAt = time.Time{}                                    // zero matches any time
	res, err = s.Import(ctx, again, false)
	if err != nil {
		t.Fatal(err)
	}
	if res.Added != 1 || res.AddedMarks != 2 || res.Skipped != 3 || len(res.NewEvents) != 0 || len(res.Conflicts) != 0 {
		t.Fatalf("second import %+v", res)
	}
	got, err := s.Response(ctx, "fair", "r000002")
	if err != nil || !got.CreatedAt.Equal(first[1].CreatedAt) {
		t.Fatalf("skipped response changed: %+v, %v", got, err)
	}
}

func TestImportZeroTimeBecomesImportTime(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s, _ := openTemp(t)
	r := sample("fair", 1)
	r.CreatedAt = time.Time{}
	before := time.Now()
	if _, err := s.Import(ctx, []model.Response{r}, false); err != nil {
		t.Fatal(err)
	}
	got, err := s.Response(ctx, "fair", r.ID)
	if err != nil || got.CreatedAt.Before(before.Add(-time.Second)) || got.CreatedAt.After(time.Now()) {
		t.Fatalf("got %v, %v; want about %v", got.CreatedAt, err, before)
	}
}

func TestImportConflictWritesNothing(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s, _ := openTemp(t)
	if _, err := s.Import(ctx, []model.Response{sample("fair", 1)}, false); err != nil {
		t.Fatal(err)
	}
	differs := []func(*model.Response){
		func(r *model.Response) { r.AgeGroup = "19+" },
		func(r *model.Response) { r.CreatedAt = r.CreatedAt.Add(time.Nanosecond) },
		func(r *model.Response) { r.Marks = r.Marks[:1] },
		func(r *model.Response) { r.Marks = []model.Mark{r.Marks[0], {Wish: "other"}} },
		func(r *model.Response) {
			r.Marks = []model.Mark{r.Marks[0], {Wish: r.Marks[1].Wish, Category: "green"}}
		},
	}
	for k, change := range differs {
		t.Run(fmt.Sprint(k), func(t *testing.T) {
			bad := sample("fair", 1)
			change(&bad)
			in := []model.Response{sample("new event", 7), sample("fair", 2), bad}
			res, err := s.Import(ctx, in, false)
			if !errors.Is(err, ErrConflict) || !slices.Equal(res.Conflicts, []int{2}) || res.Added != 0 {
				t.Fatalf("got %+v, %v", res, err)
			}
			if _, err := s.Event(ctx, "new event"); !errors.Is(err, ErrNotFound) {
				t.Fatalf("event created despite conflict: %v", err)
			}
			if _, err := s.Response(ctx, "fair", "r000002"); !errors.Is(err, ErrNotFound) {
				t.Fatalf("response written despite conflict: %v", err)
			}
		})
	}
}

func TestImportSkipConflicts(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s, _ := openTemp(t)
	if _, err := s.Import(ctx, []model.Response{sample("fair", 1)}, false); err != nil {
		t.Fatal(err)
	}
	bad := sample("fair", 1)
	bad.AgeGroup = "13-15"
	dup := sample("fair", 2)
	dup.AgeGroup = "19+"
	in := []model.Response{bad, sample("fair", 2), dup, sample("fair", 2)}
	res, err := s.Import(ctx, in, true)
	if err != nil {
		t.Fatal(err)
	}
	want := ImportResult{Added: 1, AddedMarks: 2, Skipped: 1, Conflicts: []int{0, 2}}
	if !reflect.DeepEqual(res, want) {
		t.Fatalf("got %+v, want %+v", res, want)
	}
	if got, _ := s.Response(ctx, "fair", "r000001"); got.AgeGroup != "16-18" {
		t.Fatalf("conflicting response overwrote the stored one: %+v", got)
	}
}

// fairResponses returns n responses of two marks each.
func fairResponses(event string, n int) []model.Response {
	rs := make([]model.Response, n)
	for i := range rs {
		rs[i] = sample(event, i)
	}
	return rs
}

func BenchmarkImport100k(b *testing.B) {
	rs := fairResponses("fair", 50_000) // 100,000 marks
	for b.Loop() {
		b.StopTimer()
		s, _ := openTemp(b)
		b.StartTimer()
		if _, err := s.Import(context.Background(), rs, false); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkImport100kAgain(b *testing.B) {
	rs := fairResponses("fair", 50_000)
	s, _ := openTemp(b)
	if _, err := s.Import(context.Background(), rs, false); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		res, err := s.Import(context.Background(), rs, false)
		if err != nil || res.Skipped != len(rs) {
			b.Fatal(res.Skipped, err)
		}
	}
}

func BenchmarkSaveResponse(b *testing.B) {
	s, _ := openTemp(b)
	mustEvent(b, s, "fair")
	i := 0
	for b.Loop() {
		i++
		if _, err := s.SaveResponse(context.Background(), sample("fair", i)); err != nil {
			b.Fatal(err)
		}
	}
}

// TestImportLogsEveryResponse: an import logs one change per response it
// adds, in their order, with one statement; the trigger logs the writes
// after it, and after an import that failed.
func TestImportLogsEveryResponse(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s, _ := openTemp(t)
	mustEvent(t, s, "fair")
	if _, err := s.SaveResponse(ctx, sample("fair", 0)); err != nil {
		t.Fatal(err)
	}
	var rs []model.Response
	for i := 1; i <= 250; i++ {
		rs = append(rs, sample("fair", i))
	}
	rs = append(rs, sample("school", 251))
	if _, err := s.Import(ctx, rs, false); err != nil {
		t.Fatal(err)
	}
	bad := sample("fair", 7)
	bad.AgeGroup = "19+"
	if _, err := s.Import(ctx, []model.Response{sample("fair", 300), bad}, false); !errors.Is(err, ErrConflict) {
		t.Fatalf("conflict: %v", err)
	}
	if _, err := s.SaveResponse(ctx, sample("fair", 252)); err != nil {
		t.Fatal(err)
	}
	cs, newest, err := s.Changes(ctx, 0, 1000)
	if err != nil || len(cs) != 253 || newest != cs[len(cs)-1].Seq {
		t.Fatalf("%d changes, newest %d: %v", len(cs), newest, err)
	}
	for i, c := range cs {
		want := sample("fair", i)
		if i == 251 {
			want = sample("school", i)
		}
		if c.ResponseID != want.ID || c.Event != want.Event {
			t.Fatalf("change %d: %+v, want %s in %s", i, c, want.ID, want.Event)
		}
	}
}

// TestBatchInsertFails: a batch that breaks a constraint is an error, in
// a full batch and in the last one.
func TestBatchInsertFails(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s, _ := openTemp(t)
	for _, rows := range []int{batchRows, 3} {
		conn, err := s.writer.Conn(ctx)
		if err != nil {
			t.Fatal(err)
		}
		tx, err := conn.BeginTx(ctx, nil)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := tx.Exec("CREATE TABLE t(k INTEGER PRIMARY KEY, v TEXT NOT NULL)"); err != nil {
			t.Fatal(err)
		}
		err = conn.Raw(func(dc any) error {
			b, err := newBatchInsert(ctx, dc, "INSERT INTO t(k, v) VALUES ", 2)
			if err != nil {
				return err
			}
			for i := range rows {
				err = errors.Join(err, b.add(int64(min(i, 1)), "x")) // k 1 twice
			}
			return errors.Join(err, b.flush())
		})
		tx.Rollback()
		conn.Close()
		if err == nil || !strings.Contains(err.Error(), "UNIQUE") {
			t.Errorf("%d rows: err %v, want a UNIQUE constraint error", rows, err)
		}
	}
}

// TestImportKeepsForeignKeys: imports, which write without checking
// foreign keys, break none, and the connection checks them afterwards,
// also after an import that failed.
func TestImportKeepsForeignKeys(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s, _ := openTemp(t)
	var rs []model.Response
	for i := range 300 {
		rs = append(rs, sample([]string{"fair", "school", "fair"}[i%3], i))
	}
	if _, err := s.Import(ctx, rs, false); err != nil {
		t.Fatal(err)
	}
	bad := sample("fair", 3)
	bad.AgeGroup = "19+"
	if _, err := s.Import(ctx, []model.Response{sample("fair", 400), bad}, false); !errors.Is(err, ErrConflict) {
		t.Fatalf("conflict: %v", err)
	}
	rows, err := s.writer.Query("PRAGMA foreign_key_check")
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		t.Error("a foreign key is broken")
	}
	rows.Close()
	var on int
	if err := s.writer.QueryRow("PRAGMA foreign_keys").Scan(&on); err != nil || on != 1 {
		t.Fatalf("foreign_keys = %d after imports (%v)", on, err)
	}
	if _, err := s.writer.Exec("INSERT INTO marks(response_seq, position) VALUES (99999, 0)"); err == nil {
		t.Fatal("a mark of no response was written")
	}
}
