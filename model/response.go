package model

import (
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"time"
	"unicode/utf8"
)

// MaxWishLen is the longest wish accepted, in code points.
const MaxWishLen = 280

// MaxIDLen is the longest response id accepted, in bytes.
const MaxIDLen = 100

// MaxAgeGroupLen is the longest age group accepted, in code points.
const MaxAgeGroupLen = 32

// DefaultAgeGroups are offered in capture when an event names none.
var DefaultAgeGroups = []string{"13-15", "16-18", "19+"}

// Response is one visitor's answer: where they spend free time and what
// they would like improved.
type Response struct {
	// ID is stable and unique within an event: generated at capture,
	// kept on import.
	ID string
	// Event is the name of the event the response belongs to.
	Event string
	// CreatedAt is when the answer was given.
	CreatedAt time.Time
	// AgeGroup is optional.
	AgeGroup string
	// Marks holds at least one mark.
	Marks []Mark
	// Seq is the store's order of entry (0 when not stored); it breaks
	// ties between equal times.
	Seq int64
	// Number is the visitor's number within the event, shown on the form
	// and after the save ("Visitor #N"): given once by the store, never
	// again (0 when not stored yet).
	Number int64
	// DeletedAt is when the response was deleted or undone (zero: it
	// counts); a deleted response is kept, counted nowhere, restorable.
	DeletedAt time.Time
	// DeletedBy is who deleted it: local, local:USER or an SSH key
	// fingerprint.
	DeletedBy string
}

// Deleted reports whether the response is deleted (kept, not counted).
func (r Response) Deleted() bool { return !r.DeletedAt.IsZero() }

// Mark names a neighbourhood, optionally with a wish and its category; or
// names no neighbourhood and carries a city-wide wish.
type Mark struct {
	Neighbourhood string
	Wish          string
	Category      string
}

// CityWide reports whether the mark names no neighbourhood.
func (m Mark) CityWide() bool { return m.Neighbourhood == "" }

// NewResponseID returns a fresh id: a time-ordered UUID (version 7), so ids
// sort by creation and never collide between stands.
func NewResponseID(now time.Time) string {
	var b [16]byte
	_, _ = rand.Read(b[:])
	ms := uint64(now.UnixMilli())
	for i := 0; i < 6; i++ {
		b[i] = byte(ms >> (40 - 8*i))
	}
	b[6] = b[6]&0x0f | 0x70
	b[8] = b[8]&0x3f | 0x80
	h := hex.EncodeToString(b[:])
	return h[0:8] + "-" + h[8:12] + "-" + h[12:16] + "-" + h[16:20] + "-" + h[20:32]
}

// FieldError says which field of a response is wrong and why.
type FieldError struct {
	// Field is the contract's column name: response_id, created_at,
	// event, age_group, neighbourhood, wish or category.
	Field string
	// Mark is the 1-based mark the error is in, or 0 for the response.
	Mark int
	// Reason says what is wrong, in lower case.
	Reason string
}

// Error returns "field: reason".
func (e *FieldError) Error() string { return e.Field + ": " + e.Reason }

func fieldErr(field string, mark int, format string, args ...any) *FieldError {
	return &FieldError{Field: field, Mark: mark, Reason: fmt.Sprintf(format, args...)}
}

// CheckText returns a FieldError when s is unfit to store in field:
// invalid UTF-8, or a control, escape, bidi or format character.
func CheckText(field string, mark int, s string) error {
	if !utf8.ValidString(s) {
		return fieldErr(field, mark, "invalid UTF-8")
	}
	if HasUnsafe(s) {
		return fieldErr(field, mark, "control character (or escape sequence) in %q", Sanitize(s))
	}
	return nil
}

// CheckTime refuses a time whose year in UTC is outside 1–9999, which
// RFC 3339 cannot write and so could not be stored and read back.
func CheckTime(t time.Time) error {
	if t.IsZero() {
		return nil
	}
	if y := t.UTC().Year(); y < 1 || y > 9999 {
		return fieldErr("created_at", 0, "year %d in UTC is outside 1–9999", y)
	}
	return nil
}

// CheckMark validates one mark (number i, 1-based) and returns it with its
// neighbourhood spelled as the map spells it.
func CheckMark(g *Gazetteer, i int, m Mark) (Mark, error) {
	for _, f := range []struct{ name, val string }{
		{"neighbourhood", m.Neighbourhood}, {"wish", m.Wish}, {"category", m.Category},
	} {
		if err := CheckText(f.name, i, f.val); err != nil {
			return m, err
		}
	}
	if n := utf8.RuneCountInString(m.Wish); n > MaxWishLen {
		return m, fieldErr("wish", i, "%d characters, at most %d allowed", n, MaxWishLen)
	}
	if m.Neighbourhood != "" {
		n, ok := g.Lookup(m.Neighbourhood)
		if !ok {
			return m, fieldErr("neighbourhood", i, "unknown neighbourhood %q", m.Neighbourhood)
		}
		m.Neighbourhood = n.Name
	}
	if m.Category != "" {
		if _, ok := CategoryByCode(m.Category); !ok {
			return m, fieldErr("category", i, "unknown category %q", m.Category)
		}
	}
	if m.Neighbourhood == "" && Spelling(m.Wish) == "" {
		return m, fieldErr("neighbourhood", i, "neither a neighbourhood nor a wish")
	}
	return m, nil
}

// Check validates the response against the map's neighbourhoods and
// returns it normalised (neighbourhoods spelled as the map spells them).
// The error is a *FieldError.
func (r Response) Check(g *Gazetteer) (Response, error) {
	if r.ID == "" {
		return r, fieldErr("response_id", 0, "empty")
	}
	if len(r.ID) > MaxIDLen {
		return r, fieldErr("response_id", 0, "longer than %d bytes", MaxIDLen)
	}
	if err := CheckText("response_id", 0, r.ID); err != nil {
		return r, err
	}
	if err := CheckTime(r.CreatedAt); err != nil {
		return r, err
	}
	if err := CheckText("age_group", 0, r.AgeGroup); err != nil {
		return r, err
	}
	if utf8.RuneCountInString(r.AgeGroup) > MaxAgeGroupLen {
		return r, fieldErr("age_group", 0, "longer than %d characters", MaxAgeGroupLen)
	}
	if len(r.Marks) == 0 {
		return r, fieldErr("neighbourhood", 0, "no neighbourhood and no wish")
	}
	marks := make([]Mark, len(r.Marks))
	for i, m := range r.Marks {
		nm, err := CheckMark(g, i+1, m)
		if err != nil {
			return r, err
		}
		marks[i] = nm
	}
	r.Marks = marks
	return r, nil
}
