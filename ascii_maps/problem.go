package ascii_maps

import (
	"fmt"
	"sort"
	"strings"
)

// Problem is one fault of a map file, at a 1-based line and column (in
// characters); a fault of a whole line is at its column 1.
type Problem struct {
	Line int    // from 1
	Col  int    // from 1, in characters
	Msg  string // what is wrong, and often how to fix it
}

// String formats the problem as LINE:COL: message.
func (p Problem) String() string { return fmt.Sprintf("%d:%d: %s", p.Line, p.Col, p.Msg) }

// ProblemsError is the error Parse returns for a faulty file.
type ProblemsError struct {
	File     string    // the name given to Parse
	Problems []Problem // all of them, by position
}

// Error lists the first few problems as FILE:LINE:COL: message.
func (e ProblemsError) Error() string {
	const most = 5
	var b strings.Builder
	fmt.Fprintf(&b, "map %s has %d problem(s)", e.File, len(e.Problems))
	for i, p := range e.Problems {
		if i == most {
			fmt.Fprintf(&b, "; …%d more (standmap maps check)", len(e.Problems)-most)
			break
		}
		fmt.Fprintf(&b, "; %s:%s", e.File, p)
	}
	return b.String()
}

// problems collects faults, sorted by position when asked.
type problems []Problem

func (ps *problems) add(line, col int, format string, args ...any) {
	*ps = append(*ps, Problem{Line: line, Col: col, Msg: fmt.Sprintf(format, args...)})
}

func (ps problems) sorted() []Problem {
	sort.SliceStable(ps, func(i, j int) bool {
		if ps[i].Line != ps[j].Line {
			return ps[i].Line < ps[j].Line
		}
		return ps[i].Col < ps[j].Col
	})
	return ps
}
