-- 0005: every event's marks counted per neighbourhood, wish and category,
-- kept with every write to responses, so that a tally reads a few
-- thousand counts instead of every mark; with each wish's spelling and
-- key (model.Spelling, model.WishKey) derived when it was stored. The
-- originals stay in marks, untouched. Go fills the table after the
-- migrations run (db/counts.go): SQL cannot fold text (NFKD).

-- The sums of model.CountMarks over an event's responses.
CREATE TABLE mark_counts (
    event_id       INTEGER NOT NULL REFERENCES events(id),
    neighbourhood  TEXT    NOT NULL,  -- as stored in marks
    wish           TEXT    NOT NULL,  -- as stored in marks
    category       TEXT    NOT NULL,
    spelling       TEXT    NOT NULL,  -- the wish's spelling ('' for none)
    wish_key       TEXT    NOT NULL,  -- the spelling's key
    marks          INTEGER NOT NULL,  -- marks with these three texts
    hood_firsts    INTEGER NOT NULL,  -- of them, the first of their response naming the neighbourhood
    key_firsts     INTEGER NOT NULL,  -- of them, the first of their response with a wish of the key
    first_at       TEXT    NOT NULL,  -- the earliest of them: its response's created_at,
    first_seq      INTEGER NOT NULL,  --   seq,
    first_position INTEGER NOT NULL,  --   and the mark's position
    PRIMARY KEY (event_id, neighbourhood, wish, category)
) WITHOUT ROWID;

-- At most one row: how current mark_counts is. A writer that keeps the
-- counts sets changes_seq to the change log's newest seq when it commits;
-- any other write to responses (an older standmap, code that does not
-- keep the counts) leaves it behind, and the counts are not trusted (and
-- counted again at the next write) until they catch up.
CREATE TABLE mark_counts_state (
    only         INTEGER PRIMARY KEY CHECK (only = 1),
    changes_seq  INTEGER NOT NULL,
    fold_version INTEGER NOT NULL   -- model.FoldVersion of spelling and wish_key
);

-- Each event's wish keys, uncurated, for the sqlite3 tool: responses with
-- a wish of the key, and mentions.
CREATE VIEW wish_keys AS
    SELECT e.name AS event, c.wish_key, sum(c.key_firsts) AS responses, sum(c.marks) AS mentions
    FROM mark_counts c JOIN events e ON e.id = c.event_id
    WHERE c.spelling <> '' GROUP BY c.event_id, c.wish_key;

-- An import logs its new responses with one statement after writing them
-- all, instead of a trigger run per response: while it writes, its
-- transaction holds the one row of bulk_insert (no other connection ever
-- sees it), and the insert trigger stands aside.
CREATE TABLE bulk_insert (only INTEGER PRIMARY KEY CHECK (only = 1));

DROP TRIGGER responses_inserted;
CREATE TRIGGER responses_inserted AFTER INSERT ON responses
WHEN NOT EXISTS (SELECT 1 FROM bulk_insert) BEGIN
    INSERT INTO changes(event_id, response_id, at)
    VALUES (NEW.event_id, NEW.response_id, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;
