// The NACC's framework pages and years: upload with the CLI's validation (every problem, its path,
// Thai and English, the file name kept, 422), oversize, refusals (role, CSRF), import on
// confirmation, previews (no form, labelled), the diff page, export, creating a year, and moving
// a year to another framework version (allowed: audited and recomputed; refused: 409, also when
// another move got there first: the refusal and where the year is now, never a 200 plan).
import { readFileSync } from 'node:fs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ANONYMOUS, SYSTEM_CLI } from '../../src/domain/actor.ts';
import { problemText } from '../../src/i18n/problem-text.ts';
import type { Refusal, ServiceError } from '../../src/services/errors.ts';
import { createTestApp } from '../helpers/app.ts';
import { runCommand } from '../helpers/cli.ts';
import { oitCsv, responsesCsv, setUpYear } from '../helpers/results-fixtures.ts';
import { clientFor, createAccount, FORM, type Client } from '../helpers/sessions.ts';

let t: Awaited<ReturnType<typeof createTestApp>>;
let nacc: Client;
let agencyAdmin: Client;
const shipped = readFileSync(new URL('../../frameworks/ita-2563.json', import.meta.url), 'utf8');

/** A document to edit in a test: any path may be written. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Doc = Record<string, any>;

/** ita-2563 changed by `change`, as file text. */
function variant(change: (d: Doc) => void): string {
  const d = JSON.parse(shipped) as Doc;
  change(d);
  return `${JSON.stringify(d, null, 2)}\n`;
}

beforeAll(async () => {
  t = await createTestApp();
  await setUpYear(t.services);
  const naccId = await createAccount(t.services, 'nacc@test.example', [
    { role: 'nacc_admin', scope: null },
  ]);
  const adminId = await createAccount(t.services, 'agency@test.example', [
    { role: 'agency_admin', scope: 'T-PRV' },
  ]);
  nacc = await clientFor(t.services, naccId);
  agencyAdmin = await clientFor(t.services, adminId);
});
afterAll(async () => t?.close());

function upload(
  client: Client,
  text: string | Uint8Array<ArrayBuffer>,
  name = 'my-framework.json',
  csrf = true,
) {
  const form = new FormData();
  if (csrf) form.set('_csrf', client.csrf);
  form.set('file', new File([text], name, { type: 'application/json' }));
  return t.app.request('/admin/frameworks/check', {
    method: 'POST',
    body: form,
    headers: client.headers(),
  });
}
const get = (client: Client, path: string) => t.app.request(path, { headers: client.headers() });
const post = (client: Client, path: string, fields: Record<string, string>) =>
  t.app.request(path, { method: 'POST', body: client.form(fields), headers: client.headers(FORM) });

