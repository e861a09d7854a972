-- A place on the event's waiting list is counted per attendance mode: with the mode in the
-- index, the count (the attendee's page, a newcomer joining the list) is read from the index
-- alone instead of visiting each waiting row. `registrations_waitlist` stays for the fill,
-- which walks the list in order across modes.
CREATE INDEX registrations_waitlist_mode ON registrations (event_id, status, attendance, waitlist_seq);
