package exchange

// Fuzz tests of the CSV import. `go test ./exchange/` runs the seeds below
// and the committed corpus in testdata/fuzz/; docs/fuzzing.md says how to
// fuzz for longer.

import (
	"bytes"
	"context"
	"errors"
	"io"
	"path/filepath"
	"reflect"
	"sync"
	"testing"

	"standmap/ascii_maps"
	"standmap/db"
	"standmap/internal/fairgen"
	"standmap/model"
)

// fuzzGaz is the default map's gazetteer, parsed once for all inputs.
var fuzzGaz = sync.OnceValue(func() *model.Gazetteer {
	c, err := ascii_maps.Load("daugavpils")
	if err != nil {
		panic(err)
	}
	return c.Gazetteer
})

// fuzzSeeds are CSV files that reach the interesting corners of the import:
// valid files, every kind of invalid row, quoted line breaks (which make
// physical lines differ from records), a BOM, and times that are equal but
// written differently.
func fuzzSeeds(f *testing.F) {
	h := header
	for _, s := range []string{
		"",
		"\n",
		"\uFEFF" + h,
		h,
		small,
		h[:len(h)-1],
		"response_id,created_at,event,age_group,neighbourhood,wish,category,extra\na,,,,Centrs,,,x\n",
		"response_id;created_at;event\n",
		"\uFEFF" + h + "a,,,,Centrs,,\n",
		h + "a,,,,Centrs,,\r\nb,,,,Grīva,,\r\n",
		h + "a,,,,Centrs,,",
		h + "a,,,,,,\n",
		h + "a,,,,Nowhere,,\n",
		h + "a,,,,,\"multi\nline\nwish\",\nb,,,,Centrs,,\n",
		h + "a,,,,Centrs,\"unterminated\n",
		h + "a,,,,Centrs\n",
		h + "a,,,,Centrs,,,\n",
		h + "a,x\"y,,,Centrs,,\n",
		h + "a,not a time,,,Centrs,,\n",
		h + "a,2025-04-24T10:15:00Z,,,Centrs,,\na,2025-04-24T13:15:00+03:00,,,Grīva,,\n",
		h + "a,2025-04-24T10:15:00Z,,,Centrs,,\na,2025-04-24T10:16:00Z,,,Grīva,,\n",
		h + "a,,,13-15,Centrs,,\na,,,16-18,Grīva,,\n",
		h + "a,,,,Centrs,,\na,2025-04-24T10:15:00Z,,,Grīva,,\n",
		h + "a,,,,Centrs,Sols,nope\n",
		h + "a,,,,,Āra trenažieri!!,fitness\nb,,,,,  ĀRA  trenažieri,\n",
		h + "a,,,,Centrs,red \x1b[31mtext,\n",
		h + "a,,,,Centrs,bad \xff byte,\n",
		h + "a,,,,Centrs,rtl \u202eevil,\n",
		h + "a\u0085,,,,Centrs,,\n",
		h + "a,,Fair,,Centrs,,\na,,,,Grīva,,\na,,Default,,Gajoks,,\n",
		h + "a,,Fair,,Centrs,,\na,,Other,,Centrs,,\n",
		h + "a,,,,Centrs,,\na,,,,Centrs,,\n",
		h + "a,0001-01-01T00:00:00Z,,,Centrs,,\n",
		h + "a,0000-01-01T00:00:00+01:00,,,Centrs,,\n",
		h + "a,9999-12-31T23:59:59-01:00,,,Centrs,,\n",
		h + "a,2025-04-24T10:15:00.123456789+03:00,,,Centrs,,\n",
		h + "a,,,,,.,\n",
		h + "a,,,,,\" \",\n",
		h + "x,,,,Centrs,,\n\n\ny,,,,Grīva,,\n",
		h + "\"a\"\"b\",,\" \",,\"Ķīmiķu ciemats\",\"q,\"\"w\"\"\",\n",
	} {
		f.Add([]byte(s))
	}
	var b bytes.Buffer
	if _, err := fairgen.Write(&b, fairgen.Options{Seed: 1, Visitors: 6}); err != nil {
		f.Fatal(err)
	}
	f.Add(b.Bytes())
}

