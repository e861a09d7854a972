# The accessibility statement (/accessibility), in the shape of the RGAA 4.1 model.
a11y-title = Accessibility statement
a11y-organisation-unset = the organisation that runs this service
a11y-organisation-hint = Whoever runs this service has not given the organisation’s name yet (setting accessibility_organisation).
a11y-commitment = { $organisation } is committed to making its digital services accessible, in accordance with article 47 of French law no. 2005-102 of 11 February 2005.
a11y-commitment-unset = The organisation that runs this service is committed to making its digital services accessible, in accordance with article 47 of French law no. 2005-102 of 11 February 2005.
a11y-scope = This accessibility statement applies to the Summit events service published at { $site }.

a11y-state-heading = Compliance status
a11y-state = { $site } is { $state ->
    [full] fully compliant
    [partial] partially compliant
   *[none] not compliant
  } with the French accessibility standard RGAA (référentiel général d’amélioration de l’accessibilité), version 4.1.
a11y-state-no-audit = No compliance audit has been carried out yet: until one is, the RGAA requires the service to be declared not compliant.
a11y-state-expired = The last audit, of { $date }, is more than three years old: it no longer supports a compliance status.

a11y-results-heading = Test results
a11y-results-none = No RGAA audit has measured the share of criteria met yet.
a11y-results-audit = An RGAA 4.1 compliance audit was carried out on { $date }; it found the service { $state ->
    [full] fully compliant
    [partial] partially compliant (at least half the criteria met)
   *[none] not compliant
  }.
a11y-results-checks = In addition, every change to Summit is checked as follows:
a11y-check-axe = a real browser opens every kind of page (public pages, registration with errors, personal page, badge, the join-online link, door check-in, organisers’ area) in both languages and has axe-core analyse them; any error fails continuous integration;
a11y-check-keyboard = the journeys of an attendee registering, door staff and an organiser are played with the keyboard: the skip link comes first and focus is always visible;
a11y-check-layout = pages stay readable 320 pixels wide and at 400% zoom, with no sideways scrolling; contrast is at least 4.5:1; animations stop when your system asks for reduced motion;
a11y-check-nojs = everything works without JavaScript, door check-in included; a verdict is never given by colour alone.

a11y-content-heading = Non-accessible content
a11y-nonconform-heading = Non-compliance
a11y-nonconform-audit = Without a full audit, other faults may exist: automatic tests do not find every problem. Please tell us about any barrier (see below).
a11y-nonconform-qr = The badge’s QR code is an image. Alternative: the badge page also gives the name, event and ticket as text, and door staff can find a badge by name.
a11y-nonconform-camera = Reading badges with the camera means aiming at the code. Alternative: type the badge’s code, or look the person up by name.
a11y-nonconform-organisers = An event’s texts, images and documents are written by its organisers, who check their accessibility; on request they give the information in another form.
a11y-derogation-heading = Exemptions for disproportionate burden
a11y-derogation-none = No exemption is claimed.
a11y-exempt-heading = Content not subject to the accessibility obligation
a11y-exempt-live = Live broadcasts of online sessions (live time-based media).
a11y-exempt-third-party = The video players and conference rooms of third-party services that the join-online links lead to, which the organisation neither develops nor controls.

a11y-established-heading = Preparation of this statement
a11y-established-on = This statement was prepared on { $date }, following the audit.
a11y-established-unaudited = This statement has not yet been prepared following an audit: it describes the checks made on every version of Summit.
a11y-technologies-heading = Technologies the service relies on
a11y-technologies = HTML, CSS; JavaScript only as an extra (the service works without it).
a11y-environment-heading = Test environment
a11y-environment-browser = Chromium (headless), 320, 375 and 1280 pixels wide, in French and in English;
a11y-environment-keyboard = keyboard-only navigation, and pages without JavaScript.
a11y-tools-heading = Tools used to evaluate accessibility
a11y-tools = axe-core (WCAG 2.1 A and AA rules) driven by Playwright; manual keyboard and zoom checks.
a11y-pages-heading = Pages of the service that were checked
a11y-pages = The home page, an event’s page and agenda, a session, the speakers, registration (with errors too), the personal page, the badge, the join-online page, door check-in, sign-in and the organisers’ area, and this statement.

a11y-contact-heading = Feedback and contact
a11y-contact = If you cannot reach some content or a service, you can contact { $organisation } to be directed to an accessible alternative or to get the content in another form.
a11y-contact-at = To report a barrier:
a11y-contact-unset = No contact has been given for this service yet: write to the event’s organiser, named on the event’s page.
a11y-contact-answer = Describe the page and what stops you; you are owed an answer within a reasonable time.

a11y-recourse-heading = Legal remedies
a11y-recourse-when = Use this procedure in the following case: you reported to whoever is responsible for the service an accessibility fault that keeps you from some content or one of the services, and you did not get a satisfactory answer.
a11y-recourse-how = You may then refer the matter to the Défenseur des droits (the French rights ombudsman):
a11y-recourse-form = Write to the Défenseur des droits (online form, in French)
a11y-recourse-delegate = Contact the Défenseur des droits’ delegate in your region (in French)
a11y-recourse-post = Send a letter by post (free of charge, no stamp needed):

# The join page before its window opens: the opening in the event's zone, a countdown.
join-opens-event-zone = Opening, in the event’s time zone ({ $zone })
join-opens-at = { $date } at { $clock } ({ $abbreviation })
join-opens-your-zone = In your time zone ({ $zone })
join-countdown = Opens in { $left }
join-countdown-day = d
join-countdown-announce = { $count ->
    [one] Opens in { $n } minute.
   *[other] Opens in { $n } minutes.
  }
join-countdown-opening = The room is open: taking you to the stream.
join-check-again = Check again
join-check-again-hint = This page does not refresh itself: at the opening time, follow “Check again” to reach the stream.
join-check-again-by-itself = This page takes you to the stream by itself when the room opens; “Check again” works too.
