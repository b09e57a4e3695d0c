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
		rep.Invalid = append(rep.Invalid, &LineError{Line: lines[i], Field: "response_id",
			Reason: fmt.Sprintf("%q already stored with different content", rs[i].ID)})
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
