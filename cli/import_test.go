package cli

import (
	"strings"
	"testing"

	"standmap/internal/standtest"
)

// importRows are two good responses (three rows) of the event Fair.
const importRows = "" +
	"a1,2025-04-24T09:00:00+03:00,Fair,16-18,Centrs,Āra trenažieri,fitness\n" +
	"a1,2025-04-24T09:00:00+03:00,Fair,16-18,griva,,\n" +
	"a2,2025-04-24T09:05:00Z,Fair,,,Больше скамеек,hangout\n"

// TestImportSaysWhatItRefused: a refused file prints every invalid line
// and how many, exits 1 and prints nothing on stdout; with
// --skip-invalid the invalid lines, the responses left out and the
// summary; a file with a BOM and CRLF lines is imported (what is refused
// and why is exchange's: exchange/invalid_test.go).
func TestImportSaysWhatItRefused(t *testing.T) {
	t.Parallel()
	s := newStand(t)
	bad := standtest.CSVHeader + importRows +
		"b0,,Fair,,Centrs,\"a wish\non two lines\",\n" + // lines 5-6
		"b1,,Fair,,Nekur,,\n" + // line 7
		"b2,,Fair,,Centrs,,parks\n" // line 8
	out, errs, code := s.ImportText(bad)
	if code != 1 || out != "" || !strings.Contains(errs, "line 5: wish: control character") ||
		!strings.Contains(errs, "line 7: neighbourhood") || !strings.Contains(errs, "line 8: category") ||
		!strings.Contains(errs, "3 rows are invalid; nothing imported") {
		t.Errorf("exit %d, stdout %q, stderr:\n%s", code, out, errs)
	}

	skip := standtest.CSVHeader + importRows +
		"b1,2025-04-24T10:00:00Z,Fair,,Centrs,Sakopt vidi,clean\n" + // line 5: b1 is spoilt by line 6
		"b1,2025-04-24T10:00:00Z,Fair,,Nekur,,\n" + // line 6
		"b2,2025-04-24T10:01:00Z,Fair,,Gajoks,,\n" // line 7
	out, errs, code = s.ImportText(skip, "--skip-invalid")
	if code != 0 || !strings.Contains(errs, `line 6: neighbourhood: unknown neighbourhood "Nekur"`) ||
		!strings.Contains(errs, "skipped 1 response with invalid rows") ||
		!strings.HasPrefix(out, `imported 3 responses (4 marks), 0 already stored, into event(s) "Fair" (new)`) {
		t.Errorf("--skip-invalid: exit %d, stdout %q, stderr:\n%s", code, out, errs)
	}

	crlf := "\uFEFF" + strings.ReplaceAll(standtest.CSVHeader+importRows, "\n", "\r\n")
	if out, errs, code := newStand(t).ImportText(crlf); code != 0 || !strings.HasPrefix(out, "imported 2 responses (3 marks)") {
		t.Errorf("BOM and CRLF: exit %d, %q, %s", code, out, errs)
	}
}

// TestImportSaysWhatIsDeleted: a file of an audit export holds a deleted
// response; the summary says it is written deleted, so that "imported 2
// responses" is not read as two that count (the tally says 1).
func TestImportSaysWhatIsDeleted(t *testing.T) {
	t.Parallel()
	s := newStand(t)
	file := strings.TrimSuffix(standtest.CSVHeader, "\n") + ",deleted_at\n" +
		"a1,2025-04-24T09:00:00Z,Fair,,Centrs,,,\n" +
		"a2,2025-04-24T09:01:00Z,Fair,,Grīva,,,2025-04-24T10:00:00Z\n"
	out, errs, code := s.ImportText(file)
	if code != 0 || !strings.HasPrefix(out, `imported 2 responses (2 marks; 1 of them deleted in the file, counted nowhere), 0 already stored`) {
		t.Errorf("exit %d, stdout %q, stderr:\n%s", code, out, errs)
	}
	if out := s.OK("tally", "--event", "Fair"); !strings.HasPrefix(out, "Fair: 1 response\n") {
		t.Errorf("tally:\n%s", out)
	}
}
