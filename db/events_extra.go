package db

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"standmap/model"
)

// DefaultMinGroup is the privacy threshold of an event that sets none: an
// age group's figures are shown only when it has at least this many
// responses.
const DefaultMinGroup = 5

// EventSettings are what an event may configure.
type EventSettings struct {
	// AgeGroups are offered in capture and listed in reports, in order;
	// empty means model.DefaultAgeGroups.
	AgeGroups []string
	// MinGroup is the privacy threshold; 0 means DefaultMinGroup.
	MinGroup int
}

// Effective returns the settings with the defaults filled in.
func (s EventSettings) Effective() EventSettings {
	if len(s.AgeGroups) == 0 {
		s.AgeGroups = append([]string(nil), model.DefaultAgeGroups...)
	}
	if s.MinGroup <= 0 {
		s.MinGroup = DefaultMinGroup
	}
	return s
}

// RenameEvent gives the event a new name; ErrNotFound when old does not
// exist, ErrEventExists when the new name is taken.
func (s *SQLite) RenameEvent(ctx context.Context, old, name string) error {
	if err := checkEventName(name); err != nil {
		return fmt.Errorf("rename event %q: %w", old, err)
	}
	err := s.write(ctx, func(tx *sql.Tx) error {
		id, err := eventID(ctx, tx, old)
		if err != nil {
			return err
		}
		var taken int
		if err := tx.QueryRowContext(ctx, "SELECT count(*) FROM events WHERE name = ? AND id <> ?", name, id).Scan(&taken); err != nil {
			return err
		}
		if taken > 0 {
			return fmt.Errorf("%q: %w", name, ErrEventExists)
		}
		_, err = tx.ExecContext(ctx, "UPDATE events SET name = ? WHERE id = ?", name, id)
		return err
	})
	if err != nil {
		return fmt.Errorf("rename event %q: %w", old, err)
	}
	return nil
}

// SwitchEvent makes the event current until another is started or
// switched to; ErrNotFound when it does not exist.
func (s *SQLite) SwitchEvent(ctx context.Context, name string) error {
	err := s.write(ctx, func(tx *sql.Tx) error {
		id, err := eventID(ctx, tx, name)
		if err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, `INSERT INTO current_event(only, event_id) VALUES (1, ?)
			ON CONFLICT(only) DO UPDATE SET event_id = excluded.event_id`, id)
		return err
	})
	if err != nil {
		return fmt.Errorf("switch to event %q: %w", name, err)
	}
	return nil
}

// EventSettings returns the event's stored settings (zero values where it
// sets none); ErrNotFound when the event does not exist.
func (s *SQLite) EventSettings(ctx context.Context, name string) (EventSettings, error) {
	var groups string
	var st EventSettings
	err := s.reader.QueryRowContext(ctx, `SELECT coalesce(s.age_groups, ''), coalesce(s.min_group, 0)
		FROM events e LEFT JOIN event_settings s ON s.event_id = e.id WHERE e.name = ?`, name).Scan(&groups, &st.MinGroup)
	if errors.Is(err, sql.ErrNoRows) {
		err = ErrNotFound
	}
	if err != nil {
		return st, fmt.Errorf("settings of event %q: %w", name, err)
	}
	if groups != "" {
		st.AgeGroups = strings.Split(groups, "\n")
	}
	return st, nil
}

// SetEventSettings stores the event's settings whole; ErrNotFound when the
// event does not exist. Age groups must be distinct, non-empty text.
func (s *SQLite) SetEventSettings(ctx context.Context, name string, st EventSettings) error {
	if err := checkSettings(st); err != nil {
		return fmt.Errorf("settings of event %q: %w", name, err)
	}
	err := s.write(ctx, func(tx *sql.Tx) error {
		id, err := eventID(ctx, tx, name)
		if err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, `INSERT INTO event_settings(event_id, age_groups, min_group) VALUES (?, ?, ?)
			ON CONFLICT(event_id) DO UPDATE SET age_groups = excluded.age_groups, min_group = excluded.min_group`,
			id, strings.Join(st.AgeGroups, "\n"), st.MinGroup)
		return err
	})
	if err != nil {
		return fmt.Errorf("settings of event %q: %w", name, err)
	}
	return nil
}

func checkEventName(name string) error {
	if strings.TrimSpace(name) == "" {
		return errors.New("empty name")
	}
	return model.CheckText("event", 0, name)
}

func checkSettings(st EventSettings) error {
	if st.MinGroup < 0 {
		return fmt.Errorf("privacy threshold %d is negative", st.MinGroup)
	}
	seen := map[string]bool{}
	for _, g := range st.AgeGroups {
		if err := model.CheckText("age_group", 0, g); err != nil {
			return err
		}
		if strings.TrimSpace(g) == "" {
			return errors.New("an age group is empty")
		}
		if len([]rune(g)) > model.MaxAgeGroupLen {
			return fmt.Errorf("age group %q is longer than %d characters", g, model.MaxAgeGroupLen)
		}
		if seen[g] {
			return fmt.Errorf("age group %q is given twice", g)
		}
		seen[g] = true
	}
	return nil
}
