package exchange

import (
	"bytes"
	"context"
	"path/filepath"
	"testing"

	"standmap/ascii_maps"
	"standmap/db"
	"standmap/internal/fairgen"
	"standmap/model"
)

// openStore opens a fresh database in a temporary folder.
func openStore(tb testing.TB) *db.SQLite {
	tb.Helper()
	s, err := db.Open(filepath.Join(tb.TempDir(), "standmap.db"))
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { s.Close() })
	return s
}

// daugavpils returns the default map's gazetteer.
func daugavpils(tb testing.TB) *model.Gazetteer {
	tb.Helper()
	c, err := ascii_maps.Load("daugavpils")
	if err != nil {
		tb.Fatal(err)
	}
	return c.Gazetteer
}

// generated returns a generated fair CSV.
func generated(tb testing.TB, o fairgen.Options) []byte {
	tb.Helper()
	var b bytes.Buffer
	if _, err := fairgen.Write(&b, o); err != nil {
		tb.Fatal(err)
	}
	return b.Bytes()
}

// mustImport imports CSV text that must be valid.
func mustImport(tb testing.TB, s db.Store, g *model.Gazetteer, csv []byte) Report {
	tb.Helper()
	rep, err := Import(context.Background(), s, g, "Default", bytes.NewReader(csv), false)
	if err != nil {
		tb.Fatalf("import: %v (%v)", err, rep.Invalid)
	}
	return rep
}
