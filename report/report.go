// Package report builds the report of an event that the city publishes:
// totals, the neighbourhood chart and map, top wishes, age groups (above a
// privacy threshold) and arrivals, optionally compared with another event,
// written as Markdown or as self-contained HTML.
package report

import (
	"context"
	"sort"
	"time"

	"standmap/ascii_maps"
	"standmap/db"
	"standmap/model"
)

// Options choose what a report shows and how.
type Options struct {
	// Lang is the interface language: one of i18n.Languages, else English.
	Lang string
	// MinGroup is the privacy threshold: an age group's figures are shown
	// only when it has at least this many responses (0: db.DefaultMinGroup).
	MinGroup int
	// AgeGroups is the event's order of age groups (nil: the defaults).
	AgeGroups []string
	// Generated is the time printed as "generated at" (zero: now).
	Generated time.Time
	// At, when not zero, is the replay moment the data was cut at.
	At time.Time
	// Location is the time zone times are shown in (nil: local time).
	Location *time.Location
	// Top is the length of the overall wish list (0: 10).
	Top int
	// Curation is the event's curation (nil: none): merged groups count
	// as one, hidden and held wishes count nowhere.
	Curation *model.Curation
}

// Totals are an event's headline figures.
type Totals struct {
	// Visitors counts responses; Marks their marks; Wishes the marks
	// with a wish; Groups the distinct wish groups.
	Visitors, Marks, Wishes, Groups int
	// First and Last are the earliest and latest answer times (zero when
	// there are none).
	First, Last time.Time
}

// HoodWishes is one neighbourhood's count and its top wishes (Name ""
// holds the city-wide wishes).
type HoodWishes struct {
	// Name is the neighbourhood's, "" for city-wide wishes.
	Name string
	// Count is the neighbourhood's tally (0 for city-wide).
	Count int
	// Wishes are the top wish groups mentioned there, ranked.
	Wishes []model.WishCount
	// More is how many more groups were mentioned there than Wishes lists.
	More int
}

// CategoryWishes is one category's number of responses with a wish of a
// group in it, and its top groups.
type CategoryWishes struct {
	// Code is the category's code, "" for wishes with no category.
	Code string
	// Count is the number of responses with a wish in the category.
	Count int
	// Wishes are the category's top wish groups, ranked.
	Wishes []model.WishCount
	// More is how many more groups the category has than Wishes lists.
	More int
}

// CuratedMerge is a curated merge of wish groups into one, as the report
// lists it.
type CuratedMerge struct {
	// Text is the merged group's shown text.
	Text string
	// Merged are the (uncurated) texts of the groups it is made of.
	Merged []string
	// Count is the merged group's number of responses.
	Count int
}

// Report is everything a report shows, computed once by Build.
type Report struct {
	// Opts are the options it was built with, defaults filled in.
	Opts Options
	// Event is the event's name.
	Event string
	// City is the map the tallies are drawn on.
	City *ascii_maps.City
	// Totals are the headline figures.
	Totals Totals
	// Tally is the ranked count (under the curation, if any).
	Tally model.Tally
	// Counts maps neighbourhood names to their tally; Max is the largest.
	Counts map[string]int
	Max    int
	// Hoods are the neighbourhoods with wishes, in ranking, city-wide last.
	Hoods []HoodWishes
	// Cats are the categories with wishes, most responses first.
	Cats []CategoryWishes
	// Ages is the publishable age table.
	Ages AgeTable
	// Arrival counts the answers per half hour.
	Arrival []Arrival
	// Curated lists the curation's merges among the wish groups counted.
	Curated []CuratedMerge
	// Compare is the side-by-side comparison with another event, or nil.
	Compare *model.Comparison
}

// perList is how many wishes are listed per neighbourhood and category.
const perList = 3

// Build computes the report of the event's responses (in order of entry).
func Build(city *ascii_maps.City, event string, rs []model.Response, o Options) *Report {
	if o.MinGroup <= 0 {
		o.MinGroup = db.DefaultMinGroup
	}
	if len(o.AgeGroups) == 0 {
		o.AgeGroups = model.DefaultAgeGroups
	}
	if o.Generated.IsZero() {
		o.Generated = time.Now()
	}
	if o.Location == nil {
		o.Location = time.Local
	}
	if o.Top <= 0 {
		o.Top = 10
	}
	t, _ := model.Count(city.Gazetteer, event, o.Curation, model.WalkOf(rs))
	snap := t.Snapshot()
	rep := &Report{Opts: o, Event: event, City: city, Tally: snap.Tally, Counts: snap.Counts, Max: snap.MaxCount}
	rep.Totals = totals(rs, len(snap.Wishes), o.Curation)
	for _, n := range snap.Neighbourhoods {
		if ws := snap.ByNeighbourhood[n.Name]; len(ws) > 0 {
			rep.Hoods = append(rep.Hoods, HoodWishes{n.Name, n.Count, head(ws, perList), len(ws) - len(head(ws, perList))})
		}
	}
	if ws := snap.ByNeighbourhood[""]; len(ws) > 0 {
		rep.Hoods = append(rep.Hoods, HoodWishes{"", 0, head(ws, perList), len(ws) - len(head(ws, perList))})
	}
	rep.Cats = categories(rs, snap.Wishes, o.Curation)
	rep.Curated = merges(city.Gazetteer, event, rs, snap.Wishes, o.Curation)
	rep.Ages = Ages(rs, o.AgeGroups, o.MinGroup)
	rep.Arrival = Arrivals(rs, o.Location)
	return rep
}

