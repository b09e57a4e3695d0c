-- 0004: what the projections and boards show of an event — the results
-- hidden until a reveal, frozen — shared by every process on the database
-- (the application, standmap present, standmap serve and its sessions).

-- One row per event whose display was ever set; none = shown, following.
CREATE TABLE event_display (
    event_id  INTEGER PRIMARY KEY REFERENCES events(id),
    hidden    INTEGER NOT NULL DEFAULT 0,  -- 1: only the number of answers shows
    frozen    INTEGER NOT NULL DEFAULT 0,  -- 1: newer results are held back
    reveal_at TEXT    NOT NULL DEFAULT ''  -- when results will be shown, e.g. "15:00"
);
