package server

import (
	"context"

	"standmap/db"
)

// RenameEvent renames an event (facilitators only).
func (st *sessionStore) RenameEvent(ctx context.Context, old, name string) error {
	return st.write(func() error { return st.store.RenameEvent(ctx, old, name) })
}

// SwitchEvent makes an event the current one (facilitators only).
func (st *sessionStore) SwitchEvent(ctx context.Context, name string) error {
	return st.write(func() error { return st.store.SwitchEvent(ctx, name) })
}

// SetEventSettings stores an event's settings (facilitators only).
func (st *sessionStore) SetEventSettings(ctx context.Context, event string, s db.EventSettings) error {
	return st.write(func() error { return st.store.SetEventSettings(ctx, event, s) })
}
