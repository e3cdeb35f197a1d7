// A survey year for tests: the Lamphun agencies, year 2569 on ita-2563, IIT/EIT open today,
// links for every agency, and a cookie-keeping client for walking the respondent's path.
import { readFileSync } from 'node:fs';
import { SYSTEM_CLI } from '../../src/domain/actor.ts';
import { thaiDay } from '../../src/domain/calendar.ts';
import { getFramework } from '../../src/domain/framework/registry.ts';
import { answerColumns } from '../../src/domain/framework/helpers.ts';
import { subItemOf } from '../../src/domain/framework/helpers.ts';
import type { Services } from '../../src/services/container.ts';
import type { ServiceOptions } from '../../src/services/service-options.ts';
import type { Db } from '../../src/storage/database.ts';
import { createTestApp, type TestApp } from './app.ts';

export const YEAR = 2569;

function shift(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

export async function openSurveyYear(services: Services): Promise<void> {
  await services.agencies.importAgencies(
    SYSTEM_CLI,
    'lamphun-agencies.csv',
    readFileSync('src/demo/data/lamphun-agencies.csv', 'utf8'),
  );
  await services.years.create(SYSTEM_CLI, YEAR, 'ita-2563');
  for (const phase of ['iit', 'eit'] as const) await setSurveyWindow(services, phase, 'open');
  await services.surveyLinks.ensureAll(SYSTEM_CLI, YEAR);
}

/** A test app with the survey year open and the survey link code of one agency (51-PRV unless named). */
export async function openSurveyApp(
  options: ServiceOptions = {},
  agencyCode = '51-PRV',
): Promise<{ t: TestApp; code: string }> {
  const t = await createTestApp(options);
  await openSurveyYear(t.services);
  return { t, code: await linkCode(t.services, agencyCode) };
}

/** Opens a survey for every agency (from 10 days ago to 20 days ahead) or shuts it (in 2020). */
export async function setSurveyWindow(
  services: Services,
  phase: 'iit' | 'eit',
  to: 'open' | 'shut',
): Promise<void> {
  const today = thaiDay(new Date());
  await services.calendar.setPhase(SYSTEM_CLI, {
    fiscalYear: YEAR,
    phase,
    opensOn: to === 'open' ? shift(today, -10) : '2020-01-01',
    closesOn: to === 'open' ? shift(today, 20) : '2020-01-31',
  });
}

export async function linkCode(services: Services, agencyCode: string): Promise<string> {
  const links = await services.surveyLinks.list(SYSTEM_CLI, YEAR);
  return links.find((l) => l.agencyCode === agencyCode)!.code;
}

/** A full, valid answer set for a tool ('3' for four-level items, 'N' for yes/no). */
export function fullAnswers(tool: 'IIT' | 'EIT', pick = (i: number) => String((i % 4) + 1)) {
  const f = getFramework('ita-2563')!;
  const answers: Record<string, string> = {};
  answerColumns(f, tool).forEach((col, i) => {
    const scale = subItemOf(f, col)!.item.scale;
    answers[col] = scale === 'yes_good' || scale === 'no_good' ? (i % 2 ? 'Y' : 'N') : pick(i);
  });
  return answers;
}

/** The answers on IIT's question page `page` (1–5, six questions a page) of a full answer set. */
export function iitPageAnswers(answers: Record<string, string>, page: number) {
  const keys = Object.keys(answers).filter((k) => {
    const n = Number(k.slice(1, k.indexOf('.')));
    return n > (page - 1) * 6 && n <= page * 6;
  });
  return Object.fromEntries(keys.map((k) => [k, answers[k]!]));
}

export function demographicsFor(tool: 'IIT' | 'EIT'): Record<string, string> {
  const f = getFramework('ita-2563')!;
  return Object.fromEntries(f.demographics[tool].map((d) => [d.code, d.options[0]!.value]));
}

/** The exact number of stored responses (the agency's page shows it only in coarse steps). */
export async function respondentCount(db: Db, agencyCode: string, tool: 'IIT' | 'EIT') {
  const r = await db
    .selectFrom('responses')
    .select((s) => s.fn.countAll<number>().as('n'))
    .where('fiscal_year', '=', YEAR)
    .where('agency_code', '=', agencyCode)
    .where('tool', '=', tool)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** The live count the agency's own survey page shows. */
export async function shownCount(services: Services, agencyCode: string, tool: 'IIT' | 'EIT') {
  const r = await services.sampleTargets.forAgency(SYSTEM_CLI, YEAR, agencyCode);
  return r.progress[tool].count;
}

/** app.request() with a cookie jar, like a browser without JavaScript. */
export function browserFor(app: {
  request: (path: string, init?: RequestInit) => Response | Promise<Response>;
}) {
  const jar = new Map<string, string>();
  const cookieHeader = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
  async function send(path: string, init: RequestInit = {}): Promise<Response> {
    const res = await app.request(path, {
      ...init,
      headers: { ...(init.headers as Record<string, string>), cookie: cookieHeader() },
    });
    for (const sc of res.headers.getSetCookie()) {
      const [pair] = sc.split(';');
      const eq = pair!.indexOf('=');
      const name = pair!.slice(0, eq);
      const value = pair!.slice(eq + 1);
      if (/max-age=0/i.test(sc) || value === '') jar.delete(name);
      else jar.set(name, value);
    }
    return res;
  }
  return {
    jar,
    get: (path: string) => send(path),
    async post(path: string, fields: Record<string, string>) {
      if (!jar.has('itas_csrf')) await send('/');
      const body = new URLSearchParams({ ...fields, _csrf: jar.get('itas_csrf')! }).toString();
      return send(path, {
        method: 'POST',
        body,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      });
    },
  };
}
