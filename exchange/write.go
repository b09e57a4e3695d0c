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

// write stores the valid responses and completes the report.
func (b *batch) write(ctx context.Context, store db.Store, rep *Report, skipInvalid bool) error {
	var rs []model.Response
	var lines []int
	seen := make(map[string]bool)
	for _, p := range b.list {
		if b.isBad(p) {
			rep.Rejected++
			continue
		}
		rs = append(rs, p.resp)
		lines = append(lines, p.line)
		if !seen[p.resp.Event] {
			seen[p.resp.Event] = true
			rep.Events = append(rep.Events, p.resp.Event)
		}
	}
	if len(rs) == 0 {
		return nil
	}
	stored, err := storedIDs(ctx, store, rep.Events)
	if err != nil {
		return err
	}
	res, err := store.Import(ctx, rs, skipInvalid)
	conflict := make(map[int]bool, len(res.Conflicts))
	for _, i := range res.Conflicts {
		conflict[i] = true
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
	rep.Added, rep.Skipped, rep.NewEvents = res.Added, res.Skipped, res.NewEvents
	rep.Rejected += len(res.Conflicts)
	for i, r := range rs {
		if !conflict[i] && !stored[[2]string{r.Event, r.ID}] {
			rep.AddedMarks += len(r.Marks)
		}
	}
	return nil
}

// storedIDs returns the (event, id) pairs already stored in the events, so
// that the report can count the marks it added.
func storedIDs(ctx context.Context, store db.Store, events []string) (map[[2]string]bool, error) {
	out := make(map[[2]string]bool)
	all, err := store.Events(ctx)
	if err != nil {
		return nil, fmt.Errorf("list events: %w", err)
	}
	for _, ev := range all {
		if ev.Responses == 0 || !slices.Contains(events, ev.Name) {
			continue
		}
		err := store.EachResponse(ctx, ev.Name, func(r model.Response) error {
			out[[2]string{ev.Name, r.ID}] = true
			return nil
		})
		if err != nil && !errors.Is(err, db.ErrNotFound) {
			return nil, fmt.Errorf("read event %q: %w", ev.Name, err)
		}
	}
	return out, nil
}
