-- 0001: events, responses with their marks, and the change log.
-- Times are UTC RFC 3339 with nine fraction digits, so they sort as text.

-- One stand or session of answers.
CREATE TABLE events (
    id         INTEGER PRIMARY KEY,
    name       TEXT    NOT NULL UNIQUE,
    created_at TEXT    NOT NULL
);

-- One visitor's answer. seq is the order of entry; an edit keeps it.
CREATE TABLE responses (
    seq         INTEGER PRIMARY KEY,
    event_id    INTEGER NOT NULL REFERENCES events(id),
    response_id TEXT    NOT NULL,
    created_at  TEXT    NOT NULL,
    age_group   TEXT    NOT NULL DEFAULT '',
    UNIQUE (event_id, response_id)
);

-- An event's responses in order of entry (seq is the rowid).
CREATE INDEX responses_event ON responses(event_id);

-- The marks of a response, in their order (position 0, 1, ...). wish is
-- the text as entered; keys and tallies are derived from it.
CREATE TABLE marks (
    response_seq  INTEGER NOT NULL REFERENCES responses(seq) ON DELETE CASCADE,
    position      INTEGER NOT NULL,
    neighbourhood TEXT    NOT NULL DEFAULT '',
    wish          TEXT    NOT NULL DEFAULT '',
    category      TEXT    NOT NULL DEFAULT '',
    PRIMARY KEY (response_seq, position)
) WITHOUT ROWID;

-- The change log: one row per insert, update or delete of a response,
-- written by the triggers below, so writes by any process are noticed.
CREATE TABLE changes (
    seq         INTEGER PRIMARY KEY AUTOINCREMENT,
    event_id    INTEGER NOT NULL,
    response_id TEXT    NOT NULL,
    at          TEXT    NOT NULL
);

CREATE TRIGGER responses_inserted AFTER INSERT ON responses BEGIN
    INSERT INTO changes(event_id, response_id, at)
    VALUES (NEW.event_id, NEW.response_id, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER responses_updated AFTER UPDATE ON responses BEGIN
    INSERT INTO changes(event_id, response_id, at)
    VALUES (NEW.event_id, NEW.response_id, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER responses_deleted AFTER DELETE ON responses BEGIN
    INSERT INTO changes(event_id, response_id, at)
    VALUES (OLD.event_id, OLD.response_id, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;
