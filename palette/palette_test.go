package palette

import (
	"fmt"
	"image/color"
	"testing"

	"github.com/charmbracelet/colorprofile"
	"github.com/lucasb-eyer/go-colorful"
)

func TestScaleIsNice(t *testing.T) {
	for _, tc := range []struct{ top, step int }{
		{0, 1}, {1, 1}, {4, 1}, {6, 1}, {7, 2}, {15, 2}, {16, 5}, {30, 5}, {31, 10},
		{60, 10}, {61, 20}, {203, 50}, {300, 50}, {301, 100}, {1500, 200}, {1501, 500},
	} {
		if got := NewScale(tc.top).Step(); got != tc.step {
			t.Errorf("NewScale(%d).Step() = %d, want %d", tc.top, got, tc.step)
		}
	}
}

// TestScaleChangesOnlyAtSteps: growing the largest count from 1 to 5000,
// the classes change only when it passes Until, the largest count is
// always in the last class, and every count up to it falls into a class
// whose range holds it.
func TestScaleChangesOnlyAtSteps(t *testing.T) {
	prev := NewScale(1)
	changes := 0
	for top := 1; top <= 5000; top++ {
		s := NewScale(top)
		if s != prev {
			changes++
			if top != prev.Until()+1 {
				t.Fatalf("the scale changed at %d, not past %d", top, prev.Until())
			}
		}
		prev = s
		if top >= Classes && s.Class(top) != Classes {
			t.Fatalf("the largest count %d is in class %d", top, s.Class(top))
		}
		for _, n := range []int{1, top / 2, top} {
			c := s.Class(n)
			lo, hi := s.Range(c)
			if c == Classes {
				hi = top // the last class is open
			}
			if n > 0 && (n < lo || n > hi) {
				t.Fatalf("top %d: %d in class %d [%d, %d]", top, n, c, lo, hi)
			}
		}
	}
	if changes != 9 {
		t.Errorf("%d changes from 1 to 5000, want 9 (2 5 10 20 50 100 200 500 1000 per class)", changes)
	}
}

func TestLabels(t *testing.T) {
	s := NewScale(203)
	var got []string
	for c := range Classes + 1 {
		got = append(got, s.Label(c))
	}
	if fmt.Sprint(got) != "[0 1–50 51–100 101–150 151+]" {
		t.Errorf("labels %v", got)
	}
	if got := NewScale(3).Label(2); got != "2" {
		t.Errorf("a one-count class reads %q", got)
	}
}

// contrast returns the WCAG contrast ratio of two colours.
func contrast(a, b string) float64 {
	la, lb := luminance(a), luminance(b)
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}

func luminance(hex string) float64 {
	c, err := colorful.Hex(hex)
	if err != nil {
		panic(err)
	}
	r, g, b := c.LinearRgb()
	return 0.2126*r + 0.7152*g + 0.0722*b
}

// TestRampsReadable: on each theme's background, class 1 stands apart
// from the background and from zero; the classes rise in lightness
// (dark) or darkness (light); the ink reads on every class.
func TestRampsReadable(t *testing.T) {
	for name, tc := range map[string]struct {
		r  Ramp
		bg string
	}{"dark": {Dark, "#000000"}, "light": {Light, "#ffffff"}} {
		r := tc.r
		if c := contrast(r.Steps[0].Hex, tc.bg); c < 2.5 {
			t.Errorf("%s: class 1 on the background: contrast %.2f", name, c)
		}
		if d := dist(r.Steps[0].Hex, r.Zero.Hex); d < 0.25 {
			t.Errorf("%s: class 1 and zero are %.2f apart", name, d)
		}
		for i := 1; i < Classes; i++ {
			a, b := luminance(r.Steps[i-1].Hex), luminance(r.Steps[i].Hex)
			if (name == "dark") != (b > a) {
				t.Errorf("%s: class %d and %d are not in order of lightness (%.3f, %.3f)", name, i, i+1, a, b)
			}
		}
		for c := range Classes + 1 {
			bg := r.Zero.Hex
			if c > 0 {
				bg = r.Steps[c-1].Hex
			}
			if k := contrast(r.Ink[c].Hex, bg); k < 4.5 {
				t.Errorf("%s: ink on class %d: contrast %.2f", name, c, k)
			}
		}
	}
}

func dist(a, b string) float64 {
	ca, _ := colorful.Hex(a)
	cb, _ := colorful.Hex(b)
	return ca.DistanceLab(cb)
}

// TestSixteenColoursApart: with 16 colours each meaning has its own.
func TestSixteenColoursApart(t *testing.T) {
	for name, r := range map[string]Ramp{"dark": Dark, "light": Light} {
		seen := map[int]string{}
		all := map[string]Colour{"zero": r.Zero, "water": r.Water, "highlight": r.Highlight}
		for i, s := range r.Steps {
			all[fmt.Sprint("class ", i+1)] = s
		}
		for what, c := range all {
			if other, ok := seen[c.ANSI]; ok {
				t.Errorf("%s: %s and %s share colour %d", name, what, other, c.ANSI)
			}
			seen[c.ANSI] = what
		}
	}
}

// TestTrueColoursSurvive256: in 256 colours the classes stay apart.
func TestTrueColoursSurvive256(t *testing.T) {
	for name, r := range map[string]Ramp{"dark": Dark, "light": Light} {
		seen := map[color.Color]bool{}
		for _, s := range append([]Colour{r.Zero, r.Water, r.Highlight}, r.Steps[:]...) {
			c, _ := colorful.Hex(s.Hex)
			k := colorprofile.ANSI256.Convert(c)
			if seen[k] {
				t.Errorf("%s: %s meets another colour in 256 colours", name, s.Hex)
			}
			seen[k] = true
		}
	}
}
