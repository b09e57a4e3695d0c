package cli

import (
	"fmt"
	"net"

	"standmap/model"
	"standmap/server"
)

// checkServe refuses, before serve creates anything (the database, its
// folder, the event, the host key), what would make it refuse later:
// the event's name, the host key and authorized keys files, the address
// to listen on, which it returns listening. A refused start leaves the
// folders as they were.
func checkServe(l *local, o *serveOptions) (net.Listener, error) {
	if err := sqliteBuilt(); err != nil {
		return nil, err
	}
	if l.event != "" {
		if err := model.CheckText("event", 0, l.event); err != nil {
			return nil, usagef("--event: %v", err)
		}
	}
	dbPath := l.db
	if dbPath == "" {
		dbPath = defaultDBPath()
	}
	if err := server.CheckFiles(server.Config{DBPath: dbPath, HostKeyPath: o.hostKey, AuthorizedKeysPath: o.authorizedKeys}); err != nil {
		return nil, err
	}
	ln, err := net.Listen("tcp", o.listen)
	if err != nil {
		return nil, fmt.Errorf("listen on %s: %w", o.listen, err)
	}
	return ln, nil
}