describe('the framework list and upload', () => {
  it('lists every framework with its provenance, years and whether it is frozen', async () => {
    const res = await get(nacc, '/admin/frameworks');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('data-framework="ita-2563"');
    expect(html).toContain('enctype="multipart/form-data"');
    expect(html).toContain('href="/admin/frameworks"');
  });

  it('shows every problem with its path in Thai and English, keeps the file name, 422', async () => {
    const bad = variant((d) => {
      d.id = 'ita-2569-bad';
      d.toolWeights.OIT = 0.5;
      d.questions[1].code = 'I1';
      d.indicators[8].subIndicators[0].items = [];
    });
    const res = await upload(nacc, bad, 'ita-2569-bad.json');
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toMatch(/<title>ข้อผิดพลาด:/);
    expect(html).toContain('toolWeights');
    expect(html).toContain('Tool weights sum to 1.1; they must sum to 1');
    expect(html).toContain('questions[1].code');
    expect(html).toContain('Duplicate question code &quot;I1&quot;');
    expect(html).toContain('indicators[8].subIndicators[0].items');
    expect(html).toContain('ไฟล์ที่เลือก: ita-2569-bad.json');
    expect(Number(/data-problems="(\d+)"/.exec(html)?.[1])).toBeGreaterThanOrEqual(3);
  });

  it('refuses text that is not JSON, an empty form and an oversized file', async () => {
    const notJson = await upload(nacc, '{ "id": ', 'broken.json');
    expect(notJson.status).toBe(422);
    expect(await notJson.text()).toContain('Not valid JSON');
    const big = await upload(nacc, `{"pad": "${'x'.repeat(1024 * 1024)}"}`, 'big.json');
    expect(big.status).toBe(413);
    expect(await big.text()).toContain('ไฟล์ใหญ่เกิน 1 MB');
    const latin1 = await upload(nacc, new Uint8Array([0x7b, 0xe9, 0x7d]), 'latin1.json');
    expect(latin1.status).toBe(422);
  });

  it('refuses other roles (403) and a form without its CSRF token (403)', async () => {
    const ok = variant((d) => (d.id = 'ita-2569-x'));
    expect((await upload(agencyAdmin, ok)).status).toBe(403);
    expect((await get(agencyAdmin, '/admin/frameworks')).status).toBe(403);
    expect((await upload(nacc, ok, 'x.json', false)).status).toBe(403);
    expect((await t.services.frameworks.list()).map((f) => f.id)).not.toContain('ita-2569-x');
  });

  it('checks a valid file, says what the import will do, and imports on confirmation (audited)', async () => {
    const text = variant((d) => {
      d.id = 'ita-2563-r2';
      d.version = 2;
      d.passMark = 80;
    });
    const res = await upload(nacc, text, 'r2.json');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('data-outcome="created"');
    // Importing is a second step: nothing is stored by the check.
    expect((await t.services.frameworks.list()).map((f) => f.id)).not.toContain('ita-2563-r2');
    const carried = /name="framework_json" value="([^"]*)"/.exec(html)![1]!;
    const json = carried
      .replace(/&quot;/g, '"')
      .replace(/&amp;/g, '&')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&#39;/g, "'");
    const form = new FormData();
    form.set('_csrf', nacc.csrf);
    form.set('framework_json', json.replace(/\n/g, '\r\n'));
    form.set('file_name', 'r2.json');
    const done = await t.app.request('/admin/frameworks/import', {
      method: 'POST',
      body: form,
      headers: nacc.headers(),
    });
    expect(done.status).toBe(303);
    expect(done.headers.get('location')).toBe(
      '/admin/frameworks?imported=ita-2563-r2&outcome=created',
    );
    expect(await t.services.frameworks.export('ita-2563-r2')).toBe(text);
    const audit = await sql<{ action: string }>`select action from audit_log
      where record_id = 'ita-2563-r2'`.execute(t.db);
    expect(audit.rows.map((r) => r.action)).toEqual(['framework.import']);
    // Uploading it again: the same file is recognised as unchanged.
    const again = await upload(nacc, text, 'r2.json');
    expect(await again.text()).toContain('data-outcome="unchanged"');
  });
});

