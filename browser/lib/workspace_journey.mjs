// Issue 16's "Done when": an organiser sets up a whole congress in the workspace with the
// keyboard only, from an empty database — event, rooms, tracks, speakers, sessions, a free and
// a paid ticket — then edits and removes things through the confirm pages, previews the draft,
// publishes it, cancels and restores a session someone signed up for, and duplicates the event
// for next year. Each step checks what the organiser sees; each kind of page is audited with
// axe in English and French and photographed at 1280 and 375 px (target/browser/workspace-*).
import { addUser, startApp } from './app.mjs';
import { fakeStripe } from './fake_stripe.mjs';
import { camera, check, staffSignIn } from './journeys.mjs';
import { choose, follow, section, space, submit, typeIn, typeWhen } from './keys.mjs';

const SLUG = 'congres-villes-inclusives';
const NEXT_SLUG = 'congres-villes-inclusives-2';
const TITLE = 'Inclusive Cities Congress';
const WIDE = { width: 1280, height: 900 };

/** Days from today, as YYYY-MM-DD: the congress is two months ahead, so it can be restored. */
function day(offset) {
  return new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
}
const DAY1 = day(60);
const DAY2 = day(61);

const ROOMS = [['Amphithéâtre', 400], ['Salle Garonne', 60], ['Salle Dordogne', 40], ['Salle annexe', 20]];
const TRACKS = [['Ville numérique', 'Digital city'], ['Mobilités', 'Mobility'], ['Piste provisoire', 'Temporary track']];
const SPEAKERS = [['Awa Diallo', 'Mairie de Bordeaux', 'City of Bordeaux'], ['Karim Benali', 'Métropole de Lyon', 'Lyon Metropolis'],
  ['Léa Martin', 'Université de Nantes', 'University of Nantes'], ['Jonas Weber', 'Stadt Freiburg', 'City of Freiburg'],
  ['Sofia Rossi', 'Comune di Torino', 'City of Turin'], ['Paul Invité', 'Sans affiliation', 'No affiliation']];
// [fr, en, kind, day, from, to, room, track, format, speaker, signup?]
const SESSIONS = [
  ['Ouverture du congrès', 'Opening of the congress', 'Plenary', DAY1, '09:30', '10:30', 'Amphithéâtre', 'Digital city', 'Hybrid', 'Awa Diallo'],
  ['Atelier accessibilité numérique', 'Digital accessibility workshop', 'Workshop', DAY1, '11:00', '12:30', 'Salle Garonne', 'Digital city', 'In person', 'Karim Benali', true],
  ['Table ronde sur les mobilités', 'Round table on mobility', 'Round table', DAY1, '11:00', '12:30', 'Amphithéâtre', 'Mobility', 'Hybrid', 'Léa Martin'],
  ['Atelier données ouvertes', 'Open data workshop', 'Workshop', DAY1, '14:00', '15:30', 'Salle Dordogne', 'Digital city', 'In person', 'Jonas Weber', true],
  ['La ville pour tous', 'A city for everyone', 'Keynote', DAY1, '16:00', '17:00', 'Amphithéâtre', 'Mobility', 'Hybrid', 'Sofia Rossi'],
  ['Témoignages d’élus', 'Testimonies from elected officials', 'Testimony', DAY2, '09:30', '10:30', 'Salle annexe', 'Mobility', 'In person', 'Awa Diallo'],
  ['Budget participatif', 'Participatory budgeting', 'Panel', DAY2, '11:00', '12:00', 'Salle Garonne', 'Digital city', 'Hybrid', 'Karim Benali'],
  ['Clôture', 'Closing', 'Plenary', DAY2, '14:00', '15:00', 'Amphithéâtre', 'Mobility', 'Hybrid', 'Léa Martin'],
];

