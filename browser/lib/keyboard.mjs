// Keyboard and layout basics: skip link, visible focus, 320 px wide, reduced motion.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO } from './app.mjs';

/** Tab once: the skip link must come first, and Enter must move focus to main. */
export async function skipLink(page) {
  const problems = [];
  await page.evaluate(() => document.activeElement?.blur());
  await page.keyboard.press('Tab');
  const first = await page.evaluate(() => document.activeElement?.className ?? '');
  if (!first.includes('skip-link')) problems.push(`the first Tab lands on "${first}", not the skip link`);
  const visible = await page.evaluate(() => {
    const r = document.activeElement.getBoundingClientRect();
    return r.left >= 0 && r.top >= 0 && r.width > 0;
  });
  if (!visible) problems.push('the focused skip link is off screen');
  await page.keyboard.press('Enter');
  const target = await page.evaluate(() => document.activeElement?.id);
  if (target !== 'main') problems.push(`the skip link moves focus to "${target}", not main`);
  return problems;
}

/** Tabs through up to `max` controls; each focused link or button must show an outline. */
export async function visibleFocus(page, max = 40) {
  const problems = [];
  await page.evaluate(() => document.activeElement?.blur());
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const el = await page.evaluate(() => {
      const a = document.activeElement;
      if (!a || a === document.body) return null;
      const s = getComputedStyle(a);
      return {
        tag: a.tagName.toLowerCase(),
        text: (a.innerText || a.value || a.id || '').trim().slice(0, 40),
        outline: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0,
      };
    });
    if (!el) break;
    if (['a', 'button', 'input', 'select', 'textarea', 'summary'].includes(el.tag) && !el.outline) {
      problems.push(`no visible focus on <${el.tag}> "${el.text}"`);
    }
  }
  return problems;
}

/** At 320 CSS pixels nothing may scroll sideways. */
export async function narrow(page) {
  const { width, wide } = await page.evaluate(() => ({
    width: document.documentElement.scrollWidth,
    // Text may overflow a box that fits, so look at the text's own rectangles too.
    wide: (() => {
      const out = [];
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      const range = document.createRange();
      for (let node = walker.nextNode(); node && out.length < 4; node = walker.nextNode()) {
        range.selectNodeContents(node);
        const el = node.parentElement;
        if (range.getBoundingClientRect().right > 320.5 || el.getBoundingClientRect().right > 320.5) {
          out.push(`${el.tagName.toLowerCase()}${el.className ? `.${el.className}` : ''} "${node.textContent.trim().slice(0, 30)}"`);
        }
      }
      return out;
    })(),
  }));
  return width <= 320 ? [] : [`scrolls sideways at 320 px (scrollWidth ${width}; wide: ${wide.join(', ')})`];
}

/** Whether the stylesheet moves anything outside its prefers-reduced-motion block. */
export function cssHasMotion() {
  const css = readFileSync(join(REPO, 'public', 'summit.css'), 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/@media\s*\(prefers-reduced-motion[^{]*\{([^{}]*\{[^{}]*\})*[^{}]*\}/g, '');
  return /(^|[;{\s])(transition|animation)(-[a-z-]+)?\s*:/.test(css) || /scroll-behavior\s*:\s*smooth/.test(css);
}

/** With reduced motion asked for, no element may animate or transition. */
export async function reducedMotion(page) {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  const moving = await page.evaluate(() => [...document.querySelectorAll('*')]
    .filter((el) => {
      const s = getComputedStyle(el);
      const long = (v) => v.split(',').some((d) => parseFloat(d) > 0.01);
      return (s.animationName !== 'none' && long(s.animationDuration)) || long(s.transitionDuration);
    })
    .map((el) => el.tagName.toLowerCase() + (el.className ? `.${el.className}` : ''))
    .slice(0, 5));
  await page.emulateMedia({ reducedMotion: 'no-preference' });
  return moving.length ? [`moves despite prefers-reduced-motion: ${moving.join(', ')}`] : [];
}
