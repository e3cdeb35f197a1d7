// Issue 16.5: the framework files gained English texts. A database whose year already answers on
// a framework keeps working: a shipped one is read from the code (nothing stored to refuse), and
// an imported one in use, frozen, still accepts a file that changes texts only (audited
// framework.texts); anything that scores stays refused. Runs on PGlite and PostgreSQL.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_CLI } from '../../src/domain/actor.ts';
import { differsInTextsOnly } from '../../src/domain/framework/diff.ts';
import { ServiceError } from '../../src/services/errors.ts';
import { createTestApp } from '../helpers/app.ts';
import { AGENCIES, oitCsv, responsesCsv, setUpYear } from '../helpers/results-fixtures.ts';

let t: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  t = await createTestApp();
  await setUpYear(t.services);
});
afterAll(async () => t?.close());

const shipped = readFileSync(new URL('../../frameworks/ita-2563.json', import.meta.url), 'utf8');
const agencies = AGENCIES.map((a) => a[0]);
const ID = 'ita-2563-texts';

type Doc = Record<string, unknown> & { questions: { text: { th: string; en?: string } }[] };

/** The 2563 file under its own id; `before` drops the English of every question (the old file). */
function file(version: number, change: (d: Doc) => void = () => {}): string {
  const d = JSON.parse(shipped) as Doc;
  d.id = ID;
  d.fiscalYear = 2570;
  d.version = version;
  change(d);
  return `${JSON.stringify(d, null, 2)}\n`;
}
const withoutEnglish = (d: Doc) => {
  for (const q of d.questions) delete q.text.en;
};

async function importText(text: string) {
  try {
    return await t.services.frameworks.import(SYSTEM_CLI, text);
  } catch (e) {
    if (e instanceof ServiceError) return { ok: false as const, status: e.status, en: e.en };
    throw e;
  }
}

describe('texts of a framework in use', () => {
  it('tells wording from what scores', () => {
    const a = JSON.parse(file(1, withoutEnglish)) as unknown;
    expect(differsInTextsOnly(a, JSON.parse(file(2)))).toBe(true);
    expect(differsInTextsOnly(a, JSON.parse(file(2, (d) => (d.passMark = 80))))).toBe(false);
    const reScaled = file(2, (d) => {
      (d.questions[0] as unknown as { items: { scale: string }[] }).items[0]!.scale =
        'likert4_reverse';
    });
    expect(differsInTextsOnly(a, JSON.parse(reScaled))).toBe(false);
    const reordered = file(2, (d) => d.questions.reverse());
    expect(differsInTextsOnly(a, JSON.parse(reordered))).toBe(false);
  });

  it('a shipped framework in use needs nothing: its year reads the new texts', async () => {
    await t.services.imports.importResponses(SYSTEM_CLI, 2563, 'r.csv', responsesCsv(agencies, 12));
    const f = await t.services.frameworks.resolve('ita-2563');
    expect(f!.questions.every((q) => q.text.en && q.items.every((i) => i.text.en))).toBe(true);
    const list = await t.services.frameworks.list();
    expect(list.find((x) => x.id === 'ita-2563')!.years).toEqual([
      { fiscalYear: 2563, started: true },
    ]);
  });

  it('a frozen imported framework gains English texts (audited), and scores stay', async () => {
    expect(await importText(file(1, withoutEnglish))).toMatchObject({ ok: true });
    await t.services.years.create(SYSTEM_CLI, 2570, ID);
    await t.services.imports.importResponses(SYSTEM_CLI, 2570, 'r.csv', responsesCsv(agencies, 12));
    await t.services.imports.importOit(SYSTEM_CLI, 2570, 'o.csv', oitCsv(agencies));
    await t.services.results.computeYear(2570);
    const before = await t.db
      .selectFrom('score_cards')
      .selectAll()
      .where('fiscal_year', '=', 2570)
      .execute();
    expect(before.length).toBeGreaterThan(0);

    // Anything that scores is still refused on a framework in use.
    expect(await importText(file(2, (d) => (d.passMark = 80)))).toMatchObject({
      ok: false,
      status: 409,
    });
    const check = await t.services.frameworks.checkUpload(SYSTEM_CLI, file(2));
    expect(check).toMatchObject({ ok: true, value: { outcome: 'texts', storedVersion: 1 } });
    // The same texts under the same version number would make two documents of one version.
    const same = await t.services.frameworks.checkUpload(SYSTEM_CLI, file(1));
    expect(same).toMatchObject({ ok: true, value: { outcome: 'version_too_low' } });

    expect(await importText(file(2))).toMatchObject({
      ok: true,
      value: { id: ID, version: 2, outcome: 'texts' },
    });
    const f = await t.services.frameworks.resolve(ID);
    expect(f!.version).toBe(2);
    expect(f!.questions[0]!.text.en).toMatch(/^To what extent/);
    const audit = await t.db
      .selectFrom('audit_log')
      .select(['action', 'record_id'])
      .where('action', '=', 'framework.texts')
      .execute();
    expect(audit).toEqual([{ action: 'framework.texts', record_id: ID }]);

    await t.services.results.computeYear(2570);
    const after = await t.db
      .selectFrom('score_cards')
      .selectAll()
      .where('fiscal_year', '=', 2570)
      .execute();
    const scores = (rows: typeof before) =>
      rows.map((r) => JSON.stringify({ ...r, computed_at: undefined, updated_at: undefined }));
    expect(scores(after).sort()).toEqual(scores(before).sort());
  });
});
