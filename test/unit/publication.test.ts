// Publishing a year through the real app, service and CLI: the readiness guard refuses each unready
// state with its reason (page 409 with the checklist, CLI exit 1 with the reasons), the NACC records
// audited OIT exceptions, publishing needs an announcement and a confirmation, and nobody but the
// NACC sees anything of a year before it is published.
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { CliContext } from '../../src/cli/command.ts';
import { commands } from '../../src/cli/commands.ts';
import { loadConfig } from '../../src/config.ts';
import { ANONYMOUS, SYSTEM_CLI, type Actor, type RoleGrant } from '../../src/domain/actor.ts';
import { thaiDay } from '../../src/domain/calendar.ts';
import { answerColumns, oitItemCodes, subItemOf } from '../../src/domain/framework/helpers.ts';
import { getFramework } from '../../src/domain/framework/index.ts';
import { canSeeResults, canSeeYearResults } from '../../src/domain/publication.ts';
import { formatScore } from '../../src/i18n/format.ts';
import { registerRecomputeJob } from '../../src/jobs/recompute.job.ts';
import { recomputeMarked, runDueJobs } from '../../src/jobs/worker.ts';
import { ServiceError } from '../../src/services/errors.ts';
import { NotReadyError } from '../../src/services/publication.service.ts';
import { createTestApp } from '../helpers/app.ts';
import { FORM, clientFor, createStandardAccounts, type Who } from '../helpers/sessions.ts';

const user = (...grants: RoleGrant[]): Actor => ({
  kind: 'user',
  userId: '00000000-0000-0000-0000-000000000001',
  email: 'someone@example.org',
  grants,
});
const nacc = user({ role: 'nacc_admin', scope: null });
const prvAdmin = user({ role: 'agency_admin', scope: '51-PRV' });
const prvAuditor = user({ role: 'auditor', scope: '51-PRV' });
const officer = user({ role: 'province_officer', scope: 'ลำพูน' });

describe('canSeeResults', () => {
  const unpublished = { fiscalYear: 2563, publishedAt: null };
  const published = { fiscalYear: 2563, publishedAt: new Date() };
  it.each([
    ['NACC', nacc, true],
    ['the agency’s auditor', prvAuditor, false],
    ['its administrator', prvAdmin, false],
    ['a province officer', officer, false],
    ['a visitor', ANONYMOUS, false],
  ] as const)('before publication: %s', (_, actor, expected) => {
    expect(canSeeResults(actor, unpublished)).toBe(expected);
    expect(canSeeYearResults(actor, unpublished)).toBe(expected);
  });
  it('after publication everyone sees every agency and the year-wide pages', () => {
    for (const a of [ANONYMOUS, prvAdmin, officer]) {
      expect(canSeeResults(a, published)).toBe(true);
      expect(canSeeYearResults(a, published)).toBe(true);
    }
  });
});

const YEAR = 2570;
const Y = String(YEAR);
const framework = getFramework('ita-2563')!;
// Four agencies of Lamphun: the province unit, the PAO, a town and a subdistrict administration.
const CODES = ['51-PRV', '51-PAO', '51-TM-01', '51-SAO-01'];
const AGENCIES = readFileSync(
  new URL('../../src/demo/data/lamphun-agencies.csv', import.meta.url),
  'utf8',
)
  .split('\n')
  .filter((line, i) => i === 0 || CODES.includes(line.split(',')[0]!))
  .join('\n');

/** n respondents of a tool for an agency, answering "3" (or yes) to everything. */
function responseRows(agency: string, tool: 'IIT' | 'EIT', n: number): string[][] {
  const cols = { IIT: answerColumns(framework, 'IIT'), EIT: answerColumns(framework, 'EIT') };
  const value = (c: string) => (subItemOf(framework, c)?.item.scale.includes('good') ? 'Y' : '3');
  return Array.from({ length: n }, () => [
    randomUUID(),
    agency,
    tool,
    '',
    ...cols.IIT.map((c) => (tool === 'IIT' ? value(c) : '')),
    ...cols.EIT.map((c) => (tool === 'EIT' ? value(c) : '')),
  ]);
}
const csv = (rows: string[][]) => rows.map((r) => r.join(',')).join('\n');
const responsesCsv = (rows: string[][]) =>
  csv([
    [
      'response_id',
      'agency_code',
      'tool',
      'submitted_on',
      ...answerColumns(framework, 'IIT'),
      ...answerColumns(framework, 'EIT'),
    ],
    ...rows,
  ]);
