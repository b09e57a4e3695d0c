package mapimport

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
)

// Error is a fault of an input file: the file, the feature (its index in
// the file's "features" array, or -1 for the file as a whole), the
// property when one is at fault, and what is wrong.
type Error struct {
	File     string // the file's name as given
	Feature  int    // index in "features", from 0; -1: the whole file
	Property string // the property at fault, or ""
	Msg      string // what is wrong, and often how to fix it
}

// Error reads "FILE: features[3]: property "name": missing".
func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString(e.File)
	if e.Feature >= 0 {
		fmt.Fprintf(&b, ": features[%d]", e.Feature)
	}
	if e.Property != "" {
		fmt.Fprintf(&b, ": property %q", e.Property)
	}
	b.WriteString(": ")
	b.WriteString(e.Msg)
	return b.String()
}

// fileErr is a fault of the file as a whole.
func fileErr(file, format string, args ...any) *Error {
	return &Error{File: file, Feature: -1, Msg: fmt.Sprintf(format, args...)}
}

// featureErr is a fault of feature i (and of property prop, if not "").
func featureErr(file string, i int, prop, format string, args ...any) *Error {
	return &Error{File: file, Feature: i, Property: prop, Msg: fmt.Sprintf(format, args...)}
}

// jsonProblem says where and why src is not the JSON expected.
func jsonProblem(src []byte, err error) string {
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case len(strings.TrimSpace(string(src))) == 0:
		return "the file is empty"
	case errors.As(err, &syn):
		line, col := position(src, syn.Offset)
		return fmt.Sprintf("not JSON: line %d, column %d: %v", line, col, syn)
	case errors.As(err, &typ):
		return fmt.Sprintf("the file is a JSON %s, not an object", typ.Value)
	case strings.Contains(err.Error(), "unexpected end of JSON input"):
		return "not JSON: the file ends too early (cut off?)"
	}
	return "not JSON: " + err.Error()
}

// position returns the 1-based line and column of byte offset off in src
// (json.SyntaxError's offset is just after the fault).
func position(src []byte, off int64) (line, col int) {
	line, col = 1, 1
	for i, c := range src {
		if int64(i) >= off-1 {
			break
		}
		if c == '\n' {
			line, col = line+1, 1
		} else {
			col++
		}
	}
	return line, col
}
