package report

import (
	"time"

	"standmap/model"
)

// Arrival is the number of responses answered in one half hour.
type Arrival struct {
	// Start is the half hour's start, in the report's time zone.
	Start time.Time
	Count int
}

// halfHour is the width of an arrival bucket.
const halfHour = 30 * time.Minute

// maxBuckets caps the empty half hours listed: a longer span lists only
// the half hours with answers (an event over several days).
const maxBuckets = 48

// Arrivals counts the responses per half hour of local time in loc, from
// the first answer's half hour to the last's, empty ones included unless
// the span is longer than a day.
func Arrivals(rs []model.Response, loc *time.Location) []Arrival {
	if len(rs) == 0 {
		return nil
	}
	count := map[time.Time]int{}
	var first, last time.Time
	for _, r := range rs {
		b := bucket(r.CreatedAt.In(loc))
		count[b]++
		if first.IsZero() || b.Before(first) {
			first = b
		}
		if b.After(last) {
			last = b
		}
	}
	dense := last.Sub(first) < maxBuckets*halfHour
	var out []Arrival
	for b := first; !b.After(last); b = b.Add(halfHour) {
		if n := count[b]; n > 0 || dense {
			out = append(out, Arrival{b, n})
		}
	}
	return out
}

// bucket returns the start of t's half hour on its own clock.
func bucket(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute()/30*30, 0, 0, t.Location())
}
