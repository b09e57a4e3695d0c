package exchange

import (
	"context"
	"errors"
	"fmt"
	"io"
	"slices"
	"time"
	"unicode/utf8"

	"standmap/model"
)

// Import reads a standmap CSV from r and writes its responses to store in
// one transaction. Rows sharing an event and response_id are one response,
// in order of first appearance; an empty event is defaultEvent. Every row
// is checked against the map gaz. When any row is invalid, or a response
// id is stored with different content, nothing is written and the error
// is ErrInvalid, with every such line in Report.Invalid; with skipInvalid
// the other responses are written, and each response with an invalid row
// is left out whole. A malformed header is a *LineError. Curation the
// file's curated columns describe is carried as ImportFrom says, logged
// as taken by "import".
func Import(ctx context.Context, store Target, gaz *model.Gazetteer, defaultEvent string, r io.Reader, skipInvalid bool) (Report, error) {
	return ImportFrom(ctx, store, gaz, defaultEvent, r, skipInvalid, "")
}

// ImportFrom is Import of the file called name. When the file has every
// curated column, the curation those columns describe is written with the responses, in the same
// transaction, to each event whose curation audit log is empty, logged
// as taken by "import NAME"; Report.Notes says what was not carried.
func ImportFrom(ctx context.Context, store Target, gaz *model.Gazetteer, defaultEvent string, r io.Reader, skipInvalid bool, name string) (Report, error) {
	var rep Report
	rr, err := newRowReader(r)
	if err != nil {
		return rep, err
	}
	b := newBatch(gaz, defaultEvent)
	b.extra = rr.header[len(Header):]
	b.carry = carriedColumns(b.extra)
	b.deleted = -1
	if i := slices.Index(b.extra, ColDeletedAt); i >= 0 {
		b.deleted = len(Header) + i
	}
	for {
		row, err := rr.next()
		if err == io.EOF {
			break
		}
		rep.Rows++
		var le *LineError
		switch {
		case errors.As(err, &le):
			b.reject(row, le)
		case err != nil:
			return rep, fmt.Errorf("read: %w", err)
		default:
			b.add(row)
		}
	}
	rep.Invalid = b.invalid
	if len(rep.Invalid) > 0 && !skipInvalid {
		if err := b.conflicts(ctx, store, &rep); err != nil {
			return rep, fmt.Errorf("read the stored responses: %w", err)
		}
		return rep, ErrInvalid
	}
	return rep, b.write(ctx, store, &rep, skipInvalid, name)
}

// pending is a response being gathered from its rows.
type pending struct {
	resp     model.Response
	created  string // created_at of its first row, as written
	rawEvent string // event of its first row, as written
	line     int    // its first row's line
	deleted  string // deleted_at of its first row, as written
	bad      bool   // a row of it is invalid
	cols     [][4]string
}

// batch groups and checks the rows of one file.
type batch struct {
	last    *pending // the response of the row before
	gaz     *model.Gazetteer
	def     string
	index   map[[2]string]*pending
	list    []*pending
	invalid []*LineError
	marks   map[model.Mark]checkedMark
	extra   []string // the file's columns after Header
	// carry is the index in a row of each of ColGroup, ColGroupText,
	// ColGroupCategory and ColHidden; nil unless the file has them all.
	carry []int
	// deleted is the index in a row of ColDeletedAt, -1 without it.
	deleted int
	// spoilt holds the (event, id) of malformed rows; event "" for
	// rows too short to name their event.
	spoilt map[[2]string]bool
}

func newBatch(gaz *model.Gazetteer, defaultEvent string) *batch {
	return &batch{gaz: gaz, def: defaultEvent, index: make(map[[2]string]*pending),
		marks: make(map[model.Mark]checkedMark), spoilt: make(map[[2]string]bool)}
}

// group returns the response that the row belongs to, starting it when the
// row is its first; first reports which.
func (b *batch) group(row csvRow) (p *pending, first bool) {
	ev := row.fields[2]
	if ev == "" {
		ev = b.def
	}
	if p = b.last; p != nil && p.rawEvent == row.fields[2] && p.resp.ID == row.fields[0] {
		return p, false // the rows of a response mostly follow each other
	}
	k := [2]string{ev, row.fields[0]}
	if p = b.index[k]; p != nil {
		b.last = p
		return p, false
	}
	p = &pending{line: row.line, created: row.fields[1], rawEvent: row.fields[2],
		resp: model.Response{ID: row.fields[0], Event: ev, AgeGroup: row.fields[3]}}
	p.resp.CreatedAt, _ = parseTime(p.created)
	if b.deleted >= 0 {
		p.deleted = row.fields[b.deleted]
		p.resp.DeletedAt, _ = parseTime(p.deleted)
	}
	b.index[k] = p
	b.list = append(b.list, p)
	b.last = p
	return p, true
}

// reject records a malformed row, and spoils its response when the row
// could be read far enough to tell which one it belongs to: by event and
// id, or by id alone (in every event) when the event column is missing.
func (b *batch) reject(row csvRow, le *LineError) {
	b.invalid = append(b.invalid, le)
	switch f := row.fields; {
	case len(f) > 2:
		ev := f[2]
		if ev == "" {
			ev = b.def
		}
		b.spoilt[[2]string{ev, f[0]}] = true
	case len(f) > 0:
		b.spoilt[[2]string{"", f[0]}] = true
	}
}

// isBad reports whether a row of the response was invalid.
func (b *batch) isBad(p *pending) bool {
	return p.bad || b.spoilt[[2]string{p.resp.Event, p.resp.ID}] || b.spoilt[[2]string{"", p.resp.ID}]
}

