//go:build cgo

package db

import sqlite3 "github.com/mattn/go-sqlite3"

// onConnect sets up every connection the driver opens: a statement's
// journal (what undoes a multi-row INSERT that fails within a
// transaction) in memory, not in a temporary file written a page at a
// time — a 100,000-row import made 100,000 small writes for it.
func onConnect(c *sqlite3.SQLiteConn) error {
	_, err := c.Exec("PRAGMA temp_store = MEMORY", nil)
	return err
}
