package cli

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"testing"
)

func TestPresentFlags(t *testing.T) {
	t.Parallel()
	db := filepath.Join(t.TempDir(), "x.db")
	cases := []struct {
		args []string
		want string
	}{
		{[]string{"present", "--db", db, "--theme", "blue"}, `unknown theme "blue"`},
		{[]string{"present", "--db", db, "--rotate", "0s"}, "--rotate must be above 0"},
		{[]string{"present", "--db", db, "--reveal-at", "\x1b[2J15:00"}, "--reveal-at: control character"},
	}
	var out, errb bytes.Buffer
	if code := Run(context.Background(), []string{"present", "--db", db, "--event", "Nav tāda"},
		strings.NewReader(""), &out, &errb); code != 1 || !strings.Contains(errb.String(), `no event "Nav tāda"`) {
		t.Errorf("unknown event: exit %d, stderr %q", code, errb.String())
	}
	for _, c := range cases {
		var out, errb bytes.Buffer
		code := Run(context.Background(), c.args, strings.NewReader(""), &out, &errb)
		if code != 2 || !strings.Contains(errb.String(), c.want) {
			t.Errorf("%v: exit %d, stderr %q, want 2 and %q", c.args, code, errb.String(), c.want)
		}
	}
}
