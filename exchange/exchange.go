// Package exchange moves responses in and out of standmap: the CSV import
// and export of the contract, the JSON export, and the printed tally. It
// speaks model types and the store's interfaces, never SQL.
package exchange

import (
	"errors"
	"fmt"

	"standmap/db"
)

// Reader is what an export and a count read of the store: the responses
// and their curation.
type Reader interface {
	db.ResponseReader
	db.CurationReader
}

// TallyReader is what Tally reads: the responses, their curation and the
// counts the store keeps of their marks.
type TallyReader interface {
	Reader
	db.Counts
}

// Target is what an import writes to: the responses, with the curation
// their file carries, and the responses and curation stored, to compare.
type Target interface {
	db.Importer
	db.ResponseReader
	db.CurationReader
}

// Header is the columns every standmap CSV begins with, in this order.
var Header = []string{"response_id", "created_at", "event", "age_group", "neighbourhood", "wish", "category"}

// ExtraColumns lists the columns that standmap itself exports after
// Header, in this order: the curated group of each mark's wish (see
// curated.go). Import accepts any of them and checks their values; with
// all four it carries the curation they describe (carry.go). Any other
// extra column makes the header malformed, so that a typo is never
// silently ignored.
var ExtraColumns = []string{ColGroup, ColGroupText, ColGroupCategory, ColHidden}

// ColDeletedAt is the column `export --include-deleted` writes last: when
// the response was deleted (RFC 3339, UTC), or empty for a counted one.
// Import understands it: a response deleted in the file is written
// deleted (kept, counted nowhere, restorable).
const ColDeletedAt = "deleted_at"

// ErrInvalid is returned by Import when rows are invalid (or conflict with
// stored responses) and nothing was written; Report.Invalid lists them.
var ErrInvalid = errors.New("invalid rows")

// LineError is one invalid line of an imported file.
type LineError struct {
	// Line is the physical line of the file (the header is line 1) on
	// which the row begins.
	Line int
	// Field is the contract's column name, "row" for a malformed row or
	// "header" for the header.
	Field string
	// Reason says what is wrong, in lower case.
	Reason string
}

// Error returns "line N: field: reason".
func (e *LineError) Error() string {
	return fmt.Sprintf("line %d: %s: %s", e.Line, e.Field, e.Reason)
}

// Report says what an import did, or would have done.
type Report struct {
	// Rows counts the data rows read (header excluded).
	Rows int
	// Added counts the responses written; AddedMarks their marks;
	// AddedDeleted those of them deleted in the file (written deleted,
	// counted nowhere).
	Added, AddedMarks, AddedDeleted int
	// Skipped counts responses already stored with the same content.
	Skipped int
	// Rejected counts responses left out whole because one of their rows
	// was invalid or their id is stored with different content (only
	// with skipInvalid; otherwise nothing is written).
	Rejected int
	// Events lists the events the file's responses belong to, in order of
	// first appearance; NewEvents those the import created.
	Events, NewEvents []string
	// Invalid lists every invalid line, in order of lines.
	Invalid []*LineError
	// Curated lists the events whose curation the import carried from
	// the file's curated columns; CurationActions counts the actions.
	Curated         []string
	CurationActions int
	// Notes says, a line each, what curation of the file was not carried
	// and why.
	Notes []string
}