// head returns at most n of ws.
func head(ws []model.WishCount, n int) []model.WishCount { return ws[:min(n, len(ws))] }

// TopWishes returns the overall wish list of the report.
func (r *Report) TopWishes() []model.WishCount { return head(r.Tally.Wishes, r.Opts.Top) }

// TopMore returns how many more wish groups there are than TopWishes lists.
func (r *Report) TopMore() int { return len(r.Tally.Wishes) - len(r.TopWishes()) }

// shownWishes calls fn with the key of the group of every wish of r that
// the curation shows (every wish, without curation).
func shownWishes(r model.Response, cur *model.Curation, fn func(group string)) {
	for i, m := range r.Marks {
		if sp := model.Spelling(m.Wish); sp != "" {
			if key := model.Fold(sp); cur.Status(key, r.ID, i) == model.StatusShown {
				fn(cur.Group(key))
			}
		}
	}
}

func totals(rs []model.Response, groups int, cur *model.Curation) Totals {
	t := Totals{Visitors: len(rs), Groups: groups}
	for _, r := range rs {
		t.Marks += len(r.Marks)
		shownWishes(r, cur, func(string) { t.Wishes++ })
		if t.First.IsZero() || r.CreatedAt.Before(t.First) {
			t.First = r.CreatedAt
		}
		if r.CreatedAt.After(t.Last) {
			t.Last = r.CreatedAt
		}
	}
	return t
}

// categories counts, per category of the wish groups (their shown
// category), the responses with a wish of such a group, ranked by count
// and then in the order of model.Categories ("" last).
func categories(rs []model.Response, ws []model.WishCount, cur *model.Curation) []CategoryWishes {
	catOf := make(map[string]string, len(ws))
	for _, w := range ws {
		catOf[w.Key] = w.Category
	}
	count := map[string]int{}
	for _, r := range rs {
		seen := map[string]bool{}
		shownWishes(r, cur, func(group string) {
			if c := catOf[group]; !seen[c] {
				seen[c] = true
				count[c]++
			}
		})
	}
	order := map[string]int{"": len(model.Categories)}
	for i, c := range model.Categories {
		order[c.Code] = i
	}
	var out []CategoryWishes
	for code, n := range count {
		cw := CategoryWishes{Code: code, Count: n}
		for _, w := range ws {
			switch {
			case w.Category != code:
			case len(cw.Wishes) < perList:
				cw.Wishes = append(cw.Wishes, w)
			default:
				cw.More++
			}
		}
		out = append(out, cw)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Count != out[j].Count {
			return out[i].Count > out[j].Count
		}
		return order[out[i].Code] < order[out[j].Code]
	})
	return out
}

// merges lists the curation's merges among the groups counted, in their
// ranking, each with the texts (uncurated) of the groups merged into it.
func merges(g *model.Gazetteer, event string, rs []model.Response, ws []model.WishCount, cur *model.Curation) []CuratedMerge {
	var out []CuratedMerge
	var raw map[string]string
	for _, w := range ws {
		members := cur.Members(w.Key)
		if len(members) == 0 {
			continue
		}
		if raw == nil {
			raw = map[string]string{}
			t, _ := model.Count(g, event, nil, model.WalkOf(rs))
			for _, u := range t.Tally().Wishes {
				raw[u.Key] = u.Text
			}
		}
		cm := CuratedMerge{Text: w.Text, Count: w.Count}
		for _, k := range append([]string{w.Key}, members...) {
			if text, ok := raw[k]; ok {
				cm.Merged = append(cm.Merged, text)
			}
		}
		out = append(out, cm)
	}
	return out
}

// Responses loads the event's responses in order of entry; when at is not
// zero, only those answered at or before it (the board as it was then).
func Responses(ctx context.Context, store db.ResponseReader, event string, at time.Time) ([]model.Response, error) {
	var rs []model.Response
	err := store.EachResponse(ctx, event, func(r model.Response) error {
		if at.IsZero() || !r.CreatedAt.After(at) {
			rs = append(rs, r)
		}
		return nil
	})
	return rs, err
}
