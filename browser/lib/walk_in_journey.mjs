// Issue 20's door: a door agent on a 375 px phone registers someone who turned up
// unregistered, with the keyboard only: the page lets them in at once (the same verdict as a
// scan) and shows the badge to print, and as a PDF for the label printer; an empty form names
// the missing field.
// Screenshots in target/browser/walk-in-*.
import { addUser } from './app.mjs';
import { EVENT, camera, check, staffSignIn } from './journeys.mjs';
import { typeIn } from './keys.mjs';

export async function walkInJourney(browser, app, shots, inspect) {
  const shot = camera(shots, 'walk-in');
  const email = 'accueil-porte@example.org';
  const setupPath = addUser(app, email, 'door', EVENT);
  const { context, page } = await staffSignIn(browser, app, email, setupPath, 'fr', shot);
  await page.setViewportSize({ width: 375, height: 800 });
  await page.goto(`${app.base}/scan?event=${EVENT}&gate=Hall%20B`);
  // Submitting nothing: the page says which field is missing.
  await page.locator('#walk-in-name').focus();
  await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
  check(await page.locator('#walk-in-name-error').isVisible(), 'an empty walk-in does not name the missing field');
  if (inspect) await inspect(page, '/scan/walk-in with errors [fr]', 'fr');
  await typeIn(page, '#walk-in-name', 'Aminata Kaboré-Sanou');
  await typeIn(page, '#walk-in-organisation', 'Ville de Ouagadougou');
  await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
  const verdict = await page.locator('[data-verdict]').getAttribute('data-verdict');
  check(verdict === 'admitted', `the walk-in was not let in: ${verdict}`);
  const badge = page.locator('.walk-in-badge .badge-card');
  check((await badge.innerText()).includes('Aminata Kaboré-Sanou'), 'the badge to print does not name the walk-in');
  check(await page.locator('.walk-in-badge svg').count() === 1, 'the badge to print has no QR code');
  check(await page.locator('button[data-print]').isVisible(), 'no Print button for the badge');
  check(page.url().endsWith('/scan/walk-in'), `unexpected address ${page.url()}`);
  // The badge as a PDF for the badge printer, at the label size chosen with the keyboard.
  await page.locator('#walk-in-pdf-size').focus();
  await page.keyboard.press('End');
  const action = await page.locator('form.badge-pdf').getAttribute('action');
  const pdf = await page.request.get(`${app.base}${action}?size=${await page.locator('#walk-in-pdf-size').inputValue()}`);
  const bytes = await pdf.body();
  check(pdf.status() === 200 && pdf.headers()['content-type'] === 'application/pdf' && bytes.subarray(0, 5).toString() === '%PDF-',
    `the walk-in's badge PDF: HTTP ${pdf.status()} ${pdf.headers()['content-type']}`);
  await shot(page, 'done');
  if (inspect) await inspect(page, '/scan/walk-in let in [fr]', 'fr');
  await page.setViewportSize({ width: 1280, height: 900 });
  await shot(page, 'done-wide');
  await context.close();
}