// lineCount is the number of physical lines of a file, as encoding/csv
// counts them: a last line without its line feed counts too.
func lineCount(data []byte) int {
	n := bytes.Count(data, []byte("\n"))
	if len(data) > 0 && data[len(data)-1] != '\n' {
		n++
	}
	return n
}

// checkLines fails unless every reported line is a data line of the file
// and they come in order of lines.
func checkLines(t *testing.T, data []byte, invalid []*LineError) {
	t.Helper()
	lines := lineCount(data)
	for i, le := range invalid {
		if le.Line < 2 || le.Line > lines {
			t.Fatalf("%v: line outside 2..%d", le, lines)
		}
		if i > 0 && le.Line < invalid[i-1].Line {
			t.Fatalf("lines out of order: %v after %v", le, invalid[i-1])
		}
		if le.Field == "" || le.Reason == "" || model.HasUnsafe(le.Error()) {
			t.Fatalf("unclear or unsafe report %q", le.Error())
		}
	}
}

// FuzzReadRows: the row reader and the checks of a batch never panic, and
// whatever they accept is a response that model.Response.Check accepts
// unchanged — what the store is promised. No database is touched.
func FuzzReadRows(f *testing.F) {
	fuzzSeeds(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		gaz := fuzzGaz()
		rr, err := newRowReader(bytes.NewReader(data))
		if err != nil {
			var le *LineError
			if !errors.As(err, &le) || le.Line != 1 || le.Field != "header" {
				t.Fatalf("header error %v is not a line 1 LineError", err)
			}
			return
		}
		b := newBatch(gaz, "Default")
		prev := 0
		for {
			row, err := rr.next()
			if err == io.EOF {
				break
			}
			if row.line < 2 || row.line < prev || row.line > lineCount(data) {
				t.Fatalf("row line %d (previous %d, file has %d)", row.line, prev, lineCount(data))
			}
			prev = row.line
			var le *LineError
			switch {
			case errors.As(err, &le):
				if le.Line != row.line {
					t.Fatalf("error %v for a row on line %d", le, row.line)
				}
				b.reject(row, le)
			case err != nil:
				t.Fatalf("next: %v", err)
			default:
				if len(row.fields) != len(rr.header) {
					t.Fatalf("%d fields, header has %d", len(row.fields), len(rr.header))
				}
				b.add(row)
			}
		}
		checkLines(t, data, b.invalid)
		for _, p := range b.list {
			if b.isBad(p) {
				continue
			}
			checked, err := p.resp.Check(gaz)
			if err != nil {
				t.Fatalf("import accepts the response of line %d, Check refuses it: %v", p.line, err)
			}
			if !reflect.DeepEqual(checked, p.resp) {
				t.Fatalf("Check changes an accepted response:\n%+v\n%+v", p.resp, checked)
			}
		}
	})
}

