-- People registered at the door (walk-ins): counted apart on the dashboard and the doors' page.
-- One row per registration made by door staff, in the same transaction as the registration.
CREATE TABLE walk_ins (
    registration_id INTEGER PRIMARY KEY REFERENCES registrations(id) ON DELETE CASCADE,
    created_at INTEGER NOT NULL
);
