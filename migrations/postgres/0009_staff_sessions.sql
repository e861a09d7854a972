-- Staff sign-ins live on the server: the private cookie carries a random session id whose
-- SHA-256 is kept here, so signing out, a new password or "sign out everywhere" ends a
-- session for good, and idle and absolute lifetimes are checked by the server.
CREATE TABLE staff_sessions (
    id_hash TEXT PRIMARY KEY,
    user_id BIGINT NOT NULL REFERENCES staff_users(id) ON DELETE CASCADE,
    created_at BIGINT NOT NULL,
    last_seen_at BIGINT NOT NULL
);
CREATE INDEX staff_sessions_user ON staff_sessions (user_id);

-- A personal link stops working a while after a newer one is issued (NULL: the newest).
ALTER TABLE registration_tokens ADD COLUMN expires_at BIGINT;

-- A registration's messages: the re-send limit and erasure look them up.
CREATE INDEX outbox_registration ON outbox (registration_id);
