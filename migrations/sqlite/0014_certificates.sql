-- Certificates of attendance. The organiser's choices per event (no row: none issued);
-- which sessions count (breaks never do); and each certificate as issued: the name and the
-- sessions it states are copied, so a later change to the programme does not alter it.
CREATE TABLE certificate_settings (
    event_id INTEGER PRIMARY KEY REFERENCES events(id) ON DELETE CASCADE,
    enabled INTEGER NOT NULL DEFAULT 0,
    min_percent INTEGER NOT NULL DEFAULT 50,
    wording_fr TEXT NOT NULL DEFAULT '',
    wording_en TEXT NOT NULL DEFAULT '',
    signatory_name TEXT NOT NULL DEFAULT '',
    signatory_title TEXT NOT NULL DEFAULT '',
    updated_at INTEGER NOT NULL
);
ALTER TABLE sessions ADD COLUMN certificate_counts INTEGER NOT NULL DEFAULT 1;
-- An erased registration takes its certificates with it; their codes then verify as
-- "no longer held".
CREATE TABLE certificates (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    registration_id INTEGER NOT NULL REFERENCES registrations(id) ON DELETE CASCADE,
    statement TEXT NOT NULL,
    minutes INTEGER NOT NULL,
    issued_at INTEGER NOT NULL,
    withdrawn_at INTEGER,
    -- 'withdrawn' by an organiser, or 'replaced' by a re-issued certificate.
    withdrawn_reason TEXT
);
-- At most one certificate in force per registration.
CREATE UNIQUE INDEX certificates_in_force ON certificates (registration_id) WHERE withdrawn_at IS NULL;
CREATE INDEX certificates_event ON certificates (event_id);
