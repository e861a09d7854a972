## Programme import (CSV spreadsheet)
progimport-not-utf8 = The file is not UTF-8 text: save it as “CSV UTF-8” from your spreadsheet.
progimport-not-csv = The file is not a readable CSV (separator “;” or “,”).
progimport-too-large = The file is over the size limit ({ $max }).
progimport-too-many-rows = The file has more than { $max } rows: split it into several imports.
progimport-missing-column = The “{ $column }” column is missing from the header row.
progimport-bad-id = Column id: a session number is expected.
progimport-id-twice = This session (same id) is already further up in the file.
progimport-bad-date = Unreadable date: write YYYY-MM-DD or DD/MM/YYYY.
progimport-bad-time = Unreadable time: write HH:MM.
progimport-clash-room = The room is already booked at that time by “{ $title_en }” ({ $times }).
progimport-clash-speaker = A speaker is already booked at that time by “{ $title_en }” ({ $times }).
progimport-rejected = { $count ->
    [one] One row is rejected: nothing was imported.
   *[other] { $count } rows are rejected: nothing was imported.
}
