-- What a check-in admits to: 0 for the event's entrance, else the session's id. Unlike
-- session_id (NULL at the entrance, and NULLs never collide in a UNIQUE index) it is never
-- NULL, so one unique index makes "one check-in per badge per door" exact on both databases,
-- and it stays put when a session is deleted (session_id is then set to NULL).
ALTER TABLE checkins ADD COLUMN scope INTEGER NOT NULL DEFAULT 0;
UPDATE checkins SET scope = COALESCE(session_id, 0);
CREATE UNIQUE INDEX checkins_once_per_scope ON checkins (event_id, registration_id, scope);
