// Property test through the real path (issue 13.7): random responses are imported into the
// database, recounted in SQL and scored. The same responses in another order must give the same
// card, and every sub-item's score must equal the mean of the individual answers' scores computed
// here, one response at a time, without the counting code under test. A recount that lost, doubled
// or mis-sorted an answer, or depended on row order, fails this test.
import { randomUUID } from 'node:crypto';
import { stringify } from 'csv-stringify/sync';
import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { responsesHeader } from '../../src/demo/answer-generator.ts';
import { SYSTEM_CLI } from '../../src/domain/actor.ts';
import { answerColumns, subItemOf } from '../../src/domain/framework/helpers.ts';
import type { SurveyTool } from '../../src/domain/framework/schema.ts';
import { findScoreCard } from '../../src/storage/score-card.repository.ts';
import { createTestApp } from '../helpers/app.ts';
import { framework as f, setUpYear } from '../helpers/results-fixtures.ts';

let h: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  h = await createTestApp();
  await setUpYear(h.services);
});
afterAll(() => h.close());

const header = responsesHeader(f);
const columns = { IIT: answerColumns(f, 'IIT'), EIT: answerColumns(f, 'EIT') };
const scaleOf = (column: string) => subItemOf(f, column)!.item.scale;

/** One respondent: a tool and, per sub-item, the CSV value or '' (skipped). */
type Answer = { tool: SurveyTool; values: Record<string, string> };

const valueArb = (column: string) =>
  fc.oneof(
    { weight: 1, arbitrary: fc.constant('') },
    {
      weight: 6,
      arbitrary:
        scaleOf(column) === 'yes_good' || scaleOf(column) === 'no_good'
          ? fc.constantFrom('Y', 'N')
          : fc.constantFrom('1', '2', '3', '4'),
    },
  );
const answerArb = (tool: SurveyTool): fc.Arbitrary<Answer> =>
  fc
    .tuple(...columns[tool].map(valueArb))
    .map((vs) => ({ tool, values: Object.fromEntries(columns[tool].map((c, i) => [c, vs[i]!])) }));
const responsesArb = fc
  .tuple(
    fc.array(answerArb('IIT'), { minLength: 1, maxLength: 12 }),
    fc.array(answerArb('EIT'), { minLength: 1, maxLength: 12 }),
  )
  .map(([i, e]) => [...i, ...e]);

/** One answer's score on its sub-item, by the method (methodology.md), or null if skipped. */
function answerScore(column: string, value: string): number | null {
  if (value === '') return null;
  const w = f.answerWeights;
  switch (scaleOf(column)) {
    case 'likert4':
      return w[Number(value) - 1]!;
    case 'likert4_reverse':
      return w[4 - Number(value)]!;
    case 'yes_good':
      return value === 'Y' ? 100 : 0;
    case 'no_good':
      return value === 'N' ? 100 : 0;
  }
}

function csvFor(agencyCode: string, answers: Answer[]): string {
  const rows = answers.map((a) => {
    const v: Record<string, string> = {
      response_id: randomUUID(),
      agency_code: agencyCode,
      tool: a.tool,
      submitted_on: '2020-06-01',
      ...a.values,
    };
    return header.map((k) => v[k] ?? '');
  });
  return stringify([header, ...rows]);
}

describe('recount and score, through the database', () => {
  it('gives the same card for the same answers in any order, equal to the per-answer means', async () => {
    await fc.assert(
      fc.asyncProperty(
        responsesArb.chain((rs) =>
          fc.tuple(fc.constant(rs), fc.shuffledSubarray(rs, { minLength: rs.length })),
        ),
        async ([answers, shuffled]) => {
          // A fresh year each run: the import adds to the counts it finds (ADR 0025).
          await sql`truncate responses, pending_counts, answer_counts, respondent_counts`.execute(
            h.db,
          );
          await h.services.imports.importResponses(
            SYSTEM_CLI,
            2563,
            'a.csv',
            csvFor('T-PRV', answers),
          );
          await h.services.imports.importResponses(
            SYSTEM_CLI,
            2563,
            'b.csv',
            csvFor('T-PAO', shuffled),
          );
          await h.services.results.recomputeAgencies(2563, ['T-PRV', 'T-PAO']);
          const a = (await findScoreCard(h.db, 2563, 'T-PRV'))!.card;
          const b = (await findScoreCard(h.db, 2563, 'T-PAO'))!.card;
          expect(b).toEqual(a);
          for (const tool of ['IIT', 'EIT'] as const) {
            const mine = answers.filter((r) => r.tool === tool);
            expect(a.respondents[tool]).toBe(mine.length);
            for (const column of columns[tool]) {
              const scores = mine.flatMap((r) => {
                const s = answerScore(column, r.values[column]!);
                return s === null ? [] : [s];
              });
              const expected =
                scores.length === 0 ? null : scores.reduce((x, y) => x + y, 0) / scores.length;
              if (expected === null) expect(a.subItems[column], column).toBeNull();
              else expect(a.subItems[column], column).toBeCloseTo(expected, 9);
            }
          }
        },
      ),
      { numRuns: 15 },
    );
  });
});
