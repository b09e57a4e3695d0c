package main

import (
	"strings"
	"testing"
)

// validRows are two good responses that every invalid file builds on.
const validRows = "" +
	"a1,2025-04-24T09:00:00+03:00,Fair,16-18,Centrs,Āra trenažieri,fitness\n" +
	"a1,2025-04-24T09:00:00+03:00,Fair,16-18,griva,,\n" +
	"a2,2025-04-24T09:05:00Z,Fair,,,Больше скамеек,hangout\n"

func TestInvalidImports(t *testing.T) {
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
			checkRefused(t, csvHeader+validRows, csvHeader+validRows+tc.file, tc.want)
		})
	}
}

func TestInvalidHeaders(t *testing.T) {
	for _, tc := range []struct{ name, file, want string }{
		{"short header", "response_id,created_at,event\n" + validRows, "line 1: header: must begin"},
		{"misspelt column", strings.Replace(csvHeader, "wish", "wishes", 1) + validRows, "line 1: header: must begin"},
		{"extra unknown column", strings.ReplaceAll(csvHeader+validRows, "\n", ",x\n"), `line 1: header: unknown column "x"`},
		{"no header", validRows, "line 1: header: must begin"},
		{"empty file", "", "line 1: header: empty file"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			checkRefused(t, csvHeader+validRows, tc.file, tc.want)
		})
	}
}

// checkRefused imports base, then bad, and checks that bad is refused with
// want on stderr, exit 1, and the database unchanged.
func checkRefused(t *testing.T, base, bad, want string) {
	t.Helper()
	s := newStand(t)
	if _, errs, code := s.importText(base); code != 0 {
		t.Fatalf("base import: exit %d: %s", code, errs)
	}
	before := s.ok("export")
	events := s.ok("events")
	out, errs, code := s.importText(bad)
	if code != 1 || !strings.Contains(errs, want) {
		t.Errorf("exit %d, stderr:\n%s\nwant exit 1 and %q", code, errs, want)
	}
	if out != "" {
		t.Errorf("a refused import printed %q", out)
	}
	if after := s.ok("export"); after != before {
		t.Errorf("a refused import changed the export:\n%s\nwas:\n%s", after, before)
	}
	if after := s.ok("events"); after != events {
		t.Errorf("a refused import changed the events:\n%s\nwas:\n%s", after, events)
	}
}

func TestEveryInvalidRowReported(t *testing.T) {
	bad := csvHeader + validRows +
		"b0,,Fair,,Centrs,\"a wish\non two lines\",\n" + // lines 5-6
		"b1,,Fair,,Nekur,,\n" + // line 7
		"b2,,Fair,,Centrs,,parks\n" + // line 8
		"b3,,Fair,,Centrs,\"a, b\",\n" // line 9, valid
	s := newStand(t)
	_, errs, code := s.importText(bad)
	if code != 1 || !strings.Contains(errs, "line 5: wish: control character") || !strings.Contains(errs, "line 7: neighbourhood") ||
		!strings.Contains(errs, "line 8: category") || strings.Contains(errs, "line 9") ||
		!strings.Contains(errs, "3 rows are invalid; nothing imported") {
		t.Errorf("exit %d, stderr:\n%s", code, errs)
	}
}

func TestSkipInvalid(t *testing.T) {
	s := newStand(t)
	bad := csvHeader + validRows +
		"b1,2025-04-24T10:00:00Z,Fair,,Centrs,Sakopt vidi,clean\n" + // line 5: b1 is spoilt by line 6
		"b1,2025-04-24T10:00:00Z,Fair,,Nekur,,\n" + // line 6
		"b2,2025-04-24T10:01:00Z,Fair,,Gajoks,,\n" // line 7
	out, errs, code := s.importText(bad, "--skip-invalid")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if !strings.Contains(errs, `line 6: neighbourhood: unknown neighbourhood "Nekur"`) ||
		!strings.Contains(errs, "skipped 1 response with invalid rows") {
		t.Errorf("stderr:\n%s", errs)
	}
	if !strings.HasPrefix(out, `imported 3 responses (4 marks), 0 already stored, into event(s) "Fair" (new)`) {
		t.Errorf("stdout: %q", out)
	}
	export := s.ok("export")
	if strings.Contains(export, "b1,") || !strings.Contains(export, "b2,") {
		t.Errorf("export after --skip-invalid:\n%s", export)
	}
}

func TestImportBOMAndCRLF(t *testing.T) {
	s := newStand(t)
	file := "\uFEFF" + strings.ReplaceAll(csvHeader+validRows, "\n", "\r\n")
	out, errs, code := s.importText(file)
	if code != 0 || !strings.HasPrefix(out, "imported 2 responses (3 marks)") {
		t.Fatalf("exit %d, %q, %s", code, out, errs)
	}
}
