//go:build cgo

package db

import (
	"database/sql"

	sqlite3 "github.com/mattn/go-sqlite3"
)

// driverName is the mattn/go-sqlite3 driver with standmap's settings of
// every connection it opens.
const driverName = "sqlite3-standmap"

func init() {
	sql.Register(driverName, &sqlite3.SQLiteDriver{ConnectHook: func(c *sqlite3.SQLiteConn) error {
		// A statement's journal (what undoes a multi-row INSERT that
		// fails within a transaction) in memory, not in a temporary file
		// written a page at a time: a 100,000-row import made 100,000
		// small writes for it.
		_, err := c.Exec("PRAGMA temp_store = MEMORY", nil)
		return err
	}})
}
