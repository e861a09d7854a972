// Keyboard-only controls for journeys: focus a control, then press keys or type, as someone
// without a mouse does. Nothing here clicks; each helper checks the control took the input.
import { check } from './journeys.mjs';

/** Replaces a text field's content by typing (Ctrl+A selects what is there). */
export async function typeIn(page, selector, text) {
  await page.locator(selector).focus();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  if (text) await page.keyboard.type(String(text));
  const value = await page.locator(selector).inputValue();
  check(value === String(text), `${selector}: typed “${text}” but the field holds “${value}”`);
}

/** Picks an option of a closed <select> with the arrow keys. */
export async function choose(page, selector, label) {
  const select = page.locator(selector);
  const { labels, index } = await select.evaluate((el) => ({
    labels: [...el.options].map((o) => o.label.trim()),
    index: el.selectedIndex,
  }));
  const target = labels.indexOf(label);
  check(target >= 0, `${selector} has no option “${label}” (only ${labels.join(', ')})`);
  await select.focus();
  const key = target > index ? 'ArrowDown' : 'ArrowUp';
  for (let i = 0; i < Math.abs(target - index); i++) await page.keyboard.press(key);
  const now = await select.evaluate((el) => el.options[el.selectedIndex].label.trim());
  check(now === label, `${selector}: the arrow keys chose “${now}”, not “${label}”`);
}

/** Types a date and time ('YYYY-MM-DDTHH:MM') into a datetime-local field segment by segment.
 * Chromium shows mm/dd/yyyy, hh:mm AM/PM here whatever the page's language. Its year segment
 * takes up to six digits unless `max` bounds it: then it moves on to the hour by itself after
 * four, otherwise an arrow key moves on. */
export async function typeWhen(page, selector, iso) {
  const [date, time] = iso.split('T');
  const [y, m, d] = date.split('-');
  const [h, min] = time.split(':').map(Number);
  const hour12 = String(((h + 11) % 12) + 1).padStart(2, '0');
  const field = page.locator(selector);
  const bounded = await field.getAttribute('max');
  await field.focus();
  await page.keyboard.type(`${m}${d}${y}`);
  if (!bounded) await page.keyboard.press('ArrowRight');
  await page.keyboard.type(`${hour12}${String(min).padStart(2, '0')}${h >= 12 ? 'P' : 'A'}`);
  const value = await page.locator(selector).inputValue();
  check(value === iso, `${selector}: typed ${iso} but the field holds “${value}”`);
}

/** Ticks (or unticks) a checkbox or selects a radio button with Space. */
export async function space(page, selector) {
  await page.locator(selector).focus();
  await page.keyboard.press('Space');
}

/** Focuses a control (a link or a button) and presses Enter; waits for the next page. */
export async function press(page, locator) {
  const target = locator.first();
  check(await target.count(), `nothing to press: ${locator}`);
  await target.focus();
  await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
}

/** Follows the link with this accessible name (within `scope`, the page by default). */
export function follow(page, name, scope = page) {
  return press(page, scope.getByRole('link', { name, exact: true }));
}

/** Sends a form with the button of this accessible name. */
export function submit(page, name) {
  return press(page, page.getByRole('button', { name, exact: true }));
}

/** Follows a link of the workspace's navigation ("Rooms and tracks", "Settings"…). */
export function section(page, name) {
  return follow(page, name, page.locator('nav.workspace-nav'));
}
