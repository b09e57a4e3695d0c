package i18n

import "testing"

func TestPick(t *testing.T) {
	pair := [2]string{"%d visitors", "%d apmeklētāji"}
	for _, c := range []struct{ lang, want string }{{"lv", "3 apmeklētāji"}, {"en", "3 visitors"}, {"", "3 visitors"}} {
		if got := Pick(c.lang, pair, 3); got != c.want {
			t.Errorf("Pick(%q) = %q, want %q", c.lang, got, c.want)
		}
	}
	if got := Pick("lv", [2]string{"100%", ""}); got != "100%" {
		t.Errorf("no args, missing Latvian: %q", got)
	}
}
