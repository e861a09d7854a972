-- Every e-mail to an attendee may carry a fresh personal link; each link's token is stored
-- only as a hash. All of a registration's links stay valid until it is erased.
CREATE TABLE registration_tokens (
    token_hash TEXT PRIMARY KEY,
    registration_id BIGINT NOT NULL REFERENCES registrations(id) ON DELETE CASCADE,
    created_at BIGINT NOT NULL
);
CREATE INDEX registration_tokens_registration ON registration_tokens (registration_id);
CREATE INDEX registrations_waitlist ON registrations (event_id, status, waitlist_seq);
CREATE INDEX session_signups_registration ON session_signups (registration_id);
