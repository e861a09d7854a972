# The attendee's personal programme (issue 18): starring sessions, clashes, the reminder.
stars-title = My programme
stars-intro = Add the sessions you want to attend: they appear here by day with the workshops you signed up for, and in your personal calendar. Sessions whose times overlap are marked as a clash; that is allowed.
stars-mine-heading = My sessions by day
stars-count = { $n ->
    [one] One session in your programme.
   *[other] { $n } sessions in your programme.
}
stars-clash-count = { $n ->
    [one] One of them overlaps another.
   *[other] { $n } of them overlap another.
}
stars-empty = Your programme is empty for now. Add sessions from the list of all sessions below.
stars-starred = In my programme
stars-add = Add to my programme
stars-remove = Remove from my programme
stars-clash = Clash
stars-clashes-with = overlaps with “{ $session }” ({ $starts }–{ $ends }).
stars-back = Back to my registration
stars-all-heading = All sessions
stars-days = Days of the event
stars-reminder-heading = Reminders
stars-reminder-label = E-mail me { $minutes } minutes before each session I added to my programme
stars-reminder-save = Save my reminder choice
stars-done-starred = Added to your programme.
stars-done-unstarred = Removed from your programme.
stars-done-reminder = Your reminder choice is saved.
stars-field-session = Session
stars-unknown-session = This session is not in this event's programme.
stars-session-cancelled = This session is cancelled: it cannot be added to your programme.
stars-registration-over = This registration is cancelled: its programme can no longer change.
stars-reminder-intro = “{ $session }” from your programme starts at { $time } ({ $room }).
stars-no-room = room to be announced
stars-link-heading = My programme
stars-link-text = Choose the talks and sessions you want to attend, see clashes, and get them in your calendar.
stars-link = Open my programme
stars-dashboard = Stars per session (attendees' interest before the day)
stars-removal-kept = { $n ->
    [one] One person has it in their programme, so the session will be kept as cancelled: their calendar will show it cancelled.
   *[other] { $n } people have it in their programme, so the session will be kept as cancelled: their calendars will show it cancelled.
}
