// Issue 20's certificates of attendance. A training day that ended yesterday, with one
// workshop; its organiser turns certificates on; the attendee, let in at the workshop's door
// (found by the door's walk-in form from their address, then scanned at the workshop), opens
// their page on a phone with the keyboard only, follows the link to their certificate,
// downloads the PDF and checks it on the verify page, which confirms it. The organisers'
// certificates page lists them. Screenshots in target/browser/certificate-*.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { addUser } from './app.mjs';
import { camera, check, staffSignIn } from './journeys.mjs';

const SLUG = 'formation-mediation-2026';

function localDay(offsetDays) {
  const d = new Date(Date.now() + offsetDays * 86_400_000);
  return d.toISOString().slice(0, 10);
}

async function call(request, app, method, path, token, data) {
  const res = await request.fetch(`${app.base}${path}`, {
    method,
    headers: { Authorization: `Bearer ${token}` },
    data,
  });
  const body = await res.json().catch(() => ({}));
  check(res.status() < 300, `${method} ${path}: HTTP ${res.status()} ${JSON.stringify(body)}`);
  return body;
}

/** The event, the attendee let in at the workshop: returns the personal path. */
export async function setUp(request, app) {
  const organiser = app.cli('token', 'create', '--role', 'organiser', '--label', 'certificates').trim();
  const day = localDay(-2);
  await call(request, app, 'POST', '/api/v1/events', organiser, {
    slug: SLUG, title_fr: 'Formation à la médiation numérique', title_en: 'Digital mediation training',
    organiser: 'Bordeaux Métropole', timezone: 'Europe/Paris', starts_at: `${day}T09:00`, ends_at: `${day}T17:00`,
    format: 'in_person', status: 'published',
  });
  const workshop = await call(request, app, 'POST', `/api/v1/events/${SLUG}/sessions`, organiser, {
    title_fr: 'Atelier : accompagner les démarches en ligne', title_en: 'Workshop: helping with online procedures',
    kind: 'workshop', starts_at: `${day}T10:00`, ends_at: `${day}T12:30`, format: 'in_person', requires_signup: true, capacity: 20,
  });
  await call(request, app, 'PATCH', `/api/v1/events/${SLUG}`, organiser, { certificates: true, certificate_min_percent: 50 });
  const registered = await call(request, app, 'POST', `/api/v1/events/${SLUG}/registrations`, organiser, {
    name: 'Aminata Kaboré-Sanou', email: 'aminata.ks@example.org', organisation: 'CCAS de Bordeaux',
    attendance: 'in_person', language: 'fr', sessions: [workshop.id],
  });
  const door = app.cli('token', 'create', '--role', 'door', '--event', SLUG).trim();
  // The door finds her from her address (no duplicate), then she is scanned at the workshop.
  const found = await call(request, app, 'POST', `/api/v1/events/${SLUG}/walk-ins`, door, {
    name: 'Aminata Kaboré-Sanou', email: 'aminata.ks@example.org', gate: 'Accueil',
  });
  const scanned = await call(request, app, 'POST', '/api/v1/checkins', door, { code: found.code, session_id: workshop.id, gate: 'Salle 2' });
  check(scanned.verdict === 'admitted', `the workshop door said ${scanned.verdict}`);
  return `/r/${registered.manage_url.split('/').pop()}`;
}

