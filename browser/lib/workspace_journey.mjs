// Issue 16's "Done when": an organiser sets up a whole congress in the workspace with the
// keyboard only, from an empty database — event, rooms, tracks, speakers, sessions, a free and
// a paid ticket — then edits and removes things through the confirm pages, previews the draft,
// publishes it, cancels and restores a session someone signed up for, and duplicates the event
// for next year. Each step checks what the organiser sees; each kind of page is audited with
// axe in English and French and photographed at 1280 and 375 px (target/browser/workspace-*).
import { addUser, startApp } from './app.mjs';
import { fakeStripe } from './fake_stripe.mjs';
import { camera, check, staffSignIn } from './journeys.mjs';
import { choose, section, submit, typeIn, typeWhen } from './keys.mjs';
import { cancelAndRestore, duplicate, editAndRemoveRooms, editAndRemoveSpeakers, editAndRemoveTickets, editAndRemoveTracks,
  previewAndPublish, someonePays, someoneSignsUp } from './workspace_changes.mjs';
import { DAY1, DAY2, ROOMS, SESSIONS, SLUG, SPEAKERS, TICKETS, TITLE, TRACKS, h1, mainText, rows } from './workspace_data.mjs';

const WIDE = { width: 1280, height: 900 };

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

async function createEvent({ page, look }) {
  check(await h1(page) === 'Organisers', `the first page after sign-in is “${await h1(page)}”, not Organisers`);
  check((await page.locator('main table tbody a').count()) === 0, 'an empty database already lists events');
  const emptyList = await page.locator('main table tbody').innerText();
  check(emptyList.includes('No event yet'), `an empty events list does not say so: ${emptyList}`);
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
