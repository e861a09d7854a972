// Issue 18's attendee on a 375 px phone, keyboard only: finds the Bordeaux workshops about open
// data on day 2 by the filters, then by a search in French, hears the count, opens the workshop
// and sees its places left; then, on a wide screen, the same day as a grid of rooms × time;
// then, from their personal link, stars two sessions at the same time, sees the clash, and
// finds both in their calendar feed. Screenshots in target/browser/agenda-*.
import { EVENT, check } from './journeys.mjs';
import { choose, typeIn } from './keys.mjs';

const FLASH = 'Flash workshop: visualising open data without coding';

export async function agendaJourney(browser, app, shots) {
  const phone = await browser.newContext({ viewport: { width: 375, height: 800 } });
  const page = await phone.newPage();
  await page.goto(`${app.base}/events/${EVENT}?lang=en`);
  await choose(page, '#finder-day', 'Wednesday 16 June 2027');
  await choose(page, '#finder-kind', 'Workshop');
  await choose(page, '#finder-track', 'Open data');
  await page.locator('#finder-q').focus();
  await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
  const count = (await page.locator('.finder-count').innerText()).trim();
  check(count === '1 session matches these filters.', `filters: the count says “${count}”`);
  check(await page.locator('.finder-count[role="status"]').count() === 1, 'the count is not a status region');
  check(await page.getByRole('link', { name: FLASH }).isVisible(), 'the open-data workshop is not listed');
  await page.screenshot({ path: `${shots}/agenda-filters-375.png`, fullPage: true });

  // The same by a search, accents and case ignored, from a cleared form.
  await page.goto(`${app.base}/events/${EVENT}?lang=en&day=2027-06-16`);
  await choose(page, '#finder-kind', 'Workshop');
  await typeIn(page, '#finder-q', 'DONNEES ouvertes');
  await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
  const found = (await page.locator('.finder-count').innerText()).trim();
  check(found === '1 session matches these filters.', `search: the count says “${found}”`);
  const link = page.getByRole('link', { name: FLASH });
  const row = page.locator('tr', { has: link });
  check((await row.innerText()).includes('places left'), 'the workshop row shows no places left');
  await link.focus();
  await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
  const session = await page.locator('main').innerText();
  check(session.includes('40 places left'), 'the workshop page shows no places left');
  await page.screenshot({ path: `${shots}/agenda-session-375.png`, fullPage: true });
  // On a phone the grid view is the list.
  await page.goto(`${app.base}/events/${EVENT}?lang=fr&view=grid&day=2027-06-16`);
  check(!(await page.locator('.agenda-grids').isVisible()), 'the grid shows on a 375 px phone');
  check(await page.locator('.agenda-list-phone table.agenda').first().isVisible(), 'no list on the phone in grid view');
  await phone.close();

  const wide = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const grid = await wide.newPage();
  await grid.goto(`${app.base}/events/${EVENT}?lang=fr&day=2027-06-16`);
  await grid.getByRole('link', { name: 'Grille par salle' }).focus();
  await Promise.all([grid.waitForNavigation(), grid.keyboard.press('Enter')]);
  check(grid.url().includes('day=2027-06-16') && grid.url().includes('view=grid'), `the grid lost the day: ${grid.url()}`);
  const rooms = await grid.locator('.agenda-grids .tt-room').allInnerTexts();
  check(rooms.includes('Atelier B') && rooms.length === 7, `grid rooms: ${rooms.join(', ')}`);
  const cell = grid.locator('.agenda-grids a.tt-session', { hasText: 'visualiser des données ouvertes' });
  check(await cell.isVisible(), 'the workshop is not on the grid');
  await grid.locator('.agenda-grids').screenshot({ path: `${shots}/agenda-grid-1280.png` });
  await wide.close();
  await personalProgramme(browser, app, shots);
  await joinOnline(browser, app, shots);
}

/** An online attendee's page: the WSIS workshop says when its link opens; a stream that is
 * on now has a Join button that leads to it in one tap. */
