// A small assessment year for results tests: agencies, year 2563, generated CSV files, and
// seeded stored responses with the counts they make.
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { stringify } from 'csv-stringify/sync';
import { SYSTEM_CLI } from '../../src/domain/actor.ts';
import { getFramework } from '../../src/domain/framework/registry.ts';
import {
  OIT_HEADER,
  generateOitRows,
  generateResponseRows,
  responsesHeader,
} from '../../src/demo/answer-generator.ts';
import { createServices, type Services } from '../../src/services/container.ts';
import type { ServiceOptions } from '../../src/services/service-options.ts';
import type { Db } from '../../src/storage/database.ts';
import type { ResponseRow } from '../../src/storage/response.repository.ts';
import { createTestDb, type TestDb } from './db.ts';

export const framework = getFramework('ita-2563')!;

export const AGENCIES = [
  ['T-PRV', 'จังหวัดทดสอบ', 'province', 'ลำพูน', '300'],
  ['T-PAO', 'อบจ.ทดสอบ', 'pao', 'ลำพูน', '120'],
  ['T-SAO1', 'อบต.หนึ่ง', 'sao', 'ลำพูน', '40'],
  ['T-SAO2', 'อบต.สอง', 'sao', 'เชียงใหม่', '35'],
  ['T-SAO3', 'อบต.สาม', 'sao', 'เชียงใหม่', '25'],
] as const;

export const TARGETS: Record<string, number> = {
  'T-PRV': 90,
  'T-PAO': 70,
  'T-SAO1': 80,
  'T-SAO2': 80,
  'T-SAO3': 60,
};

export async function setUpYear(s: Services): Promise<void> {
  const csv =
    'code,name_th,type,province,staff_count\n' + AGENCIES.map((a) => a.join(',')).join('\n');
  await s.agencies.importAgencies(SYSTEM_CLI, 'agencies.csv', csv);
  await s.years.create(SYSTEM_CLI, 2563, 'ita-2563');
}

/** A fresh test database with this year set up (setUpYear), and the services over it. */
export async function createYearDb(
  options: ServiceOptions = {},
): Promise<{ t: TestDb; s: Services }> {
  const t = await createTestDb();
  const s = createServices(t.db, options);
  await setUpYear(s);
  return { t, s };
}

export function responsesCsv(codes: string[], n = 12): string {
  const rows = codes.flatMap((agencyCode) => [
    ...generateResponseRows(framework, {
      agencyCode,
      target: TARGETS[agencyCode] ?? 75,
      iit: n,
      eit: n,
      day: '2020-06-01',
    }),
  ]);
  return stringify([responsesHeader(framework), ...rows]);
}

export function oitCsv(codes: string[]): string {
  const rows = codes.flatMap((c) =>
    generateOitRows(framework, c, TARGETS[c] ?? 75, `https://${c.toLowerCase()}.example`),
  );
  return stringify([OIT_HEADER, ...rows]);
}

/**
 * Makes stored 2563 responses from a seed (the same seed, the same answers): each of a random
 * tool and agency, a fifth of its answers blank, no demographics. Each call continues the sequence.
 */
export function seededResponseRows(seed: number) {
  let state = seed;
  const rnd = () => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  return (n: number, agencies: readonly string[]): ResponseRow[] =>
    Array.from({ length: n }, () => {
      const tool = rnd() < 0.5 ? ('IIT' as const) : ('EIT' as const);
      return {
        responseId: randomUUID(),
        fiscalYear: 2563,
        agencyCode: agencies[Math.floor(rnd() * agencies.length)]!,
        tool,
        answers: Array.from({ length: tool === 'IIT' ? 30 : 12 }, () =>
          rnd() < 0.2 ? null : 1 + Math.floor(rnd() * 4),
        ),
        gender: null,
        ageBand: null,
        education: null,
        contactType: null,
        submittedOn: null,
      };
    });
}

/** The stored counts of 2563 (answer counts, respondent counts), in a fixed order to compare. */
export async function storedCounts2563(db: Db) {
  return {
    answers: (
      await sql<{
        agency_code: string;
        tool: string;
        item: number;
        c1: number;
        c2: number;
        c3: number;
        c4: number;
      }>`select agency_code, tool, item, c1, c2, c3, c4 from answer_counts
        where fiscal_year = 2563 order by 1, 2, 3`.execute(db)
    ).rows,
    respondents: (
      await sql<{ agency_code: string; tool: string; n: number }>`
        select agency_code, tool, n from respondent_counts
        where fiscal_year = 2563 order by 1, 2`.execute(db)
    ).rows,
  };
}
