-- A programme file an organiser uploaded, kept between the dry run and the apply so it need not
-- be sent twice; found by an unguessable token within its event. `state` is ready, running,
-- applied or refused; `outcome` says what applying did (JSON), written by the background job.
CREATE TABLE programme_uploads (
    token TEXT PRIMARY KEY,
    event_id BIGINT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    filename TEXT NOT NULL,
    body BYTEA NOT NULL,
    state TEXT NOT NULL DEFAULT 'ready',
    outcome TEXT NOT NULL DEFAULT '',
    created_at BIGINT NOT NULL,
    finished_at BIGINT
);
-- The frab `guid` a session was imported with (pretalx, another frab server), so importing
-- the same schedule again updates these sessions instead of adding them twice.
ALTER TABLE sessions ADD COLUMN import_guid TEXT;
