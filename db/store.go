// Package db is standmap's SQLite store: embedded numbered migrations, one
// writer connection and a read pool, every save one transaction.
package db

import (
	"context"
	"errors"

	"standmap/model"
)

// Sentinel errors callers branch on.
var (
	// ErrNotFound: no such event or response.
	ErrNotFound = errors.New("not found")
	// ErrEventExists: an event of that name is already stored.
	ErrEventExists = errors.New("event already exists")
	// ErrConflict: a response id is stored with different content.
	ErrConflict = errors.New("response id already stored with different content")
)

// ImportResult says what an import did.
type ImportResult struct {
	// Added counts responses written.
	Added int
	// AddedMarks counts the marks of the responses written.
	AddedMarks int
	// AddedDeleted counts, of the responses written, those deleted in
	// the file: written deleted, counted nowhere.
	AddedDeleted int
	// Skipped counts responses already stored with the same content.
	Skipped int
	// Conflicts lists the indexes (into the slice given to Import) of
	// responses whose id is stored with different content.
	Conflicts []int
	// NewEvents lists events the import created.
	NewEvents []string
	// Curated lists the events whose curation ImportCurated wrote, in
	// order of name; CurationActions counts the actions it logged.
	Curated         []string
	CurationActions int
	// CurationKept lists the events given curation to import whose
	// audit log was not empty: their curation is left as it was.
	CurationKept []string
	// CurationDiffers lists the events given curation to import of
	// which a stored response differs from the imported one (in
	// conflict, or its marks in another order): none is imported.
	CurationDiffers []string
}

// Change is one row of the change log: a response of an event was
// written or deleted.
type Change struct {
	// Seq orders the log; it only grows.
	Seq int64
	// Event is the name of the response's event.
	Event string
	// ResponseID is the id of the response written or deleted.
	ResponseID string
}

// The store's interfaces, one reader and one writer per aggregate
// (events, display state, responses, drafts, curation, counts, the change
// log), so that a caller takes the smallest it needs, and a wrapper that
// must guard every write (an SSH viewer's store) implements Writer in
// full rather than inherit a write by embedding. All methods are safe for
// concurrent use. Responses given to a store must already be checked
// (model.Response.Check).

// EventReader reads events and their settings.
type EventReader interface {
	// Events lists every event, oldest first, with its counted
	// responses.
	Events(ctx context.Context) ([]model.EventSummary, error)
	// Event returns the event of that name, or ErrNotFound.
	Event(ctx context.Context, name string) (model.Event, error)
	// EventByID returns the event with that ID under its name now, or
	// ErrNotFound: how a window open on an event follows its renaming.
	EventByID(ctx context.Context, id int64) (model.Event, error)
	// CurrentEvent returns the event made current by SwitchEvent, else
	// the most recently started one, or ErrNotFound.
	CurrentEvent(ctx context.Context) (model.Event, error)
	// EventSettings returns an event's stored settings (zero values where
	// it sets none; see EventSettings.Effective); ErrNotFound.
	EventSettings(ctx context.Context, name string) (EventSettings, error)
}

// EventWriter starts, renames, switches and configures events.
type EventWriter interface {
	// CreateEvent starts an event; ErrEventExists if the name is taken.
	CreateEvent(ctx context.Context, name string) (model.Event, error)
	// RenameEvent renames an event; ErrNotFound, or ErrEventExists when
	// the new name is taken.
	RenameEvent(ctx context.Context, old, name string) error
	// SwitchEvent makes an event current until another is started or
	// switched to; ErrNotFound when it does not exist.
	SwitchEvent(ctx context.Context, name string) error
	// SetEventSettings stores an event's settings whole; ErrNotFound.
	SetEventSettings(ctx context.Context, name string, st EventSettings) error
}

// DisplayReader reads what an event's screens show.
type DisplayReader interface {
	// Display returns what the event's projections and boards show
	// (hidden, frozen, reveal time; the zero state when never set);
	// ErrNotFound.
	Display(ctx context.Context, event string) (model.DisplayState, error)
}

