# Joining online from the attendee's page.
attendee-join-heading = Join online
attendee-join-event-stream = The event's live stream
attendee-join-now = Join now
attendee-join-opens = The link opens on { $when }.
attendee-join-ended = Ended.
