package exchange

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sort"

	"standmap/db"
	"standmap/model"
)

// write stores the valid responses, and the curation their columns
// describe, and completes the report.
func (b *batch) write(ctx context.Context, store Target, rep *Report, skipInvalid bool, name string) error {
	rs := make([]model.Response, 0, len(b.list))
	lines := make([]int, 0, len(b.list))
	kept := make([]*pending, 0, len(b.list))
	seen := make(map[string]bool)
	for _, p := range b.list {
		if b.isBad(p) {
			rep.Rejected++
			continue
		}
		if p.resp.Deleted() {
			p.resp.DeletedBy = ImportedBy(name)
		}
		rs = append(rs, p.resp)
		lines = append(lines, p.line)
		kept = append(kept, p)
		if !seen[p.resp.Event] {
			seen[p.resp.Event] = true
			rep.Events = append(rep.Events, p.resp.Event)
		}
	}
	if len(rs) == 0 {
		return nil
	}
	files := b.fileEvents(kept)
	cur := db.ImportCuration{Who: ImportedBy(name), Actions: make(map[string][]model.CurationAction)}
	for _, fe := range files {
		acts, err := fe.curation()
		if err != nil {
			rep.Notes = append(rep.Notes, fmt.Sprintf("event %q: %v; none carried", fe.name, err))
		} else if len(acts) > 0 {
			cur.Actions[fe.name] = acts
		}
	}
	res, err := store.ImportCurated(ctx, rs, skipInvalid, cur)
	for _, i := range res.Conflicts {
		rep.Invalid = append(rep.Invalid, conflictAt(lines[i], rs[i].ID))
	}
	sort.SliceStable(rep.Invalid, func(i, j int) bool { return rep.Invalid[i].Line < rep.Invalid[j].Line })
	if err != nil {
		if errors.Is(err, db.ErrConflict) && !skipInvalid {
			return ErrInvalid
		}
		return fmt.Errorf("store: %w", err)
	}
	rep.Added, rep.AddedMarks, rep.AddedDeleted = res.Added, res.AddedMarks, res.AddedDeleted
	rep.Skipped, rep.NewEvents = res.Skipped, res.NewEvents
	rep.Curated, rep.CurationActions = res.Curated, res.CurationActions
	if err := b.noteKept(ctx, store, files, res, rep); err != nil {
		// The import is committed: say what could not be checked, not fail.
		rep.Notes = append(rep.Notes, fmt.Sprintf("could not compare the file's curation with the database's: %v", err))
	}
	rep.Rejected += len(res.Conflicts)
	return nil
}

// conflicts adds to the report, in order of lines, every valid response
// whose id is stored (deleted or not) with different content, as the
// store would refuse it: a file refused for its invalid rows names these
// too, not at the next try. Each event of the file is read whole: this
// is the path of a refused file only.
func (b *batch) conflicts(ctx context.Context, store db.ResponseReader, rep *Report) error {
	byEvent := make(map[string]map[string]*pending)
	var events []string
	for _, p := range b.list {
		if b.isBad(p) {
			continue
		}
		if byEvent[p.resp.Event] == nil {
			byEvent[p.resp.Event] = make(map[string]*pending)
			events = append(events, p.resp.Event)
		}
		byEvent[p.resp.Event][p.resp.ID] = p
	}
	for _, ev := range events {
		err := store.EachResponseIncludingDeleted(ctx, ev, func(r model.Response) error {
			if p := byEvent[ev][r.ID]; p != nil && !model.SameContent(r, p.resp) {
				rep.Invalid = append(rep.Invalid, conflictAt(p.line, r.ID))
			}
			return nil
		})
		if err != nil {
			return err
		}
	}
	sort.SliceStable(rep.Invalid, func(i, j int) bool { return rep.Invalid[i].Line < rep.Invalid[j].Line })
	return nil
}

// conflictAt is the invalid line of a response stored with different
// content.
func conflictAt(line int, id string) *LineError {
	return &LineError{Line: line, Field: "response_id", Reason: fmt.Sprintf("%q already stored with different content", id)}
}

// ImportedBy is who the audit log says took the curation an import
// carried: "import NAME" ("import" for an unnamed file).
func ImportedBy(name string) string {
	if name == "" {
		return "import"
	}
	return "import " + model.Sanitize(name)
}

// fileEvents gathers the responses to write by event, with their curated
// columns; none when the file lacks a curated column.
func (b *batch) fileEvents(ps []*pending) []*fileEvent {
	if b.carry == nil {
		return nil
	}
	var out []*fileEvent
	index := make(map[string]*fileEvent)
	for _, p := range ps {
		if p.resp.Deleted() { // counted nowhere: the columns describe the others
			continue
		}
		fe := index[p.resp.Event]
		if fe == nil {
			fe = &fileEvent{name: p.resp.Event}
			index[p.resp.Event] = fe
			out = append(out, fe)
		}
		fe.resps = append(fe.resps, p.resp)
		fe.cols = append(fe.cols, p.cols)
		fe.lines = append(fe.lines, p.line)
	}
	return out
}

// noteKept notes each event whose curation the import left as it was,
// unless the stored curation already exports the file's columns (the
// same file imported again).
func (b *batch) noteKept(ctx context.Context, store db.CurationReader, files []*fileEvent, res db.ImportResult, rep *Report) error {
	for _, fe := range files {
		switch {
		case slices.Contains(res.CurationDiffers, fe.name):
			rep.Notes = append(rep.Notes, fmt.Sprintf("event %q: stored responses differ from the file's; its curation was not carried", fe.name))
		case slices.Contains(res.CurationKept, fe.name):
			cur, err := store.Curation(ctx, fe.name)
			if err != nil {
				return err
			}
			if fe.exports(fe.view(cur)) != nil {
				rep.Notes = append(rep.Notes, fmt.Sprintf("event %q already has a curation; the file's was not applied", fe.name))
			}
		}
	}
	return nil
}
