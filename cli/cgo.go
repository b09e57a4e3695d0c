//go:build cgo

package cli

// cgoEnabled: SQLite (mattn/go-sqlite3) is compiled in.
const cgoEnabled = true
