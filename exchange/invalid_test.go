package exchange

import (
	"context"
	"errors"
	"reflect"
	"strings"
	"testing"
)

// validRows are two good responses that every invalid file builds on.
const validRows = "" +
	"a1,2025-04-24T09:00:00+03:00,Fair,16-18,Centrs,Āra trenažieri,fitness\n" +
	"a1,2025-04-24T09:00:00+03:00,Fair,16-18,griva,,\n" +
	"a2,2025-04-24T09:05:00Z,Fair,,,Больше скамеек,hangout\n"

func TestInvalidImports(t *testing.T) {
	t.Parallel()
	row := func(fields ...string) string { return strings.Join(fields, ",") + "\n" }
	good := []string{"b1", "2025-04-24T10:00:00+03:00", "Fair", "13-15", "Grīva", "Sakopt vidi", "clean"}
	with := func(i int, v string) string {
		f := append([]string(nil), good...)
		f[i] = v
		return row(f...)
	}
	cases := []struct {
		name, file, want string
	}{
		{"unknown neighbourhood", with(4, "Atlantīda"), `line 5: neighbourhood: unknown neighbourhood "Atlantīda"`},
		{"wish too long", with(5, strings.Repeat("ā", 281)), "line 5: wish: 281 characters, at most 280 allowed"},
		{"escape in wish", with(5, "\x1b[31mred\x1b[0m"), "line 5: wish: control character"},
		{"escape in response_id", with(0, "b\x1b]0;x\a1"), "line 5: response_id: control character"},
		{"control in created_at", with(1, "2025-04-24T10:00:00Z\x00"), "line 5: created_at: control character"},
		{"control in event", with(2, "Fair\x07"), "line 5: event: control character"},
		{"bidi in age_group", with(3, "16\u202e-18"), "line 5: age_group: control character"},
		{"control in neighbourhood", with(4, "Centrs\x08"), "line 5: neighbourhood: control character"},
		{"control in category", with(6, "\x1bclean"), "line 5: category: control character"},
		{"newline in quoted wish", row(good[0], good[1], good[2], good[3], good[4], "\"two\nlines\"", "") +
			with(4, "Nekur"), "line 5: wish: control character"},
		{"invalid UTF-8", with(5, "Sakopt \xff vidi"), "line 5: wish: invalid UTF-8"},
		{"too few fields", row(good[:6]...), "line 5: row: 6 fields, the header has 7"},
		{"too many fields", row(append(good, "x")...), "line 5: row: 8 fields, the header has 7"},
		{"bare quote", with(5, `a "quoted" word`), "line 5: row: malformed CSV"},
		{"bad time", with(1, "24.04.2025 10:00"), `line 5: created_at: "24.04.2025 10:00" is not an RFC 3339 time`},
		{"time without zone", with(1, "2025-04-24T10:00:00"), "line 5: created_at:"},
		{"unknown category", with(6, "parks"), `line 5: category: unknown category "parks"`},
		{"neither neighbourhood nor wish", row(good[0], good[1], good[2], good[3], "", " ", ""), "line 5: neighbourhood: neither a neighbourhood nor a wish"},
		{"empty id", with(0, ""), "line 5: response_id: empty"},
		{"rows disagree on time", row(good...) + with(1, "2025-04-24T10:00:01+03:00"),
			`line 6: created_at: "2025-04-24T10:00:01+03:00" differs from line 5 of the same response ("2025-04-24T10:00:00+03:00")`},
		{"rows disagree on age group", row(good...) + with(3, "19+"),
			`line 6: age_group: "19+" differs from line 5 of the same response ("13-15")`},
		{"conflict with stored", row("a2", "2025-04-24T09:05:00Z", "Fair", "", "", "Больше скамеек", "light"),
			`line 4: response_id: "a2" already stored with different content`}, // a2 begins on line 4
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			checkRefused(t, header+validRows, header+validRows+tc.file, tc.want)
		})
	}
}

func TestInvalidHeaders(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ name, file, want string }{
		{"short header", "response_id,created_at,event\n" + validRows, "line 1: header: must begin"},
		{"misspelt column", strings.Replace(header, "wish", "wishes", 1) + validRows, "line 1: header: must begin"},
		{"extra unknown column", strings.ReplaceAll(header+validRows, "\n", ",x\n"), `line 1: header: unknown column "x"`},
		{"no header", validRows, "line 1: header: must begin"},
		{"empty file", "", "line 1: header: empty file"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			checkRefused(t, header+validRows, tc.file, tc.want)
		})
	}
}

