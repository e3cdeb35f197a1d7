// The demo's 2563 results, built the way real data is: one responses.csv row per respondent and
// the OIT reviews in oit.csv go through the NACC's imports (validated, stored, counted, the OIT
// confirmed), which leave every agency to recompute: the worker's round in demo-publication.ts
// makes the score cards, as the server's would. The answers come from demo-answers-2563.json
// (made once by build-demo-answers.ts), so every Lamphun agency gets its published 2563 score
// and level, and the province unit its published report, from the real scorer.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SYSTEM_CLI } from '../domain/actor.ts';
import { answerColumns, oitItemCodes } from '../domain/framework/helpers.ts';
import { RESPONSE_FIXED_COLUMNS } from '../domain/row-import.ts';
import type { Services } from '../services/container.ts';
import {
  DEMOGRAPHICS,
  OIT_HEADER,
  responsesHeader,
  seededRandom,
  seedOf,
} from './answer-generator.ts';
import {
  DEMO_ANSWERS_FILE,
  demoEitPopulation,
  respondentAnswers,
  type DemoAnswers,
} from './demo-answers.ts';

const dataDir = join(dirname(fileURLToPath(import.meta.url)), 'data');
const YEAR = 2563;

/** 2563's calendar as the seed's 2564 drive shows the NACC's year (all closed long ago). */
const CALENDAR_2563 = [
  ['oit-entry', '2020-03-01', '2020-04-30'],
  ['iit', '2020-04-01', '2020-05-31'],
  ['eit', '2020-04-01', '2020-05-31'],
  ['oit-review', '2020-05-01', '2020-06-30'],
  ['clarification', '2020-07-01', '2020-07-15'],
  ['confirmation', '2020-07-16', '2020-07-31'],
  ['publication', '2020-09-30', '2020-10-31'],
] as const;

/** One CSV line (RFC 4180: a field with a comma, quote or line break is quoted). */
const csvRow = (cells: string[]) =>
  cells.map((v) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v)).join(',');

export function readDemoAnswers(): DemoAnswers {
  return JSON.parse(readFileSync(join(dataDir, DEMO_ANSWERS_FILE), 'utf8')) as DemoAnswers;
}

/** The seed's auditor comments on the province unit's OIT items (answer, score, comment). */
function provinceUnitOit(): Map<string, string[]> {
  const rows = readFileSync(join(dataDir, 'lamphun-prv-2563-oit-comments.csv'), 'utf8')
    .trim()
    .split(/\r?\n/)
    .slice(1);
  const out = new Map<string, string[]>();
  for (const line of rows) {
    const [agencyCode, item, answer, score, ...comment] = line.split(',');
    const text = comment.join(',').replace(/^"|"$/g, '').replace(/""/g, '"');
    out.set(`${agencyCode}\t${item}`, [answer!, score!, text]);
  }
  return out;
}

export async function loadDemoResults(services: Services): Promise<void> {
  const data = readDemoAnswers();
  const year =
    (await services.years.find(YEAR)) ??
    (await services.years.create(SYSTEM_CLI, YEAR, data.frameworkId));
  const framework = year.framework;
  for (const [phase, opensOn, closesOn] of CALENDAR_2563)
    await services.calendar.setPhase(SYSTEM_CLI, { fiscalYear: YEAR, phase, opensOn, closesOn });
  const agencies = new Map(
    (await services.agencies.listAll({ province: 'ลำพูน' })).map((a) => [a.code, a]),
  );

  const header = responsesHeader(framework);
  // Each row is filled by position (the header's), not built as a record of its 80 cells.
  const at = new Map(header.map((h, i) => [h, i]));
  const placeOf = (names: readonly string[]) => names.map((n) => at.get(n)!);
  const fixedAt = placeOf(RESPONSE_FIXED_COLUMNS);
  const answersAt = {
    IIT: placeOf(answerColumns(framework, 'IIT')),
    EIT: placeOf(answerColumns(framework, 'EIT')),
  };
  const responses: string[] = [];
  const oit: string[][] = [];
  const comments = provinceUnitOit();
  const targets: { agencyCode: string; iit: string; eit: string }[] = [];
  for (const [code, answers] of Object.entries(data.agencies)) {
    const agency = agencies.get(code);
    if (!agency) continue;
    // The populations the minimum samples of 2563 were drawn from (the demo's respondents meet them).
    const staff = agency.staffCount ?? 0;
    targets.push({ agencyCode: code, iit: String(staff), eit: String(demoEitPopulation(staff)) });
    const rnd = seededRandom(seedOf(`demo-people:${code}`));
    const pick = (list: readonly string[]) => list[Math.floor(rnd() * list.length)]!;
    for (const tool of ['IIT', 'EIT'] as const) {
      for (const row of respondentAnswers(framework, code, tool, answers[tool])) {
        const line = new Array<string>(header.length).fill('');
        // In the header's order, which is also the order the seeded draws are made in.
        [
          // A fresh random id: never derived from a person.
          randomUUID(),
          code,
          tool,
          // A day in the survey window (1 April – 31 May 2020), never a time.
          new Date(Date.UTC(2020, 3, 1 + Math.floor(rnd() * 61))).toISOString().slice(0, 10),
          pick(DEMOGRAPHICS.gender),
          pick(DEMOGRAPHICS.age_band),
          pick(DEMOGRAPHICS.education),
          tool === 'EIT' ? pick(DEMOGRAPHICS.contact_type) : '',
        ].forEach((v, i) => (line[fixedAt[i]!] = v));
        answersAt[tool].forEach((i, k) => (line[i] = row[k]!));
        responses.push(csvRow(line));
      }
    }
    const site = (agency.website ?? 'https://demo.itas.local').replace(/\/$/, '');
    oitItemCodes(framework).forEach((item, i) => {
      const seed = comments.get(`${code}\t${item}`);
      const good = answers.oit[i] === '1';
      // Published items link to the agency's page; of the rest, some the agency says it lacks
      // and some it links to a page the auditor found incomplete.
      const lacks = !good && i % 2 === 0;
      const answer = seed?.[0] ?? (lacks ? 'has_not' : 'has');
      oit.push([
        code,
        item,
        answer,
        answer === 'has' ? `${site}/ita/${item.toLowerCase()}` : '',
        lacks ? 'อยู่ระหว่างจัดทำข้อมูล' : '',
        good ? '100' : '0',
        seed?.[2] ??
          (good ? '' : lacks ? 'ไม่พบข้อมูลตามองค์ประกอบที่กำหนด' : 'ข้อมูลไม่ครบถ้วนตามองค์ประกอบที่กำหนด'),
      ]);
    });
  }
  // Written here: csv-stringify took longer over these 5,600 rows than the import takes to read them.
  const csv = [csvRow(header), ...responses].join('\n');
  const set = await services.sampleTargets.setManyTargets(SYSTEM_CLI, YEAR, targets);
  if (!set.ok) throw new Error(`demo targets ${YEAR}: ${JSON.stringify(set.error)}`);
  await services.imports.importResponses(SYSTEM_CLI, YEAR, 'demo-responses-2563.csv', csv);
  await services.imports.importOit(
    SYSTEM_CLI,
    YEAR,
    'demo-oit-2563.csv',
    [OIT_HEADER, ...oit].map(csvRow).join('\n'),
  );
}
