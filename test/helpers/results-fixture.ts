// A year of results for app.request() tests: Lamphun's 59 agencies, 51-PRV scored from the seed's
// published answer shares (as integer counts) with its OIT comments, the others from published
// overall scores, 2562 as past results, and a few coarse demographics for "who answered".
import { readFileSync } from 'node:fs';
import { SYSTEM_CLI } from '../../src/domain/actor.ts';
import { answerColumns, getFramework } from '../../src/domain/framework/index.ts';
import { levelFor, scoreAgency } from '../../src/domain/scoring/index.ts';
import type { ScoreCard } from '../../src/domain/scoring/types.ts';
import type { Services } from '../../src/services/container.ts';
import type { Db } from '../../src/storage/database.ts';
import { upsertPastResults } from '../../src/storage/past-result.repository.ts';
import { upsertScoreCards } from '../../src/storage/score-card.repository.ts';
import { insertYear } from '../../src/storage/year.repository.ts';

const root = new URL('../../', import.meta.url);
const read = (p: string) => readFileSync(new URL(p, root), 'utf8');

interface SeedReport {
  questions: { code: string; items: { distribution: number[] }[] }[];
  oit: { code: string; comment: string; score: number }[];
}
export const seedReport = JSON.parse(
  read('test/fixtures/seed/lamphun-2563-report.json'),
) as SeedReport;

export const PRV_RESPONDENTS = { IIT: 417, EIT: 217 };

export async function loadResultsFixture(services: Services, db: Db): Promise<void> {
  await services.agencies.importAgencies(
    SYSTEM_CLI,
    'lamphun-agencies.csv',
    read('src/demo/data/lamphun-agencies.csv'),
  );
  const fw = getFramework('ita-2563')!;
  await insertYear(db, 2563, fw.id);

  // 51-PRV: shares in hundredths of a percent are exact integer counts with the same ratios.
  const answers: Record<string, number[]> = {};
  for (const q of seedReport.questions)
    q.items.forEach(
      (it, i) => (answers[`${q.code}.${i + 1}`] = it.distribution.map((d) => Math.round(d * 100))),
    );
  const oit = Object.fromEntries(seedReport.oit.map((o) => [o.code, o.score]));
  const prv = scoreAgency(fw, { answers, respondents: PRV_RESPONDENTS, oit });
  const cards: { agencyCode: string; card: ScoreCard }[] = [{ agencyCode: '51-PRV', card: prv }];

  const past: Parameters<typeof upsertPastResults>[1] = [];
  for (const line of read('src/demo/data/lamphun-results-published.csv')
    .trim()
    .split('\n')
    .slice(1)) {
    const [code, year, overall] = line.split(',');
    const score = Number(overall);
    if (year === '2562')
      past.push({
        agencyCode: code!,
        fiscalYear: 2562,
        overall: score,
        iit: null,
        eit: null,
        oit: null,
        level: null,
      });
    else if (code !== '51-PRV') {
      const level = levelFor(fw, score);
      cards.push({
        agencyCode: code!,
        card: {
          ...prv,
          overall: score,
          level: level.code,
          passed: level.passes,
          respondents: { IIT: 30, EIT: 30 },
          indicators: Object.fromEntries(Object.keys(prv.indicators).map((k) => [k, score])),
        },
      });
    }
  }
  await upsertScoreCards(db, 2563, cards);
  await upsertPastResults(db, past);

  for (const tool of ['IIT', 'EIT'] as const) {
    const rows = answerColumns(fw, tool).map((col, i) => {
      const c = answers[col] ?? [];
      return {
        fiscal_year: 2563,
        agency_code: '51-PRV',
        tool,
        item: i + 1,
        c1: c[0] ?? 0,
        c2: c[1] ?? 0,
        c3: c[2] ?? 0,
        c4: c[3] ?? 0,
      };
    });
    await db.insertInto('answer_counts').values(rows).execute();
  }
  await db
    .insertInto('oit_entries')
    .values(
      seedReport.oit.map((o) => ({
        fiscal_year: 2563,
        agency_code: '51-PRV',
        item: o.code,
        version: 1,
        is_current: true,
        status: 'confirmed' as const,
        score: o.score,
        comment: o.comment || null,
        source: 'import' as const,
        changed_by: 'fixture',
        urls: [],
      })),
    )
    .execute();
  // Who answered (EIT): 12 people; never any answers by group.
  const people = Array.from({ length: 12 }, (_, i) => ({
    response_id: `fixture-${i}`,
    fiscal_year: 2563,
    agency_code: '51-PRV',
    tool: 'EIT' as const,
    answers: [],
    gender: i < 7 ? 'male' : 'female',
    age_band: i < 5 ? '20-30' : '31-40',
    education: 'bachelor',
    contact_type: 'individual',
    submitted_on: '2020-06-01',
  }));
  await db.insertInto('responses').values(people).execute();
}