/** Every OIT item of an agency: scored (confirmed on import) or only answered (submitted). */
const oitCsv = (agency: string, scored: boolean) =>
  csv([
    ['agency_code', 'item', 'answer', 'url', 'note', 'score', 'comment'],
    ...oitItemCodes(framework).map((item, i) => [
      agency,
      item,
      'has',
      `https://example.org/${item}`,
      '',
      scored ? (i % 4 === 0 ? '0' : '100') : '',
      scored && i % 4 === 0 ? 'ไม่พบข้อมูล' : '',
    ]),
  ]);

let t: Awaited<ReturnType<typeof createTestApp>>;
let ids: Awaited<ReturnType<typeof createStandardAccounts>>;
const quiet = pino({ level: 'silent' });
const day = (d: number) => thaiDay(new Date(Date.now() + d * 86_400_000));

async function as(who: Who, path: string, form?: Record<string, string>) {
  const c = await clientFor(t.services, who === 'anonymous' ? null : ids[who]);
  const r = await t.app.request(
    path,
    form
      ? { method: 'POST', headers: c.headers(FORM), body: c.form(form) }
      : { headers: c.headers() },
  );
  return { status: r.status, location: r.headers.get('location'), body: await r.text() };
}

async function itas(...argv: string[]) {
  const command = commands
    .filter((c) => c.path.every((w, i) => argv[i] === w))
    .sort((a, b) => b.path.length - a.path.length)[0]!;
  let out = '';
  let err = '';
  const ctx: CliContext = {
    config: loadConfig({}),
    log: quiet,
    services: async () => t.services,
    out: (s) => void (out += s),
    err: (s) => void (err += s),
  };
  try {
    return { code: await command.run(argv.slice(command.path.length), ctx), out, err };
  } catch (e) {
    // What the runner (src/cli/run.ts) does with a service's refusal: print it, exit 1.
    if (!(e instanceof ServiceError)) throw e;
    return { code: 1, out, err: `${err}${e.th}\n${e.en}\n` };
  }
}

async function setPhase(phase: string, opensOn: string, closesOn: string) {
  await t.services.calendar.setPhase(SYSTEM_CLI, { fiscalYear: YEAR, phase, opensOn, closesOn });
}
const drainJobs = async () => {
  while ((await recomputeMarked(t.services, quiet)) + (await runDueJobs(t.services, quiet)) > 0);
};
const readiness = () => t.services.publication.readiness(SYSTEM_CLI, YEAR);
const failing = async () =>
  Object.fromEntries(
    (await readiness()).items
      .filter((i) => !i.ok)
      .map((i) => [i.code, i.reasons.map((r) => r.code)]),
  );
const audits = async (action: string) =>
  t.db.selectFrom('audit_log').selectAll().where('action', '=', action).orderBy('id').execute();

beforeAll(async () => {
  registerRecomputeJob();
  t = await createTestApp();
  await t.services.agencies.importAgencies(SYSTEM_CLI, 'agencies.csv', AGENCIES);
  ids = await createStandardAccounts(t.services);
  await t.services.years.create(SYSTEM_CLI, YEAR, framework.id);
  // Surveys open now; the publication phase a month away.
  await setPhase('iit', day(-5), day(5));
  await setPhase('eit', day(-5), day(5));
  await setPhase('publication', day(30), day(60));
  const rows = CODES.flatMap((a) => [...responseRows(a, 'IIT', 4), ...responseRows(a, 'EIT', 6)]);
  await t.services.imports.importResponses(SYSTEM_CLI, YEAR, 'r.csv', responsesCsv(rows));
  await t.services.imports.importOit(SYSTEM_CLI, YEAR, 'a.csv', oitCsv('51-PRV', true));
  await t.services.imports.importOit(SYSTEM_CLI, YEAR, 'b.csv', oitCsv('51-PAO', true));
  await t.services.imports.importOit(SYSTEM_CLI, YEAR, 'd.csv', oitCsv('51-SAO-01', true));
  // 51-TM-01 answered its OIT but no auditor has confirmed it.
  await t.services.imports.importOit(SYSTEM_CLI, YEAR, 'c.csv', oitCsv('51-TM-01', false));
  await drainJobs();
  await t.services.results.computeYear(YEAR);
}, 120_000);
afterAll(() => t.close());

