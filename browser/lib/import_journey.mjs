// Issue 17's organiser, keyboard only: imports a programme sheet into a new event (the file
// chosen from the file field with the keyboard), reads the dry run, applies it, sees the
// timetable, opens a session from the grid, moves it into another's room at the same time,
// and is told which session it would clash with. Screenshots in target/browser/import-*.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { addUser } from './app.mjs';
import { camera, check, staffSignIn } from './journeys.mjs';
import { choose } from './keys.mjs';

const SLUG = 'forum-importe';
const SHEET = [
  'date,début,fin,titre_fr,titre_en,type,salle,parcours,intervenants',
  '2027-09-14,09:00,10:00,Ouverture du forum,Forum opening,plenary,Salle A,,Claire Dumoulin-Arnaud (host)',
  '2027-09-14,10:30,11:30,Atelier : les données ouvertes,Workshop: open data,workshop,Salle A,Données,Issa Béouindé',
  '2027-09-14,10:30,11:30,Table ronde : les tiers-lieux,Round table: third places,round_table,Salle B,,Aminata Kaboré-Sanou',
].join('\n') + '\n';

export async function importJourney(browser, app, shots) {
  const shot = camera(shots, 'import');
  const token = app.cli('token', 'create', '--role', 'organiser', '--label', 'import journey').trim().split('\n').pop();
  const email = 'programme@example.org';
  const { context, page } = await staffSignIn(browser, app, email, addUser(app, email, 'organiser'), 'en', shot);
  const created = await page.request.post(`${app.base}/api/v1/events`, {
    headers: { Authorization: `Bearer ${token}` },
    data: { slug: SLUG, title: 'Forum importé', timezone: 'Europe/Paris', starts_at: '2027-09-14T08:30',
      ends_at: '2027-09-14T18:00', format: 'in_person' },
  });
  check(created.status() === 201, `creating the event: HTTP ${created.status()}`);
  const file = join(tmpdir(), `summit-programme-${process.pid}.csv`);
  writeFileSync(file, SHEET);

  await page.goto(`${app.base}/admin/events/${SLUG}/programme/import?lang=en`);
  const chooser = await openChooserByKeyboard(page, '#programme-file');
  await chooser.setFiles(file);
  await page.keyboard.press('Tab');
  await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
  check(page.url().includes('/programme/import/'), `the upload did not lead to its report: ${page.url()}`);
  const report = await page.locator('main').innerText();
  for (const title of ['Forum opening', 'Workshop: open data', 'Round table: third places']) {
    check(report.includes(title), `the dry run does not list “${title}”`);
  }
  check(report.includes('Salle B') && report.includes('Issa Béouindé'), 'the dry run does not list the rooms and speakers to create');
  await shot(page, 'dry-run');
  const before = await (await page.request.get(`${app.base}/api/v1/events/${SLUG}/sessions`)).json();
  check(before.sessions.length === 0, 'the dry run applied something');

  await page.getByRole('button', { name: 'Apply' }).focus();
  await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
  // Applying runs in the background: the page says when it is done.
  for (let i = 0; i < 40 && !(await page.locator('a[href$="/timetable"]').count()); i++) {
    await page.waitForTimeout(250);
    await page.reload();
  }
  await shot(page, 'applied');
  await page.locator('main a[href$="/timetable"]').first().focus();
  await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
  const cells = page.locator('.tt-grid a.tt-session');
  check(await cells.count() === 3, `the timetable shows ${await cells.count()} sessions, not 3`);
  await shot(page, 'timetable', false);

  await cells.filter({ hasText: 'Round table: third places' }).focus();
  await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
  await choose(page, '#edit-room_id', 'Salle A');
  await page.getByRole('button', { name: /Save/ }).first().focus();
  await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
  const refused = page.locator('main .error').filter({ hasText: 'Workshop: open data' });
  check(await refused.count() > 0, 'moving the round table into Salle A at 10:30 did not name the workshop it clashes with');
  await refused.first().scrollIntoViewIfNeeded();
  await shot(page, 'clash', false);
  await context.close();
}

// Space on a focused file field opens the chooser, but headless Chromium now and then drops
// the first press (focus not settled yet after the load): press again, still by keyboard,
// rather than wait 30 s for a chooser that will not come.
async function openChooserByKeyboard(page, selector, attempts = 4) {
  await page.waitForLoadState('load');
  for (let i = 1; ; i++) {
    await page.locator(selector).focus();
    const opened = page.waitForEvent('filechooser', { timeout: 5000 });
    await page.keyboard.press('Space');
    try {
      return await opened;
    } catch (e) {
      if (i >= attempts) throw e;
    }
  }
}
