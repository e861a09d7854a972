-- Which reminders went out, so each is queued once whatever the number of instances:
-- 'event' for the day-before reminder, 'session-ID' for an online session starting soon.
CREATE TABLE reminders (
    registration_id INTEGER NOT NULL REFERENCES registrations(id) ON DELETE CASCADE,
    about TEXT NOT NULL,
    queued_at INTEGER NOT NULL,
    PRIMARY KEY (registration_id, about)
);
