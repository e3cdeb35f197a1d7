// One source of truth for scoring (issue 13): score cards come only from `responses` and confirmed
// OIT scores. Answers accepted over the API are in `itas compute` at once, without the job having
// run; OIT scores of an agency whose review is not confirmed never enter a card.
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_CLI } from '../../src/domain/actor.ts';
import { getFramework, oitItemCodes } from '../../src/domain/framework/index.ts';
import { createServices, type Services } from '../../src/services/container.ts';
import { createTestApp } from '../helpers/app.ts';
import {
  YEAR,
  demographicsFor,
  fullAnswers,
  linkCode,
  openSurveyYear,
} from '../helpers/survey-fixture.ts';
import { runCommand } from '../helpers/cli.ts';

let t: Awaited<ReturnType<typeof createTestApp>>;
/** A second set of services on the same database: the CLI, as another process would run it. */
let cli: Services;
beforeAll(async () => {
  t = await createTestApp();
  await openSurveyYear(t.services);
  cli = createServices(t.db);
});
afterAll(async () => t?.close());

const itas = (...argv: string[]) => runCommand(cli, ...argv);

const post = (path: string, body: unknown) =>
  t.app.request(path, {
    method: 'POST',
    body: JSON.stringify(body),
    headers: { 'content-type': 'application/json' },
  });

// The worker's pending recounts: agencies marked by the submission pipeline, not yet drained.
async function jobsPending(): Promise<number> {
  const { rows } = await sql<{ n: number }>`select count(*)::int as n from recompute_marks`.execute(
    t.db,
  );
  return rows[0]!.n;
}

describe('itas compute counts from responses', () => {
  it('answers accepted over the API (201) are in itas compute at once, without the job', async () => {
    const code = await linkCode(t.services, '51-PAO');
    for (let i = 0; i < 12; i++) {
      const tool = i < 7 ? 'eit' : 'iit';
      const res = await post(`/api/v1/surveys/${code}/${tool}`, {
        response_id: randomUUID(),
        answers: fullAnswers(tool === 'eit' ? 'EIT' : 'IIT'),
        demographics: demographicsFor(tool === 'eit' ? 'EIT' : 'IIT'),
      });
      expect(res.status).toBe(201);
    }
    // The recompute job has not run: it is still queued.
    expect(await jobsPending()).toBeGreaterThan(0);
    const run = await itas('compute', '--year', String(YEAR));
    expect(run.code).toBe(0);
    expect(run.out).toContain('Computed 1 score cards');
    const [row] = await cli.results.results(SYSTEM_CLI, YEAR, { agencyCode: '51-PAO' });
    expect(row!.respondents).toEqual({ IIT: 5, EIT: 7 });
    // Both surveys are complete; only OIT is missing (none entered), so no overall yet.
    expect(row!.tools.IIT).not.toBeNull();
    expect(row!.tools.EIT).not.toBeNull();
    expect(row!.missing).toEqual(['OIT']);
  });

  it('a recount wipes counts that did not come from responses', async () => {
    await t.db
      .insertInto('respondent_counts')
      .values({ fiscal_year: YEAR, agency_code: '51-PAO', tool: 'IIT', n: 10_000 })
      .onConflict((oc) =>
        oc.columns(['fiscal_year', 'agency_code', 'tool']).doUpdateSet({ n: 10_000 }),
      )
      .execute();
    await itas('compute', '--year', String(YEAR));
    const [row] = await cli.results.results(SYSTEM_CLI, YEAR, { agencyCode: '51-PAO' });
    expect(row!.respondents.IIT).toBe(5);
  });
});

describe('only confirmed OIT enters a card', () => {
  const fw = getFramework('ita-2563')!;
  const oitCsv = (agency: string) =>
    [
      'agency_code,item,answer,url,score',
      ...oitItemCodes(fw).map((item) => `${agency},${item},has,https://x.example/${item},100`),
    ].join('\n');

  it('a reviewed (not confirmed) OIT is left out; once confirmed, it counts', async () => {
    await cli.imports.importOit(SYSTEM_CLI, YEAR, 'oit.csv', oitCsv('51-PAO'));
    // The workflow has the agency at "reviewed": the auditor finished, the NACC has not confirmed.
    await t.db
      .insertInto('oit_agency_states')
      .values({ fiscal_year: YEAR, agency_code: '51-PAO', status: 'reviewed', changed_by: 'test' })
      .execute();
    await itas('compute', '--year', String(YEAR));
    let [row] = await cli.results.results(SYSTEM_CLI, YEAR, { agencyCode: '51-PAO' });
    expect(row!.tools.OIT).toBeNull();
    expect(row!.overall).toBeNull();
    expect(row!.level).toBeNull();

    await t.db
      .updateTable('oit_agency_states')
      .set({ status: 'confirmed' })
      .where('agency_code', '=', '51-PAO')
      .where('fiscal_year', '=', YEAR)
      .execute();
    await itas('compute', '--year', String(YEAR));
    [row] = await cli.results.results(SYSTEM_CLI, YEAR, { agencyCode: '51-PAO' });
    expect(row!.tools.OIT).toBe(100);
    expect(row!.overall).not.toBeNull();
  });

  it('an item still under review keeps the whole agency out, even if others are confirmed', async () => {
    await cli.imports.importOit(SYSTEM_CLI, YEAR, 'oit.csv', oitCsv('51-TM-01'));
    await t.db
      .updateTable('oit_entries')
      .set({ status: 're_reviewed' })
      .where('agency_code', '=', '51-TM-01')
      .where('item', '=', 'O7')
      .where('is_current', '=', true)
      .execute();
    await itas('compute', '--year', String(YEAR));
    const [row] = await cli.results.results(SYSTEM_CLI, YEAR, { agencyCode: '51-TM-01' });
    expect(row!.tools.OIT).toBeNull();
    expect(row!.missing).toContain('OIT');
  });
});
