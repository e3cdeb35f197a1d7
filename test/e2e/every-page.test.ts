// Every page each role can reach by following links (issue 16's "every page passes axe at 360 px
// and 1280 px with 0 violations, and has no horizontal scroll at 360 px"): a crawl from the
// public front page and from each demo role's home, breadth first, same-origin links only,
// a few pages of each shape (one agency's page stands for all 59), downloads left out. Each page
// must answer below 400, log no console error (CSP refusals included), pass axe at both widths
// and not scroll sideways at 360 px.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  openBrowser,
  PHONE,
  runAxe,
  signIn,
  startServer,
  type Browser,
  type Server,
} from './helpers.ts';

let server: Server;
let browser: Browser;

beforeAll(async () => {
  server = await startServer();
  browser = await openBrowser({ viewport: { width: 1280, height: 900 } });
}, 200_000);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const ROLES = [
  { role: 'public', email: '', password: '' },
  { role: 'nacc_admin', email: 'admin@demo.itas.local', password: 'demo-admin-2569' },
  { role: 'auditor', email: 'auditor@demo.itas.local', password: 'demo-auditor-2569' },
  { role: 'province_officer', email: 'lamphun@demo.itas.local', password: 'demo-province-2569' },
  { role: 'agency_admin', email: '51-prv@demo.itas.local', password: 'demo-agency-2569' },
] as const;

/** Pages per role: enough to reach every kind of page from the homes, bounded in time. */
const MAX_PAGES = 30;
/** Downloads, language switches and sign-out are not pages to check. */
const NOT_A_PAGE =
  /format=|\.(csv|xlsx|pdf|json|png|svg)(\?|$)|\/lang\/|sign-out|\/static\/|download|\/qr|export|page=\d/;
/** A URL's shape: agency codes, user ids and numbers made alike, the query dropped. */
const shapeOf = (path: string) =>
  path
    .replace(/\?.*/, '')
    .replace(/\/51-[A-Z]+(-\d+)?/g, '/:agency')
    .replace(/\/[0-9a-f-]{36}/g, '/:id')
    .replace(/\/\d+(?=\/|$)/g, '/:n');

describe.each(ROLES)('every page $role reaches', ({ email, password }) => {
  it('answers, logs no error, passes axe at 360 and 1280 px and never scrolls sideways', async () => {
    await browser.context.clearCookies();
    const page = await browser.context.newPage();
    const errors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    let start = '/';
    if (email) {
      await signIn(page, email, password);
      expect(new URL(page.url()).pathname).toBe('/home');
      start = '/home';
    }
    const problems: string[] = [];
    const seen = new Set<string>();
    const shapes = new Map<string, number>();
    const queue = [start];
    while (queue.length > 0 && seen.size < MAX_PAGES) {
      const path = queue.shift()!;
      if (seen.has(path)) continue;
      seen.add(path);
      for (const viewport of [PHONE, { width: 1280, height: 900 }]) {
        await page.setViewportSize(viewport);
        errors.length = 0;
        const r = await page.goto(`${server.url}${path}`);
        if (!(r?.headers()['content-type'] ?? '').includes('text/html')) break;
        const at = `${path} at ${viewport.width} px`;
        if (r!.status() >= 400) problems.push(`${at}: HTTP ${r!.status()}`);
        for (const v of await runAxe(page)) problems.push(`${at}: ${v}`);
        const sideways = await page.evaluate(
          () => document.documentElement.scrollWidth - window.innerWidth,
        );
        if (viewport === PHONE && sideways > 0) problems.push(`${at}: scrolls ${sideways} px`);
        for (const e of errors) problems.push(`${at}: console: ${e.slice(0, 120)}`);
        if (viewport !== PHONE) {
          const links = await page.evaluate(() =>
            [...document.querySelectorAll('a[href^="/"]')].map((a) => a.getAttribute('href')!),
          );
          for (const link of links) {
            const next = link.split('#')[0]!;
            if (!next || NOT_A_PAGE.test(next) || seen.has(next)) continue;
            const n = (shapes.get(shapeOf(next)) ?? 0) + 1;
            shapes.set(shapeOf(next), n);
            if (n <= 2) queue.push(next);
          }
        }
      }
    }
    await page.close();
    // The crawl went somewhere: the homes link to many tasks.
    expect(seen.size).toBeGreaterThan(5);
    expect(problems).toEqual([]);
  }, 600_000);
});