describe('publishing a year that is not ready', () => {
  it('lists every unmet item with its reason and counts', async () => {
    const r = await readiness();
    expect(r.ready).toBe(false);
    const byCode = Object.fromEntries(r.items.map((i) => [i.code, i]));
    expect(byCode.surveys_closed!.reasons).toEqual([
      { code: 'window_open', phase: 'iit', closesOn: day(5) },
      { code: 'window_open', phase: 'eit', closesOn: day(5) },
    ]);
    expect(byCode.oit_confirmed!.reasons).toEqual([
      { code: 'oit_unconfirmed', count: 1, codes: [{ code: '51-TM-01', status: null }] },
    ]);
    expect(byCode.oit_confirmed!.counts).toMatchObject({ agencies: 4, confirmed: 3 });
    expect(byCode.cards_current!.ok).toBe(true);
    expect(byCode.cards_current!.counts).toMatchObject({ withData: 4, current: 4 });
    expect(byCode.publication_phase!.reasons).toEqual([
      { code: 'window_not_yet', phase: 'publication', opensOn: day(30) },
    ]);
  });

  it('the service refuses with 409 and the checklist, and publishes nothing', async () => {
    const e = await t.services.publication
      .publish(SYSTEM_CLI, YEAR, { announcementTh: 'ประกาศ', announcementEn: '', confirmed: true })
      .catch((x: unknown) => x);
    expect(e).toBeInstanceOf(NotReadyError);
    expect((e as NotReadyError).status).toBe(409);
    expect((e as NotReadyError).th).toContain('51-TM-01');
    expect((e as NotReadyError).en).toContain('✗ The IIT and EIT surveys have closed');
    expect((await t.services.results.year(YEAR))!.publishedAt).toBeNull();
    expect(await audits('year.publish')).toEqual([]);
  });

  it('the page answers 409 with the checklist, each item ✓/✗ and its reasons', async () => {
    const r = await as('nacc_admin', `/admin/publication/${Y}/publish`, {
      announcement_th: 'ประกาศผล',
      confirm: 'yes',
    });
    expect(r.status).toBe(409);
    expect(r.body).toContain(`ยังประกาศผลปี ${Y} ไม่ได้`);
    expect(r.body).toMatch(/data-check="surveys_closed" data-ok="no"/);
    expect(r.body).toMatch(/data-check="oit_confirmed" data-ok="no"/);
    expect(r.body).toMatch(/data-check="cards_current" data-ok="yes"/);
    expect(r.body).toMatch(/data-check="publication_phase" data-ok="no"/);
    expect(r.body).toContain('ช่วง &quot;เปิดแบบวัด IIT&quot; ยังเปิดอยู่');
    expect(r.body).toContain('51-TM-01 (ยังไม่เริ่ม)');
    expect(r.body).toContain('ช่วง &quot;ประกาศผล&quot; ยังไม่เริ่ม');
    // What was typed stays in the form.
    expect(r.body).toContain('>ประกาศผล</textarea>');
    expect((await t.services.results.year(YEAR))!.publishedAt).toBeNull();
  });

  it('the CLI exits 1 and prints every reason in Thai and English', async () => {
    const r = await itas('publish', '--year', Y, '--announcement', 'ประกาศผล');
    expect(r.code).toBe(1);
    expect(r.err).toContain('✗ ปิดการตอบแบบวัด IIT และ EIT แล้ว');
    expect(r.err).toContain('✗ The IIT and EIT surveys have closed');
    expect(r.err).toContain('51-TM-01');
    expect(r.err).toContain("✗ The calendar's publication phase has begun");
    expect(r.err).toContain('✓ Score cards are computed from the final data');
    const check = await itas('publish', '--year', Y, '--check');
    expect(check.code).toBe(1);
    expect(check.out).toContain('✗ ถึงช่วงประกาศผลตามปฏิทินแล้ว');
    expect((await t.services.results.year(YEAR))!.publishedAt).toBeNull();
  });

  it('refuses while a survey extension is still open, naming the agency', async () => {
    await setPhase('iit', day(-20), day(-1));
    await setPhase('eit', day(-20), day(-1));
    await t.services.calendar.setPhase(SYSTEM_CLI, {
      fiscalYear: YEAR,
      phase: 'eit',
      opensOn: day(-20),
      closesOn: day(3),
      agencyCode: '51-PAO',
      reason: 'น้ำท่วม',
    });
    expect((await failing()).surveys_closed).toEqual(['extension_open']);
    const r = await itas('publish', '--year', Y, '--check');
    expect(r.out).toContain('51-PAO');
    await t.services.calendar.setPhase(SYSTEM_CLI, {
      fiscalYear: YEAR,
      phase: 'eit',
      opensOn: day(-20),
      closesOn: day(-1),
      agencyCode: '51-PAO',
      reason: 'น้ำท่วม',
    });
    expect((await failing()).surveys_closed).toBeUndefined();
  });

  it('refuses stale cards: an answer stored after the last computation, until it is recomputed', async () => {
    await t.services.imports.importResponses(
      SYSTEM_CLI,
      YEAR,
      'late.csv',
      responsesCsv(responseRows('51-PAO', 'EIT', 1)),
    );
    const stale = await readiness();
    const cards = stale.items.find((i) => i.code === 'cards_current')!;
    expect(cards.ok).toBe(false);
    expect(cards.reasons).toEqual([
      { code: 'card_respondents', count: 1, codes: ['51-PAO'] },
      { code: 'recompute_pending', count: 1 },
    ]);
    const page = await as('nacc_admin', `/admin/publication/${Y}`);
    expect(page.body).toContain('1 หน่วยงานมีจำนวนผู้ตอบในคะแนนไม่ตรงกับคำตอบที่บันทึกไว้: 51-PAO');
    expect(page.body).toContain('มีงานคำนวณคะแนนรออยู่ 1 งาน');
    await drainJobs();
    expect((await failing()).cards_current).toBeUndefined();
  });

  it('refuses a card whose OIT is not the confirmed one', async () => {
    // A card written before the agency's OIT changed: its OIT figure no longer matches.
    await t.db
      .updateTable('score_cards')
      .set({ oit: 12.5 })
      .where('fiscal_year', '=', YEAR)
      .where('agency_code', '=', '51-PRV')
      .execute();
    expect((await failing()).cards_current).toEqual(['card_oit']);
    await t.services.results.computeYear(YEAR);
    expect((await failing()).cards_current).toBeUndefined();
  });
});

