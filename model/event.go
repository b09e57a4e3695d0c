package model

import "time"

// Event is one stand or session of answers (a fair, a school visit).
type Event struct {
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
