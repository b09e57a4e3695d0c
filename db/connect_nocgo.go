//go:build !cgo

package db

import sqlite3 "github.com/mattn/go-sqlite3"

// onConnect does nothing: built without cgo, go-sqlite3 is a stub that
// opens no connection (the command line says so before it opens any).
func onConnect(*sqlite3.SQLiteConn) error { return nil }
