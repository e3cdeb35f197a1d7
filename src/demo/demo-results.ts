// The demo's 2563 results: generated answers and OIT reviews for Lamphun's 59 agencies (seeded,
// sample sizes by the minimum-sample rule, landing near each agency's published 2563 score),
// then every score card computed. Agencies that already hold data (the province unit's published
// item results) are left as they are.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stringify } from 'csv-stringify/sync';
import { SYSTEM_CLI } from '../domain/actor.ts';
import { minimumSample } from '../domain/framework/helpers.ts';
import type { Services } from '../services/container.ts';
import {
  OIT_HEADER,
  generateOitRows,
  generateResponseRows,
  responsesHeader,
} from './answer-generator.ts';

const dataDir = join(dirname(fileURLToPath(import.meta.url)), 'data');
const YEAR = 2563;

/** Published 2563 overall scores by agency code, from the seed's announcement. */
function publishedScores(): Map<string, number> {
  const lines = readFileSync(join(dataDir, 'lamphun-results-published.csv'), 'utf8')
    .trim()
    .split('\n')
    .slice(1);
  const out = new Map<string, number>();
  for (const line of lines) {
    const [code, year, overall] = line.split(',');
    if (Number(year) === YEAR && code) out.set(code, Number(overall));
  }
  return out;
}

export async function loadDemoResults(services: Services): Promise<{ cards: number }> {
  const year =
    (await services.years.find(YEAR)) ??
    (await services.years.create(SYSTEM_CLI, YEAR, 'ita-2563'));
  const framework = year.framework;
  const published = publishedScores();
  const present = new Set(await services.results.agenciesWithData(YEAR));
  const agencies = (await services.agencies.listAll({ province: 'ลำพูน' })).filter(
    (a) => !present.has(a.code),
  );
  const responses: string[][] = [];
  const oit: string[][] = [];
  for (const a of agencies) {
    const target = published.get(a.code) ?? 75;
    const staff = a.staffCount ?? 40;
    responses.push(
      ...generateResponseRows(framework, {
        agencyCode: a.code,
        target,
        iit: Math.max(1, minimumSample(framework, 'IIT', staff)),
        // The public an agency serves is larger than its staff: a few times the headcount.
        eit: Math.max(30, minimumSample(framework, 'EIT', staff * 4)),
        day: '2020-05-15',
      }),
    );
    oit.push(...generateOitRows(framework, a.code, target, a.website ?? 'https://demo.itas.local'));
  }
  if (responses.length) {
    await services.imports.importResponses(
      SYSTEM_CLI,
      YEAR,
      'demo-responses-2563.csv',
      stringify([responsesHeader(framework), ...responses]),
    );
    await services.imports.importOit(
      SYSTEM_CLI,
      YEAR,
      'demo-oit-2563.csv',
      stringify([OIT_HEADER, ...oit]),
    );
  }
  const r = await services.results.computeYear(YEAR);
  return { cards: r.agencies };
}
