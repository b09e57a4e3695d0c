package exchange

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
)

// bom is the UTF-8 byte order mark some spreadsheets write first.
var bom = []byte("\uFEFF")

// csvRow is one record of the file and the line it begins on.
type csvRow struct {
	line   int
	fields []string
}

// rowReader reads the data rows of a standmap CSV after checking its header.
type rowReader struct {
	r      *csv.Reader
	header []string
}

// newRowReader skips a leading BOM, reads the header and checks it.
func newRowReader(r io.Reader) (*rowReader, error) {
	br := bufio.NewReaderSize(r, 64<<10)
	if p, err := br.Peek(len(bom)); err == nil && bytes.Equal(p, bom) {
		_, _ = br.Discard(len(bom))
	}
	cr := csv.NewReader(br)
	cr.FieldsPerRecord = 0 // the header's count
	cr.ReuseRecord = true
	header, err := cr.Read()
	switch {
	case err == io.EOF:
		return nil, &LineError{Line: 1, Field: "header", Reason: "empty file, the header is missing"}
	case err != nil:
		var pe *csv.ParseError
		if errors.As(err, &pe) {
			return nil, &LineError{Line: 1, Field: "header", Reason: "malformed CSV: " + pe.Err.Error()}
		}
		return nil, err
	}
	if err := checkHeader(header); err != nil {
		return nil, err
	}
	return &rowReader{r: cr, header: slices.Clone(header)}, nil
}

// checkHeader accepts Header followed only by known extra columns (the
// curated ones, and ColDeletedAt).
func checkHeader(h []string) error {
	bad := func(format string, args ...any) error {
		return &LineError{Line: 1, Field: "header", Reason: fmt.Sprintf(format, args...)}
	}
	if len(h) < len(Header) || !slices.Equal(h[:len(Header)], Header) {
		return bad("must begin %q, found %q", strings.Join(Header, ","), strings.Join(h, ","))
	}
	for _, c := range h[len(Header):] {
		if !slices.Contains(ExtraColumns, c) && c != ColDeletedAt {
			return bad("unknown column %q", c)
		}
	}
	return nil
}

// next returns the next row, or a *LineError for a malformed one (with
// the row's fields when they could be read), or io.EOF.
func (rr *rowReader) next() (csvRow, error) {
	rec, err := rr.r.Read()
	if err == nil {
		line, _ := rr.r.FieldPos(0)
		return csvRow{line: line, fields: rec}, nil
	}
	var pe *csv.ParseError
	if !errors.As(err, &pe) {
		return csvRow{}, err
	}
	row := csvRow{line: pe.StartLine}
	if errors.Is(pe.Err, csv.ErrFieldCount) {
		row.fields = rec
		return row, &LineError{Line: pe.StartLine, Field: "row",
			Reason: fmt.Sprintf("%d fields, the header has %d", len(rec), len(rr.header))}
	}
	return row, &LineError{Line: pe.StartLine, Field: "row", Reason: "malformed CSV: " + pe.Err.Error()}
}
