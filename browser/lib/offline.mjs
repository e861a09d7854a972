// The door scanner's script in a real Chromium: a (fake) camera films a badge and lets the
// person in; scanners that lose the network decide alone, queue and upload when it is back;
// a badge let in at two doors meanwhile reaches the organisers.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { addUser } from './app.mjs';
import { EVENT, camera, check, readQr, signIn, staffSignIn } from './journeys.mjs';

/** Someone registered through the API; returns their name and badge PNG address. */
async function registrant(app, name) {
  const email = `${name.toLowerCase().replace(/\W+/g, '.')}@example.org`;
  const res = await fetch(`${app.base}/api/v1/events/${EVENT}/registrations`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ name, email, attendance: 'in_person', language: 'fr' }),
  });
  const body = await res.json();
  check(res.status === 201 && body.status === 'confirmed', `registering ${name}: ${res.status} ${JSON.stringify(body)}`);
  return { name, badge: `${app.base}/r/${body.manage_url.split('/').pop()}/badge.png` };
}

/** A one-frame Y4M video of the badge on a white page, for Chromium's fake camera. */
async function filmOf(page, badgeUrl, file) {
  const { width, height, luma } = await page.evaluate(async (src) => {
    const img = new Image();
    img.src = src;
    await img.decode();
    const [width, height, side] = [640, 480, 400];
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    const ctx = canvas.getContext('2d');
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, width, height);
    ctx.imageSmoothingEnabled = false;
    ctx.drawImage(img, (width - side) / 2, (height - side) / 2, side, side);
    const { data } = ctx.getImageData(0, 0, width, height);
    const luma = [];
    for (let i = 0; i < width * height; i++) {
      luma.push(Math.round(0.299 * data[4 * i] + 0.587 * data[4 * i + 1] + 0.114 * data[4 * i + 2]));
    }
    return { width, height, luma };
  }, badgeUrl);
  const header = Buffer.from(`YUV4MPEG2 W${width} H${height} F10:1 Ip A1:1 C420jpeg\n`);
  const chroma = Buffer.alloc((width * height) / 2, 128);
  writeFileSync(file, Buffer.concat([header, Buffer.from('FRAME\n'), Buffer.from(luma), chroma]));
}

/** Door staff point the phone's camera at a badge: the verdict appears, with the name. */
export async function cameraScan(browser, app, shots, executablePath) {
  const shot = camera(shots, 'camera');
  const ines = await registrant(app, 'Inès Camara');
  const film = join(app.dir, 'badge.y4m');
  const helper = await browser.newPage();
  await helper.goto(`${app.base}/`);
  await filmOf(helper, ines.badge, film);
  await helper.close();
  const phone = await chromium.launch({
    executablePath,
    headless: true,
    args: ['--no-sandbox', '--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream',
      `--use-file-for-fake-video-capture=${film}`],
  });
  try {
    const email = 'camera@example.org';
    const { page } = await staffSignIn(phone, app, email, addUser(app, email, 'door', EVENT), 'en', shot);
    await page.goto(`${app.base}/scan?event=${EVENT}&gate=Camera&lang=en`);
    const toggle = page.locator('#camera-toggle');
    await toggle.waitFor({ state: 'visible', timeout: 10_000 });
    await toggle.click();
    const admitted = page.locator('[data-verdict="admitted"]');
    await admitted.waitFor({ timeout: 30_000 });
    check((await admitted.innerText()).includes(ines.name), `the camera's verdict does not name ${ines.name}`);
    await shot(page, 'admitted');
    await toggle.click();
    check((await toggle.getAttribute('aria-pressed')) === 'false', 'the camera did not stop');
  } finally {
    await phone.close();
  }
}

/** Clears the verdict, scans a code with the keyboard and waits for the given verdict. */
async function scanAt(page, code, verdict, offline) {
  await page.evaluate(() => document.getElementById('verdict').replaceChildren());
  await page.locator('#scan-code').fill(code);
  await page.locator('#scan-code').press('Enter');
  const box = page.locator('[data-verdict]');
  await box.waitFor({ timeout: 10_000 });
  const [got, wasOffline] = [await box.getAttribute('data-verdict'), await box.getAttribute('data-offline')];
  check(got === verdict && (wasOffline === 'true') === offline,
    `expected ${verdict}${offline ? ' offline' : ''}, got ${got}${wasOffline ? ' offline' : ''}`);
}

const queued = (page, n) => page.locator(`#scan-status[data-queued="${n}"]`).waitFor({ timeout: 30_000 });

