package db

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"testing"

	"standmap/model"
)

func TestEvents(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s, _ := openTemp(t)
	if _, err := s.CurrentEvent(ctx); !errors.Is(err, ErrNotFound) {
		t.Fatalf("current event of an empty database: %v", err)
	}
	mustEvent(t, s, "first")
	mustEvent(t, s, "second")
	if _, err := s.CreateEvent(ctx, "first"); !errors.Is(err, ErrEventExists) {
		t.Fatalf("duplicate event: %v", err)
	}
	if _, err := s.CreateEvent(ctx, "bad\x1b[31m"); err == nil {
		t.Fatal("event name with an escape sequence accepted")
	}
	if _, err := s.SaveResponse(ctx, sample("first", 1)); err != nil {
		t.Fatal(err)
	}
	cur, err := s.CurrentEvent(ctx)
	if err != nil || cur.Name != "second" {
		t.Fatalf("current %+v, %v", cur, err)
	}
	evs, err := s.Events(ctx)
	if err != nil || len(evs) != 2 || evs[0].Name != "first" || evs[0].Responses != 1 || evs[1].Responses != 0 {
		t.Fatalf("events %+v, %v", evs, err)
	}
	if _, err := s.Event(ctx, "third"); !errors.Is(err, ErrNotFound) {
		t.Fatalf("missing event: %v", err)
	}
}

// TestChangesFromAnotherProcess writes through a second Open of the file,
// as another standmap process would, and reads the log through the first.
func TestChangesFromAnotherProcess(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s, path := openTemp(t)
	mustEvent(t, s, "fair")
	_, start, err := s.Changes(ctx, 0, 10)
	if err != nil {
		t.Fatal(err)
	}
	v0, err := s.DataVersion(ctx)
	if err != nil {
		t.Fatal(err)
	}
	other, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	if _, err := other.SaveResponse(ctx, sample("fair", 1)); err != nil {
		t.Fatal(err)
	}
	if _, err := other.SaveResponse(ctx, sample("fair", 1)); err != nil { // edit
		t.Fatal(err)
	}
	if _, err := other.DeleteResponse(ctx, "fair", sample("fair", 1).ID, "local"); err != nil {
		t.Fatal(err)
	}
	if _, err := other.Import(ctx, []model.Response{sample("fair", 2)}, false); err != nil {
		t.Fatal(err)
	}
	v1, err := s.DataVersion(ctx)
	if err != nil || v1 == v0 {
		t.Fatalf("data version %d → %d (%v): no change seen", v0, v1, err)
	}
	cs, newest, err := s.Changes(ctx, start, 10)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, c := range cs {
		got = append(got, c.Event+"/"+c.ResponseID)
	}
	want := "[fair/r000001 fair/r000001 fair/r000001 fair/r000002]"
	if fmt.Sprint(got) != want || newest != cs[len(cs)-1].Seq {
		t.Fatalf("changes %v (newest %d), want %s", got, newest, want)
	}
	cs, newest2, err := s.Changes(ctx, cs[1].Seq, 1)
	if err != nil || len(cs) != 1 || newest2 != newest {
		t.Fatalf("limited changes %+v, %d, %v", cs, newest2, err)
	}
	if v2, _ := s.DataVersion(ctx); v2 != v1 {
		t.Fatalf("data version moved without a write: %d → %d", v1, v2)
	}
}

func TestConcurrentSavesAllLand(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s, path := openTemp(t)
	mustEvent(t, s, "fair")
	other, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	const writers, each = 8, 25
	var wg sync.WaitGroup
	errs := make(chan error, writers*each)
	for w := range writers {
		st := s
		if w%2 == 1 {
			st = other // half through another "process"
		}
		wg.Go(func() {
			for i := range each {
				if _, err := st.SaveResponse(ctx, sample("fair", w*each+i)); err != nil {
					errs <- err
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	n := 0
	if err := s.EachResponse(ctx, "fair", func(model.Response) error { n++; return nil }); err != nil {
		t.Fatal(err)
	}
	if n != writers*each {
		t.Fatalf("%d responses stored, want %d", n, writers*each)
	}
}

func TestReadersCannotWrite(t *testing.T) {
	t.Parallel()
	s, _ := openTemp(t)
	if _, err := s.reader.Exec("INSERT INTO events(name, created_at) VALUES ('x', 'y')"); err == nil {
		t.Fatal("the read pool wrote")
	}
}

func TestEachResponseStopsOnError(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s, _ := openTemp(t)
	if _, err := s.Import(ctx, fairResponses("fair", 10), false); err != nil {
		t.Fatal(err)
	}
	stop := errors.New("stop")
	n := 0
	err := s.EachResponse(ctx, "", func(r model.Response) error {
		n++
		if len(r.Marks) != 2 || r.Event != "fair" {
			t.Errorf("response %+v", r)
		}
		if n == 3 {
			return stop
		}
		return nil
	})
	if !errors.Is(err, stop) || n != 3 {
		t.Fatalf("got %v after %d", err, n)
	}
}
