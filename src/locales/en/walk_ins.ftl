# Walk-ins: people registered at the door.
dashboard-walk-ins = Registered at the door (walk-ins)
dashboard-walk-ins-in = Let in
dashboard-walk-ins-waiting = On the waiting list
walk-in-heading = Register someone at the door
walk-in-hint = For someone who did not register: they are registered in person and let in at this gate at once, if a place is left.
walk-in-name = Name
walk-in-email = E-mail address (optional)
walk-in-email-hint = With it, they receive their personal link, as after registering online.
walk-in-organisation = Organisation (optional)
walk-in-submit = Register and let in
walk-in-done = Registered: they may go in. Their badge:
walk-in-qr = QR code of the badge of { $name }
walk-in-print = Print the badge
walk-in-waiting = The event is full: { $name } is on the waiting list (position { $position }). Do not let them in yet.
walk-in-no-place = { $name } is already registered but holds no place yet (awaiting approval or payment): the organisers settle it.
checkins-walk-ins = { $all ->
    [one] 1 registered at the door ({ $n } let in)
   *[other] { $all } registered at the door ({ $n } let in)
}
badge-pdf-title = Badges
badge-pdf-size-invalid = Choose a badge size: a6, a7, 4x3 or 62x100.
badge-pdf-link = Badges for a badge printer (PDF)
badge-pdf-size = Badge size
badge-pdf-size-a6 = A6 card (105 × 148 mm)
badge-pdf-size-a7 = A7 card (74 × 105 mm)
badge-pdf-size-4x3 = Badge card 4 × 3 in (102 × 76 mm)
badge-pdf-size-62x100 = Label 62 × 100 mm
badge-pdf-download = Download the PDF
walk-in-badge-pdf = Badge as PDF for the badge printer
