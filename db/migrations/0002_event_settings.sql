-- 0002: per-event settings (the age groups offered, the privacy threshold)
-- and the event chosen with "events switch".

-- One row per event that has settings; an event without one uses the
-- defaults (model.DefaultAgeGroups, a threshold of 5).
CREATE TABLE event_settings (
    event_id   INTEGER PRIMARY KEY REFERENCES events(id),
    age_groups TEXT    NOT NULL DEFAULT '', -- one per line, in the order offered; '' = the defaults
    min_group  INTEGER NOT NULL DEFAULT 0   -- 0 = the default threshold
);

-- At most one row: the event made current by "events switch". With none,
-- the current event is the most recently started one.
CREATE TABLE current_event (
    only     INTEGER PRIMARY KEY CHECK (only = 1),
    event_id INTEGER NOT NULL REFERENCES events(id)
);

-- Starting an event makes it current, as it always did: forget the switch.
CREATE TRIGGER events_started AFTER INSERT ON events BEGIN
    DELETE FROM current_event;
END;
