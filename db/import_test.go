package db

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"testing"
	"time"

	"standmap/model"
)

func TestImportAddsSkipsAndCreatesEvents(t *testing.T) {
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