describe('a framework page, its previews, comparison and download', () => {
  it('shows provenance with every unverified part', async () => {
    await t.services.frameworks.import(
      SYSTEM_CLI,
      readFileSync(
        new URL('../../frameworks/unverified/ita-2568-structure.json', import.meta.url),
        'utf8',
      ),
    );
    const res = await get(nacc, '/admin/frameworks/ita-2568-structure');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toMatch(/data-unverified="\d+"/);
    expect(html).toContain('ยกมาจากปีก่อน');
    expect((await get(nacc, '/admin/frameworks/nope')).status).toBe(404);
  });

  it('previews a survey page as a respondent sees it: labelled, no form, no token', async () => {
    const res = await get(nacc, '/admin/frameworks/ita-2563/preview/eit/page-1');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('class="is-preview"');
    expect(html).toContain('class="preview-banner"');
    expect(html).toContain('ตัวอย่าง');
    expect(html).not.toContain('<form method="post" action="/admin/frameworks/ita-2563/preview');
    expect(html).not.toMatch(/<button type="submit">/);
    expect(html).toContain('E1');
    expect(html).toContain('href="/admin/frameworks/ita-2563/preview/eit/page-2"');
    expect((await get(nacc, '/admin/frameworks/ita-2563/preview/iit/eligibility')).status).toBe(
      200,
    );
    expect((await get(nacc, '/admin/frameworks/ita-2563/preview/eit/eligibility')).status).toBe(
      404,
    );
    expect((await get(nacc, '/admin/frameworks/ita-2563/preview/xyz/about')).status).toBe(404);
    const index = await (await get(nacc, '/admin/frameworks/ita-2563/preview')).text();
    expect(index).toContain('/admin/frameworks/ita-2563/preview/iit/page-1');
  });

  it('previews the OIT checklist an agency sees: 28 items for the 2568 structure, no form', async () => {
    const res = await get(nacc, '/admin/frameworks/ita-2568-structure/preview/oit');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html.match(/class="oit-item"/g)).toHaveLength(28);
    expect(html).toContain('class="preview-banner"');
    expect(html).not.toContain('method="post" action="/oit/');
  });

  it('compares two versions as a readable page: the same changes as itas framework diff', async () => {
    const res = await get(nacc, '/admin/frameworks/ita-2563/diff?with=ita-2566');
    expect(res.status).toBe(200);
    const html = await res.text();
    const changes = await t.services.frameworks.diff('ita-2563', 'ita-2566');
    expect(html).toContain(`data-changes="${changes.length}"`);
    expect(html).toContain('levels[AA]');
    expect(html).toContain('ระดับผลและเกณฑ์');
    const picker = await (await get(nacc, '/admin/frameworks/ita-2563/diff')).text();
    expect(picker).toContain('<option value="ita-2566"');
    expect((await get(nacc, '/admin/frameworks/ita-2563/diff?with=nope')).status).toBe(404);
  });

  it('downloads a version exactly as exported', async () => {
    const res = await get(nacc, '/admin/frameworks/ita-2563/export');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toContain('ita-2563.json');
    expect(await res.text()).toBe(shipped);
  });
});

