package mapimport

import (
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"strings"
	"testing"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/geojson"
	"github.com/paulmach/orb/planar"

	"standmap/ascii_maps"
)

// apart is how far apart, in cells, two districts' centres must lie for
// their order to be kept: a cell's width of rounding on each side.
const apart = 2.0

// checkOrder asserts that any two districts whose centroids lie more
// than apart cells from each other east–west (north–south) have the
// centres of their cells in the same order. centroids are in longitude
// and latitude, by name; b is the districts' bounds.
func checkOrder(t *testing.T, c *ascii_maps.City, centroids map[string]orb.Point, b orb.Bound) (pairs int) {
	t.Helper()
	cellLon := (b.Max[0] - b.Min[0]) / float64(c.Grid.Width)
	cellLat := (b.Max[1] - b.Min[1]) / float64(c.Grid.Height)
	for i, ni := range c.Neighbourhoods {
		for j, nj := range c.Neighbourhoods {
			pi, pj := centroids[ni.Name], centroids[nj.Name]
			ai, aj := c.Areas[i], c.Areas[j]
			if pj[0]-pi[0] > apart*cellLon {
				pairs++
				if aj.CentreCol <= ai.CentreCol {
					t.Errorf("%s lies %.1f cells east of %s, but its cells' centre is at column %.1f, %s's at %.1f",
						nj.Name, (pj[0]-pi[0])/cellLon, ni.Name, aj.CentreCol, ni.Name, ai.CentreCol)
				}
			}
			if pj[1]-pi[1] > apart*cellLat {
				pairs++
				if aj.CentreRow >= ai.CentreRow {
					t.Errorf("%s lies %.1f cells north of %s, but its cells' centre is at row %.1f, %s's at %.1f",
						nj.Name, (pj[1]-pi[1])/cellLat, ni.Name, aj.CentreRow, ni.Name, ai.CentreRow)
				}
			}
		}
	}
	return pairs
}

// layout makes a random city: an nx×ny lattice of jittered quadrilaterals
// (every district touching its neighbours, none overlapping) at a random
// place on Earth and of a random size, some districts smaller than a cell.
func layout(rng *rand.Rand) (src []byte, centroids map[string]orb.Point, b orb.Bound) {
	nx, ny := 2+rng.IntN(9), 2+rng.IntN(9)
	lat0 := -60 + 130*rng.Float64()
	lon0 := -170 + 340*rng.Float64()
	step := 0.002 + 0.03*rng.Float64() // degrees of latitude between lattice lines
	k := math.Cos(lat0 * math.Pi / 180)
	corner := make([][]orb.Point, nx+1)
	for i := range corner {
		corner[i] = make([]orb.Point, ny+1)
		for j := range corner[i] {
			jx, jy := 0.0, 0.0
			if i > 0 && i < nx {
				jx = 0.3 * (rng.Float64() - 0.5)
			}
			if j > 0 && j < ny {
				jy = 0.3 * (rng.Float64() - 0.5)
			}
			corner[i][j] = orb.Point{lon0 + (float64(i)+jx)*step/k, lat0 + (float64(j)+jy)*step}
		}
	}
	fc := geojson.NewFeatureCollection()
	centroids = map[string]orb.Point{}
	for i := range nx {
		for j := range ny {
			ring := orb.Ring{corner[i][j], corner[i+1][j], corner[i+1][j+1], corner[i][j+1], corner[i][j]}
			f := geojson.NewFeature(orb.Polygon{ring})
			name := fmt.Sprintf("D%d-%d", i, j)
			f.Properties["name"] = name
			fc.Append(f)
			centroids[name], _ = planar.CentroidArea(orb.Polygon{ring})
			b = b.Union(ring.Bound())
			if i == 0 && j == 0 {
				b = ring.Bound()
			}
		}
	}
	src, _ = fc.MarshalJSON()
	return src, centroids, b
}

// TestGeographyKept is a property test over 200 random cities of 4 to
// 100 districts at random sizes of grid: districts that lie well apart
// keep their order east–west and north–south.
func TestGeographyKept(t *testing.T) {
	t.Parallel()
	rng := rand.New(rand.NewPCG(18, 2025))
	pairs, skipped := 0, 0
	for n := range 200 {
		src, centroids, b := layout(rng)
		cols, rows := 10+rng.IntN(110), 5+rng.IntN(45)
		res, err := Import(src, Options{File: fmt.Sprintf("random-%d.geojson", n), NameProperty: "name", Cols: cols, Rows: rows})
		if err != nil {
			if strings.Contains(err.Error(), "do not fit in") { // rightly: more districts than cells
				skipped++
				continue
			}
			t.Fatalf("city %d: %v", n, err)
		}
		if len(res.City.Neighbourhoods) != len(centroids) {
			t.Fatalf("city %d: %d districts of %d", n, len(res.City.Neighbourhoods), len(centroids))
		}
		pairs += checkOrder(t, res.City, centroids, b)
		if t.Failed() {
			t.Fatalf("city %d (%d×%d at most) broke the order:\n%s", n, cols, rows, res.Map)
		}
	}
	t.Logf("%d pairs compared; %d cities did not fit their grid", pairs, skipped)
	if pairs < 10000 || skipped > 20 {
		t.Errorf("only %d pairs compared; %d cities did not fit their grid", pairs, skipped)
	}
}

// realCity is Seattle's 90 neighbourhoods (see testdata/real/README.md).
const realCity = "testdata/real/seattle-neighborhoods.geojson"

// TestRealCity imports a real city's open data: every district is on the
// map by its name, the map passes the check, and geography survives.
func TestRealCity(t *testing.T) {
	t.Parallel()
	src, err := os.ReadFile(realCity)
	if err != nil {
		t.Fatal(err)
	}
	fc, err := geojson.UnmarshalFeatureCollection(src)
	if err != nil {
		t.Fatal(err)
	}
	centroids := map[string]orb.Point{}
	var b orb.Bound
	for i, f := range fc.Features {
		centroids[f.Properties.MustString("name")], _ = planar.CentroidArea(f.Geometry)
		if i == 0 {
			b = f.Geometry.Bound()
		}
		b = b.Union(f.Geometry.Bound())
	}
	res, err := Import(src, Options{File: realCity, NameProperty: "name", City: "Seattle"})
	if err != nil {
		t.Fatal(err)
	}
	c := res.City
	if c.Grid.Width != 136 || c.Grid.Height != DefaultRows { // a tall city: the rows bound it
		t.Errorf("grid %d×%d, want 136×%d", c.Grid.Width, c.Grid.Height, DefaultRows)
	}
	if len(fc.Features) != 90 || len(c.Neighbourhoods) != 90 {
		t.Fatalf("%d features, %d neighbourhoods; want 90", len(fc.Features), len(c.Neighbourhoods))
	}
	for name := range centroids {
		if i := c.Index(name); i < 0 || c.Neighbourhoods[i].Name != name || c.Areas[i].Cells == 0 {
			t.Errorf("%s is not on the map by its name", name)
		}
	}
	if probs := ascii_maps.Check("seattle.map", res.Map); len(probs) > 0 {
		t.Errorf("maps check: %v", probs)
	}
	if pairs := checkOrder(t, c, centroids, b); pairs < 5000 {
		t.Errorf("only %d pairs compared", pairs)
	}
}
