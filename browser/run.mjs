// Summit in a real browser: axe-core on every kind of page in French and English, the
// journeys of an attendee, door staff and an organiser, and keyboard/layout basics.
// Needs the `summit` binary (SUMMIT_BIN, else $CARGO_TARGET_DIR/debug/summit) and Chromium.
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { REPO, addUser, startApp } from './lib/app.mjs';
import { audit } from './lib/axe.mjs';
import { EVENT, attendee, door, organiser } from './lib/journeys.mjs';
import { cameraScan, offlineDoors } from './lib/offline.mjs';
import { workspaceJourney } from './lib/workspace_journey.mjs';
import { agendaJourney } from './lib/agenda_journey.mjs';
import { walkInJourney } from './lib/walk_in_journey.mjs';
import { certificateJourney } from './lib/certificate_journey.mjs';
import { importJourney } from './lib/import_journey.mjs';
import { cssHasMotion, narrow, reducedMotion, skipLink, visibleFocus } from './lib/keyboard.mjs';

const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const SHOTS = process.env.SCREENSHOTS_DIR || join(REPO, 'target', 'browser');
const LANGS = ['fr', 'en'];
const failures = [];
const started = Date.now();

function withLang(path, lang) {
  return `${path}${path.includes('?') ? '&' : '?'}lang=${lang}`;
}

/** Opens a page, runs axe and the language-switch check; returns the page for more checks. */
async function visit(page, app, path, lang, label = path) {
  const res = await page.goto(`${app.base}${withLang(path, lang)}`);
  const status = res?.status() ?? 0;
  if (status >= 500) failures.push(`${label} [${lang}]: HTTP ${status}`);
  return inspect(page, `${label} [${lang}]`, lang);
}

/** axe and the language switch on the page as it is now. */
async function inspect(page, label, lang) {
  const htmlLang = await page.evaluate(() => document.documentElement.lang);
  if (htmlLang !== lang) failures.push(`${label}: <html lang="${htmlLang}">, expected ${lang}`);
  const other = LANGS.find((l) => l !== lang);
  const switchLink = await page.locator(`a[hreflang="${other}"]`).count();
  if (!switchLink) failures.push(`${label}: no link to the ${other} version`);
  const found = await audit(page, label);
  for (const v of found) {
    failures.push(`${v.page}: axe ${v.rule} (${v.impact}) ${v.help}\n      ${v.targets.slice(0, 5).join('\n      ')}`);
  }
  audited += 1;
  return page;
}
let audited = 0;

async function publicPages(browser, app, personal) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const { events } = await (await page.request.get(`${app.base}/api/v1/events`)).json();
  const setupPath = addUser(app, 'accueil@example.org', 'organiser');
  // Someone registered for the online WSIS workshop, for its join page.
  const joined = await page.request.post(`${app.base}/api/v1/events/wsis-numerique-inclusif/registrations`, {
    data: { name: 'Awa Diallo', email: 'awa.diallo@example.org', attendance: 'online', language: 'fr' },
  });
  if (joined.status() !== 201) failures.push(`registering online for WSIS: HTTP ${joined.status()}`);
  const online = `/r/${(await joined.json()).manage_url?.split('/').pop()}`;
  // The attendee's programme with two starred sessions (the first two of the agenda).
  const agenda = await (await page.request.get(`${app.base}/api/v1/events/${EVENT}/sessions`)).json();
  for (const s of agenda.sessions.slice(0, 2)) {
    const starred = await page.request.put(`${app.base}/api/v1/registrations/${personal.split('/').pop()}/starred/${s.id}`);
    if (starred.status() !== 201) failures.push(`starring session ${s.id}: HTTP ${starred.status()}`);
  }
  for (const lang of LANGS) {
    for (const path of ['/', '/accessibility', '/login', setupPath, '/no-such-page']) {
      await visit(page, app, path, lang);
    }
    for (const e of events) {
      const slug = e.slug;
      const { sessions } = await (await page.request.get(`${app.base}/api/v1/events/${slug}/sessions`)).json();
      const paths = [`/events/${slug}`, `/events/${slug}/speakers`, `/events/${slug}/register`, `/events/${slug}/resend`,
        `/events/${slug}/privacy`];
      if (sessions.length) paths.push(`/events/${slug}/sessions/${sessions[0].id}`);
      for (const path of paths) await visit(page, app, path, lang);
    }
    // The agenda as a grid of rooms × time, and filtered to workshops with their places left.
    await visit(page, app, `/events/${EVENT}?view=grid`, lang);
    await visit(page, app, `/events/${EVENT}?day=2027-06-16&kind=workshop&view=grid`, lang);
    await visit(page, app, `/events/${EVENT}/register`, lang);
    await Promise.all([page.waitForNavigation(), page.locator('form.form button[type="submit"]').click()]);
    if (!(await page.locator('.error-summary').count())) failures.push(`register [${lang}]: no error summary after an empty submit`);
    await inspect(page, `/events/${EVENT}/register with errors [${lang}]`, lang);
    await visit(page, app, `/events/${EVENT}/register/done`, lang);
    await visit(page, app, personal, lang, '/r/TOKEN');
    await visit(page, app, `${personal}/badge`, lang, '/r/TOKEN/badge');
    await visit(page, app, `${personal}/programme`, lang, '/r/TOKEN/programme');
    await visit(page, app, `${online}/join/0`, lang, '/r/TOKEN/join/0 (before it opens)');
  }
  await context.close();
}

