package mapimport

import (
	"fmt"

	"github.com/paulmach/orb"
)

// districtShape returns a district's geometry as polygons: a Polygon, a
// MultiPolygon, or a GeometryCollection of those (its members are joined,
// as GIS tools write a district made of pieces either way). Anything
// else, an empty geometry, a ring of fewer than four positions or a
// position outside longitude/latitude is an error.
func districtShape(g orb.Geometry) (orb.MultiPolygon, error) {
	var mp orb.MultiPolygon
	if err := collect(g, "", &mp, nil); err != nil {
		return nil, err
	}
	if len(mp) == 0 {
		return nil, fmt.Errorf("geometry is empty: a district needs a place on the map")
	}
	return mp, checkPolygons(mp)
}

// waterShape returns a water geometry as polygons (lakes, river banks)
// and lines (rivers drawn as their course). An empty one is no error: it
// draws nothing.
func waterShape(g orb.Geometry) (orb.MultiPolygon, orb.MultiLineString, error) {
	var mp orb.MultiPolygon
	var ml orb.MultiLineString
	if g == nil {
		return nil, nil, nil
	}
	if err := collect(g, "", &mp, &ml); err != nil {
		return nil, nil, err
	}
	for i, l := range ml {
		if err := checkPositions(l); err != nil {
			return nil, nil, fmt.Errorf("line %d: %v", i, err)
		}
	}
	return mp, ml, checkPolygons(mp)
}

// collect appends g's polygons to mp and, when ml is not nil, its lines
// to ml; where says which member of a collection g is, for errors.
func collect(g orb.Geometry, where string, mp *orb.MultiPolygon, ml *orb.MultiLineString) error {
	switch g := g.(type) {
	case nil:
	case orb.Polygon:
		if len(g) > 0 {
			*mp = append(*mp, g)
		}
	case orb.MultiPolygon:
		for _, p := range g {
			if len(p) > 0 {
				*mp = append(*mp, p)
			}
		}
	case orb.Collection:
		for i, m := range g {
			if err := collect(m, fmt.Sprintf("%sgeometries[%d] ", where, i), mp, ml); err != nil {
				return err
			}
		}
	case orb.LineString:
		if ml == nil {
			return notPolygon(where, g)
		}
		*ml = append(*ml, g)
	case orb.MultiLineString:
		if ml == nil {
			return notPolygon(where, g)
		}
		*ml = append(*ml, g...)
	default:
		return notPolygon(where, g)
	}
	return nil
}

// notPolygon is the error for a geometry that has no area.
func notPolygon(where string, g orb.Geometry) error {
	return fmt.Errorf("geometry %sis a %s, not a Polygon or MultiPolygon", where, g.GeoJSONType())
}

// checkPolygons checks every ring's length and every position's range.
func checkPolygons(mp orb.MultiPolygon) error {
	for i, p := range mp {
		for j, r := range p {
			if len(r) < 4 {
				return fmt.Errorf("polygon %d, ring %d has %d positions; a ring has at least 4 (its first repeated last)", i, j, len(r))
			}
			if err := checkPositions(orb.LineString(r)); err != nil {
				return fmt.Errorf("polygon %d, ring %d: %v", i, j, err)
			}
		}
	}
	return nil
}

// checkPositions says which position, if any, is not a longitude and a
// latitude: projected coordinates (metres) are the usual cause.
func checkPositions(l orb.LineString) error {
	for k, pt := range l {
		if pt[0] < -180 || pt[0] > 180 || pt[1] < -90 || pt[1] > 90 {
			return fmt.Errorf("position %d [%g, %g] is not [longitude, latitude] (−180…180, −90…90); "+
				"projected coordinates? Reproject to EPSG:4326, e.g. ogr2ogr -t_srs EPSG:4326 OUT.geojson IN.geojson", k, pt[0], pt[1])
		}
	}
	return nil
}
