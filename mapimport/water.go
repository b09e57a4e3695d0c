package mapimport

import (
	"sort"

	"github.com/paulmach/orb"

	"standmap/model"
)

// waterBody is one feature of the water file: a lake or river as
// polygons, a river as lines, or both.
type waterBody struct {
	name  string // "" when it has none
	polys orb.MultiPolygon
	lines orb.MultiLineString
}

// minWaterLabelCells is how many cells a named water needs for a label.
const minWaterLabelCells = 3

// readWater reads opt.Water, if any: polygons and lines, each named by
// opt.NameProperty when it has that property.
func readWater(opt Options) ([]waterBody, error) {
	if opt.Water == nil {
		return nil, nil
	}
	feats, err := readFeatures(opt.WaterFile, opt.Water)
	if err != nil {
		return nil, err
	}
	ws := make([]waterBody, 0, len(feats))
	for _, f := range feats {
		polys, lines, err := waterShape(f.geom)
		if err != nil {
			return nil, featureErr(opt.WaterFile, f.index, "", "%v", err)
		}
		w := waterBody{polys: polys, lines: lines}
		if text, ok, err := propertyText(f, opt.NameProperty); err == nil && ok {
			if w.name, _, err = cleanName(text); err != nil {
				return nil, featureErr(opt.WaterFile, f.index, opt.NameProperty, "%v", err)
			}
		}
		ws = append(ws, w)
	}
	return ws, nil
}

// drawing is the rasterised map with its labels' cells.
type drawing struct {
	r           *raster
	labels      []int    // per district: the cell its label is centred on
	waterNames  []string // the named waters that have room for a label
	waterLabels []int    // parallel: the cell of each one's label
}

// draw rasterises the districts and the water and finds the labels' cells.
func draw(p projection, ds []district, ws []waterBody) (*drawing, error) {
	shapes := make([]orb.MultiPolygon, len(ds))
	centres := make([]orb.Point, len(ds))
	for i, d := range ds {
		shapes[i] = d.shape
		centres[i] = centre(p, d.shape)
	}
	wshapes := make([]orb.MultiPolygon, len(ws))
	for i, w := range ws {
		wshapes[i] = w.polys
	}
	r := rasterise(p.cols, p.rows, len(ds), newPieces(p, shapes), onGrid(newPieces(p, wshapes), p.cols, p.rows))
	for i, w := range ws {
		r.drawLines(p, i, w.lines)
	}
	r.keepPieces()
	if err := r.keepDistricts(centres); err != nil {
		return nil, err
	}
	m := &drawing{r: r, labels: labelCells(r.owner, p.cols, p.rows, len(ds))}
	m.labelWater(ws)
	return m, nil
}

// labelWater finds a label cell for each named water (parts with the
// same name, such as a river's stretches, share one label) that has at
// least minWaterLabelCells cells, the largest first.
func (m *drawing) labelWater(ws []waterBody) {
	r := m.r
	index := make(map[string]int) // a name's fold → its index in names
	var names []string
	owner := make([]int, len(r.owner))
	for i := range owner {
		owner[i] = -1
		f := r.waterOf[i]
		if r.owner[i] != water || f < 0 || ws[f].name == "" {
			continue
		}
		k, ok := index[model.Fold(ws[f].name)]
		if !ok {
			k = len(names)
			index[model.Fold(ws[f].name)] = k
			names = append(names, ws[f].name)
		}
		owner[i] = k
	}
	count := make([]int, len(names))
	for _, o := range owner {
		if o >= 0 {
			count[o]++
		}
	}
	cells := labelCells(owner, r.cols, r.rows, len(names))
	order := make([]int, len(names)) // the largest first
	for k := range order {
		order[k] = k
	}
	sort.SliceStable(order, func(a, b int) bool { return count[order[a]] > count[order[b]] })
	for _, k := range order {
		if count[k] >= minWaterLabelCells {
			m.waterNames = append(m.waterNames, names[k])
			m.waterLabels = append(m.waterLabels, cells[k])
		}
	}
}
