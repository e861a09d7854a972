# Preview of a draft, the publish checklist, duplicating an event, removing and restoring sessions

## The draft banner on the public pages
preview-banner-title = Draft — not public.
preview-banner-text = Only the event's organisers see this preview; everyone else gets “page not found” until it is published. Registrations are refused until then.
preview-register-refused = This event is still a draft: nobody can register until it is published.

## The publish checklist
preview-checklist-title = Before publishing
preview-checklist-all-ok = Everything checked is ready.
preview-checklist-warnings = { $count ->
    [one] One point to look at before publishing.
   *[other] { $count } points to look at before publishing.
}
preview-check-ok-label = Ready:
preview-check-warning-label = To check:
preview-check-fix = Fix
preview-see-public-pages = See the public pages (preview)
preview-duplicate-link = Duplicate this event
preview-check-dates-ok = The dates are set and fit together.
preview-check-dates-order = The event ends before it starts.
preview-check-dates-past = The event is over: its dates are in the past.
preview-check-dates-window = The registration window does not fit: it must open before it closes, and close by the end of the event.
preview-check-dates-refund = Refunds are allowed until after the event has ended.
preview-check-register-ok = People can register (a capacity or a ticket type is set).
preview-check-register-missing = Nobody can register yet: set a capacity for at least one way of attending, or add a ticket type.
preview-check-privacy-ok = Your privacy notice is written in French and English.
preview-check-privacy-missing-fr = No privacy notice of your own in French: Summit's standard notice will be shown.
preview-check-privacy-missing-en = No privacy notice of your own in English: Summit's standard notice will be shown.
preview-check-programme-ok = The programme has sessions.
preview-check-programme-empty = The programme has no session yet.
preview-check-rooms-ok = Every in-person session has a room.
preview-check-rooms-missing = { $count ->
    [one] One in-person session has no room: “{ $first }”.
   *[other] { $count } in-person sessions have no room, the first: “{ $first }”.
}
preview-check-speakers-ok = Every talk, panel and workshop has a speaker.
preview-check-speakers-missing = { $count ->
    [one] One session has no speaker: “{ $first }”.
   *[other] { $count } sessions have no speaker, the first: “{ $first }”.
}
preview-check-stream-in-person = In person only: no stream link needed.
preview-check-stream-ok = Online attendees have a stream link.
preview-check-stream-missing = Online attendees have no stream link: set the event's stream link, or one for each online session.

## Duplicating an event
preview-duplicate-title = Duplicate this event
preview-duplicate-intro = The copy is a new draft: check it and publish it when it is ready.
preview-duplicate-copied = Copied: the details, rooms, tracks, speakers (with their photos), ticket types and scheduled sessions with their speakers, all moved by the number of days below.
preview-duplicate-not-copied = Not copied: registrations, check-ins, payments, links and tokens, cancelled sessions, and stream links (set new ones).
preview-duplicate-slug = Address of the new event (slug)
preview-duplicate-slug-hint = Lower-case letters, digits and hyphens: the page will be /events/this-slug.
preview-duplicate-days = Move the dates by (days)
preview-duplicate-days-hint = 364 days keeps the same weekday next year. With this number, { $from } becomes { $to }.
preview-duplicate-submit = Create the copy
preview-duplicate-slug-taken = This address is already used by another event.
preview-field-shift-days = A whole number of days, at most { $max } either way.

## Session form
preview-add-speaker-row = Add another speaker
preview-session-day-hint = On { $day }, on the event's clock.
preview-session-days-hint = Between { $from } and { $to }, on the event's clock.
preview-session-is-cancelled = This session is cancelled: it is shown as cancelled on the agenda.

## Removing and restoring a session
preview-remove-title = Remove this session?
preview-remove-deletes = Nobody has signed up: the session will be deleted from the agenda.
preview-remove-cancels = { $signups ->
    [one] One person has signed up, so the session will be kept as cancelled.
   *[other] { $signups } people have signed up, so the session will be kept as cancelled.
} { $count ->
    [0] Nobody holds a seat, so nobody is e-mailed.
    [one] The one person holding a seat is told by e-mail, and the session leaves their calendar.
   *[other] The { $count } people holding a seat are told by e-mail, and the session leaves their calendars.
}
preview-remove-restorable = Their sign-ups are kept: until the event starts you can restore the session and they get their places back.
preview-remove-confirm-delete = Delete the session
preview-remove-confirm-cancel = Cancel the session
preview-restore-title = Restore this session?
preview-restore-what = { $count ->
    [0] The session will be back on the agenda. Nobody held a seat, so nobody is e-mailed.
    [one] The session will be back on the agenda. The one person who held a seat gets it back and is told by e-mail, with the session back in their calendar.
   *[other] The session will be back on the agenda. The { $count } people who held a seat get it back and are told by e-mail, with the session back in their calendars.
}
preview-restore-signups = Cancelling kept every sign-up, waiting lists included, so nobody has to sign up again.
preview-restore-confirm = Restore the session
preview-restore-session = Restore this session
preview-restore-too-late = The event has started: this session can no longer be restored.
preview-restore-started = The event has started: a cancelled session can no longer be restored.
preview-back-to-session = Back to the session
