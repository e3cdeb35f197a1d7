// Show the working, so anyone can check (issue 13.6): the public calculation page of a published
// agency shows every step with the published figures of the seed report; the year's open data
// (results, answer counts, OIT item scores, framework) downloaded into a folder lets `itas verify`
// reproduce every published figure without a database, and a tampered count or OIT score is
// reported; an unpublished year has neither page nor files.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run.ts';
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
afterAll(async () => {
  await t.close();
  rmSync(root, { recursive: true, force: true });
});

const root = mkdtempSync(join(tmpdir(), 'itas-verify-'));
const FILES = [
  'results.json',
  'results.csv',
  'answer-counts.csv',
  'oit-scores.csv',
  'framework.json',
];

/** Downloads the year's open data files into a fresh folder, as a reader would. */
async function download(name: string, files = FILES): Promise<string> {
  const dir = join(root, name);
  mkdirSync(dir);
  for (const f of files) {
    const res = await t.app.request(`/open-data/2563/${f}`);
    expect(res.status, f).toBe(200);
    writeFileSync(join(dir, `ita-2563-${f}`), Buffer.from(await res.arrayBuffer()));
  }
  return dir;
}

/** Runs `itas verify` and returns its exit code and output. */
async function verify(...args: string[]): Promise<{ code: number; out: string }> {
  let out = '';
  const code = await runCli(['verify', ...args], {
    out: (x: string) => ((out += x), true),
    err: (x: string) => ((out += x), true),
  });
  return { code, out };
}

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
});

describe('open data to recompute a published year, and itas verify', () => {
  it('lists the files on the open data page', async () => {
    const html = await (await t.app.request('/open-data')).text();
    for (const f of FILES) expect(html).toContain(`href="/open-data/2563/${f}"`);
  });

  it('reproduces every published figure of the 59 agencies from the downloaded files alone', async () => {
    const dir = await download('all', [
      'results.json',
      'answer-counts.csv',
      'oit-scores.csv',
      'framework.json',
    ]);
    const { code, out } = await verify('--dir', dir);
    expect(out).toContain('59 agencies checked, 0 differences');
    expect(out).toContain('59 recomputed in full, 0 could not be re-derived');
    expect(out).toContain('full precision');
    expect(code).toBe(0);
  });

  it('checks the 2-decimal figures of the CSV results file too (--files)', async () => {
    const dir = await download('csv', [
      'results.csv',
      'answer-counts.csv',
      'oit-scores.csv',
      'framework.json',
    ]);
    const { code, out } = await verify(
      '--files',
      ...['results.csv', 'answer-counts.csv', 'oit-scores.csv', 'framework.json'].map((f) =>
        join(dir, `ita-2563-${f}`),
      ),
    );
    expect(out).toContain('59 agencies checked, 0 differences');
    expect(code).toBe(0);
  });

  it('carries per agency the answer counts of every sub-item and its OIT item scores', async () => {
    const counts = await (await t.app.request('/open-data/2563/answer-counts.csv')).text();
    const lines = counts
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\n');
    expect(lines[0]).toBe('agency_code,tool,sub_item,answers_1,answers_2,answers_3,answers_4');
    const prv = lines.filter((l) => l.startsWith('51-PRV,'));
    const framework = (await (await t.app.request('/open-data/2563/framework.json')).json()) as {
      questions: { tool: string; items: unknown[] }[];
    };
    const subItems = framework.questions.reduce((n, q) => n + q.items.length, 0);
    expect(prv).toHaveLength(subItems);
    const oit = await (await t.app.request('/open-data/2563/oit-scores.csv')).text();
    const prvOit = oit.split('\n').filter((l) => l.startsWith('51-PRV,'));
    expect(prvOit.map((l) => l.trim())).toEqual(
      lamphunReport.oit.map((o) => `51-PRV,${o.code},${o.score}`),
    );
  });

  it('reports the agency whose answer count was changed in the downloaded file', async () => {
    const dir = await download('count', [
      'results.json',
      'answer-counts.csv',
      'oit-scores.csv',
      'framework.json',
    ]);
    const file = join(dir, 'ita-2563-answer-counts.csv');
    const lines = readFileSync(file, 'utf8').split('\n');
    const i = lines.findIndex((l) => l.startsWith('51-SAO-01,IIT,I1.1,'));
    expect(i).toBeGreaterThan(0);
    const cells = lines[i]!.split(',');
    cells[3] = String(Number(cells[3]) + 1);
    lines[i] = cells.join(',');
    writeFileSync(file, lines.join('\n'));
    const { code, out } = await verify('--dir', dir);
    expect(code).toBe(1);
    expect(out).toMatch(/DIFFERENCE 51-SAO-01 tools\.IIT: published/);
    expect(out).toContain('59 agencies checked');
    expect(out).not.toMatch(/DIFFERENCE (?!51-SAO-01)/);
  });

  it('reports the agency whose OIT item score was changed in the downloaded file', async () => {
    const dir = await download('oit', [
      'results.json',
      'answer-counts.csv',
      'oit-scores.csv',
      'framework.json',
    ]);
    const file = join(dir, 'ita-2563-oit-scores.csv');
    const text = readFileSync(file, 'utf8');
    const row = /^51-PAO,(O\d+),100\r?$/m.exec(text)!;
    writeFileSync(file, text.replace(row[0], row[0].replace(',100', ',0')));
    const { code, out } = await verify('--dir', dir);
    expect(code).toBe(1);
    expect(out).toMatch(/DIFFERENCE 51-PAO tools\.OIT: published/);
    expect(out).toMatch(/DIFFERENCE 51-PAO overall: published/);
  });

  it('says which agencies could not be re-derived when a tool’s counts are not in the open data', async () => {
    const dir = await download('withheld', [
      'results.json',
      'answer-counts.csv',
      'oit-scores.csv',
      'framework.json',
    ]);
    const file = join(dir, 'ita-2563-answer-counts.csv');
    const kept = readFileSync(file, 'utf8')
      .split('\n')
      .filter((l) => !l.startsWith('51-TM-01,EIT,'));
    writeFileSync(file, kept.join('\n'));
    const { code, out } = await verify('--dir', dir);
    expect(out).toMatch(
      /NOT RE-DERIVED 51-TM-01: no answer counts in the open data for EIT \(\d+ respondents\)/,
    );
    expect(out).toContain(
      '59 agencies checked, 0 differences; 58 recomputed in full, 1 could not be re-derived',
    );
    expect(code).toBe(0);
  });

  it('refuses a folder without the framework file (exit 2)', async () => {
    const dir = await download('partial', ['results.json', 'answer-counts.csv', 'oit-scores.csv']);
    const { code, out } = await verify('--dir', dir);
    expect(code).toBe(2);
    expect(out).toContain('No framework file');
  });
});

describe('an unpublished year', () => {
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
    for (const f of FILES)
      expect((await t.app.request(`/open-data/2563/${f}`)).status, f).toBe(404);
    expect(await (await t.app.request('/open-data')).text()).not.toContain('/open-data/2563/');
  });
});
