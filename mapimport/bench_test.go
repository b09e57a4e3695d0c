package mapimport

import (
	"os"
	"testing"
)

// BenchmarkImportRealCity imports Seattle's 90 neighbourhoods (30k
// vertices) at the default size and at the largest.
func BenchmarkImportRealCity(b *testing.B) {
	src, err := os.ReadFile(realCity)
	if err != nil {
		b.Fatal(err)
	}
	for _, size := range []struct {
		name       string
		cols, rows int
	}{{"default", 0, 0}, {"largest", MaxCols, MaxRows}} {
		b.Run(size.name, func(b *testing.B) {
			for b.Loop() {
				if _, err := Import(src, Options{File: realCity, NameProperty: "name", Cols: size.cols, Rows: size.rows}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