async function joinOnline(browser, app, shots) {
  const phone = await browser.newContext({ viewport: { width: 375, height: 800 } });
  const page = await phone.newPage();
  const register = async (slug, email) => {
    const res = await page.request.post(`${app.base}/api/v1/events/${slug}/registrations`, {
      data: { name: 'Awa Diallo', email, attendance: 'online', language: 'en' },
    });
    check(res.status() === 201, `registering online for ${slug}: HTTP ${res.status()}`);
    return `/r/${(await res.json()).manage_url.split('/').pop()}`;
  };
  const wsis = await register('wsis-numerique-inclusif', 'awa.wsis@example.org');
  await page.goto(`${app.base}${wsis}?lang=en`);
  const state = await page.locator('.joins').innerText();
  check(state.includes('opens'), `the WSIS attendee's page does not say when the link opens: ${state}`);

  // A stream on now, in an event made for the journey: its Join button leads to the stream.
  const token = app.cli('token', 'create', '--role', 'organiser', '--label', 'join journey').trim().split('\n').pop();
  const at = (min) => new Date(Date.now() + min * 60_000).toISOString().slice(0, 16);
  const stream = `${app.base}/accessibility?stream=live`;
  const made = await page.request.post(`${app.base}/api/v1/events`, {
    headers: { Authorization: `Bearer ${token}` },
    data: { slug: 'atelier-en-direct', title: 'Atelier en direct', timezone: 'UTC', starts_at: at(-60), ends_at: at(120),
      format: 'virtual', status: 'published', online_capacity: 50, stream_url: stream },
  });
  check(made.status() === 201, `creating the live event: HTTP ${made.status()}`);
  const live = await register('atelier-en-direct', 'awa.live@example.org');
  await page.goto(`${app.base}${live}?lang=en`);
  const join = page.locator('.joins a.button').first();
  check(await join.isVisible(), 'no Join button for a stream that is on');
  await page.screenshot({ path: `${shots}/agenda-join-375.png` });
  await join.focus();
  await Promise.all([page.waitForURL(/stream=live/), page.keyboard.press('Enter')]);
  await phone.close();
}

/** Stars two sessions at the same time from the personal link (keyboard only), on a phone. */
async function personalProgramme(browser, app, shots) {
  const phone = await browser.newContext({ viewport: { width: 375, height: 800 } });
  const page = await phone.newPage();
  const res = await page.request.post(`${app.base}/api/v1/events/${EVENT}/registrations`, {
    data: { name: 'Camille Ferrand', email: 'camille.ferrand@example.org', attendance: 'in_person', language: 'en' },
  });
  check(res.status() === 201, `registering for the programme journey: HTTP ${res.status()}`);
  const personal = `/r/${(await res.json()).manage_url.split('/').pop()}`;
  const { sessions } = await (await page.request.get(`${app.base}/api/v1/events/${EVENT}/sessions?lang=en`)).json();
  const parallel = sessions.filter((x) => x.starts_at.startsWith('2027-06-16T10:45') && x.kind !== 'break').slice(0, 2);
  check(parallel.length === 2, 'no two sessions at 10:45 on day 2');
  await page.goto(`${app.base}${personal}/programme?lang=en`);
  for (const s of parallel) {
    await page.getByRole('button', { name: `Add to my programme — ${s.title}` }).focus();
    await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
  }
  const mine = await page.locator('main').innerText();
  check(mine.includes('Clash') && mine.includes(`overlaps with “${parallel[1].title}”`),
    'starring two sessions at the same time shows no clash naming the other');
  await page.screenshot({ path: `${shots}/agenda-my-programme-375.png`, fullPage: false });
  const feed = await (await page.request.get(`${app.base}${personal}/calendar.ics`)).text();
  for (const s of parallel) {
    check(feed.replace(/\r\n[ \t]/g, '').includes(`SUMMARY:${s.title}`), `the personal feed lacks “${s.title}”`);
  }
  await phone.close();
}
