package model

import "time"

// Event is one stand or session of answers (a fair, a school visit).
type Event struct {
	// ID is the store's number for the event: it stays when the event is
	// renamed (0 for an event not stored).
	ID        int64
	Name      string
	CreatedAt time.Time
}

// EventSummary is an event with its number of responses.
type EventSummary struct {
	Event
	Responses int
}

// DefaultEventName is the name of the event started when there is none:
// the date of now.
func DefaultEventName(now time.Time) string { return now.Format("2006-01-02") }
