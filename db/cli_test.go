package db

import (
	"context"
	"os"
	"os/exec"
	"strings"
	"testing"
)

// TestReadableWithSQLite3 runs the queries of SCHEMA.md through the
// sqlite3 tool, when it is installed, on a database standmap wrote.
func TestReadableWithSQLite3(t *testing.T) {
	t.Parallel()
	bin, err := exec.LookPath("sqlite3")
	if err != nil {
		t.Skip("sqlite3 not installed")
	}
	s, path := openTemp(t)
	if _, err := s.Import(context.Background(), fairResponses("Profesiju gadatirgus 2025", 3), false); err != nil {
		t.Fatal(err)
	}
	doc, err := os.ReadFile("SCHEMA.md")
	if err != nil {
		t.Fatal(err)
	}
	_, rest, _ := strings.Cut(string(doc), "```sql\n")
	queries, _, _ := strings.Cut(rest, "```")
	cmd := exec.Command(bin, "-readonly", path)
	cmd.Stdin = strings.NewReader(queries)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	for _, want := range []string{"Profesiju gadatirgus 2025|3", "r000002|2025-05-01T10:00:00.000002002Z|16-18|Centrs|Āra trenažieri!|fitness"} {
		if !strings.Contains(string(out), want) {
			t.Errorf("sqlite3 output lacks %q:\n%s", want, out)
		}
	}
}