async function doorPages(context, app) {
  const page = await context.newPage();
  for (const lang of LANGS) {
    await visit(page, app, '/scan', lang);
    await visit(page, app, `/scan?event=${EVENT}`, lang);
    await page.locator('#scan-code').fill('not-a-badge');
    await page.keyboard.press('Enter');
    await page.locator('[data-verdict="invalid"]').waitFor({ timeout: 10_000 });
    await inspect(page, `/scan verdict [${lang}]`, lang);
    await visit(page, app, `/scan?event=${EVENT}&q=Camille`, lang);
  }
  // Door staff often scan with a phone.
  await page.setViewportSize({ width: 320, height: 640 });
  await page.goto(`${app.base}/scan?event=${EVENT}`);
  for (const p of await narrow(page)) failures.push(`/scan at 320 px: ${p}`);
}

async function organiserPages(context, app) {
  const page = await context.newPage();
  const { sessions } = await (await page.request.get(`${app.base}/api/v1/events/${EVENT}/sessions`)).json();
  const admin = `/admin/events/${EVENT}`;
  const list = async (what) => (await (await page.request.get(`${app.base}/api/v1/events/${EVENT}/${what}`)).json());
  const [room] = await list('rooms');
  const [track] = await list('tracks');
  const [ticket] = await list('tickets');
  const { speakers } = await list('speakers');
  // Each workspace page, an edit page and a confirm page of each kind (labelled by kind, not id).
  const pages = [['/admin'], [admin], [`${admin}/programme`], [`${admin}/programme/import`], [`${admin}/timetable`], [`${admin}/timetable?day=2027-06-16`, `${admin}/timetable?day=DAY`], [`${admin}/speakers`], [`${admin}/rooms`],
    [`${admin}/tickets`], [`${admin}/settings`], [`${admin}/sessions/${sessions[1].id}`],
    [`${admin}/registrations`], [`${admin}/badges`], [`${admin}/checkins`], [`${admin}/dashboard`],
    [`${admin}/messages`], [`${admin}/duplicate`],
    [`${admin}/sessions/${sessions[1].id}/delete`, `${admin}/sessions/ID/delete`],
    [`${admin}/rooms/${room.id}`, `${admin}/rooms/ID`], [`${admin}/rooms/${room.id}/remove`, `${admin}/rooms/ID/remove`],
    [`${admin}/tracks/${track.id}`, `${admin}/tracks/ID`], [`${admin}/tracks/${track.id}/remove`, `${admin}/tracks/ID/remove`],
    [`${admin}/speakers/${speakers[0].id}`, `${admin}/speakers/ID`],
    [`${admin}/speakers/${speakers[0].id}/remove`, `${admin}/speakers/ID/remove`]];
  if (ticket) pages.push([`${admin}/tickets/${ticket.id}`, `${admin}/tickets/ID`], [`${admin}/tickets/${ticket.id}/remove`, `${admin}/tickets/ID/remove`]);
  for (const lang of LANGS) {
    for (const [path, label] of pages) await visit(page, app, path, lang, label);
  }
  // A guest list import: its progress and report page (one row is refused).
  await page.goto(`${app.base}${admin}/registrations?lang=en`);
  await page.locator('#import-file').setInputFiles({
    name: 'guests.csv', mimeType: 'text/csv',
    buffer: Buffer.from('name,email\nLéa Import,lea.import@example.org\nNo Address,\n'),
  });
  await Promise.all([page.waitForNavigation(), page.locator(`form[action$="/imports"] button[type="submit"]`).click()]);
  if (!page.url().includes('/imports/')) failures.push(`the import did not lead to its progress page: ${page.url()}`);
  await page.waitForTimeout(1500);
  for (const lang of LANGS) await visit(page, app, new URL(page.url()).pathname, lang, `${admin}/imports/ID`);
  // A programme import's report: one row to add, one rejected (the apply is not pressed).
  const day = sessions[0].starts_at.slice(0, 10);
  await page.goto(`${app.base}${admin}/programme/import?lang=en`);
  await page.locator('#programme-file').setInputFiles({
    name: 'programme.csv', mimeType: 'text/csv',
    buffer: Buffer.from(`date;start;end;title_en;kind;room\n${day};23:00;23:30;Axe check;other;Axe room\n${day};23:00;22:00;Backwards;other;\n`),
  });
  await Promise.all([page.waitForNavigation(), page.locator(`form[action$="/programme/import"] button[type="submit"]`).click()]);
  if (!page.url().includes('/programme/import/')) failures.push(`the programme import did not lead to its report: ${page.url()}`);
  for (const lang of LANGS) await visit(page, app, new URL(page.url()).pathname, lang, `${admin}/programme/import/TOKEN`);
}

