package fairgen

import (
	"bytes"
	"encoding/csv"
	"os"
	"testing"
)

// TestWritesTheCommittedFair: seed 2025 with 600 visitors writes
// testdata/fair/fair.csv byte for byte, so the fixture whose tallies
// were computed without standmap is what the generator makes (its
// README says how to make both again when the generator changes).
func TestWritesTheCommittedFair(t *testing.T) {
	want, err := os.ReadFile("../../testdata/fair/fair.csv")
	if err != nil {
		t.Fatal(err)
	}
	var got bytes.Buffer
	rows, err := Write(&got, Options{Seed: 2025, Visitors: 600})
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got.Bytes(), want) {
		t.Fatalf("seed 2025, 600 visitors: %d bytes, the committed fair.csv %d", got.Len(), len(want))
	}
	if rows != 1362 {
		t.Errorf("%d rows, want 1,362", rows)
	}
}

// TestMaxRowsFinishesTheResponse: a cut at MaxRows ends after a whole
// response (all its rows share one id), and the file stays valid CSV.
func TestMaxRowsFinishesTheResponse(t *testing.T) {
	var b bytes.Buffer
	n, err := Write(&b, Options{Seed: 1, Visitors: 1 << 30, MaxRows: 1000})
	if err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(&b).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if n < 1000 || n > 1010 || len(recs) != n+1 {
		t.Fatalf("%d rows written, %d records read (with the header)", n, len(recs))
	}
	var full bytes.Buffer
	if _, err := Write(&full, Options{Seed: 1, Visitors: 1 << 30, MaxRows: 2000}); err != nil {
		t.Fatal(err)
	}
	more, err := csv.NewReader(&full).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if last, next := recs[len(recs)-1][0], more[len(recs)][0]; last == next {
		t.Errorf("the cut splits response %s", last)
	}
}
