// axe-core on a page, WCAG 2.0/2.1 A and AA rules only.
import { readFileSync } from 'node:fs';

const AXE = readFileSync(new URL('../node_modules/axe-core/axe.min.js', import.meta.url), 'utf8');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
// Best practices the WCAG tags leave out but people feel: headings in order, one main, every
// piece of content inside a landmark, unique landmark names.
const ALSO = (process.env.AXE_ALSO || 'heading-order,landmark-one-main,region,page-has-heading-one,landmark-unique,landmark-no-duplicate-banner,landmark-no-duplicate-contentinfo,landmark-banner-is-top-level,landmark-contentinfo-is-top-level,landmark-main-is-top-level').split(',');

/** The violations on the page as it is now: [{page, rule, impact, help, targets}]. */
export async function audit(page, label) {
  // Evaluated through DevTools, not a <script> tag, so the page's CSP (no inline scripts) allows it.
  await page.evaluate(AXE);
  const result = await page.evaluate(
    (tags) => window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] }),
    [...TAGS, 'best-practice'],
  );
  const wanted = (v) => v.tags.some((t) => TAGS.includes(t)) || ALSO.includes(v.id) || ALSO.includes('all');
  return result.violations.filter(wanted).map((v) => ({
    page: label,
    rule: v.id,
    impact: v.impact,
    help: v.help,
    targets: v.nodes.map((n) => n.target.join(' ')),
  }));
}