// DisplayWriter stores what an event's screens show.
type DisplayWriter interface {
	// SetDisplay stores it, for every process on the database to follow;
	// ErrNotFound.
	SetDisplay(ctx context.Context, event string, d model.DisplayState) error
}

// ResponseReader reads responses.
type ResponseReader interface {
	// Response returns one counted response, or ErrNotFound (also when
	// it is deleted).
	Response(ctx context.Context, event, id string) (model.Response, error)
	// Recent returns up to n counted responses of the event, newest
	// entry first.
	Recent(ctx context.Context, event string, n int) ([]model.Response, error)
	// EachResponse calls fn with every counted response of the event
	// ("" = all events) in order of entry (Seq), marks in their stored
	// order. Deleted responses are left out: every count, board, report
	// and export reads through it.
	EachResponse(ctx context.Context, event string, fn func(model.Response) error) error
	// EachResponseIncludingDeleted is EachResponse with the deleted
	// responses in their place (DeletedAt set), for an audit export.
	EachResponseIncludingDeleted(ctx context.Context, event string, fn func(model.Response) error) error
	// DeletedResponses returns the event's deleted responses, the most
	// recently deleted first; ErrNotFound when the event does not exist.
	DeletedResponses(ctx context.Context, event string) ([]model.Response, error)
}

// ResponseWriter saves, deletes and restores responses one at a time.
type ResponseWriter interface {
	// SaveResponse stores r in one durable transaction, replacing the
	// stored response with the same event and id (an edit keeps its Seq
	// and Number, and counts again if it was deleted). The event must
	// exist (else ErrNotFound). A new response gets the event's next
	// number; a zero CreatedAt becomes the time of saving. It returns r
	// with Seq and Number set.
	SaveResponse(ctx context.Context, r model.Response) (model.Response, error)
	// DeleteResponse marks a counted response deleted by who: kept, with
	// its id and number, counted nowhere; it returns the response as
	// deleted. ErrNotFound if no counted response has that id.
	DeleteResponse(ctx context.Context, event, id, who string) (model.Response, error)
	// RestoreResponse counts a deleted response again, as it was (the
	// same id and number); ErrNotFound, or ErrNotDeleted.
	RestoreResponse(ctx context.Context, event, id string) (model.Response, error)
}

// Importer writes many responses at once.
type Importer interface {
	// Import writes the responses in one transaction, all or nothing,
	// creating events they name that do not exist. A response whose
	// event and id are stored with the same content is skipped (a zero
	// CreatedAt matches any stored time; when written, it becomes the
	// time of import). When any id is stored with different content,
	// nothing is written unless skipConflicts, and the error is
	// ErrConflict; the result lists the conflicts either way.
	Import(ctx context.Context, rs []model.Response, skipConflicts bool) (ImportResult, error)
	// ImportCurated is Import that also takes cur's actions on each
	// event whose curation audit log is empty, through the code of
	// Curator.Curate, each logged as taken by cur.Who. An event whose
	// log is not empty keeps its curation (ImportResult.CurationKept);
	// so does one of which a response is stored differently from the
	// file (ImportResult.CurationDiffers). Any failure writes nothing.
	ImportCurated(ctx context.Context, rs []model.Response, skipConflicts bool, cur ImportCuration) (ImportResult, error)
}

// Drafts keeps each facilitator's form durably and gives it the one true
// number of its next response. Every method may write (Draft reserves a
// number).
type Drafts interface {
	// Draft returns who's draft of the event, reserving a number for a
	// new one; ErrNotFound when the event does not exist.
	Draft(ctx context.Context, event, who string) (Draft, error)
	// PutDraft stores who's form ("" = empty) in one durable transaction.
	PutDraft(ctx context.Context, event, who, form string) error
	// SaveDrafted is SaveResponse that also, in the same transaction,
	// empties who's draft: a new response gets the draft's reserved
	// number, and the draft a new one. So a form saved is never saved
	// again from its draft, whatever stops the program when.
	SaveDrafted(ctx context.Context, r model.Response, who string) (model.Response, Draft, error)
}