/** Runs the journey on an app of its own (empty database, payments pointed at a fake Stripe). */
export async function workspaceJourney(browser, shots, inspect) {
  const stripe = await fakeStripe();
  const app = await startApp({ demo: false, env: { STRIPE_SECRET_KEY: 'sk_test_journey', STRIPE_API_BASE: stripe.base } });
  try {
    const org = await organiserSignsIn(browser, app, shots, inspect);
    await createEvent(org);
    await addRoomsAndTracks(org);
    await addSpeakers(org);
    await addTickets(org);
    await addSessions(org);
    await editAndRemoveSpeakers(org);
    await editAndRemoveRooms(org);
    await editAndRemoveTracks(org);
    await editAndRemoveTickets(org);
    check(stripe.requests.length === 0, `setting up called Stripe: ${stripe.requests.map((r) => r.path).join(', ')}`);
    await previewAndPublish(org);
    await someoneSignsUp(browser, app);
    await someonePays(browser, app, stripe, org);
    await cancelAndRestore(org);
    await duplicate(org);
    await org.french.context().close();
    await org.page.context().close();
  } finally {
    await app.stop();
    await stripe.close();
  }
}

/** The organiser's tab, a French tab on the same sign-in for the audits, and `look`. */
async function organiserSignsIn(browser, app, shots, inspect) {
  const email = 'organisatrice@example.org';
  const setupPath = addUser(app, email, 'organiser');
  const { context, page } = await staffSignIn(browser, app, email, setupPath, 'en', async () => {});
  await page.setViewportSize(WIDE);
  await page.goto(`${app.base}/admin?lang=en`);
  const french = await (await browser.newContext({ storageState: await context.storageState() })).newPage();
  const shoot = camera(shots, 'workspace');
  const seen = new Set();
  /** axe in English on the page as it is and in French on the same address, with screenshots
   * at 1280 and 375 px: once per kind of page. `again: false` for a page a GET cannot show. */
  async function look(name, { again = true } = {}) {
    if (seen.has(name)) return;
    seen.add(name);
    await inspect(page, `workspace: ${name} [en]`, 'en');
    await shoot(page, `${name}-1280`);
    await page.setViewportSize({ width: 375, height: 800 });
    await shoot(page, `${name}-375`);
    await page.setViewportSize(WIDE);
    if (!again) return;
    const url = new URL(page.url());
    url.hash = '';
    url.searchParams.set('lang', 'fr');
    const res = await french.goto(url.href);
    check(res.status() < 400, `${name} in French: HTTP ${res.status()}`);
    await inspect(french, `workspace: ${name} [fr]`, 'fr');
  }
  return { app, page, french, look };
}

const h1 = async (page) => (await page.locator('h1').first().innerText()).trim();
const mainText = async (page) => page.locator('main').innerText();

async function createEvent({ page, look }) {
  check(await h1(page) === 'Organisers', `the first page after sign-in is “${await h1(page)}”, not Organisers`);
  check((await page.locator('main table tbody tr').count()) === 0, 'an empty database already lists events');
  await look('events');
  await typeIn(page, '#new-slug', SLUG);
  await typeIn(page, '#new-title_fr', 'Congrès des villes inclusives');
  await typeIn(page, '#new-title_en', TITLE);
  await typeIn(page, '#new-description_fr', 'Deux jours pour rendre nos villes accessibles à toutes et à tous.');
  await typeIn(page, '#new-description_en', 'Two days to make our cities accessible to everyone.');
  await typeIn(page, '#new-organiser', 'Réseau des villes inclusives');
  check(await page.locator('#new-timezone').inputValue() === 'Europe/Paris', 'the time zone is not prefilled with Europe/Paris');
  await typeWhen(page, '#new-starts_at', `${DAY1}T09:00`);
  await typeWhen(page, '#new-ends_at', `${DAY2}T18:00`);
  await choose(page, '#new-format', 'Hybrid');
  await choose(page, '#new-status', 'Draft');
  await typeIn(page, '#new-venue', 'Palais des congrès, Bordeaux');
  await typeIn(page, '#new-in_person_capacity', '300');
  await typeIn(page, '#new-online_capacity', '500');
  await typeIn(page, '#new-stream_url', 'https://stream.example.org/congres');
  await typeIn(page, '#new-privacy_notice_fr', 'Vos données servent à organiser le congrès.');
  await typeIn(page, '#new-privacy_notice_en', 'Your data is used to run the congress.');
  await submit(page, 'Create the event');
  check(page.url().includes(`/admin/events/${SLUG}`), `creating the event led to ${page.url()}`);
  check(await h1(page) === TITLE, `the new event's overview is headed “${await h1(page)}”`);
  check(await page.locator('.draft-note').isVisible(), 'the new event does not say it is a draft');
  check((await page.locator('.checklist').innerText()).includes('The programme has no session yet.'),
    'the checklist does not say the programme is empty');
  await look('overview');
}

