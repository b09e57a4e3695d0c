//go:build !cgo

package db

// driverName is go-sqlite3's driver as registered without cgo: a stub
// whose every open fails ("requires cgo"). The command line refuses to
// start before it gets here (cli's cgo check).
const driverName = "sqlite3"