export async function certificateJourney(browser, app, shots, inspect) {
  const shot = camera(shots, 'certificate');
  const context = await browser.newContext({ viewport: { width: 375, height: 800 }, acceptDownloads: true });
  const page = await context.newPage();
  const personal = await setUp(page.request, app);
  await page.goto(`${app.base}${personal}?lang=fr`);
  await shot(page, 'personal-page');
  // Keyboard only: Tab to the certificate link, Enter.
  const link = page.locator(`a[href="${personal}/certificate"]`);
  check(await link.count() === 1, 'no link to the certificate on the personal page');
  for (let i = 0; i < 40 && !(await link.evaluate((a) => a === document.activeElement)); i += 1) {
    await page.keyboard.press('Tab');
  }
  check(await link.evaluate((a) => a === document.activeElement), 'the certificate link cannot be reached with Tab');
  await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
  const sheet = page.locator('article.certificate');
  const text = await sheet.innerText();
  for (const part of ['Aminata Kaboré-Sanou', 'Atelier : accompagner les démarches en ligne', '2 h 30']) {
    check(text.includes(part), `the certificate page does not say ${part}`);
  }
  check(await sheet.locator('svg').count() === 1, 'the certificate has no QR code');
  await shot(page, 'page');
  if (inspect) await inspect(page, '/r/TOKEN/certificate [fr]', 'fr');
  // The PDF, downloaded with the keyboard.
  const pdfLink = page.locator(`a[href="${personal}/certificate.pdf"]`);
  await pdfLink.focus();
  const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  const file = join(shots, 'certificate.pdf');
  await download.saveAs(file);
  const bytes = readFileSync(file);
  check(bytes.subarray(0, 5).toString() === '%PDF-', 'the downloaded certificate is not a PDF');
  check(download.suggestedFilename().endsWith('.pdf'), `the PDF is named ${download.suggestedFilename()}`);
  // Checked as an employer would: the verify page confirms it.
  const verify = page.locator('a[href*="/verify/C1."]').first();
  await verify.focus();
  await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
  const verdict = await page.locator('.verdict').innerText();
  check(verdict.includes('Attestation valide'), `the verify page says: ${verdict}`);
  check(!(await page.content()).includes('aminata.ks@example.org'), 'the verify page shows the e-mail address');
  await shot(page, 'verify');
  if (inspect) await inspect(page, '/verify/CODE [fr]', 'fr');
  await page.goto(`${page.url().split('?')[0]}?lang=en`);
  if (inspect) await inspect(page, '/verify/CODE [en]', 'en');
  await page.goto(`${app.base}${personal}/certificate?lang=en`);
  if (inspect) await inspect(page, '/r/TOKEN/certificate [en]', 'en');
  await page.setViewportSize({ width: 1280, height: 900 });
  await shot(page, 'page-wide-en');
  // A code cut short: "invalid", in words, never a 500.
  const bad = await page.goto(`${app.base}/verify/C1.AAAA?lang=en`);
  check(bad.status() === 404 && (await page.locator('.verdict').innerText()).includes('Invalid'), 'a bad code is not said invalid');
  if (inspect) await inspect(page, '/verify/bad [en]', 'en');
  await context.close();

  // The organisers' certificates page, in both languages and at both widths.
  const email = 'attestations@example.org';
  const { context: orgContext, page: org } = await staffSignIn(browser, app, email, addUser(app, email, 'organiser'), 'fr', shot);
  for (const [lang, width] of [['fr', 375], ['en', 1280]]) {
    await org.setViewportSize({ width, height: 900 });
    await org.goto(`${app.base}/admin/events/${SLUG}/certificates?lang=${lang}`);
    const row = await org.locator('table tbody').innerText();
    check(row.includes('Aminata Kaboré-Sanou'), 'the organisers\' list does not name the attendee');
    await shot(org, `admin-${lang}-${width}`);
    if (inspect) await inspect(org, `/admin/events/SLUG/certificates [${lang}]`, lang);
  }
  // "Issue and send": the e-mail goes through the outbox with the PDF attached.
  await org.locator(`form[action$="/certificates/send"] button`).focus();
  await Promise.all([org.waitForNavigation(), org.keyboard.press('Enter')]);
  const notice = await org.locator('.notice').innerText();
  check(/(E-mails queued|E-mails en attente d'envoi) ?: 1\./.test(notice), `after sending: ${notice}`);
  const mail = await waitForMail(app, 'aminata.ks@example.org', 'attestation');
  check(/Content-Type: application\/pdf/i.test(mail), 'the certificate e-mail has no PDF attached');
  const html = htmlPart(mail);
  if (html) {
    await org.setContent(html);
    await shot(org, 'mail');
  }
  await orgContext.close();
}

/** The .eml in the outbox addressed to `email` whose subject mentions `word`. */
async function waitForMail(app, email, word) {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    let files = [];
    try { files = readdirSync(app.outbox).filter((f) => f.endsWith('.eml')); } catch { /* not yet */ }
    for (const f of files) {
      const text = readFileSync(join(app.outbox, f), 'utf8');
      if (text.includes(email) && /^Subject:.*/m.test(text) && decodeSubject(text).includes(word)) return text;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`no e-mail about "${word}" for ${email}`);
}

/** The Subject header, with RFC 2047 encoded words decoded. */
function decodeSubject(text) {
  const subject = text.match(/^Subject: (.*(?:\r?\n[ \t].*)*)/m)?.[1] ?? '';
  return subject.replace(/=\?utf-8\?([bq])\?([^?]*)\?=/gi, (_, enc, data) => (enc.toLowerCase() === 'b'
    ? Buffer.from(data, 'base64').toString('utf8')
    : Buffer.from(data.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, (m, h) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8')))
    .replace(/\r?\n[ \t]/g, '');
}

/** The HTML part of a message (quoted-printable or base64), or null. */
function htmlPart(mail) {
  const m = mail.match(/Content-Type: text\/html[^\n]*\r?\n((?:[^\r\n]+\r?\n)*)\r?\n([\s\S]*?)\r?\n--/i);
  if (!m) return null;
  const body = m[2];
  if (/base64/i.test(m[1])) return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  return Buffer.from(body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_, h) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8');
}
