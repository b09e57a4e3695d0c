package cli

import (
	"net"
	"strings"
	"testing"
)

func TestJoinCommands(t *testing.T) {
	t.Parallel()
	if got := joinCommands(&net.TCPAddr{IP: net.IPv4(127, 0, 0, 1), Port: 2222}); len(got) != 1 || got[0] != "ssh -p 2222 127.0.0.1" {
		t.Errorf("127.0.0.1:2222: %q", got)
	}
	all := joinCommands(&net.TCPAddr{IP: net.IPv4zero, Port: 22})
	for _, c := range all {
		if !strings.HasPrefix(c, "ssh ") || strings.Contains(c, "-p") || strings.Contains(c, "0.0.0.0") {
			t.Errorf("all interfaces, port 22: %q", all)
		}
	}
}