// CurationReader reads the curation of events' wishes.
type CurationReader interface {
	// Curation returns the event's curation of its wishes (merges,
	// shown texts and categories, hidden, approvals, moderation); an
	// event never curated has an empty one.
	Curation(ctx context.Context, event string) (*model.Curation, error)
	// CurationVersion returns a number that grows with every curation
	// write of any event, by any process (the newest audit log seq).
	CurationVersion(ctx context.Context) (int64, error)
	// CurationLog returns the event's curation audit log, oldest first.
	CurationLog(ctx context.Context, event string) ([]CurationEntry, error)
}

// Curator takes facilitators' curation actions.
type Curator interface {
	// Curate takes a facilitator's action on the event's curation in one
	// transaction with its audit log row; model.ErrNothingToDo when it
	// would change nothing.
	Curate(ctx context.Context, event, who string, a model.CurationAction) (CurationEntry, error)
	// UndoCuration takes back the log entry seq of the event (0: the
	// newest action neither undone nor an undo), logged as an action of
	// its own; undoing an undo redoes. ErrUndoConflict when its cells
	// have changed since, ErrNotFound when there is nothing to undo.
	UndoCuration(ctx context.Context, event, who string, seq int64) (CurationEntry, error)
}

// Counts reads the counts the store keeps of events' marks.
type Counts interface {
	// TallyCounted returns the event's tally under its curation from the
	// counts the store keeps of its marks (model.TallyCounts), all read
	// in one transaction; ok is false when those counts are behind the
	// responses (written by a standmap that does not keep them), and the
	// responses must be counted instead.
	TallyCounted(ctx context.Context, g *model.Gazetteer, event string) (t model.Tally, ok bool, err error)
}

// ChangeLog tells what was written since, by this process or another.
type ChangeLog interface {
	// Changes returns the change log after seq, oldest first, at most
	// limit rows (none when limit is 0), and the newest seq stored.
	Changes(ctx context.Context, after int64, limit int) ([]Change, int64, error)
	// DataVersion returns a number that changes whenever any connection
	// or process commits to the database (PRAGMA data_version on a
	// dedicated connection).
	DataVersion(ctx context.Context) (int64, error)
}

// Reader is every read of the store.
type Reader interface {
	EventReader
	DisplayReader
	ResponseReader
	CurationReader
	Counts
	ChangeLog
}

// Writer is every write of the store: a wrapper that guards writes (the
// SSH session's store) implements it in full, method by method.
type Writer interface {
	EventWriter
	DisplayWriter
	ResponseWriter
	Importer
	Drafts
	Curator
}

// Store is everything standmap asks of its database.
type Store interface {
	Reader
	Writer
	// Path returns the database file's path.
	Path() string
	// Close closes the database.
	Close() error
}

// The SQLite store is each of them.
var (
	_ Store          = (*SQLite)(nil)
	_ EventReader    = (*SQLite)(nil)
	_ EventWriter    = (*SQLite)(nil)
	_ DisplayReader  = (*SQLite)(nil)
	_ DisplayWriter  = (*SQLite)(nil)
	_ ResponseReader = (*SQLite)(nil)
	_ ResponseWriter = (*SQLite)(nil)
	_ Importer       = (*SQLite)(nil)
	_ Drafts         = (*SQLite)(nil)
	_ CurationReader = (*SQLite)(nil)
	_ Curator        = (*SQLite)(nil)
	_ Counts         = (*SQLite)(nil)
	_ ChangeLog      = (*SQLite)(nil)
)

// Walk is the event's counted responses as a model.Walk (EachResponse),
// to count with model.Count.
func Walk(ctx context.Context, s ResponseReader, event string) model.Walk {
	return func(fn func(model.Response) error) error { return s.EachResponse(ctx, event, fn) }
}
