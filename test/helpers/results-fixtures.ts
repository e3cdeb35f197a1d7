// A small assessment year for results tests: agencies, year 2563, and generated CSV files.
import { stringify } from 'csv-stringify/sync';
import { SYSTEM_CLI } from '../../src/domain/actor.ts';
import { getFramework } from '../../src/domain/framework/registry.ts';
import {
  OIT_HEADER,
  generateOitRows,
  generateResponseRows,
  responsesHeader,
} from '../../src/demo/answer-generator.ts';
import type { Services } from '../../src/services/container.ts';

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
