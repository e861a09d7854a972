-- Every registration counts the places its event holds and finds the next waitlist number,
-- under the event lock: indexes that answer both from the index alone, so a rush does not
-- read the table once per registration already made.
CREATE INDEX registrations_places ON registrations (event_id, status, attendance, ticket_type_id, hold_expires_at);
DROP INDEX registrations_event_status;
CREATE INDEX registrations_event_seq ON registrations (event_id, waitlist_seq);