describe('OIT exceptions', () => {
  const path = `/admin/publication/${Y}/exceptions`;
  it('only the NACC records one; a reason and a known, unconfirmed agency are required', async () => {
    for (const who of ['auditor', 'province_officer', 'agency_admin'] as const)
      expect((await as(who, path, { agency: '51-TM-01', reason: 'x' })).status).toBe(403);
    expect((await as('anonymous', path, { agency: '51-TM-01', reason: 'x' })).status).toBe(303);
    const noReason = await as('nacc_admin', path, { agency: '51-TM-01', reason: '  ' });
    expect(noReason.status).toBe(422);
    expect(noReason.body).toContain('กรุณาระบุเหตุผลของข้อยกเว้น');
    expect((await as('nacc_admin', path, { agency: '99-NONE', reason: 'x' })).status).toBe(422);
    const confirmed = await as('nacc_admin', path, { agency: '51-PRV', reason: 'x' });
    expect(confirmed.status).toBe(409);
    expect(confirmed.body).toContain('51-PRV ยืนยันผล OIT แล้ว');
    expect(
      (await as('nacc_admin', path, { agency: '51-TM-01', reason: 'x'.repeat(501) })).status,
    ).toBe(422);
    expect(await audits('publication.exception.add')).toEqual([]);
  });

  it('records it with the reason, audited; the OIT item then passes, with the exception counted', async () => {
    const r = await as('nacc_admin', path, {
      agency: '51-TM-01',
      reason: 'ผู้ตรวจประเมินลาออก ไม่ทันยืนยันผล',
    });
    expect(r.status).toBe(303);
    const page = await as('nacc_admin', `/admin/publication/${Y}`);
    expect(page.body).toContain('ผู้ตรวจประเมินลาออก ไม่ทันยืนยันผล');
    const oit = (await readiness()).items.find((i) => i.code === 'oit_confirmed')!;
    expect(oit.ok).toBe(true);
    expect(oit.counts).toMatchObject({ confirmed: 3, exceptions: 1, outstanding: 0 });
    const [log] = await audits('publication.exception.add');
    expect(log!.record_id).toBe(`${Y}/51-TM-01`);
    expect(log!.after).toMatchObject({ reason: 'ผู้ตรวจประเมินลาออก ไม่ทันยืนยันผล' });
  });

  it('removing it is audited and brings the reason back; the CLI records it again', async () => {
    expect((await as('nacc_admin', `${path}/remove`, { agency: '51-TM-01' })).status).toBe(303);
    expect((await failing()).oit_confirmed).toEqual(['oit_unconfirmed']);
    expect(await audits('publication.exception.remove')).toHaveLength(1);
    const cli = await itas(
      'publication',
      'exception',
      '--year',
      Y,
      '--agency',
      '51-TM-01',
      '--reason',
      'ผู้ตรวจประเมินลาออก',
    );
    expect(cli.code).toBe(0);
    expect((await failing()).oit_confirmed).toBeUndefined();
  });
});

