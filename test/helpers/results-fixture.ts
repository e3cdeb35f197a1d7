// A year of results for app.request() tests: Lamphun's 59 agencies, each scored by the scorer from
// the demo's 2563 answer counts (demo-answers-2563.json, which reproduce the published figures),
// 51-PRV with its seed OIT comments, 2562 as past results, and a few coarse demographics for "who
// answered". No score is written as a constant: every card is the scorer's.
import { readFileSync } from 'node:fs';
import { SYSTEM_CLI } from '../../src/domain/actor.ts';
import { demoScoreInput } from '../../src/demo/demo-answers.ts';
import { readDemoAnswers } from '../../src/demo/demo-results.ts';
import { answerColumns, getFramework } from '../../src/domain/framework/index.ts';
import { scoreAgency } from '../../src/domain/scoring/index.ts';
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

const demo = readDemoAnswers();
/** 51-PRV's respondents in the fixture (the demo's, a plausible 2563 sample). */
export const PRV_RESPONDENTS = {
  IIT: demo.agencies['51-PRV']!.IIT.respondents,
  EIT: demo.agencies['51-PRV']!.EIT.respondents,
};
/** 51-PRV's answer counts per IIT/EIT column, as stored in answer_counts. */
export const prvCounts = (tool: 'IIT' | 'EIT', column: string): number[] => {
  const fw = getFramework('ita-2563')!;
  return demo.agencies['51-PRV']![tool].counts[answerColumns(fw, tool).indexOf(column)] ?? [];
};

export async function loadResultsFixture(services: Services, db: Db): Promise<void> {
  await services.agencies.importAgencies(
    SYSTEM_CLI,
    'lamphun-agencies.csv',
    read('src/demo/data/lamphun-agencies.csv'),
  );
  const fw = getFramework('ita-2563')!;
  await insertYear(db, 2563, fw.id);

  const cards: { agencyCode: string; card: ScoreCard }[] = [];
  const counts: {
    fiscal_year: number;
    agency_code: string;
    tool: 'IIT' | 'EIT';
    item: number;
    c1: number;
    c2: number;
    c3: number;
    c4: number;
  }[] = [];
  for (const [code, answers] of Object.entries(demo.agencies)) {
    cards.push({ agencyCode: code, card: scoreAgency(fw, demoScoreInput(fw, answers)) });
    for (const tool of ['IIT', 'EIT'] as const)
      answers[tool].counts.forEach((c, i) =>
        counts.push({
          fiscal_year: 2563,
          agency_code: code,
          tool,
          item: i + 1,
          c1: c[0] ?? 0,
          c2: c[1] ?? 0,
          c3: c[2] ?? 0,
          c4: c[3] ?? 0,
        }),
      );
  }
  await upsertScoreCards(db, 2563, cards);
  await db.insertInto('answer_counts').values(counts).execute();

  const past: Parameters<typeof upsertPastResults>[1] = [];
  for (const line of read('src/demo/data/lamphun-results-published.csv')
    .trim()
    .split('\n')
    .slice(1)) {
    const [code, year, overall] = line.split(',');
    if (year === '2562')
      past.push({
        agencyCode: code!,
        fiscalYear: 2562,
        overall: Number(overall),
        iit: null,
        eit: null,
        oit: null,
        level: null,
      });
  }
  await upsertPastResults(db, past);

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