/** The rows of a workspace list section (`#rooms`, `#tracks`…) as the organiser reads them. */
const rows = async (page, id) => page.locator(`section[aria-labelledby="${id}"] ul.rows`).innerText().catch(() => '');

async function addRoomsAndTracks({ page, look }) {
  await section(page, 'Rooms and tracks');
  check((await mainText(page)).includes('No room yet.'), 'the rooms page of a new event does not say there is no room');
  await look('rooms-empty');
  for (const [name, capacity] of ROOMS) {
    await typeIn(page, '#room-name', name);
    await typeIn(page, '#room-capacity', capacity);
    await submit(page, 'Add the room');
    check((await rows(page, 'rooms')).includes(name), `the room “${name}” is not listed after adding it`);
  }
  for (const [fr, en] of TRACKS) {
    await typeIn(page, '#track-name_fr', fr);
    await typeIn(page, '#track-name_en', en);
    await submit(page, 'Add the track');
    const listed = await rows(page, 'tracks');
    check(listed.includes(fr) && listed.includes(en), `the track “${en}” is not listed after adding it`);
  }
  await look('rooms');
}

async function addSpeakers({ page, look }) {
  await section(page, 'Speakers');
  check((await mainText(page)).includes('No speaker yet.'), 'the speakers page of a new event does not say there is none');
  for (const [name, fr, en] of SPEAKERS) {
    await typeIn(page, '#speaker-name', name);
    await typeIn(page, '#speaker-affiliation_fr', fr);
    await typeIn(page, '#speaker-affiliation_en', en);
    await typeIn(page, '#speaker-bio_en', `${name} works on inclusive public services.`);
    await submit(page, 'Add the speaker');
    check((await rows(page, 'speakers')).includes(`${name}, ${en}`), `“${name}, ${en}” is not listed after adding them`);
  }
  await look('speakers');
}

const TICKETS = [['Entrée libre', 'Free entry', '0', ''], ['Pass professionnel', 'Professional pass', '45', '100'],
  ['Billet provisoire', 'Temporary ticket', '10', '5']];

async function addTickets({ page, look }) {
  await section(page, 'Tickets');
  check(await page.locator('#ticket-price').count(), 'no price field: the app does not see the Stripe settings');
  // A price in words is refused next to its field, and nothing is added.
  await typeIn(page, '#ticket-name', 'Billet sans prix');
  await typeIn(page, '#ticket-price', 'vingt euros');
  await submit(page, 'Add the ticket type');
  const refusal = await page.locator('#ticket-price-error').innerText().catch(() => '');
  check(refusal.includes('Enter a price such as 25 or 25.50.'), `a price in words is not refused at its field: “${refusal}”`);
  check(!(await rows(page, 'tickets')).includes('Billet sans prix'), 'a ticket with a price in words was added');
  await look('tickets-refused', { again: false });
  for (const [fr, en, price, quota] of TICKETS) {
    await typeIn(page, '#ticket-name', fr);
    await typeIn(page, '#ticket-name_en', en);
    await typeIn(page, '#ticket-price', price);
    check(await page.locator('#ticket-currency').inputValue() === 'EUR', 'the currency is not prefilled with EUR');
    await typeIn(page, '#ticket-quota', quota);
    await submit(page, 'Add the ticket type');
    check((await rows(page, 'tickets')).includes(`${fr} / ${en}`), `the ticket “${en}” is not listed after adding it`);
  }
  const listed = await rows(page, 'tickets');
  check(/Free|0[.,]00/.test(listed) && /45[.,]00/.test(listed), `the ticket list does not show the prices: ${listed}`);
  await look('tickets');
}