describe('before publication, nothing of the year is shown to anyone but the NACC', () => {
  const publicPaths = [
    `/results/${Y}/summary`,
    `/results/${Y}/summary?format=csv`,
    `/results/${Y}/summary?format=xlsx`,
    `/results/${Y}/summary?format=json`,
    `/results/${Y}/rankings`,
    `/results/${Y}/rankings?format=csv`,
    `/results/${Y}/rankings?format=json`,
    `/results/${Y}/rankings?scope=provinces`,
    `/results/${Y}/rankings?scope=province&province=${encodeURIComponent('ลำพูน')}`,
    `/results/${Y}/rankings?scope=type&type=pao`,
    `/results/${Y}/agencies/51-PRV`,
    `/results/${Y}/agencies/51-PRV.xlsx`,
    `/results/${Y}/agencies/51-PRV.pdf`,
    `/results/${Y}/agencies/51-PAO`,
    `/api/v1/years/${Y}/results`,
    `/api/v1/years/${Y}/results?format=csv`,
    `/api/v1/years/${Y}/summary`,
    `/api/v1/years/${Y}/rankings`,
  ];

  it('a visitor gets 404 on every results route with the year, and no page mentions it', async () => {
    for (const p of publicPaths) expect((await as('anonymous', p)).status, p).toBe(404);
    for (const p of [
      '/',
      '/open-data',
      '/agencies/51-PRV',
      '/results',
      '/agencies/51-PRV/results',
    ]) {
      const r = await as('anonymous', p);
      expect(r.body, p).not.toContain(Y);
      expect(r.location ?? '', p).not.toContain(Y);
    }
  });

  it('agency admins, auditors and province officers get 404 too: no live scores', async () => {
    for (const who of ['agency_admin', 'auditor', 'province_officer'] as const)
      for (const p of publicPaths) expect((await as(who, p)).status, `${who} ${p}`).toBe(404);
  });

  it('the agency’s own pages show counts and OIT status, never its computed scores', async () => {
    const card = await t.db
      .selectFrom('score_cards')
      .selectAll()
      .where('fiscal_year', '=', YEAR)
      .where('agency_code', '=', '51-PRV')
      .executeTakeFirstOrThrow();
    const figures = [card.iit, card.eit, card.overall]
      .filter((x): x is number => x !== null)
      .map((x) => formatScore(x, 'th'));
    expect(figures.length).toBeGreaterThan(1);
    // The same figures as the NACC's report prints them: the check below can find them.
    const report = await as('nacc_admin', `/results/${Y}/agencies/51-PRV`);
    for (const f of figures) expect(report.body).toContain(`>${f}<`);
    for (const p of [
      '/',
      '/agencies/51-PRV',
      '/agencies/51-PRV/survey',
      `/oit/${Y}/agencies/51-PRV`,
      '/oit',
    ]) {
      const r = await as('agency_admin', p);
      expect(r.status, p).toBeLessThan(400);
      for (const f of figures) expect(r.body, `${p} shows ${f}`).not.toContain(`>${f}<`);
    }
  });

  it('the NACC sees the report and the preview of what becomes public', async () => {
    expect((await as('nacc_admin', `/results/${Y}/agencies/51-PRV`)).status).toBe(200);
    const page = await as('nacc_admin', `/admin/publication/${Y}`);
    expect(page.status).toBe(200);
    expect(page.body).toContain('data-testid="preview-summary"');
    expect(page.body).toContain('data-testid="preview-rankings"');
    expect(page.body).toContain('องค์การบริหารส่วนจังหวัดลำพูน');
  });
});

