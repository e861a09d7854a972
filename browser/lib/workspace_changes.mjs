// The workspace journey, second half: what the organiser changes once the congress is set up —
// edits and removals through the confirm pages, preview and publish, sign-ups (one paid), a
// session cancelled and restored, the duplicate for next year.
import { check } from './journeys.mjs';
import { choose, follow, section, space, submit, typeIn } from './keys.mjs';
import { NEXT_SLUG, SLUG, TITLE, h1, mainText, rows } from './workspace_data.mjs';

export async function editAndRemoveSpeakers({ page, look }) {
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

export async function editAndRemoveRooms({ page, look }) {
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

export async function editAndRemoveTracks({ page, look }) {
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

export async function editAndRemoveTickets({ page, look }) {
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

export async function previewAndPublish({ page, look }) {
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
export async function someoneSignsUp(browser, app) {
  const { context, page } = await register(browser, app, 'Nadia Cherif', 'nadia.cherif@example.org', 'Free entry',
    'Digital accessibility workshop');
  check(page.url().includes('/register/done'), `registering led to ${page.url()}`);
  await context.close();
}

/** Someone picks the paid pass: the app opens a Stripe Checkout for its price and sends them
 * there; the organiser's figures count them as waiting for payment. */
export async function someonePays(browser, app, stripe, { page: organiser }) {
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

export async function cancelAndRestore({ page, look }) {
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

export async function duplicate({ page, look }) {
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
