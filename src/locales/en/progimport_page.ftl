## Programme import in the browser (sheet or frab schedule), its report and its apply
progimport_page-link = Import a programme (spreadsheet or frab schedule)
progimport_page-title = Import a programme
progimport_page-intro = Send a programme sheet (CSV) or a frab schedule (XML or JSON, as Summit, frab and pretalx publish it). Nothing changes yet: you first see what the import would do, then you apply it.
progimport_page-file = Programme file
progimport_page-limits = CSV, XML or JSON, at most { $mib } MiB and { $rows } sessions.
progimport_page-check = Check the file
progimport_page-dry-run-first = The file is kept on the server until you apply it, so you do not need to send it again.
progimport_page-no-file = Choose the programme file to import.
progimport_page-template = Start from the current programme
progimport_page-template-help = Download the event's programme as a sheet, change it in your spreadsheet and send it back: rows with an id update those sessions, rows without one add sessions.
progimport_page-sheet-fr = Current programme, French column names (CSV)
progimport_page-sheet-en = Current programme, English column names (CSV)
progimport_page-columns = The sheet's columns
progimport_page-columns-help = Column names may be French or English, with or without accents. The separator may be “;” or “,”. Required: a title, date, start, kind, and an end or a duration. Unknown columns are ignored and listed in the report.
progimport_page-col-fr = French name
progimport_page-col-en = English name
progimport_page-col-meaning = What goes in it
progimport_page-col-id = The session's number in this event (from the exported sheet): the row updates it. Empty: a new session.
progimport_page-col-date = The day: YYYY-MM-DD or DD/MM/YYYY.
progimport_page-col-start = The start time, HH:MM, in the event's time zone.
progimport_page-col-end = The end time, HH:MM.
progimport_page-col-duration = Instead of the end: the length in minutes (90) or hours and minutes (1:30).
progimport_page-col-title = The title in French and in English (one of them is enough).
progimport_page-col-kind = plenary, keynote, workshop, round_table, panel, testimony, break or other.
progimport_page-col-room = The room's name; a room the event does not have yet is created.
progimport_page-col-track = The track's name; a new track is created.
progimport_page-col-speakers = People separated by “;”, each with an optional role in brackets: Ana Lima (moderator); Jon Doe. Roles: speaker, moderator, host, panelist. New people are added to the speakers.
progimport_page-col-description = The description in each language.
progimport_page-col-format = in_person, virtual or hybrid.
progimport_page-col-capacity = The most places for the session (empty: no limit).
progimport_page-col-signup = yes or no: whether attendees sign up for it.
progimport_page-col-status = scheduled or cancelled.
progimport_page-frab = frab schedules
progimport_page-frab-help = A schedule.xml or schedule.json file (frab, pretalx, or another Summit event) is recognised by its content. Each session is matched by its guid: importing the same schedule again updates the sessions instead of adding them twice. Times are read in the event's time zone; the title and description go into the schedule's language.
progimport_page-back = Back to the programme
progimport_page-report-title = Programme import report
progimport_page-dry-run = Dry run: { $add ->
    [one] one session
   *[other] { $add } sessions
} to add, { $update } to update, { $unchanged } unchanged, { $rejected ->
    [one] one row
   *[other] { $rejected } rows
} rejected. Nothing has been changed yet.
progimport_page-rejected = Rejected rows
progimport_page-fix-and-upload = Correct these rows in your file and send it again.
progimport_page-column = Column
progimport_page-reason = Reason
progimport_page-apply = Apply the import
progimport_page-nothing = The file changes nothing in the programme.
progimport_page-unknown-columns = Columns ignored (unknown):
progimport_page-new-rooms = Rooms to create
progimport_page-new-tracks = Tracks to create
progimport_page-new-speakers = Speakers to create
progimport_page-to-add = Sessions to add
progimport_page-to-update = Sessions to update
progimport_page-changes = What changes
progimport_page-running = The import is being applied.
progimport_page-refresh = Refresh to see whether it has finished
progimport_page-applied = Import applied: { $added ->
    [one] one session
   *[other] { $added } sessions
} added, { $updated } updated.
progimport_page-see-timetable = See the timetable
progimport_page-refused = Nothing was imported:
progimport_page-refused-rows = Nothing was imported: the programme changed since the dry run and some rows no longer fit. They are listed below.
progimport_page-upload-another = Import another file
progimport_page-not-xml = The file is not readable XML (line { $line }).
progimport_page-not-json = The file is not readable JSON (line { $line }).
progimport_page-not-frab = The file is not a frab schedule: no schedule with days, rooms and events was found.
progimport_page-unknown-format = The file is not a programme: expected a CSV sheet with a header row (title, date, start, end…), or a frab schedule in XML or JSON.
progimport_page-bad-duration = Unreadable duration: write minutes (90) or hours and minutes (1:30), less than a day.