// fuzzStore opens a fresh database in a temporary folder.
func fuzzStore(t *testing.T) *db.SQLite {
	s, err := db.Open(filepath.Join(t.TempDir(), "f.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// contents is everything an import can change: the events with their
// counts, and every response.
func contents(t *testing.T, s db.Store) ([]model.EventSummary, []model.Response) {
	ctx := context.Background()
	evs, err := s.Events(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var rs []model.Response
	if err := s.EachResponse(ctx, "", func(r model.Response) error { rs = append(rs, r); return nil }); err != nil {
		t.Fatalf("read back: %v", err)
	}
	return evs, rs
}

// tallies is the tally of every event of the store.
func tallies(t *testing.T, s db.Store, gaz *model.Gazetteer) map[string]model.Tally {
	ctx := context.Background()
	evs, err := s.Events(ctx)
	if err != nil {
		t.Fatal(err)
	}
	out := make(map[string]model.Tally)
	for _, ev := range evs {
		tl, ok, err := s.TallyCounted(ctx, gaz, ev.Name)
		if err != nil || !ok {
			t.Fatalf("tally %q from the counts: %v, %v", ev.Name, ok, err)
		}
		if want, err := TallyResponses(ctx, s, gaz, ev.Name); err != nil || !reflect.DeepEqual(tl, want) {
			t.Fatalf("tally %q from the counts\n%+v\nresponse by response (%v)\n%+v", ev.Name, tl, err, want)
		}
		out[ev.Name] = tl
	}
	return out
}

// exportCSVOf exports every event of the store as CSV.
func exportCSVOf(t *testing.T, s db.Store) []byte {
	var b bytes.Buffer
	if err := Export(context.Background(), s, "", "csv", &b); err != nil {
		t.Fatalf("export: %v", err)
	}
	return b.Bytes()
}

// FuzzImport: Import into a real database never panics; it fails with a
// line 1 header error, or with ErrInvalid and every bad line (2 ≤ line ≤
// the file's lines) reported and nothing written; or it succeeds, and then
// exporting and importing into a fresh database gives the same tallies and
// the same export, and importing the file again adds nothing. A refused
// file imported with skipInvalid keeps those promises for what it writes.
func FuzzImport(f *testing.F) {
	fuzzSeeds(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		ctx := context.Background()
		gaz := fuzzGaz()
		s1 := fuzzStore(t)
		evs0, rs0 := contents(t, s1)
		rep, err := Import(ctx, s1, gaz, "Default", bytes.NewReader(data), false)
		var le *LineError
		switch {
		case err == nil:
			if len(rep.Invalid) != 0 || rep.Rejected != 0 {
				t.Fatalf("success with invalid lines: %+v", rep)
			}
		case errors.As(err, &le):
			if le.Line != 1 || le.Field != "header" {
				t.Fatalf("import error %v is not a header error", err)
			}
			if evs, rs := contents(t, s1); !reflect.DeepEqual(evs, evs0) || !reflect.DeepEqual(rs, rs0) {
				t.Fatalf("a bad header wrote: %v %v", evs, rs)
			}
			return
		case errors.Is(err, ErrInvalid):
			if len(rep.Invalid) == 0 {
				t.Fatal("ErrInvalid without a line")
			}
			checkLines(t, data, rep.Invalid)
			if evs, rs := contents(t, s1); !reflect.DeepEqual(evs, evs0) || !reflect.DeepEqual(rs, rs0) {
				t.Fatalf("a refused import wrote: %v %v", evs, rs)
			}
			// The same file with skipInvalid writes what is valid.
			rep, err = Import(ctx, s1, gaz, "Default", bytes.NewReader(data), true)
			if err != nil {
				t.Fatalf("skipInvalid: %v (%v)", err, rep.Invalid)
			}
			if len(rep.Invalid) == 0 {
				t.Fatal("skipInvalid forgot the invalid lines")
			}
			checkLines(t, data, rep.Invalid)
		default:
			t.Fatalf("import: %v", err)
		}

		// Round trip: export, import into a fresh database, compare.
		want := tallies(t, s1, gaz)
		out1 := exportCSVOf(t, s1)
		_, rs1 := contents(t, s1)
		s2 := fuzzStore(t)
		rep2, err := Import(ctx, s2, gaz, "Default", bytes.NewReader(out1), false)
		if err != nil {
			t.Fatalf("re-import of the export: %v %v\n%s", err, rep2.Invalid, out1)
		}
		if rep2.Added != len(rs1) {
			t.Fatalf("re-import added %d of %d responses", rep2.Added, len(rs1))
		}
		if got := tallies(t, s2, gaz); !reflect.DeepEqual(got, want) {
			t.Fatalf("tallies differ after export and import:\n%+v\n%+v", want, got)
		}
		if out2 := exportCSVOf(t, s2); !bytes.Equal(out1, out2) {
			t.Fatalf("exports differ:\n%s\n%s", out1, out2)
		}

		// Idempotence: the same file again adds nothing.
		rep3, err := Import(ctx, s1, gaz, "Default", bytes.NewReader(data), rep.Rejected > 0 || len(rep.Invalid) > 0)
		if err != nil {
			t.Fatalf("second import: %v %v", err, rep3.Invalid)
		}
		if rep3.Added != 0 || rep3.AddedMarks != 0 {
			t.Fatalf("second import added: %+v", rep3)
		}
		if got := tallies(t, s1, gaz); !reflect.DeepEqual(got, want) {
			t.Fatalf("tallies changed by a second import:\n%+v\n%+v", want, got)
		}
	})
}