async function addSessions({ page, look }) {
  await section(page, 'Programme');
  check((await mainText(page)).includes('No session yet'), 'the programme of a new event does not say it is empty');
  for (const [fr, en, kind, when, from, to, room, track, format, speaker, signup] of SESSIONS) {
    await typeIn(page, '#session-title_fr', fr);
    await typeIn(page, '#session-title_en', en);
    await choose(page, '#session-kind', kind);
    await typeWhen(page, '#session-starts_at', `${when}T${from}`);
    await typeWhen(page, '#session-ends_at', `${when}T${to}`);
    await choose(page, '#session-room_id', room);
    await choose(page, '#session-track_id', track);
    await choose(page, '#session-format', format);
    if (signup) {
      await typeIn(page, '#session-capacity', '25');
      await choose(page, '#session-requires_signup', 'Yes');
    }
    await choose(page, '#session-speaker-0', speaker);
    if (!(await page.locator('main table').count())) await look('programme-empty');
    await submit(page, 'Add the session');
    const error = await page.locator('main .error').allInnerTexts();
    check(!error.length, `adding “${en}” was refused: ${error.join(' ')}`);
    const row = page.locator('main table tbody tr', { hasText: en });
    check((await row.innerText()).includes(room), `the programme does not list “${en}” in ${room}`);
  }
  check((await page.locator('main table tbody tr').count()) === SESSIONS.length, `the programme does not list ${SESSIONS.length} sessions`);
  await look('programme');
}

async function editAndRemoveSpeakers({ page, look }) {
  await section(page, 'Speakers');
  await follow(page, 'Edit Sofia Rossi');
  check(await h1(page) === 'Speaker Sofia Rossi', `the speaker edit page is headed “${await h1(page)}”`);
  await look('speaker-edit');
  await typeIn(page, '#edit-affiliation_en', 'Turin City Council');
  await submit(page, 'Save');
  check((await rows(page, 'speakers')).includes('Sofia Rossi, Turin City Council'), 'the speaker list does not show the new affiliation');
  // On two sessions: the page says why she cannot go, and offers no button to remove her.
  await follow(page, 'Remove Awa Diallo');
  check(await h1(page) === 'Remove Awa Diallo from the speakers?', `the refused removal is headed “${await h1(page)}”`);
  const why = await mainText(page);
  check(why.includes('This speaker is on 2 sessions. Take them off those first'), `the refused removal does not say why: ${why}`);
  check(why.includes('Opening of the congress') && why.includes('Testimonies from elected officials'), 'the refused removal does not name her sessions');
  check(!(await page.locator('main button.danger').count()), 'a speaker on sessions can still be removed');
  await look('speaker-remove-refused');
  await follow(page, 'Back');
  await follow(page, 'Remove Paul Invité');
  check((await mainText(page)).includes('This speaker is on no session: only their profile goes.'), 'the removal does not say what happens');
  await look('speaker-remove');
  await submit(page, 'Remove the speaker');
  const listed = await rows(page, 'speakers');
  check(!listed.includes('Paul Invité') && listed.includes('Awa Diallo'), `the speaker list after removing Paul: ${listed}`);
}

async function editAndRemoveRooms({ page, look }) {
  await section(page, 'Rooms and tracks');
  await follow(page, 'Edit Salle Dordogne');
  check(await h1(page) === 'Room “Salle Dordogne”', `the room edit page is headed “${await h1(page)}”`);
  await look('room-edit');
  await typeIn(page, '#edit-name', 'Salle Dordogne (1er étage)');
  await typeIn(page, '#edit-capacity', '45');
  await submit(page, 'Save');
  check((await rows(page, 'rooms')).includes('Salle Dordogne (1er étage) · 45 places'), `the room list after the edit: ${await rows(page, 'rooms')}`);
  // A room with a session: it can go only once its session has somewhere else to take place.
  await follow(page, 'Remove Salle annexe');
  check(await h1(page) === 'Remove the room “Salle annexe”?', `the room removal is headed “${await h1(page)}”`);
  const text = await mainText(page);
  check(text.includes('One session takes place in this room. Choose the room it moves to'), `the room removal does not say what happens: ${text}`);
  check(text.includes('Testimonies from elected officials'), 'the room removal does not name its session');
  await look('room-remove');
  await choose(page, '#confirm-move_to', 'Salle Garonne');
  // From the choice, Tab reaches the button that acts on it.
  await page.keyboard.press('Tab');
  const focused = await page.evaluate(() => document.activeElement.textContent.trim());
  check(focused === 'Move the sessions and remove the room', `Tab after the room choice lands on “${focused}”`);
  await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
  check(!(await rows(page, 'rooms')).includes('Salle annexe'), 'Salle annexe is still listed after removing it');
  check((await rows(page, 'rooms')).includes('Salle Garonne · 60 places · 3 sessions'), `Salle Garonne did not get the session: ${await rows(page, 'rooms')}`);
}

