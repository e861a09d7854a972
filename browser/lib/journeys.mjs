// What people do, step by step, with a screenshot of each step under target/browser/.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { addUser, personalLink } from './app.mjs';

export const EVENT = 'bordeaux-nous-les-villes';
const PASSWORD = 'une phrase de passe assez longue';

export function check(condition, what) {
  if (!condition) throw new Error(what);
}

/** A helper that numbers and saves screenshots of one journey. */
export function camera(dir, journey) {
  let n = 0;
  return async (page, step, fullPage = true) => {
    n += 1;
    const file = join(dir, `${journey}-${String(n).padStart(2, '0')}-${step}.png`);
    await page.screenshot({ path: file, fullPage });
  };
}

/** Focuses a control and types into it, as a keyboard user does. */
export async function type(page, selector, text) {
  await page.locator(selector).focus();
  await page.keyboard.type(text);
}

/** An attendee registers for a workshop with the keyboard and collects badge and calendar. */
export async function attendee(browser, app, shots) {
  const context = await browser.newContext({ locale: 'fr-FR' });
  const page = await context.newPage();
  const shot = camera(shots, 'attendee');
  await page.goto(`${app.base}/events/${EVENT}?lang=fr`);
  await shot(page, 'event');
  await page.locator(`a[href="/events/${EVENT}/register"]`).first().focus();
  await page.keyboard.press('Enter');
  await page.waitForURL(`**/events/${EVENT}/register`);
  const email = `camille.${Date.now()}@example.org`;
  await type(page, '#register-name', 'Camille Durand');
  await type(page, '#register-email', email);
  await type(page, '#register-organisation', 'Ville de Pessac');
  const workshop = page.locator('input[id^="register-session-"]').first();
  await workshop.focus();
  await page.keyboard.press('Space');
  check(await workshop.isChecked(), 'the workshop checkbox did not tick with Space');
  await page.locator('#register-consent').focus();
  await page.keyboard.press('Space');
  await shot(page, 'form-filled');
  await page.locator('form.form button[type="submit"]').focus();
  await Promise.all([page.waitForURL('**/register/done'), page.keyboard.press('Enter')]);
  await shot(page, 'done');

  const personal = await personalLink(app, email);
  await page.goto(`${app.base}${personal}`);
  check((await page.locator('.session-list li').count()) >= 1, 'the attendee page lists no workshop');
  await shot(page, 'attendee-page');

  const png = await page.request.get(`${app.base}${personal}/badge.png`);
  const bytes = await png.body();
  check(png.ok() && bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
    'badge.png is not a PNG');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.locator(`a[href="${personal}/badge.png"]`).click(),
  ]);
  check((await download.failure()) === null, 'the badge download failed');
  const ics = await page.request.get(`${app.base}${personal}/calendar.ics`);
  check(ics.ok() && (await ics.text()).startsWith('BEGIN:VCALENDAR'), 'calendar.ics does not start with BEGIN:VCALENDAR');
  await page.goto(`${app.base}${personal}/badge`);
  await shot(page, 'badge');
  const code = await readQr(page, `${app.base}${personal}/badge.png`);
  await context.close();
  return { email, personal, code };
}

/** The badge code, read from the PNG as a scanner would (jsQR in the page). */
export async function readQr(page, url) {
  const jsqr = readFileSync(new URL('../node_modules/jsqr/dist/jsQR.js', import.meta.url), 'utf8');
  await page.evaluate(jsqr); // not a <script> tag: the page's CSP refuses inline scripts
  const code = await page.evaluate(async (src) => {
    const img = new Image();
    img.src = src;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = img.naturalWidth;
    canvas.height = img.naturalHeight;
    const ctx = canvas.getContext('2d');
    ctx.drawImage(img, 0, 0);
    const data = ctx.getImageData(0, 0, canvas.width, canvas.height);
    return window.jsQR(data.data, data.width, data.height)?.data ?? null;
  }, url);
  check(code && code.startsWith('S1.'), `the badge QR did not decode to a badge code (${code})`);
  return code;
}

/** Sets a staff password through the one-time link, then signs in on /login. */
export async function staffSignIn(browser, app, email, setupPath, lang, shot) {
  const setupContext = await browser.newContext();
  const setup = await setupContext.newPage();
  await setup.goto(`${app.base}${setupPath}?lang=${lang}`);
  await shot(setup, 'setup');
  await type(setup, '#setup-password', PASSWORD);
  await type(setup, '#setup-confirm', PASSWORD);
  await Promise.all([setup.waitForNavigation(), setup.keyboard.press('Enter')]);
  check(!setup.url().includes('/setup/'), `setting the password failed: ${setup.url()}`);
  await setupContext.close();
  return signIn(browser, app, email, lang, shot);
}

