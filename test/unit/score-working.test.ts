// Show the working, so anyone can check (issue 13.6): the public calculation page of a published
// agency shows every step with the published figures of the seed report, and is a 404 for a year
// that is not published.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemo } from '../../src/demo/load-demo.ts';
import { savePublication } from '../../src/storage/report.repository.ts';
import { createTestApp } from '../helpers/app.ts';
import { lamphunReport } from './domain/seed-fixtures.ts';

type TestApp = Awaited<ReturnType<typeof createTestApp>>;
let t: TestApp;

const two = (n: number) => n.toFixed(2);

/** The text of the element with this data-testid (tags dropped, spaces collapsed). */
function cell(html: string, testId: string, end = '(td|p|div|caption)'): string | undefined {
  const m = new RegExp(`data-testid="${testId}"[^>]*>([\\s\\S]*?)</${end}>`).exec(html);
  return m?.[1]!
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

beforeAll(async () => {
  t = await createTestApp();
  await loadDemo(t.services);
}, 300_000);
afterAll(async () => t.close());

const PAGE = '/results/2563/agencies/51-PRV/calculation';

describe('the calculation page of a published score', () => {
  it('is linked from the agency report', async () => {
    const res = await t.app.request('/results/2563/agencies/51-PRV');
    expect(res.status).toBe(200);
    expect(await res.text()).toContain(`href="${PAGE}"`);
  });

  it("shows 51-PRV's published overall, tools, indicators, questions, sub-items and OIT items", async () => {
    const res = await t.app.request(PAGE);
    expect(res.status).toBe(200);
    const html = await res.text();
    const p = lamphunReport.published;
    expect(html).not.toContain('data-testid="stale"');
    expect(cell(html, 'overall')).toBe(two(p.overall));
    expect(cell(html, 'level')).toContain(` ${p.level}`);
    for (const tool of ['IIT', 'EIT', 'OIT'] as const)
      expect(cell(html, `tool-${tool}`), tool).toBe(two(p[tool]));
    for (const [code, v] of Object.entries(p.indicators))
      expect(cell(html, `indicator-${code}`), `indicator ${code}`).toBe(two(v));
    for (const q of lamphunReport.questions) {
      expect(cell(html, `question-${q.code}`), q.code).toContain(`คะแนน ${two(q.score)} `);
      q.items.forEach((item, i) =>
        expect(cell(html, `score-${q.code}.${i + 1}`), `${q.code}.${i + 1}`).toBe(two(item.score)),
      );
    }
    for (const o of lamphunReport.oit)
      expect(cell(html, `oit-${o.code}`), o.code).toBe(two(o.score));
    // The weights of the framework and the tool weights' sum.
    expect(cell(html, 'tool-row-OIT', 'tr')).toContain(' 0.4 ');
  });

  it('shows the answer counts behind each sub-item, which add up to those who answered', async () => {
    const html = await (await t.app.request(PAGE)).text();
    const row = cell(html, 'sub-item-I1.1', 'tr')!;
    const counts = [...row.matchAll(/: ([\d,]+) \(/g)].map((m) => Number(m[1]!.replace(/,/g, '')));
    expect(counts).toHaveLength(4);
    const answered = Number(/ ([\d,]+) [\d.]+$/.exec(row)![1]!.replace(/,/g, ''));
    expect(counts.reduce((a, b) => a + b, 0)).toBe(answered);
    expect(answered).toBeGreaterThan(0);
  });

  it('is in English too', async () => {
    const html = await (await t.app.request(`${PAGE}?lang=en`)).text();
    expect(html).toContain('How the score was calculated');
    expect(cell(html, 'overall')).toBe(two(lamphunReport.published.overall));
  });

  it('is a 404 to the public when the year is not published (and for an unknown agency)', async () => {
    expect((await t.app.request('/results/2563/agencies/NO-SUCH/calculation')).status).toBe(404);
    await savePublication(t.db, 2563, {
      publishedAt: null,
      announcementTh: null,
      announcementEn: null,
    });
    const res = await t.app.request(PAGE);
    expect(res.status).toBe(404);
    expect(await res.text()).not.toContain(two(lamphunReport.published.overall));
  });
});