async function editAndRemoveTracks({ page, look }) {
  await follow(page, 'Edit Mobility');
  check(await h1(page) === 'Track “Mobility”', `the track edit page is headed “${await h1(page)}”`);
  await look('track-edit');
  await typeIn(page, '#edit-name_en', 'Mobility and transport');
  await submit(page, 'Save');
  check((await rows(page, 'tracks')).includes('Mobilités / Mobility and transport'), 'the track list does not show the new name');
  await follow(page, 'Remove Temporary track');
  check((await mainText(page)).includes('No session belongs to this track: nothing else changes.'), 'the track removal does not say what happens');
  await look('track-remove');
  await submit(page, 'Remove the track');
  check(!(await rows(page, 'tracks')).includes('Piste provisoire'), 'the removed track is still listed');
}

async function editAndRemoveTickets({ page, look }) {
  await section(page, 'Tickets');
  await follow(page, 'Edit Professional pass');
  check(await h1(page) === 'Ticket type “Professional pass”', `the ticket edit page is headed “${await h1(page)}”`);
  await look('ticket-edit');
  await typeIn(page, '#edit-price', '50');
  await submit(page, 'Save');
  check(/50[.,]00/.test(await rows(page, 'tickets')), 'the ticket list does not show the new price');
  await follow(page, 'Remove Temporary ticket');
  check((await mainText(page)).includes('Nobody registered with this ticket type: it simply goes.'), 'the ticket removal does not say what happens');
  await look('ticket-remove');
  await submit(page, 'Remove the ticket type');
  check(!(await rows(page, 'tickets')).includes('Temporary ticket'), 'the removed ticket type is still listed');
}

async function previewAndPublish({ page, look }) {
  await section(page, 'Overview');
  const checklist = await page.locator('.checklist').innerText();
  check(checklist.includes('The programme has sessions.'), `the checklist does not see the programme: ${checklist}`);
  await follow(page, 'See the public pages (preview)');
  check(page.url().endsWith(`/events/${SLUG}`), `the preview link led to ${page.url()}`);
  const banner = page.locator('.draft-banner');
  check(await banner.isVisible() && (await banner.innerText()).includes('Draft — not public.'), 'the preview has no draft banner');
  check((await mainText(page)).includes('Digital accessibility workshop'), 'the preview does not show the programme');
  await look('preview');
  // Back to the workspace through the site's own links.
  await follow(page, 'Organisers', page.locator('header'));
  await follow(page, TITLE, page.locator('main'));
  await section(page, 'Settings');
  await look('settings');
  await choose(page, '#event-status', 'Published');
  await submit(page, 'Save');
  check(page.url().includes('saved=1'), `saving the settings led to ${page.url()}`);
  check(!(await page.locator('.draft-note').count()), 'the event still says it is a draft after publishing');
  check(await page.locator('#event-status').evaluate((el) => el.options[el.selectedIndex].label) === 'Published',
    'the status does not read Published after saving');
}

/** Fills the public registration form with the keyboard (the person types its address). */
async function register(browser, app, name, email, ticket, workshop) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${app.base}/events/${SLUG}/register?lang=en`);
  await typeIn(page, '#register-name', name);
  await typeIn(page, '#register-email', email);
  await space(page, '#register-attendance-in_person');
  const ticketId = await page.locator('label', { hasText: ticket }).first().getAttribute('for');
  check(ticketId, `the registration form does not offer “${ticket}”`);
  await space(page, `#${ticketId}`);
  check(await page.locator(`#${ticketId}`).isChecked(), `Space did not choose “${ticket}”`);
  if (workshop) {
    const box = await page.locator('label', { hasText: workshop }).first().getAttribute('for');
    await space(page, `#${box}`);
    check(await page.locator(`#${box}`).isChecked(), 'Space did not tick the workshop');
  }
  await space(page, '#register-consent');
  await submit(page, 'Register');
  return { context, page };
}

