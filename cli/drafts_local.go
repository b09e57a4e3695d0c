package cli

import (
	"context"
	"fmt"

	"standmap/db"
	"standmap/model"
)

// One running application holds a draft. The facilitator at this
// terminal keeps the visitor being typed in a draft named by localWho();
// a second application on the same database, started while the first
// runs (another window, a tmux pane), gets a draft of its own, WHO/2
// (WHO/3 …), so that the two forms never overwrite each other's visitor
// nor show the same "Visitor #N" — as two SSH sessions of one key do
// (server/drafts.go). Which drafts are held is known from locks on one
// file beside the database (draftLockSuffix), one byte a draft: the
// system drops a process's locks when it ends, kill -9 included, so an
// application started after a crash takes the lowest draft no running
// application holds, and its visitor comes back.

// draftLockSuffix names the lock file beside the database.
const draftLockSuffix = "-drafts.lock"

// maxDraftSlots bounds the drafts one facilitator's applications take on
// one database; the next application shares the last.
const maxDraftSlots = 64

// localDrafts is the store's drafts, with the facilitator's own draft
// renamed to the one this application holds.
type localDrafts struct {
	db.Drafts
	slot int
}

// key is the store's name of who's draft in this application.
func (d localDrafts) key(who string) string { return db.DraftKey(who, d.slot) }

// Draft returns the draft this application holds.
func (d localDrafts) Draft(ctx context.Context, event, who string) (db.Draft, error) {
	return d.Drafts.Draft(ctx, event, d.key(who))
}

// PutDraft stores the form in the draft this application holds.
func (d localDrafts) PutDraft(ctx context.Context, event, who, form string) error {
	return d.Drafts.PutDraft(ctx, event, d.key(who), form)
}

// SaveDrafted saves the response, emptying the draft this application
// holds.
func (d localDrafts) SaveDrafted(ctx context.Context, r model.Response, who string) (model.Response, db.Draft, error) {
	return d.Drafts.SaveDrafted(ctx, r, d.key(who))
}

// claimDrafts returns the drafts of the database at path as this
// application holds them, and what releases its hold when it ends. A lock
// file that cannot be used (a directory in its place, no permission)
// refuses the start, saying what to fix: without it a second window could
// take this one's visitor, and the second save would replace the first.
// (A lock file deleted while applications run is not seen: the next one
// makes a new file and locks it alone. Nothing deletes it but a person.)
func claimDrafts(store db.Drafts, path string) (localDrafts, func(), error) {
	slot, release, err := claimDraftSlot(path+draftLockSuffix, maxDraftSlots)
	if err != nil {
		return localDrafts{}, nil, fmt.Errorf("the drafts' lock file cannot be used (%w): without it two windows on this database could share one visitor; remove it or give it back to this user (it is made anew)", err)
	}
	return localDrafts{Drafts: store, slot: slot}, release, nil
}
