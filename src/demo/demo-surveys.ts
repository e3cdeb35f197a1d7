// The demo's surveys: the current fiscal year (or a newer one present) gets IIT and EIT windows
// open today, links for every agency, and headcounts/populations.
import { SYSTEM_CLI } from '../domain/actor.ts';
import { thaiDay } from '../domain/calendar.ts';
import { frameworkForYear } from '../domain/framework/registry.ts';
import type { Services } from '../services/container.ts';

function shift(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** The Thai fiscal year (BE) of a day: it starts on 1 October. */
export function fiscalYearOf(day: string): number {
  const [y, m] = day.split('-').map(Number);
  return (y ?? 0) + 543 + ((m ?? 0) >= 10 ? 1 : 0);
}

export async function loadDemoSurveys(
  services: Services,
  now: Date = services.clock(),
): Promise<number> {
  const today = thaiDay(now);
  // The current fiscal year, unless a newer one is there already; the demo's past years (2563,
  // 2564, loaded before this step) are never the one whose surveys open.
  const year = Math.max(fiscalYearOf(today), (await services.calendar.latestYear()) ?? 0);
  if (!(await services.years.find(year))) {
    const framework = frameworkForYear(year);
    if (!framework) return year;
    await services.years.create(SYSTEM_CLI, year, framework.id);
  }
  const windows = {
    'oit-entry': [-30, 30],
    iit: [-14, 30],
    eit: [-14, 30],
    'oit-review': [31, 60],
    publication: [90, 90],
  } as const;
  for (const [phase, [from, to]] of Object.entries(windows))
    await services.calendar.setPhase(SYSTEM_CLI, {
      fiscalYear: year,
      phase,
      opensOn: shift(today, from),
      closesOn: shift(today, to),
    });
  await services.surveyLinks.ensureAll(SYSTEM_CLI, year);
  // Every agency's figures in one call, as the NACC would fill in the register's headcounts.
  const targets = await services.sampleTargets.setManyTargets(
    SYSTEM_CLI,
    year,
    (await services.agencies.listAll({})).map((a) => {
      const staff = a.staffCount ?? 50;
      return { agencyCode: a.code, iit: String(staff), eit: String(staff * 12) };
    }),
  );
  if (!targets.ok) throw new Error(`demo targets: ${JSON.stringify(targets.error)}`);
  return year;
}
