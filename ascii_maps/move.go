package ascii_maps

import "math"

// Direction is an arrow key's direction on the map.
type Direction int

// The four directions, north up.
const (
	// Up is north.
	Up Direction = iota
	// Down is south.
	Down
	// Left is west.
	Left
	// Right is east.
	Right
)

// rowScale counts a row as this many columns: terminal cells are about
// twice as tall as wide, so distances look right on screen.
const rowScale = 2

// Move returns the name of the neighbourhood that lies in direction dir
// from the one named from, judged by the centres of their cells: within
// 60° of dir, the nearest and straightest, with a bonus for those whose
// cells touch from's, also across a river or lake. It returns from when none lies that way, and the
// first neighbourhood when from is unknown.
func (c *City) Move(from string, dir Direction) string {
	i := c.Index(from)
	if i < 0 {
		if len(c.Neighbourhoods) == 0 {
			return ""
		}
		return c.Neighbourhoods[0].Name
	}
	dx, dy := 0.0, 0.0
	switch dir {
	case Up:
		dy = -1
	case Down:
		dy = 1
	case Left:
		dx = -1
	case Right:
		dx = 1
	}
	touching := c.touching(i, max(waterGap, c.Grid.Height/5)) // a finer grid draws a river in more cells
	a := c.Areas[i]
	best, bestScore := i, math.Inf(1)
	for j, b := range c.Areas {
		if j == i || b.Cells == 0 {
			continue
		}
		vx, vy := b.CentreCol-a.CentreCol, rowScale*(b.CentreRow-a.CentreRow)
		along := vx*dx + vy*dy
		across := math.Abs(vx*dy - vy*dx)
		if along <= 0 || across > along*math.Sqrt(3) { // outside ±60°
			continue
		}
		score := along + 3*across
		if touching[j] {
			score *= 0.75
		}
		if score < bestScore {
			best, bestScore = j, score
		}
	}
	return c.Neighbourhoods[best].Name
}

// Neighbours returns the names of the neighbourhoods whose cells touch
// those of name side by side (not across water), in the map's order.
func (c *City) Neighbours(name string) []string {
	i := c.Index(name)
	if i < 0 {
		return nil
	}
	var out []string
	for j, t := range c.touching(i, 0) {
		if t {
			out = append(out, c.Neighbourhoods[j].Name)
		}
	}
	return out
}

// waterGap is how many cells of water between two neighbourhoods still
// make them neighbours for arrow keys (across a river or a small lake).
const waterGap = 8

// touching says, for each neighbourhood, whether its cells touch i's,
// side by side or across at most gap cells of water in a straight line.
func (c *City) touching(i, gap int) []bool {
	g := &c.Grid
	touch := make([]bool, len(c.Neighbourhoods))
	for k, cell := range g.Cells {
		if int(cell) != i {
			continue
		}
		col, row := k%g.Width, k/g.Width
		for _, d := range [4][2]int{{-1, 0}, {1, 0}, {0, -1}, {0, 1}} {
			o := g.At(col+d[0], row+d[1])
			for step := 1; o == Water && step <= gap; step++ {
				o = g.At(col+d[0]*(step+1), row+d[1]*(step+1))
			}
			if o >= 0 && int(o) != i {
				touch[o] = true
			}
		}
	}
	return touch
}