/** Two doors lose the network: each decides alone, then uploads; the organisers see the
 * badge both let in. */
export async function offlineDoors(browser, app, shots) {
  const shot = camera(shots, 'offline');
  const dana = await registrant(app, 'Dana Hors-Ligne');
  const eli = await registrant(app, 'Eli Deux-Portes');
  const fatou = await registrant(app, 'Fatou Sans-Badge');
  const email = 'hors-ligne@example.org';
  const north = await staffSignIn(browser, app, email, addUser(app, email, 'door', EVENT), 'fr', shot);
  const south = await signIn(browser, app, email, 'fr');
  const danaCode = await readQr(north.page, dana.badge);
  const eliCode = await readQr(north.page, eli.badge);
  for (const [door, gate] of [[north, 'Nord'], [south, 'Sud']]) {
    await door.page.goto(`${app.base}/scan?event=${EVENT}&gate=${gate}`);
    await door.page.locator('#scan-status[data-online="true"]').waitFor({ timeout: 10_000 });
    await door.page.waitForFunction((key) => localStorage.getItem(key), `summit-kit:${EVENT}`);
    await door.page.waitForFunction(async () => (await caches.keys()).length > 0 &&
      (await (await caches.open('summit-scan-v1')).match('/scan')) !== undefined);
    await door.context.setOffline(true);
  }
  await scanAt(north.page, danaCode, 'admitted', true);
  await queued(north.page, 1);
  await scanAt(north.page, danaCode, 'already_checked_in', true);
  await scanAt(north.page, eliCode, 'admitted', true);
  await scanAt(south.page, eliCode, 'admitted', true);
  const forged = danaCode.slice(0, 12) + (danaCode[12] === 'A' ? 'B' : 'A') + danaCode.slice(13);
  await scanAt(south.page, forged, 'invalid', true);
  await shot(north.page, 'decided-offline');

  // A scanner reloaded without network still opens (its service worker kept the page) and
  // still knows whom it let in.
  const [worker] = north.context.serviceWorkers();
  check(worker, 'the scanner page registered no service worker');
  check(await worker.evaluate(() => fetch('/').then(() => 'network', () => 'offline')) === 'offline',
    'the service worker still reaches the server while the context is offline');
  await north.page.reload();
  await north.page.locator('#scan-status[data-online="false"]').waitFor({ timeout: 10_000 });
  await scanAt(north.page, eliCode, 'already_checked_in', true);
  await queued(north.page, 2);

  // A lost badge, found by name in the badge list without network.
  await north.page.locator('#lost-q').fill('fatou');
  await north.page.locator('#lost-q').press('Enter');
  const found = north.page.locator('#offline-results');
  await found.locator('button').waitFor({ timeout: 5_000 });
  check((await found.innerText()).includes(fatou.name), `the offline search does not find ${fatou.name}`);
  await north.page.evaluate(() => document.getElementById('verdict').replaceChildren());
  await found.locator('button').click();
  await north.page.locator('[data-verdict="admitted"][data-offline="true"]').waitFor({ timeout: 5_000 });
  await queued(north.page, 3);
  await shot(north.page, 'lost-badge-offline');

  for (const door of [north, south]) {
    await door.context.setOffline(false);
    await queued(door.page, 0);
  }
  check((await south.page.locator('#scan-status').innerText()).includes(': 1'),
    'the second door was not told that one badge had been let in twice');
  await shot(south.page, 'uploaded');
  // The server has North's offline admission: Dana is already in.
  await scanAt(north.page, danaCode, 'already_checked_in', false);
  await scanAt(north.page, await readQr(north.page, fatou.badge), 'already_checked_in', false);

  const orgEmail = 'conflits@example.org';
  const org = await staffSignIn(browser, app, orgEmail, addUser(app, orgEmail, 'organiser'), 'fr', shot);
  await org.page.goto(`${app.base}/admin/events/${EVENT}/checkins?lang=fr`);
  const conflicts = await org.page.locator('section[aria-labelledby="conflicts-heading"]').innerText();
  check(conflicts.includes(eli.name) && conflicts.includes('Nord') && conflicts.includes('Sud'),
    `the organisers' page does not list ${eli.name} let in at Nord and Sud`);
  check(!conflicts.includes(dana.name), `${dana.name} came in once but is listed as a conflict`);
  await shot(org.page, 'conflict');
  for (const c of [north, south, org]) await c.context.close();
}
