// Package fairgen writes realistic, deterministic standmap CSV files of a
// fair stand in Daugavpils: Latvian neighbourhood names with and without
// diacritics and through aliases, wishes in Latvian, Russian and English
// with commas and quotes, city-wide wishes, a neighbourhood marked twice
// and a wish given twice by one visitor, and two events.
package fairgen

import (
	"encoding/csv"
	"fmt"
	"io"
	"math/rand/v2"
	"strings"
	"time"
)

// Options says what to generate.
type Options struct {
	// Seed makes the file; the same seed gives the same bytes.
	Seed uint64
	// Visitors is the number of responses.
	Visitors int
	// MaxRows stops after about this many rows (0 = no limit); the
	// response being written is finished first.
	MaxRows int
}

// Events are the two events of the fair, and when each began.
var Events = []struct {
	Name  string
	Start time.Time
}{
	{"Profesiju gadatirgus 2025", time.Date(2025, 4, 24, 9, 0, 0, 0, riga)},
	{"Skolu diena Gajokā", time.Date(2025, 5, 15, 10, 30, 0, 0, riga)},
}

// riga is Latvia's summer time, as a facilitator's laptop writes it.
var riga = time.FixedZone("EEST", 3*60*60)

// Write writes the header and the rows, and returns the number of rows.
func Write(w io.Writer, o Options) (int, error) {
	g := &generator{rnd: rand.New(rand.NewPCG(o.Seed, o.Seed^0x5eed)), cw: csv.NewWriter(w)}
	if err := g.cw.Write([]string{"response_id", "created_at", "event", "age_group", "neighbourhood", "wish", "category"}); err != nil {
		return 0, err
	}
	first := o.Visitors * 3 / 5 // the first event's share
	now := Events[0].Start
	for v := 0; v < o.Visitors && (o.MaxRows == 0 || g.rows < o.MaxRows); v++ {
		ev := 0
		if v == first {
			now = Events[1].Start
		}
		if v >= first {
			ev = 1
		}
		if g.rnd.IntN(30) != 0 { // now and then two visitors share a second
			now = now.Add(time.Duration(5+g.rnd.IntN(120)) * time.Second)
		}
		g.visitor(Events[ev].Name, now)
	}
	g.cw.Flush()
	return g.rows, g.cw.Error()
}

type generator struct {
	rnd  *rand.Rand
	cw   *csv.Writer
	rows int
	err  error
}

// visitor writes one response's rows.
func (g *generator) visitor(event string, at time.Time) {
	id := fmt.Sprintf("%08x-%04x-7%03x-%04x-%012x", g.rnd.Uint32(), g.rnd.IntN(1<<16), g.rnd.IntN(1<<12),
		0x8000|g.rnd.IntN(1<<14), g.rnd.Uint64()&(1<<48-1))
	ts := g.timestamp(at)
	age := pick(g.rnd, ageGroups)
	row := func(hood, wish, cat string) {
		if err := g.cw.Write([]string{id, ts, event, age, hood, wish, cat}); err != nil && g.err == nil {
			g.err = err
		}
		g.rows++
	}
	hoods := 1 + g.rnd.IntN(3)
	var lastWish wish
	for i := 0; i < hoods; i++ {
		h := neighbourhoods[weighted(g.rnd, hoodWeights)]
		spell := h.spellings[g.rnd.IntN(len(h.spellings))]
		switch r := g.rnd.IntN(100); {
		case r < 55:
			lastWish = wishes[g.rnd.IntN(len(wishes))]
			row(spell, g.spell(lastWish), g.category(lastWish))
		case r < 62 && lastWish.spellings != nil: // the same wish again
			row(spell, g.spell(lastWish), g.category(lastWish))
		default:
			row(spell, "", "")
		}
		if g.rnd.IntN(25) == 0 { // the same neighbourhood again
			row(h.spellings[g.rnd.IntN(len(h.spellings))], "", "")
		}
	}
	if g.rnd.IntN(7) == 0 { // a city-wide wish
		w := wishes[g.rnd.IntN(len(wishes))]
		row("", g.spell(w), g.category(w))
	}
	if g.rnd.IntN(150) == 0 {
		row("", longWish, "other")
	}
}

// timestamp writes the time now in Riga time, now in UTC, now and then
// with milliseconds.
func (g *generator) timestamp(t time.Time) string {
	if g.rnd.IntN(10) == 0 {
		t = t.Add(time.Duration(g.rnd.IntN(1000)) * time.Millisecond)
	}
	if g.rnd.IntN(3) == 0 {
		t = t.UTC()
	}
	return t.Format(time.RFC3339Nano)
}

func (g *generator) spell(w wish) string {
	return w.spellings[weighted(g.rnd, spellWeights[:len(w.spellings)])]
}

// category is mostly the wish's own, sometimes none, rarely another.
func (g *generator) category(w wish) string {
	switch r := g.rnd.IntN(20); {
	case r < 3:
		return ""
	case r == 3:
		return pick(g.rnd, []string{"other", "green", "hangout"})
	}
	return w.category
}

func pick(r *rand.Rand, list []string) string { return list[r.IntN(len(list))] }

// weighted returns an index with probability proportional to its weight.
func weighted(r *rand.Rand, weights []int) int {
	total := 0
	for _, w := range weights {
		total += w
	}
	n := r.IntN(total)
	for i, w := range weights {
		if n < w {
			return i
		}
		n -= w
	}
	return len(weights) - 1
}

// spellWeights favour a wish's first spelling.
var spellWeights = []int{10, 4, 2, 1, 1}

var ageGroups = []string{"13-15", "16-18", "16-18", "19+", ""}

// longWish is exactly 280 code points, the longest allowed.
var longWish = fill280()

func fill280() string {
	s := []rune(strings.Repeat("Gribētos vairāk ēnainu vietu, kur pasēdēt; ", 10))
	return string(s[:279]) + "!"
}
