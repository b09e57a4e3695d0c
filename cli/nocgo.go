//go:build !cgo

package cli

// cgoEnabled: built with CGO_ENABLED=0 (what Go does when gcc is
// missing), go-sqlite3 is a stub that fails at the first query.
const cgoEnabled = false
