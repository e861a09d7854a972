-- Guest-list imports run in the background; organisers watch their progress and read the
-- report of rejected rows (line number and reasons, no personal data beyond the row's line).
CREATE TABLE imports (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    total INTEGER NOT NULL,
    processed INTEGER NOT NULL DEFAULT 0,
    imported INTEGER NOT NULL DEFAULT 0,
    already INTEGER NOT NULL DEFAULT 0,
    rejected TEXT NOT NULL DEFAULT '[]',
    finished_at INTEGER,
    created_at INTEGER NOT NULL
);
