# The event form's time zone, the messages page and confirming a cancellation.

forms-timezone-hint = Type to search, for example Europe/Paris or America/Montreal (IANA names).

forms-messages-title = Messages to attendees
forms-messages-link = Write to attendees
forms-languages-help = Write in French, in English or both: each person gets the message in the language they registered in. If you write in one language only, everybody gets that one.
forms-any-active = Anyone who has not cancelled
forms-in-french = In French
forms-in-english = In English
forms-subject-fr = Subject in French
forms-body-fr = Message in French
forms-subject-en = Subject in English
forms-body-en = Message in English
forms-review = Continue to sending…
forms-preview = Preview
forms-test = Send a test to me
forms-announce-one-language = Write the subject and message in at least one language.
forms-preview-title = Preview
forms-preview-help = This is how the people will receive it; nothing has been sent. Their own name and personal link replace the examples.
forms-preview-fr = As French readers will see it
forms-preview-en = As English readers will see it
forms-preview-fr-fallback = Nothing is written in French: French readers get the English message.
forms-preview-en-fallback = Nothing is written in English: English readers get the French message.
forms-sample-name = Camille Martin
forms-test-subject = [Test] { $subject }
forms-test-link-label = The event's page (attendees get their personal link here)
forms-test-footer = This is a test sent to you alone. Attendees get the same message with their own name and personal link.
forms-test-sent = A test has been queued for { $email }, in the language of this page.
forms-test-no-email = You are signed in with an API token, which has no e-mail address: sign in with your staff account to send yourself a test.
forms-sent = { $n ->
    [0] Nobody matched: no message was sent.
    [one] The message has been queued for 1 person.
   *[other] The message has been queued for { $n } people.
}
forms-confirm-title = Send this message?
forms-confirm-reach = { $n ->
    [0] Nobody matches these filters: nothing would be sent.
    [one] This will e-mail 1 person:
   *[other] This will e-mail { $n } people:
}
forms-confirm-status = { $status }: { $n }
forms-confirm-languages = { $fr } in French, { $en } in English.
forms-confirm-send = Confirm and send
forms-confirm-back = Back to the message

forms-cancel-title = Cancel the registration of { $name }?
forms-cancel-intro = If you confirm:
forms-cancel-told = { $name } is told by e-mail that the registration is cancelled.
forms-cancel-no-place = { $name } is not holding a place (waiting, or waiting for approval): nobody moves up.
forms-cancel-nobody-waiting = Nobody is waiting: the place becomes free for the next person who registers.
forms-cancel-next = The freed place goes to the next person waiting: { $next }, who is told by e-mail.
forms-cancel-refund = The ticket was paid: { $amount } is refunded through Stripe.
forms-cancel-no-refund = The ticket was paid, but the refund deadline has passed: nothing is refunded.
forms-cancel-confirm = Yes, cancel this registration
forms-cancel-back = No, back to the registrations
forms-cancelled-promoted = The registration of { $name } has been cancelled. { $next } got the freed place and has been told by e-mail.
forms-cancelled-nobody-waiting = The registration of { $name } has been cancelled. Nobody was waiting: the place is free.
forms-cancelled-no-place = The registration of { $name } has been cancelled. They were not holding a place, so nobody moved up.
