-- Scanners that lost the network decide at the door and upload later. When two of them let the
-- same badge in at the same door, the first upload keeps the check-in and each later one is
-- kept here for the organisers (one row per uploaded scan, by its nonce, so re-uploads add none).
CREATE TABLE checkin_conflicts (
    id BIGSERIAL PRIMARY KEY,
    event_id BIGINT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    registration_id BIGINT REFERENCES registrations(id) ON DELETE SET NULL,
    scope BIGINT NOT NULL,
    gate TEXT NOT NULL,
    scanned_at BIGINT NOT NULL,
    first_gate TEXT NOT NULL,
    first_scanned_at BIGINT NOT NULL,
    nonce TEXT NOT NULL UNIQUE,
    received_at BIGINT NOT NULL
);
CREATE INDEX checkin_conflicts_event ON checkin_conflicts (event_id, scanned_at);
