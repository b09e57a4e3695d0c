// Command fairgen writes a generated fair CSV to standard output:
//
//	go run ./scripts/fairgen -seed 2025 -visitors 600 > testdata/fair/fair.csv
package main

import (
	"bufio"
	"flag"
	"fmt"
	"os"

	"standmap/internal/fairgen"
)

func main() {
	seed := flag.Uint64("seed", 2025, "random seed (the same seed writes the same file)")
	visitors := flag.Int("visitors", 600, "number of responses")
	rows := flag.Int("rows", 0, "stop after about this many rows (0 = no limit)")
	flag.Parse()
	w := bufio.NewWriter(os.Stdout)
	n, err := fairgen.Write(w, fairgen.Options{Seed: *seed, Visitors: *visitors, MaxRows: *rows})
	if err == nil {
		err = w.Flush()
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "fairgen:", err)
		os.Exit(1)
	}
	fmt.Fprintf(os.Stderr, "fairgen: %d rows\n", n)
}