/** Someone signs up for the accessibility workshop with the free ticket. */
async function someoneSignsUp(browser, app) {
  const { context, page } = await register(browser, app, 'Nadia Cherif', 'nadia.cherif@example.org', 'Free entry',
    'Digital accessibility workshop');
  check(page.url().includes('/register/done'), `registering led to ${page.url()}`);
  await context.close();
}

/** Someone picks the paid pass: the app opens a Stripe Checkout for its price and sends them
 * there; the organiser's figures count them as waiting for payment. */
async function someonePays(browser, app, stripe, { page: organiser }) {
  const { context, page } = await register(browser, app, 'Tomás Ortega', 'tomas.ortega@example.org', 'Professional pass');
  check(page.url().startsWith(`${stripe.base}/c/pay/`), `choosing the paid pass led to ${page.url()}, not Stripe Checkout`);
  check((await page.locator('#amount').innerText()) === 'Pay 50.00 EUR', 'Stripe Checkout was not asked for 50.00 EUR');
  const [sent] = stripe.requests.filter((r) => r.path === '/v1/checkout/sessions');
  check(sent.form.get('customer_email') === 'tomas.ortega@example.org', 'the checkout is not for the payer\'s address');
  await context.close();
  await section(organiser, 'Overview');
  const figures = (await organiser.locator('ul.figures').innerText()).replace(/\s+/g, ' ');
  check(figures.includes('1 registration confirmed') && figures.includes('1 waiting for payment'),
    `the overview's figures after a free and a paid registration: ${figures}`);
}

async function cancelAndRestore({ page, look }) {
  await section(page, 'Programme');
  await follow(page, 'Edit Digital accessibility workshop');
  check(await h1(page) === 'Edit the session', `the session page is headed “${await h1(page)}”`);
  await look('session-edit');
  await follow(page, 'Remove this session');
  check(await h1(page) === 'Remove this session?', `the session removal is headed “${await h1(page)}”`);
  const said = await mainText(page);
  check(said.includes('One person has signed up, so the session will be kept as cancelled.'), `the removal does not say it keeps the sign-up: ${said}`);
  await look('session-remove');
  await submit(page, 'Cancel the session');
  const row = page.locator('main table tbody tr', { hasText: 'Digital accessibility workshop' });
  check((await row.innerText()).includes('Cancelled'), 'the programme does not mark the workshop cancelled');
  await follow(page, 'Edit Digital accessibility workshop');
  check((await mainText(page)).includes('This session is cancelled'), 'the cancelled session does not say so');
  await look('session-cancelled');
  await follow(page, 'Restore this session');
  check(await h1(page) === 'Restore this session?', `the restore page is headed “${await h1(page)}”`);
  check((await mainText(page)).includes('The one person who held a seat gets it back'), 'the restore page does not say who gets a seat back');
  await look('session-restore');
  await submit(page, 'Restore the session');
  check(await h1(page) === 'Edit the session', `restoring led to “${await h1(page)}”`);
  check(!(await mainText(page)).includes('This session is cancelled'), 'the restored session still says it is cancelled');
  await section(page, 'Programme');
  check(!(await row.innerText()).includes('Cancelled'), 'the programme still marks the restored workshop cancelled');
}

async function duplicate({ page, look }) {
  await section(page, 'Settings');
  await follow(page, 'Duplicate this event');
  check(await h1(page) === 'Duplicate this event', `the duplicate page is headed “${await h1(page)}”`);
  await look('duplicate');
  await typeIn(page, '#duplicate-slug', NEXT_SLUG);
  await typeIn(page, '#duplicate-shift_days', '364');
  await submit(page, 'Create the copy');
  check(page.url().includes(`/admin/events/${NEXT_SLUG}`), `duplicating led to ${page.url()}`);
  check(await page.locator('.draft-note').isVisible(), 'the copy is not a draft');
  const figures = (await page.locator('ul.figures').innerText()).replace(/\s+/g, ' ');
  for (const want of ['8 sessions', '5 speakers', '3 rooms', '2 tracks', '2 ticket types', '0 registrations confirmed']) {
    check(figures.includes(want), `the copy's figures lack “${want}”: ${figures}`);
  }
  await look('duplicate-overview');
}
