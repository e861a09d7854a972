# Finding sessions in an event's agenda.
finder-title = Find sessions
finder-q = Search
finder-q-hint = Words in a title, a description or a speaker's name.
finder-day = Day
finder-all-days = Every day
finder-track = Track
finder-room = Room
finder-kind = Kind
finder-format = Attend
finder-all-tracks = All tracks
finder-all-rooms = All rooms
finder-all-kinds = All kinds
finder-all-formats = In person or online
finder-in-person = In person
finder-online = Online
finder-submit = Show the sessions
finder-clear = Clear the filters
finder-track-link = its sessions
finder-shown = { $count ->
    [0] No session matches these filters.
    [one] 1 session matches these filters.
   *[other] { $count } sessions match these filters.
}
finder-ignored = Not understood, so not applied: { $filters }.
