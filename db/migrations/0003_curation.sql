-- 0003: curation of wishes. The state is a set of cells per event (kind,
-- ref → value; see model.Curation); every write to it is one row of the
-- append-only audit log, which holds what it changed so it can be undone.
-- Responses and marks are never touched: curation hides, never deletes.

-- The current curation: merges, shown texts, categories, hidden groups and
-- mentions, approvals, the moderation switch.
CREATE TABLE curation (
    event_id INTEGER NOT NULL REFERENCES events(id),
    kind     TEXT    NOT NULL,  -- merge, text, category, hide, hide-mark, approve, moderate
    ref      TEXT    NOT NULL,  -- a wish key, a group key, 'response_id:position' or ''
    value    TEXT    NOT NULL,  -- the group merged into, the text, the code, '1' or 'on'
    PRIMARY KEY (event_id, kind, ref)
) WITHOUT ROWID;

-- The audit log: one row per action, never updated except to note the
-- action that undid it. who is 'local' (or 'local:USER') or an SSH key
-- fingerprint; args is the action as JSON; cells the JSON list of
-- {kind, ref, before, after} it changed.
CREATE TABLE curation_log (
    seq       INTEGER PRIMARY KEY AUTOINCREMENT,
    event_id  INTEGER NOT NULL REFERENCES events(id),
    at        TEXT    NOT NULL,
    who       TEXT    NOT NULL,
    action    TEXT    NOT NULL,
    args      TEXT    NOT NULL,
    cells     TEXT    NOT NULL,
    undone_by INTEGER REFERENCES curation_log(seq)
);

CREATE INDEX curation_log_event ON curation_log(event_id, seq);

-- Views to read the curation with the sqlite3 tool.
CREATE VIEW curation_merges AS
    SELECT e.name AS event, c.ref AS wish_key, c.value AS group_key
    FROM curation c JOIN events e ON e.id = c.event_id WHERE c.kind = 'merge';
CREATE VIEW curation_groups AS
    SELECT e.name AS event, c.ref AS group_key,
        max(CASE WHEN c.kind = 'text' THEN c.value END) AS text,
        max(CASE WHEN c.kind = 'category' THEN c.value END) AS category,
        max(c.kind = 'hide') AS hidden
    FROM curation c JOIN events e ON e.id = c.event_id
    WHERE c.kind IN ('text', 'category', 'hide') GROUP BY c.event_id, c.ref;
CREATE VIEW curation_hidden AS
    SELECT e.name AS event, c.kind, c.ref
    FROM curation c JOIN events e ON e.id = c.event_id WHERE c.kind IN ('hide', 'hide-mark');
CREATE VIEW curation_approved AS
    SELECT e.name AS event, c.ref AS wish_key
    FROM curation c JOIN events e ON e.id = c.event_id WHERE c.kind = 'approve';