describe('publishing once ready', () => {
  beforeAll(async () => {
    await setPhase('publication', day(-1), day(30));
  });

  it('is ready once the publication phase has begun', async () => {
    expect(await failing()).toEqual({});
    expect((await as('nacc_admin', `/admin/publication/${Y}`)).body).toContain('data-ready="yes"');
  });

  it('asks for the confirmation box and the announcement (422), publishing nothing', async () => {
    const path = `/admin/publication/${Y}/publish`;
    const unconfirmed = await as('nacc_admin', path, { announcement_th: 'ประกาศผล' });
    expect(unconfirmed.status).toBe(422);
    expect(unconfirmed.body).toContain('กรุณาทำเครื่องหมายยืนยันการประกาศผลก่อน');
    const blank = await as('nacc_admin', path, { announcement_th: ' ', confirm: 'yes' });
    expect(blank.status).toBe(422);
    expect(blank.body).toContain('กรุณากรอกข้อความประกาศผล');
    expect((await as('agency_admin', path, { announcement_th: 'x', confirm: 'yes' })).status).toBe(
      403,
    );
    expect((await t.services.results.year(YEAR))!.publishedAt).toBeNull();
  });

  it('publishes with the confirmation, audited with the checklist; visitors then see the year', async () => {
    const r = await as('nacc_admin', `/admin/publication/${Y}/publish`, {
      announcement_th: `ประกาศผลการประเมิน ${Y}`,
      announcement_en: `Results ${Y}`,
      confirm: 'yes',
    });
    expect(r.status).toBe(303);
    expect((await as('anonymous', `/results/${Y}/agencies/51-PRV`)).status).toBe(200);
    expect((await as('anonymous', `/results/${Y}/summary`)).status).toBe(200);
    expect((await as('anonymous', `/api/v1/years/${Y}/results`)).status).toBe(200);
    expect((await as('anonymous', '/')).body).toContain(Y);
    const [log] = await audits('year.publish');
    expect(log!.record_id).toBe(Y);
    expect(JSON.stringify(log!.after)).toContain('oit_confirmed');
    // A second publication of a published year is refused.
    const again = await itas('publish', '--year', Y, '--announcement', 'x');
    expect(again.code).toBe(1);
  });

  it('exceptions cannot change under a published year (409)', async () => {
    const r = await as('nacc_admin', `/admin/publication/${Y}/exceptions/remove`, {
      agency: '51-TM-01',
    });
    expect(r.status).toBe(409);
    // The page hides the forms and says why, with the day it was published (issue 16.3).
    const page = await as('nacc_admin', `/admin/publication/${Y}`);
    expect(page.body).not.toContain(`action="/admin/publication/${Y}/publish"`);
    expect(page.body).toMatch(
      new RegExp(`ประกาศผลปี ${Y} แล้วเมื่อ \\d+ \\S+ 25\\d\\d จึงเพิ่มข้อยกเว้นหรือประกาศอีกไม่ได้`),
    );
  });

  it('itas unpublish withdraws it (audited) and itas publish publishes it again', async () => {
    const off = await itas('unpublish', '--year', Y);
    expect(off.code).toBe(0);
    expect((await as('anonymous', `/results/${Y}/summary`)).status).toBe(404);
    expect(await audits('year.unpublish')).toHaveLength(1);
    expect((await itas('unpublish', '--year', Y)).code).toBe(1);
    const on = await itas('publish', '--year', Y, '--announcement', 'ประกาศอีกครั้ง');
    expect(on.code).toBe(0);
    expect(on.out).toContain(`Published fiscal year ${Y}`);
    expect((await as('anonymous', `/results/${Y}/summary`)).status).toBe(200);
    expect(await audits('year.publish')).toHaveLength(2);
  });
});