// checkRefused imports base, then bad, and checks that bad is refused
// saying want (the line the command prints), and the database unchanged.
func checkRefused(t *testing.T, base, bad, want string) {
	t.Helper()
	s, g := openStore(t), daugavpils(t)
	mustImport(t, s, g, []byte(base))
	events, responses := contents(t, s)
	export := exportCSVOf(t, s)
	rep, err := Import(context.Background(), s, g, "", strings.NewReader(bad), false)
	if got := refusal(rep, err); err == nil || !strings.Contains(got, want) {
		t.Errorf("%v; said:\n%s\nwant %q", err, got, want)
	}
	if rep.Added != 0 {
		t.Errorf("a refused import added %d responses", rep.Added)
	}
	if evs, rs := contents(t, s); !reflect.DeepEqual(evs, events) || !reflect.DeepEqual(rs, responses) {
		t.Errorf("a refused import changed the database:\n%+v\n%+v", evs, rs)
	}
	if after := exportCSVOf(t, s); string(after) != string(export) {
		t.Errorf("a refused import changed the export:\n%s\nwas:\n%s", after, export)
	}
}

// refusal is what an import says when it fails: every invalid line, a
// line each, or its error (a malformed header).
func refusal(rep Report, err error) string {
	if !errors.Is(err, ErrInvalid) {
		if err == nil {
			return ""
		}
		return err.Error()
	}
	lines := make([]string, len(rep.Invalid))
	for i, le := range rep.Invalid {
		lines[i] = le.Error()
	}
	return strings.Join(lines, "\n")
}

func TestEveryInvalidRowReported(t *testing.T) {
	t.Parallel()
	bad := header + validRows +
		"b0,,Fair,,Centrs,\"a wish\non two lines\",\n" + // lines 5-6
		"b1,,Fair,,Nekur,,\n" + // line 7
		"b2,,Fair,,Centrs,,parks\n" + // line 8
		"b3,,Fair,,Centrs,\"a, b\",\n" // line 9, valid
	rep, err := Import(context.Background(), openStore(t), daugavpils(t), "", strings.NewReader(bad), false)
	said := refusal(rep, err)
	if !errors.Is(err, ErrInvalid) || len(rep.Invalid) != 3 || !strings.Contains(said, "line 5: wish: control character") ||
		!strings.Contains(said, "line 7: neighbourhood") || !strings.Contains(said, "line 8: category") || strings.Contains(said, "line 9") {
		t.Errorf("%v, %d invalid:\n%s", err, len(rep.Invalid), said)
	}
}

func TestSkipInvalid(t *testing.T) {
	t.Parallel()
	s, g := openStore(t), daugavpils(t)
	bad := header + validRows +
		"b1,2025-04-24T10:00:00Z,Fair,,Centrs,Sakopt vidi,clean\n" + // line 5: b1 is spoilt by line 6
		"b1,2025-04-24T10:00:00Z,Fair,,Nekur,,\n" + // line 6
		"b2,2025-04-24T10:01:00Z,Fair,,Gajoks,,\n" // line 7
	rep, err := Import(context.Background(), s, g, "", strings.NewReader(bad), true)
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Invalid) != 1 || rep.Invalid[0].Error() != `line 6: neighbourhood: unknown neighbourhood "Nekur"` ||
		rep.Rejected != 1 || rep.Added != 3 || rep.AddedMarks != 4 || !reflect.DeepEqual(rep.NewEvents, []string{"Fair"}) {
		t.Errorf("report %+v", rep)
	}
	export := string(exportCSVOf(t, s))
	if strings.Contains(export, "b1,") || !strings.Contains(export, "b2,") {
		t.Errorf("export after skipping the invalid:\n%s", export)
	}
}

func TestImportBOMAndCRLF(t *testing.T) {
	t.Parallel()
	file := "\uFEFF" + strings.ReplaceAll(header+validRows, "\n", "\r\n")
	rep, err := Import(context.Background(), openStore(t), daugavpils(t), "", strings.NewReader(file), false)
	if err != nil || rep.Added != 2 || rep.AddedMarks != 3 {
		t.Fatalf("%v, %+v", err, rep)
	}
}

// TestConflictReportedWithInvalidRows: a file with an invalid row and a
// response stored with different content (stored deleted, too) is
// refused naming both — every invalid row, as the contract says — not
// the invalid row first and the conflict at the next try.
func TestConflictReportedWithInvalidRows(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s, g := openStore(t), daugavpils(t)
	mustImport(t, s, g, []byte(header+validRows))
	if _, err := s.DeleteResponse(ctx, "Fair", "a1", "local"); err != nil {
		t.Fatal(err)
	}
	bad := header +
		"a1,2025-04-24T09:00:00+03:00,Fair,16-18,Centrs,Āra trenažieri,fitness\n" + // line 2: a1 lacks Grīva
		"a2,2025-04-24T09:05:00Z,Fair,,,Больше скамеек,light\n" + // line 3: another category
		"b1,,Fair,,Nekur,,\n" + // line 4
		"a2,2025-04-24T09:05:00Z,School,,,Больше скамеек,light\n" // line 5: another event's a2, new
	rep, err := Import(ctx, s, g, "", strings.NewReader(bad), false)
	want := "line 2: response_id: \"a1\" already stored with different content\n" +
		"line 3: response_id: \"a2\" already stored with different content\n" +
		"line 4: neighbourhood: unknown neighbourhood \"Nekur\""
	if got := refusal(rep, err); !errors.Is(err, ErrInvalid) || got != want {
		t.Errorf("%v; said:\n%s\nwant:\n%s", err, got, want)
	}
}
