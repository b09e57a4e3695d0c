-- 0006: every response has its visitor number; a deleted (or undone)
-- response is kept, marked deleted; each facilitator's unsaved form is a
-- draft with the number reserved for it. Independent of 0005 (derived
-- key columns): the runner applies every missing version in order, and
-- nothing here reads or writes what 0005 adds.

-- The number shown on the form ("Visitor #N") and after the save: one
-- per response of an event, given once, never again (a deleted response
-- keeps its own). Existing responses are numbered in order of entry.
ALTER TABLE responses ADD COLUMN number INTEGER;
UPDATE responses SET number = n.number
    FROM (SELECT seq, row_number() OVER (PARTITION BY event_id ORDER BY seq) AS number FROM responses) AS n
    WHERE n.seq = responses.seq;
CREATE UNIQUE INDEX responses_number ON responses(event_id, number);

-- NULL: counted. Set: deleted (or undone) at that time by deleted_by
-- (local, local:USER or an SSH key fingerprint), kept word for word and
-- counted nowhere until restored.
ALTER TABLE responses ADD COLUMN deleted_at TEXT;
ALTER TABLE responses ADD COLUMN deleted_by TEXT NOT NULL DEFAULT '';

-- The highest number an event has given or reserved: the next is one more.
CREATE TABLE response_numbers (
    event_id INTEGER PRIMARY KEY REFERENCES events(id),
    last     INTEGER NOT NULL
);
INSERT INTO response_numbers(event_id, last)
    SELECT event_id, max(number) FROM responses GROUP BY event_id;

-- A facilitator's form, kept on every change, so that a quit, a crash or
-- a lost connection never loses the visitor being typed. One per
-- facilitator (who) and event; number is reserved for the next new
-- response the form saves. form is the form as JSON ('' = empty).
CREATE TABLE drafts (
    event_id   INTEGER NOT NULL REFERENCES events(id),
    who        TEXT    NOT NULL,
    number     INTEGER NOT NULL,
    form       TEXT    NOT NULL DEFAULT '',
    updated_at TEXT    NOT NULL,
    PRIMARY KEY (event_id, who)
) WITHOUT ROWID;
