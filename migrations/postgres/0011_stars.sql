-- Sessions an attendee starred for their own programme (any session, not only workshops).
-- Unstarring keeps the row with `removed_at`, so the personal calendar can say CANCELLED for
-- it; `revision` rises on every star and unstar and is added to the session's SEQUENCE in
-- that calendar, so clients take the change.
CREATE TABLE session_stars (
    registration_id BIGINT NOT NULL REFERENCES registrations(id) ON DELETE CASCADE,
    session_id BIGINT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    starred_at BIGINT NOT NULL,
    removed_at BIGINT,
    revision BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (registration_id, session_id)
);
CREATE INDEX session_stars_session ON session_stars (session_id, removed_at);
-- 1: the attendee asked for an e-mail shortly before each session they starred.
ALTER TABLE registrations ADD COLUMN remind_starred BIGINT NOT NULL DEFAULT 0;