// add checks a row and adds its mark to its response.
func (b *batch) add(row csvRow) {
	p, first := b.group(row)
	m, le := b.check(row, p, first)
	if le != nil {
		b.invalid = append(b.invalid, le)
		p.bad = true
		return
	}
	p.resp.Marks = append(p.resp.Marks, m)
	if b.carry != nil {
		var c [4]string
		for j, i := range b.carry {
			c[j] = row.fields[i]
		}
		p.cols = append(p.cols, c)
	}
}

// check validates one row; rows after a response's first must agree with
// it on time and age group. What a row repeats of its response's first row
// was checked there already.
func (b *batch) check(row csvRow, p *pending, first bool) (model.Mark, *LineError) {
	f := row.fields
	repeats := !first && f[0] == p.resp.ID && f[1] == p.created && f[2] == p.rawEvent && f[3] == p.resp.AgeGroup
	if !repeats {
		if le := b.checkResponse(row, p, first); le != nil {
			return model.Mark{}, le
		}
	}
	for i := len(Header); i < len(f); i++ {
		col := b.extraName(i)
		if err := checkText(col, f[i]); err != nil {
			return model.Mark{}, lineError(row.line, err)
		}
		if err := checkCurated(col, f[i]); err != nil {
			return model.Mark{}, lineError(row.line, err)
		}
		if i == b.deleted {
			if le := checkDeleted(row, p, first, f[i]); le != nil {
				return model.Mark{}, le
			}
		}
	}
	m, err := b.checkMark(model.Mark{Neighbourhood: f[4], Wish: f[5], Category: f[6]})
	if err != nil {
		return model.Mark{}, lineError(row.line, err)
	}
	return m, nil
}

// checkResponse validates the fields of a row that belong to its response.
func (b *batch) checkResponse(row csvRow, p *pending, first bool) *LineError {
	f := row.fields
	bad := func(field, format string, args ...any) *LineError {
		return &LineError{Line: row.line, Field: field, Reason: fmt.Sprintf(format, args...)}
	}
	for i, name := range Header[:4] {
		if err := checkText(name, f[i]); err != nil {
			return lineError(row.line, err)
		}
	}
	id, created, age := f[0], f[1], f[3]
	switch {
	case id == "":
		return bad("response_id", "empty")
	case len(id) > model.MaxIDLen:
		return bad("response_id", "longer than %d bytes", model.MaxIDLen)
	case utf8.RuneCountInString(age) > model.MaxAgeGroupLen:
		return bad("age_group", "longer than %d characters", model.MaxAgeGroupLen)
	}
	t, err := parseTime(created)
	if err != nil {
		return bad("created_at", "%v", err)
	}
	if first {
		return nil
	}
	if created != p.created && !(created != "" && p.created != "" && t.Equal(p.resp.CreatedAt)) {
		return bad("created_at", "%q differs from line %d of the same response (%q)", created, p.line, p.created)
	}
	if age != p.resp.AgeGroup {
		return bad("age_group", "%q differs from line %d of the same response (%q)", age, p.line, p.resp.AgeGroup)
	}
	return nil
}

// checkDeleted validates a row's deleted_at: empty or an RFC 3339 time,
// the same on every row of a response.
func checkDeleted(row csvRow, p *pending, first bool, v string) *LineError {
	t, err := parseTime(v)
	if err != nil {
		return &LineError{Line: row.line, Field: ColDeletedAt, Reason: err.Error()}
	}
	if !first && v != p.deleted && !(v != "" && p.deleted != "" && t.Equal(p.resp.DeletedAt)) {
		return &LineError{Line: row.line, Field: ColDeletedAt,
			Reason: fmt.Sprintf("%q differs from line %d of the same response (%q)", v, p.line, p.deleted)}
	}
	return nil
}

// checkMark is model.CheckMark, remembering its answers: a fair's file
// repeats the same few spellings thousands of times.
func (b *batch) checkMark(m model.Mark) (model.Mark, error) {
	if r, ok := b.marks[m]; ok {
		return r.mark, r.err
	}
	nm, err := model.CheckMark(b.gaz, 0, m)
	if len(b.marks) < maxRemembered {
		b.marks[m] = checkedMark{nm, err}
	}
	return nm, err
}

// maxRemembered bounds the marks that checkMark remembers.
const maxRemembered = 1 << 16

// checkedMark is a remembered answer of model.CheckMark.
type checkedMark struct {
	mark model.Mark
	err  error
}

// checkText is model.CheckText with a quick pass for printable ASCII.
func checkText(field, s string) error {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c >= 0x7f {
			return model.CheckText(field, 0, s)
		}
	}
	return nil
}

// extraName names column i past Header, as the file's header does.
func (b *batch) extraName(i int) string {
	if k := i - len(Header); k < len(b.extra) {
		return b.extra[k]
	}
	return fmt.Sprintf("column %d", i+1)
}

// lineError turns a model validation error into a LineError.
func lineError(line int, err error) *LineError {
	var fe *model.FieldError
	if errors.As(err, &fe) {
		return &LineError{Line: line, Field: fe.Field, Reason: fe.Reason}
	}
	return &LineError{Line: line, Field: "row", Reason: err.Error()}
}

// parseTime reads an RFC 3339 time; empty is the zero time (the time of
// import).
func parseTime(s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		return t, fmt.Errorf("%q is not an RFC 3339 time (e.g. 2025-04-24T10:15:00Z)", s)
	}
	var fe *model.FieldError
	if err := model.CheckTime(t); errors.As(err, &fe) {
		return t, fmt.Errorf("%q: %s", s, fe.Reason)
	}
	return t, nil
}