async function keyboardChecks(browser, app, personal) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const key = ['/', `/events/${EVENT}`, `/events/${EVENT}/register`, personal, '/login', '/accessibility'];
  for (const path of key) {
    await page.goto(`${app.base}${path}`);
    const label = path === personal ? '/r/TOKEN' : path;
    for (const p of [...(await skipLink(page)), ...(await visibleFocus(page))]) failures.push(`${label}: ${p}`);
    if (cssHasMotion()) for (const p of await reducedMotion(page)) failures.push(`${label}: ${p}`);
  }
  await page.setViewportSize({ width: 320, height: 640 });
  for (const path of [...key, `${personal}/badge`, `${personal}/programme`, `/events/${EVENT}/speakers`]) {
    await page.goto(`${app.base}${path}`);
    for (const p of await narrow(page)) failures.push(`${path.replace(personal, '/r/TOKEN')} at 320 px: ${p}`);
  }
  await page.screenshot({ path: join(SHOTS, 'narrow-320-register.png'), fullPage: true });
  await context.close();
}

async function main() {
  mkdirSync(SHOTS, { recursive: true });
  for (const f of readdirSync(SHOTS)) if (f.endsWith('.png')) rmSync(join(SHOTS, f));
  const app = await startApp();
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox'] });
  // Any page's script error or content-security-policy refusal fails the run.
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (options) => {
    const context = await newContext(options);
    context.on('console', (m) => {
      if (/Content.Security.Policy/i.test(m.text())) failures.push(`CSP refused something: ${m.text()}`);
    });
    context.on('weberror', (e) => failures.push(`script error: ${e.error().message}`));
    return context;
  };
  try {
    const step = async (name, fn) => {
      const t = Date.now();
      try {
        return await fn();
      } catch (e) {
        failures.push(`${name}: ${e.message.split('\n')[0]}`);
        return null;
      } finally {
        console.log(`== ${name} (${((Date.now() - t) / 1000).toFixed(1)} s)`);
      }
    };
    const who = await step('journey: attendee registers, badge and calendar', () => attendee(browser, app, SHOTS));
    const doorContext = who && await step('journey: door staff check the badge in', () => door(browser, app, SHOTS, who.code));
    await step('journey: door staff scan a badge with the camera', () => cameraScan(browser, app, SHOTS, CHROMIUM));
    await step('journey: two doors lose the network, decide alone, then upload', () => offlineDoors(browser, app, SHOTS));
    await step('journey: attendee finds workshops on a phone, then the grid', () => agendaJourney(browser, app, SHOTS));
    await step('journey: door staff register a walk-in on a phone', () => walkInJourney(browser, app, SHOTS, inspect));
    await step('journey: an attendee downloads their certificate and the verify page confirms it',
      () => certificateJourney(browser, app, SHOTS, inspect));
    await step('journey: organiser imports a programme sheet, keyboard only', () => importJourney(browser, app, SHOTS));
    const orgContext = await step('journey: organiser meets a room clash', () => organiser(browser, app, SHOTS));
    await step('journey: organiser sets up a congress from an empty database, keyboard only',
      () => workspaceJourney(browser, SHOTS, inspect));
    if (who) await step('axe: public and attendee pages', () => publicPages(browser, app, who.personal));
    if (doorContext) await step('axe: scanner', () => doorPages(doorContext, app));
    if (orgContext) await step('axe: organisers\' pages', () => organiserPages(orgContext, app));
    if (who) await step('keyboard, focus, 320 px, motion', () => keyboardChecks(browser, app, who.personal));
  } finally {
    await browser.close();
    await app.stop();
  }
  const secs = ((Date.now() - started) / 1000).toFixed(0);
  console.log(`${audited} page views checked with axe-core (WCAG 2.1 A/AA), screenshots in ${SHOTS}, ${secs} s`);
  if (failures.length) {
    console.error(`\n${failures.length} problem(s):\n- ${failures.join('\n- ')}`);
    process.exit(1);
  }
  console.log('no accessibility violations, journeys and keyboard checks passed');
}

main().catch((e) => {
  console.error(e);
  process.exit(2);
});