describe('assessment years', () => {
  it('creates a year on a chosen framework (audited); a bad year is 422, an existing one 409', async () => {
    const page = await get(nacc, '/admin/years');
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('data-year="2563"');
    const bad = await post(nacc, '/admin/years', { year: '69', framework: 'ita-2566' });
    expect(bad.status).toBe(422);
    const made = await post(nacc, '/admin/years', { year: '2566', framework: 'ita-2566' });
    expect(made.status).toBe(303);
    expect((await t.services.years.require(2566)).frameworkId).toBe('ita-2566');
    const again = await post(nacc, '/admin/years', { year: '2566', framework: 'ita-2566' });
    expect(again.status).toBe(409);
    const audit = await sql<{ action: string }>`select action from audit_log
      where action = 'year.create' and record_id = '2566'`.execute(t.db);
    expect(audit.rows).toHaveLength(1);
    expect(
      (await post(agencyAdmin, '/admin/years', { year: '2567', framework: 'ita-2566' })).status,
    ).toBe(403);
  });

  it('refuses to move a year whose OIT items would disappear (409, Thai and English)', async () => {
    const codes = ['T-PRV', 'T-PAO'];
    await t.services.imports.importResponses(SYSTEM_CLI, 2563, 'r.csv', responsesCsv(codes, 12));
    await t.services.imports.importOit(SYSTEM_CLI, 2563, 'o.csv', oitCsv(codes));
    await t.services.results.computeYear(2563);
    const res = await get(nacc, '/admin/years/2563/framework?framework=ita-2568-structure');
    expect(res.status).toBe(409);
    const html = await res.text();
    expect(html).toContain('O43');
    expect(html).toMatch(/not in the new framework/);
    expect(html).not.toContain('action="/admin/years/2563/framework"');
    const post409 = await post(nacc, '/admin/years/2563/framework', {
      framework: 'ita-2568-structure',
    });
    expect(post409.status).toBe(409);
    // The service's own refusal under the lock: one code carrying every reason, worded by the
    // catalogue as the reasons joined by " · ".
    const refused = (await t.services.yearFrameworks
      .move(SYSTEM_CLI, 2563, 'ita-2568-structure')
      .catch((x: unknown) => x)) as ServiceError & Partial<Refusal>;
    expect(refused.status).toBe(409);
    expect(refused.problem?.code).toBe('year_move_refused');
    const plan = await t.services.yearFrameworks.plan(SYSTEM_CLI, 2563, 'ita-2568-structure');
    expect(refused.en).toBe(plan.problems.map((p) => problemText(p, 'en')).join(' · '));
    expect(refused.th).toBe(plan.problems.map((p) => problemText(p, 'th')).join(' · '));
    expect(refused.en).toMatch(/not in the new framework/);
    expect((await t.services.years.require(2563)).frameworkId).toBe('ita-2563');
  });

  it('refuses a new version whose answer columns change kind', async () => {
    await t.services.frameworks.import(
      SYSTEM_CLI,
      variant((d) => {
        d.id = 'ita-2563-yesno';
        d.questions[0].items[0].scale = 'yes_good';
      }),
    );
    const res = await get(nacc, '/admin/years/2563/framework?framework=ita-2563-yesno');
    expect(res.status).toBe(409);
    expect(await res.text()).toContain('I1.1');
  });

  it('moves a year to a compatible version: shows the diff, audits, recomputes; cards name it', async () => {
    const plan = await get(nacc, '/admin/years/2563/framework?framework=ita-2563-r2');
    expect(plan.status).toBe(200);
    const html = await plan.text();
    expect(html).toContain('passMark');
    expect(html).toContain('data-recompute="2"');
    // Only the NACC, checked by the service itself and not only by the route.
    await expect(
      t.services.yearFrameworks.move(ANONYMOUS, 2563, 'ita-2563-r2'),
    ).rejects.toMatchObject({ status: 403 });
    expect(
      (await post(agencyAdmin, '/admin/years/2563/framework', { framework: 'ita-2563-r2' })).status,
    ).toBe(403);
    const res = await post(nacc, '/admin/years/2563/framework', { framework: 'ita-2563-r2' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toContain('moved=2563');
    expect((await t.services.years.require(2563)).frameworkId).toBe('ita-2563-r2');
    const cards = await sql<{ framework_id: string }>`select distinct framework_id from score_cards
      where fiscal_year = 2563`.execute(t.db);
    expect(cards.rows.map((r) => r.framework_id)).toEqual(['ita-2563-r2']);
    const audit = await sql<{
      before: unknown;
      after: { frameworkId: string };
    }>`select before, after
      from audit_log where action = 'year.framework.move'`.execute(t.db);
    expect(audit.rows).toHaveLength(1);
    expect(audit.rows[0]!.after.frameworkId).toBe('ita-2563-r2');
    // The framework it moved to is now in use: frozen.
    const list = await (await get(nacc, '/admin/frameworks')).text();
    expect(list).toMatch(/data-framework="ita-2563-r2"[\s\S]*?data-frozen="yes"/);
  });

  it('score pages name the framework version the card used', async () => {
    const report = await get(nacc, '/results/2563/agencies/T-PRV');
    expect(report.status).toBe(200);
    expect(await report.text()).toContain('data-framework="ita-2563-r2@2"');
    const calc = await get(nacc, '/results/2563/agencies/T-PRV/calculation');
    expect(await calc.text()).toContain('data-framework="ita-2563-r2@2"');
  });
});

describe('itas year move-framework', () => {
  it('checks, refuses with every reason (exit 1), and moves back to ita-2563', async () => {
    const refused = await runCommand(
      t.services,
      'year',
      'move-framework',
      '--year',
      '2563',
      '--framework',
      'ita-2568-structure',
    );
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(
      /OIT items O29, .* hold agencies. entries but are not in the new framework/,
    );
    const check = await runCommand(
      t.services,
      'year',
      'move-framework',
      '--year',
      '2563',
      '--framework',
      'ita-2563',
      '--check',
    );
    expect(check.code).toBe(0);
    expect(check.out).toMatch(/~ passMark 80 → 85/);
    expect((await t.services.years.require(2563)).frameworkId).toBe('ita-2563-r2');
    const moved = await runCommand(
      t.services,
      'year',
      'move-framework',
      '--year',
      '2563',
      '--framework',
      'ita-2563',
    );
    expect(moved.code).toBe(0);
    expect(moved.out).toMatch(/2563 moved from ita-2563-r2 to ita-2563; 2 agencies recomputed/);
    const cards = await sql<{ framework_id: string }>`select distinct framework_id from score_cards
      where fiscal_year = 2563`.execute(t.db);
    expect(cards.rows.map((r) => r.framework_id)).toEqual(['ita-2563']);
  });
});

/**
 * Someone else's change to the year, made at a chosen read of it by the move service, so a race
 * happens every time: read 1 is the move's own before the lock (the lock then finds another
 * framework: `year_move_raced`), read 2 the page's after a refusal.
 */
async function changedMeanwhile(
  at: 1 | 2,
  meanwhile: () => Promise<unknown>,
  run: () => Response | Promise<Response>,
): Promise<Response> {
  const years = t.services.years;
  const real = years.require.bind(years);
  let reads = 0;
  const spy = vi.spyOn(years, 'require').mockImplementation(async (fiscalYear) => {
    if (++reads !== at) return real(fiscalYear);
    if (at === 1) {
      const stale = await real(fiscalYear);
      await meanwhile();
      return stale;
    }
    await meanwhile();
    return real(fiscalYear);
  });
  try {
    return await run();
  } finally {
    spy.mockRestore();
  }
}

/** A refused move's page: 409, the refusal first in Thai, where the year is now, no form. */
async function expectNotMoved(res: Response, code: string, now: string): Promise<string> {
  expect(res.status).toBe(409);
  const html = await res.text();
  expect(html).toContain(`data-refusal="${code}"`);
  expect(html).toContain(`data-current="${now}"`);
  expect(html).not.toContain('action="/admin/years/2563/framework"');
  expect(html).not.toContain('data-recompute=');
  const th = html.indexOf('<span lang="th">');
  expect(th).toBeGreaterThan(0);
  expect(th).toBeLessThan(html.indexOf('<span lang="en">'));
  return html;
}

describe('a move refused under the lock while another moved the year', () => {
  beforeAll(async () => {
    for (const [id, change] of [
      ['ita-2563-r3', (d: Doc) => (d.passMark = 90)],
      ['ita-2563-yesno2', (d: Doc) => (d.questions[0].items[0].scale = 'yes_good')],
    ] as const)
      await t.services.frameworks.import(
        SYSTEM_CLI,
        variant((d) => {
          d.id = id;
          change(d);
        }),
      );
  });

  it('raced (moved to a third framework first): 409 with why and where it is, never 200', async () => {
    expect((await t.services.years.require(2563)).frameworkId).toBe('ita-2563');
    const res = await changedMeanwhile(
      1,
      () => t.services.yearFrameworks.move(SYSTEM_CLI, 2563, 'ita-2563-r2'),
      () => post(nacc, '/admin/years/2563/framework', { framework: 'ita-2563-r3' }),
    );
    const html = await expectNotMoved(res, 'year_move_raced', 'ita-2563-r2');
    expect(html).toContain('ปี 2563 เพิ่งถูกเปลี่ยนกรอบการประเมิน');
    expect(html).toContain('ขณะนี้ปี 2563 ใช้กรอบ ita-2563-r2 (v2)');
    // From where it is now the move would pass: offered to check again, not done.
    expect(html).toContain('href="/admin/years/2563/framework?framework=ita-2563-r3"');
    expect((await t.services.years.require(2563)).frameworkId).toBe('ita-2563-r2');
  });

  it('refused, then moved before the page is read: still 409 with the refusal', async () => {
    const setTo = (id: string) =>
      sql`update assessment_years set framework_id = ${id} where fiscal_year = 2563`.execute(t.db);
    try {
      const res = await changedMeanwhile(
        2,
        // As a move made before any answer stood in the way would have left it.
        () => setTo('ita-2563-yesno2'),
        () => post(nacc, '/admin/years/2563/framework', { framework: 'ita-2563-yesno' }),
      );
      const html = await expectNotMoved(res, 'year_move_refused', 'ita-2563-yesno2');
      expect(html).toContain('I1.1');
      expect((await t.services.years.require(2563)).frameworkId).toBe('ita-2563-yesno2');
    } finally {
      await setTo('ita-2563');
    }
  });

  it('the year on the framework asked for, or published: 409 with the refusal and no plan', async () => {
    const same = await post(nacc, '/admin/years/2563/framework', { framework: 'ita-2563' });
    const html = await expectNotMoved(same, 'year_move_same', 'ita-2563');
    expect(html).toContain('ปี 2563 ใช้กรอบ ita-2563 อยู่แล้ว');
    await t.services.years.setPublished(SYSTEM_CLI, 2563, new Date('2026-10-01T00:00:00Z'));
    try {
      const published = await post(nacc, '/admin/years/2563/framework', {
        framework: 'ita-2563-r3',
      });
      await expectNotMoved(published, 'year_move_published', 'ita-2563');
    } finally {
      await t.services.years.setPublished(SYSTEM_CLI, 2563, null);
    }
  });

  it('the plan page for a year already on that framework, or published: 409 saying which and why', async () => {
    const same = await get(nacc, '/admin/years/2563/framework?framework=ita-2563');
    const html = await expectNotMoved(same, 'year_move_same', 'ita-2563');
    // Asked for a plan, not a move: the page says the move cannot be made, then which and why.
    expect(html).toContain('เปลี่ยนกรอบการประเมินของปีนี้ไปกรอบนี้ไม่ได้');
    expect(html).not.toContain('ไม่ได้เปลี่ยนกรอบการประเมิน<');
    expect(html).toContain(
      'ปี 2563 ใช้กรอบ ita-2563 อยู่แล้ว จึงไม่มีอะไรต้องเปลี่ยน หากต้องการเปลี่ยนให้เลือกกรอบอื่น',
    );
    expect(html).toContain(
      '2563 already uses ita-2563, so there is nothing to move; to move it, choose another framework',
    );
    expect(html).toContain('href="/admin/years"');
    await t.services.years.setPublished(SYSTEM_CLI, 2563, new Date('2026-10-01T00:00:00Z'));
    try {
      const published = await get(nacc, '/admin/years/2563/framework?framework=ita-2563-r3');
      const text = await expectNotMoved(published, 'year_move_published', 'ita-2563');
      expect(text).toContain(
        'ปี 2563 เผยแพร่ผลแล้ว และผลที่เผยแพร่ต้องคงตามกรอบที่ใช้คำนวณ ถอนการเผยแพร่ก่อนจึงจะเปลี่ยนกรอบการประเมินได้',
      );
      expect(text).toContain(
        '2563 is published, and published results keep the framework they were scored on: withdraw its results before moving it to another framework',
      );
      const english = await get(nacc, '/admin/years/2563/framework?framework=ita-2563-r3&lang=en');
      expect(english.status).toBe(409);
      expect(await english.text()).toContain('This year cannot be moved to that framework');
    } finally {
      await t.services.years.setPublished(SYSTEM_CLI, 2563, null);
    }
    expect((await t.services.years.require(2563)).frameworkId).toBe('ita-2563');
  });

  it('answers a missing framework or year 404, another role or no CSRF token 403; nothing moves', async () => {
    const missing = await post(nacc, '/admin/years/2563/framework', { framework: 'no-such' });
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain('no-such');
    expect((await post(nacc, '/admin/years/2563/framework', { framework: '' })).status).toBe(404);
    for (const year of ['2599', 'abcd'])
      expect(
        (await post(nacc, `/admin/years/${year}/framework`, { framework: 'ita-2563-r3' })).status,
      ).toBe(404);
    expect(
      (await post(agencyAdmin, '/admin/years/2563/framework', { framework: 'ita-2563-r3' })).status,
    ).toBe(403);
    const noToken = await t.app.request('/admin/years/2563/framework', {
      method: 'POST',
      body: new URLSearchParams({ framework: 'ita-2563-r3' }).toString(),
      headers: nacc.headers(FORM),
    });
    expect(noToken.status).toBe(403);
    expect(await noToken.text()).toContain('CSRF');
    expect((await t.services.years.require(2563)).frameworkId).toBe('ita-2563');
  });
});
