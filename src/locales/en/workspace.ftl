# The organisers' workspace: one page per section of an event.
ws-nav = Sections of this event
ws-overview = Overview
ws-programme = Programme
ws-speakers = Speakers
ws-rooms = Rooms and tracks
ws-tickets = Tickets
ws-registrations = Registrations
ws-doors = Doors
ws-messages = Messages
ws-dashboard = Dashboard
ws-settings = Settings
ws-draft = Draft — not public.
ws-draft-hint = Only the event's organisers can see its pages until it is published (Settings, status).
ws-preview = Preview the public pages
ws-figures = In figures
ws-fig-confirmed = { $count ->
    [one] registration confirmed
   *[other] registrations confirmed
}
ws-fig-waitlisted = on the waiting list
ws-fig-pending = { $count ->
    [one] waiting for payment or approval
   *[other] waiting for payment or approval
}
ws-fig-sessions = { $count ->
    [one] session
   *[other] sessions
}
ws-fig-sessions-n = { $count ->
    [0] no session
    [one] 1 session
   *[other] { $count } sessions
}
ws-fig-cancelled-sessions = { $count ->
    [one] 1 cancelled
   *[other] { $count } cancelled
}
ws-fig-speakers = { $count ->
    [one] speaker
   *[other] speakers
}
ws-fig-rooms = { $count ->
    [one] room
   *[other] rooms
}
ws-fig-tracks = { $count ->
    [one] track
   *[other] tracks
}
ws-fig-tickets = { $count ->
    [one] ticket type
   *[other] ticket types
}
ws-next-steps = Next steps
ws-new-speaker = Add a speaker
ws-new-ticket = Add a ticket type
ws-no-sessions = No session yet: add the first one below.
ws-no-rooms = No room yet.
ws-no-tracks = No track yet.
ws-no-speakers = No speaker yet.
ws-no-tickets = No ticket type: people register without choosing one, within the event's places.
ws-no-photo = no photo
ws-remove = Remove
ws-remove-this = Remove…
ws-back = Back
ws-keep = No, keep it
ws-room-capacity-hint = Seats of a workshop in this room that has no capacity of its own.
ws-edit-room = Room “{ $name }”
ws-edit-track = Track “{ $name }”
ws-edit-speaker = Speaker { $name }
ws-edit-ticket = Ticket type “{ $name }”
ws-remove-room-title = Remove the room “{ $name }”?
ws-remove-room = Remove the room
ws-move-and-remove-room = Move the sessions and remove the room
ws-room-unused = No session takes place in this room: nobody's programme changes.
ws-room-sessions-move = { $count ->
    [one] One session takes place in this room. Choose the room it moves to; its attendees' calendars will show the new room.
   *[other] { $count } sessions take place in this room. Choose the room they move to; their attendees' calendars will show the new room.
}
ws-room-sessions-no-other = { $count ->
    [one] One session takes place in this room and there is no other room to move it to: move or remove it first.
   *[other] { $count } sessions take place in this room and there is no other room to move them to: move or remove them first.
}
ws-move-sessions-to = Move the sessions to
ws-remove-track-title = Remove the track “{ $name }”?
ws-remove-track = Remove the track
ws-track-unused = No session belongs to this track: nothing else changes.
ws-track-sessions = { $count ->
    [one] One session belongs to this track. It stays on the programme: choose what it becomes.
   *[other] { $count } sessions belong to this track. They stay on the programme: choose what they become.
}
ws-track-sessions-go = Its sessions
ws-no-track = Stay on the programme without a track
ws-remove-speaker-title = Remove { $name } from the speakers?
ws-remove-speaker = Remove the speaker
ws-speaker-unused = This speaker is on no session: only their profile goes.
ws-speaker-on-sessions = { $count ->
    [one] This speaker is on one session. Take them off it first (edit the session), or cancel it.
   *[other] This speaker is on { $count } sessions. Take them off those first (edit each session), or cancel them.
}
ws-current-photo = Current photo
ws-remove-photo = Remove the photo
ws-ticket-types = Ticket types
ws-add-ticket = Add the ticket type
ws-ticket-name-fr = Name in French
ws-ticket-name-en = Name in English
ws-ticket-name-en-hint = Leave empty to use the French name.
ws-ticket-price = Price
ws-ticket-price-hint = In the currency below, such as 25 or 25.50; 0 for a free ticket.
ws-ticket-currency = Currency
ws-ticket-free-only = Free tickets only: paid tickets need the payment settings (the STRIPE_SECRET_KEY setting) first.
ws-ticket-mode = For
ws-ticket-any-mode = Any way of attending
ws-ticket-quota = Places
ws-ticket-quota-hint = Leave empty for no limit beyond the event's own.
ws-ticket-sales-start = Sales open
ws-ticket-sales-end = Sales close
ws-ticket-position = Order on the form
ws-ticket-position-hint = Smaller numbers come first.
ws-ticket-held-of = { $held } of { $quota } places taken
ws-ticket-held-n = { $held ->
    [one] 1 place taken
   *[other] { $held } places taken
}
ws-sales-open = on sale
ws-sales-from = on sale from { $when }
ws-sales-until = on sale until { $when }
ws-sales-ended = sales stopped on { $when }
ws-stop-selling = Stop selling
ws-sell-again = Sell again
ws-remove-ticket-title = Remove the ticket type “{ $name }”?
ws-remove-ticket = Remove the ticket type
ws-ticket-unused = Nobody registered with this ticket type: it simply goes.
ws-ticket-held = { $count ->
    [one] One registration was made with this ticket type, so it stays in their record and receipts. Stop selling it instead (on the tickets page).
   *[other] { $count } registrations were made with this ticket type, so it stays in their records and receipts. Stop selling it instead (on the tickets page).
}
ticket-quota-below-held = { $count ->
    [one] One place is already taken with this ticket: the number of places cannot go below 1.
   *[other] { $count } places are already taken with this ticket: the number of places cannot go below { $count }.
}
ticket-mode-held = { $count ->
    [one] One person attends another way with this ticket: it cannot be limited to this way of attending.
   *[other] { $count } people attend another way with this ticket: it cannot be limited to this way of attending.
}
ticket-held = { $count ->
    [one] One registration was made with this ticket type: stop selling it instead of removing it.
   *[other] { $count } registrations were made with this ticket type: stop selling it instead of removing it.
}
room-in-use = { $count ->
    [one] A session takes place in this room ({ $sessions_en }): move it to another room first.
   *[other] { $count } sessions take place in this room ({ $sessions_en }): move them to another room first.
}
track-in-use = { $count ->
    [one] A session belongs to this track ({ $sessions_en }): move it to another track or leave it without one.
   *[other] { $count } sessions belong to this track ({ $sessions_en }): move them to another track or leave them without one.
}
speaker-in-use = { $count ->
    [one] This speaker is on a session ({ $sessions_en }): take them off it first.
   *[other] This speaker is on { $count } sessions ({ $sessions_en }): take them off those first.
}
room-move-clash = “{ $moved_en }” would then take place in that room at the same time as “{ $title_en }”: choose another room.
room-capacity-below-seated = { $count } people already have a seat at “{ $title_en }” in this room: the capacity cannot go below { $count }.
field-move-elsewhere = Choose another one.
field-price = Enter a price such as 25 or 25.50.
ws-next-edition = Next edition
event-capacity-below-held = { $count ->
    [one] One person already holds a place this way: the number of places cannot go below 1.
   *[other] { $count } people already hold a place this way: the number of places cannot go below { $count }.
}
ws-done-added = Added.
ws-done-saved = Saved.
ws-done-removed = Removed.
ws-no-events = No event yet: create the first one below.
