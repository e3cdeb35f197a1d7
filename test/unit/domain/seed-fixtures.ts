// Loads the seed's published figures (test/fixtures/seed) for the framework and scoring tests.
import { readFileSync } from 'node:fs';
import {
  belowMinimum,
  type AgencyResult,
  type ScoreCard,
  type ScoreInput,
} from '../../../src/domain/scoring/index.ts';

const seedFile = (name: string) =>
  readFileSync(new URL(`../../fixtures/seed/${name}`, import.meta.url), 'utf8');

export interface ReportItem {
  text: string;
  distribution: number[];
  score: number;
  scale: string;
}
export interface LamphunReport {
  published: {
    overall: number;
    level: string;
    IIT: number;
    EIT: number;
    OIT: number;
    indicators: Record<string, number>;
  };
  questions: { code: string; text: string; score: number; items: ReportItem[] }[];
  oit: { code: string; text: string; comment: string; score: number }[];
}

export const lamphunReport = JSON.parse(seedFile('lamphun-2563-report.json')) as LamphunReport;

/** The report as scorer input: the published answer shares (%) used as counts. */
export function lamphunInput(): ScoreInput {
  const answers: Record<string, number[]> = {};
  for (const q of lamphunReport.questions) {
    q.items.forEach((item, i) => (answers[`${q.code}.${i + 1}`] = item.distribution));
  }
  return {
    answers,
    respondents: { IIT: 100, EIT: 100 },
    oit: Object.fromEntries(lamphunReport.oit.map((o) => [o.code, o.score])),
  };
}

export interface RankingRow {
  line: number;
  type: string;
  rank: number;
  province: string;
  district: string;
  agency: string;
  score2562: number | null;
  score2563: number;
  level: string;
  passed: boolean;
}

/** The 241 published ranking rows of rankings-2563.csv (no quoted fields in that file). */
export const rankingRows: RankingRow[] = seedFile('rankings-2563.csv')
  .trim()
  .split(/\r?\n/)
  .slice(1)
  .map((line, i) => {
    const [type, rank, province, district, agency, s2562, s2563, level, passed] = line.split(',');
    return {
      line: i + 2,
      type: type!,
      rank: Number(rank),
      province: province!,
      district: district!,
      agency: agency!,
      score2562: s2562 ? Number(s2562) : null,
      score2563: Number(s2563),
      level: level!,
      passed: passed === '1',
    };
  });

/** The roll-up row of a freshly computed score card (the read model makes these from SQL rows). */
export function toAgencyResult(
  agency: { agencyCode: string; type: string; province: string | null },
  card: ScoreCard,
): AgencyResult {
  return {
    ...agency,
    overall: card.overall,
    level: card.level,
    passed: card.passed,
    indicators: { ...card.indicators },
    respondents: { ...card.respondents },
    belowMinimum: belowMinimum(card.sample),
  };
}