/** Signs a staff member in on /login, in a context of their own. */
export async function signIn(browser, app, email, lang, shot) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${app.base}/login?lang=${lang}`);
  await type(page, '#login-email', email);
  await type(page, '#login-password', PASSWORD);
  if (shot) await shot(page, 'login');
  await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
  check(!page.url().includes('/login'), `signing in failed for ${email}`);
  return { context, page };
}

/** Runs in the page before its scripts: records each vibration pattern and how many tones
 * follow it, so the journey can check that verdicts are felt and heard, not only seen. */
function recordSignals() {
  window.summitSignals = [];
  navigator.vibrate = (pattern) => {
    window.summitSignals.push({ vibrate: pattern });
    return true;
  };
  const Real = window.AudioContext;
  window.AudioContext = class extends Real {
    createOscillator() {
      const last = window.summitSignals[window.summitSignals.length - 1];
      if (last) last.tones = (last.tones || 0) + 1;
      return super.createOscillator();
    }
  };
}

/** Door staff sign in and check the badge in by typing its code and Enter: the page's script
 * shows the verdict in place; without JavaScript the same form answers with a new page. */
export async function door(browser, app, shots, code) {
  const shot = camera(shots, 'door');
  const email = 'porte@example.org';
  const setupPath = addUser(app, email, 'door', EVENT);
  const { context, page } = await staffSignIn(browser, app, email, setupPath, 'fr', shot);
  await context.addInitScript(recordSignals);
  await page.goto(`${app.base}/scan?event=${EVENT}`);
  await shot(page, 'scanner');
  const input = page.locator('#scan-code');
  check(await input.evaluate((el) => el === document.activeElement), 'the code field has no focus on the scanner page');
  await page.keyboard.type(code);
  await page.keyboard.press('Enter');
  const verdict = page.locator('[data-verdict]');
  await page.locator('[data-verdict="admitted"]').waitFor({ timeout: 10_000 });
  await shot(page, 'verdict');
  check((await verdict.innerText()).includes('Entrée autorisée'), 'no "Entrée autorisée" words on the verdict');
  check(await input.evaluate((el) => el === document.activeElement && el.value === ''),
    'the code field is not empty and focused for the next badge');
  await page.keyboard.type('not-a-badge');
  await page.keyboard.press('Enter');
  await page.locator('[data-verdict="invalid"]').waitFor({ timeout: 10_000 });
  const signals = JSON.stringify(await page.evaluate(() => window.summitSignals));
  check(signals === JSON.stringify([{ vibrate: [120], tones: 1 }, { vibrate: [300, 120, 300], tones: 2 }]),
    `admitted and refused did not vibrate and beep differently: ${signals}`);

  const plain = await browser.newContext({ javaScriptEnabled: false, storageState: await context.storageState() });
  const noScript = await plain.newPage();
  await noScript.goto(`${app.base}/scan?event=${EVENT}`);
  await noScript.locator('#scan-code').fill(code);
  await Promise.all([noScript.waitForNavigation(), noScript.keyboard.press('Enter')]);
  check((await noScript.locator('[data-verdict]').getAttribute('data-verdict')) === 'already_checked_in',
    'without JavaScript, a second scan of the same badge was not "already checked in"');
  await shot(noScript, 'second-scan-without-javascript');
  await plain.close();
  return context;
}

/** An organiser adds a session that clashes with another in the same room and is told which. */
export async function organiser(browser, app, shots) {
  const shot = camera(shots, 'organiser');
  const email = 'orga@example.org';
  const setupPath = addUser(app, email, 'organiser');
  const { context, page } = await staffSignIn(browser, app, email, setupPath, 'en', shot);
  const { sessions } = await (await page.request.get(`${app.base}/api/v1/events/${EVENT}/sessions?lang=en`)).json();
  const other = sessions.find((s) => s.room);
  check(other, 'no session with a room in the demo event');
  await page.goto(`${app.base}/admin/events/${EVENT}/programme?lang=en`);
  await shot(page, 'event-admin', false);
  await type(page, '#session-title_fr', 'Atelier qui se chevauche');
  await type(page, '#session-title_en', 'Overlapping workshop');
  await page.locator('#session-starts_at').fill(other.starts_at.slice(0, 16));
  await page.locator('#session-ends_at').fill(other.ends_at.slice(0, 16));
  await page.locator('#session-room_id').selectOption({ label: other.room });
  await page.locator('#new-session').scrollIntoViewIfNeeded();
  await shot(page, 'new-session', false);
  await page.getByRole('button', { name: 'Add the session' }).focus();
  await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
  const message = page.locator('main .error').filter({ hasText: other.title }).first();
  check(await message.count(), `no conflict message naming “${other.title}”`);
  await message.scrollIntoViewIfNeeded();
  await shot(page, 'conflict', false);
  await badgeRole(page, app, shot);
  return context;
}

/** The organiser makes someone a speaker with the keyboard; their printed badge says so. */
async function badgeRole(page, app, shot) {
  const res = await page.request.post(`${app.base}/api/v1/events/${EVENT}/registrations`, {
    data: { name: 'Awa Diallo', email: `awa.${Date.now()}@example.org`, attendance: 'in_person' },
  });
  check(res.status() === 201, `registering Awa answered ${res.status()}`);
  const { id, manage_url: link } = await res.json();
  await page.goto(`${app.base}/admin/events/${EVENT}/registrations?lang=en&q=Awa`);
  const select = page.getByLabel('Badge role of Awa Diallo');
  await select.focus();
  await page.keyboard.press('ArrowDown');
  check((await select.inputValue()) === 'speaker', 'ArrowDown on the badge role did not choose Speaker');
  await page.keyboard.press('Tab');
  check(await page.locator(`form[action$="/registrations/${id}/role"] button`).evaluate((el) => el === document.activeElement),
    'Tab after the badge role does not reach its button');
  await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
  check((await page.locator('.notice[role="status"]').innerText()).includes('badge role has been changed'),
    'no confirmation after changing the badge role');
  const changed = page.locator(`#badge-role-${id}`);
  check((await changed.inputValue()) === 'speaker', 'the list does not show Speaker after the change');
  await changed.scrollIntoViewIfNeeded();
  await shot(page, 'badge-role', false);
  await page.goto(`${app.base}${new URL(link).pathname}/badge?lang=en`);
  check((await page.locator('.badge-role').textContent()).trim() === 'Speaker', 'the badge does not say Speaker');
}
