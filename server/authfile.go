package server

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"net"
	"path"
	"strings"
	"time"

	"github.com/anmitsu/go-shlex"
	gossh "golang.org/x/crypto/ssh"
)

// facilitatorKey is one valid line of the authorized keys file: a key,
// and what its options (OpenSSH's, those that mean something here) allow.
type facilitatorKey struct {
	key  gossh.PublicKey
	line int
	// from lists the client addresses the key is a facilitator's from
	// (from="…": patterns with * and ?, CIDR, !negation); nil: any.
	from []string
	// command is the only command the key runs (command="…"), whatever
	// the client asks; "" leaves the choice to the client.
	command string
	// noPty refuses the key a terminal (no-pty, or restrict without pty):
	// commands only.
	noPty bool
	// expires ends the key's role (expiry-time="…"); zero: never.
	expires time.Time
}

// keyFile is what a read of the authorized keys file gives: the
// facilitators' keys, and the lines refused, as "line N: reason".
type keyFile struct {
	keys []facilitatorKey
	bad  []string
}

// parseKeyFile reads OpenSSH's authorized_keys format. Every line that
// is a key with options it can honour is a facilitator; every other line
// (blank lines and # comments aside) is reported, and its key is no
// facilitator's: a bad line never widens access.
func parseKeyFile(data []byte) keyFile {
	var f keyFile
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 0, 4096), maxKeysFile)
	for n := 1; sc.Scan(); n++ {
		line := bytes.TrimSpace(sc.Bytes())
		if len(line) == 0 || line[0] == '#' {
			continue
		}
		k, err := parseKeyLine(line)
		if err != nil {
			f.bad = append(f.bad, fmt.Sprintf("line %d: %v", n, err))
			continue
		}
		k.line = n
		f.keys = append(f.keys, k)
	}
	if err := sc.Err(); err != nil {
		f.bad = append(f.bad, err.Error())
	}
	return f
}

// maxKeysFile is the largest authorized keys file read.
const maxKeysFile = 1 << 20

// parseKeyLine reads one line: [options] keytype base64 [comment].
func parseKeyLine(line []byte) (facilitatorKey, error) {
	key, _, options, rest, err := gossh.ParseAuthorizedKey(line)
	if err != nil {
		return facilitatorKey{}, err
	}
	if len(bytes.TrimSpace(rest)) > 0 {
		return facilitatorKey{}, errors.New("more than one key")
	}
	k := facilitatorKey{key: key}
	restricted, pty := false, false
	for _, opt := range options {
		name, value, hasValue := strings.Cut(opt, "=")
		name = strings.ToLower(name)
		if hasValue {
			if value, err = unquote(value); err != nil {
				return facilitatorKey{}, fmt.Errorf("option %s: %w", name, err)
			}
		}
		switch {
		case name == "from" && hasValue:
			if k.from, err = addressPatterns(value); err != nil {
				return facilitatorKey{}, fmt.Errorf("option from: %w", err)
			}
		case name == "command" && hasValue:
			if args, err := shlex.Split(value, true); err != nil || len(args) == 0 {
				return facilitatorKey{}, fmt.Errorf("option command=%q: give the command the key may run", value)
			}
			k.command = value
		case name == "expiry-time" && hasValue:
			if k.expires, err = expiryTime(value); err != nil {
				return facilitatorKey{}, fmt.Errorf("option expiry-time: %w", err)
			}
		case name == "restrict" && !hasValue:
			restricted = true
		case name == "no-pty" && !hasValue:
			k.noPty = true
		case name == "pty" && !hasValue:
			pty = true
		case !hasValue && forwardingOptions[name]:
			// This server forwards nothing: allowing or denying it changes nothing.
		default:
			return facilitatorKey{}, fmt.Errorf("option %q is not supported here", opt)
		}
	}
	k.noPty = k.noPty || (restricted && !pty)
	return k, nil
}

// forwardingOptions grant or deny what this server never offers.
var forwardingOptions = map[string]bool{
	"no-port-forwarding": true, "no-agent-forwarding": true, "no-x11-forwarding": true, "no-user-rc": true,
	"port-forwarding": true, "agent-forwarding": true, "x11-forwarding": true, "user-rc": true,
}

// unquote reads an option's "value", with \" for a quote.
func unquote(v string) (string, error) {
	if len(v) < 2 || v[0] != '"' || v[len(v)-1] != '"' {
		return "", errors.New("the value must be in double quotes")
	}
	return strings.ReplaceAll(v[1:len(v)-1], `\"`, `"`), nil
}

// addressPatterns splits and checks a from="…" list.
func addressPatterns(v string) ([]string, error) {
	ps := strings.Split(v, ",")
	for _, p := range ps {
		p = strings.TrimPrefix(p, "!")
		if p == "" {
			return nil, errors.New("an empty pattern")
		}
		if strings.Contains(p, "/") {
			if _, _, err := net.ParseCIDR(p); err != nil {
				return nil, fmt.Errorf("%q is not an address/mask", p)
			}
		} else if _, err := path.Match(p, ""); err != nil {
			return nil, fmt.Errorf("%q: %v", p, err)
		}
	}
	return ps, nil
}

// fromAllowed reports whether ip matches the key's from= patterns as
// OpenSSH matches them without DNS: a negated match refuses, any other
// match allows, no match refuses.
func (k facilitatorKey) fromAllowed(ip net.IP) bool {
	if k.from == nil {
		return true
	}
	allowed := false
	for _, p := range k.from {
		neg := strings.HasPrefix(p, "!")
		p = strings.TrimPrefix(p, "!")
		var match bool
		if _, n, err := net.ParseCIDR(p); err == nil {
			match = ip != nil && n.Contains(ip)
		} else if ip != nil {
			match, _ = path.Match(strings.ToLower(p), ip.String())
		}
		if match && neg {
			return false
		}
		allowed = allowed || match
	}
	return allowed
}

// expiryTime reads OpenSSH's YYYYMMDD[HHMM[SS]] (local time; Z: UTC).
func expiryTime(v string) (time.Time, error) {
	loc := time.Local
	if s, ok := strings.CutSuffix(v, "Z"); ok {
		v, loc = s, time.UTC
	}
	layouts := map[int]string{8: "20060102", 12: "200601021504", 14: "20060102150405"}
	layout, ok := layouts[len(v)]
	if !ok {
		return time.Time{}, fmt.Errorf("%q: give YYYYMMDD[HHMM[SS]]", v)
	}
	return time.ParseInLocation(layout, v, loc)
}
