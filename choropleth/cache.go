package choropleth

import (
	"standmap/ascii_maps"
	"standmap/model"
)

// Renderer draws one city's map and keeps the last drawing: asked again
// with the same counts version, top, size, highlight and styles, it
// returns it without any map work, so a frame with unchanged tallies
// costs nothing. It is not safe for concurrent use: give each session
// its own.
type Renderer struct {
	city   *ascii_maps.City
	styles Styles
	forms  []forms // the labels' forms, made on the first drawing

	key   renderKey
	out   string
	valid bool

	// lay and px are the grid scaled for the last size.
	lay layout
	px  []ascii_maps.Cell
}

// renderKey is what a drawing depends on besides the city and styles.
type renderKey struct {
	version   uint64
	top, w, h int
	highlight string
}

// NewRenderer returns a renderer of city c in styles st.
func NewRenderer(c *ascii_maps.City, st Styles) *Renderer {
	return &Renderer{city: c, styles: st}
}

// City returns the city the renderer draws.
func (r *Renderer) City() *ascii_maps.City { return r.city }

// SetStyles draws from now on in st (a theme or colour profile changed).
func (r *Renderer) SetStyles(st Styles) {
	if st != r.styles {
		r.styles, r.valid = st, false
	}
}

// Styles returns the styles the renderer draws in.
func (r *Renderer) Styles() Styles { return r.styles }

// Render is Render of the package, cached: version must change whenever
// counts do (a snapshot's sequence number does).
func (r *Renderer) Render(counts map[string]int, version uint64, top, w, h int, highlight string) string {
	k := renderKey{version, top, w, h, highlight}
	if r.valid && k == r.key {
		return r.out
	}
	if r.forms == nil {
		r.forms = cityForms(r.city)
	}
	sub := r.styles.sub()
	if !r.valid || r.lay.w != w || r.lay.h != h || r.lay.sub != sub {
		r.lay = newLayout(&r.city.Grid, w, h, sub)
		r.px = scaled(&r.city.Grid, r.lay)
	}
	r.out = draw(r.city, r.forms, r.lay, r.px, counts, top, r.styles, highlight)
	r.key, r.valid = k, true
	return r.out
}

// CountsOf returns a tally's neighbourhood counts keyed by name, as Render
// takes them; build it once per snapshot, not per frame.
func CountsOf(ns []model.NeighbourhoodCount) map[string]int {
	m := make(map[string]int, len(ns))
	for _, n := range ns {
		m[n.Name] = n.Count
	}
	return m
}

// DemoCounts returns made-up counts for every neighbourhood of c, from 1
// to 20, to see its shades and borders (maps show --demo).
func DemoCounts(c *ascii_maps.City) map[string]int {
	m := make(map[string]int, len(c.Neighbourhoods))
	for i, n := range c.Neighbourhoods {
		m[n.Name] = 1 + (i*7)%20
	}
	return m
}
