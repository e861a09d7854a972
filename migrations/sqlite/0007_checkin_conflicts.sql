-- Scanners that lost the network decide at the door and upload later. When two of them let the
-- same badge in at the same door, the first upload keeps the check-in and each later one is
-- kept here for the organisers (one row per uploaded scan, by its nonce, so re-uploads add none).
CREATE TABLE checkin_conflicts (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    registration_id INTEGER REFERENCES registrations(id) ON DELETE SET NULL,
    scope INTEGER NOT NULL,
    gate TEXT NOT NULL,
    scanned_at INTEGER NOT NULL,
    first_gate TEXT NOT NULL,
    first_scanned_at INTEGER NOT NULL,
    nonce TEXT NOT NULL UNIQUE,
    received_at INTEGER NOT NULL
);
CREATE INDEX checkin_conflicts_event ON checkin_conflicts (event_id, scanned_at);
