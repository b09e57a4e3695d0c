package bars

import (
	"testing"
	"unicode/utf8"
)

func TestHorizontal(t *testing.T) {
	cases := []struct {
		value, max, width int
		want              string
	}{
		{0, 10, 10, ""},
		{5, 0, 10, ""},
		{5, 10, 0, ""},
		{-1, 10, 10, ""},
		{10, 10, 4, "▇▇▇▇"},
		{20, 10, 4, "▇▇▇▇"},
		{5, 10, 4, "▇▇"},
		{1, 16, 2, "▏"},
		{1, 1000, 4, "▏"},
		{3, 16, 2, "▍"},
		{9, 16, 2, "▇▏"},
		{15, 16, 2, "▇▉"}, {14, 16, 2, "▇▊"},
		{7, 8, 1, "▉"},
	}
	for _, c := range cases {
		got := Horizontal(c.value, c.max, c.width)
		if got != c.want {
			t.Errorf("Horizontal(%d, %d, %d) = %q, want %q", c.value, c.max, c.width, got, c.want)
		}
		if w := Width(c.value, c.max, c.width); w != utf8.RuneCountInString(got) {
			t.Errorf("Width(%d, %d, %d) = %d, Horizontal drew %d cells", c.value, c.max, c.width, w, utf8.RuneCountInString(got))
		}
	}
}

func TestHorizontalNeverWider(t *testing.T) {
	for width := 0; width <= 40; width++ {
		for max := 1; max <= 50; max++ {
			prev := 0
			for v := 0; v <= max+2; v++ {
				n := utf8.RuneCountInString(Horizontal(v, max, width))
				if n > width {
					t.Fatalf("Horizontal(%d, %d, %d) is %d cells", v, max, width, n)
				}
				if n < prev {
					t.Fatalf("Horizontal(%d, %d, %d) shorter than for %d", v, max, width, v-1)
				}
				prev = n
			}
		}
	}
}

func BenchmarkHorizontal(b *testing.B) {
	for i := 0; i < b.N; i++ {
		_ = Horizontal(i%977, 977, 120)
	}
}

func TestHorizontalWide(t *testing.T) {
	for _, width := range []int{511, 512, 513, 600} {
		if n := utf8.RuneCountInString(Horizontal(7, 7, width)); n != width {
			t.Errorf("full bar of %d cells has %d", width, n)
		}
		if n := utf8.RuneCountInString(Horizontal(15, 16, width)); n != Width(15, 16, width) {
			t.Errorf("bar of %d cells: %d, Width says %d", width, n, Width(15, 16, width))
		}
	}
}
