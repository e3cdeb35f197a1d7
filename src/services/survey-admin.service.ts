// The survey administration pages, one call per request: an agency's links page (its link,
// access codes, headcounts and anomalies), the actions on it, the below-target list and the
// calendar page, each resolving the year asked for and composing the survey-link, sample-target,
// calendar and reference services.
import type { Actor } from '../domain/actor.ts';
import { isNacc } from '../domain/access.ts';
import type { Refused } from '../domain/result.ts';
import type { CalendarService, SetPhaseInput } from './calendar.service.ts';
import type { ProgressSort, SampleTargetService } from './sample-target.service.ts';
import type { SurveyLinkService } from './survey-link.service.ts';
import { refusedWith } from './errors.ts';

export interface SurveyAdminDeps {
  links: SurveyLinkService;
  sampleTargets: SampleTargetService;
  calendar: CalendarService;
  reference: { provinces: () => Promise<string[]> };
}

export function createSurveyAdminService({
  links,
  sampleTargets,
  calendar,
  reference,
}: SurveyAdminDeps) {
  /** The year asked for after the manager's check (404/403 before the year is looked up). */
  async function managedYear(actor: Actor, asked: number | undefined, agencyCode: string) {
    await links.assertCanManage(actor, agencyCode);
    return links.yearOr(asked);
  }

  async function linksPage(actor: Actor, asked: number | undefined, agencyCode: string) {
    const year = await managedYear(actor, asked, agencyCode);
    const { agency, link, accessCodes } = await links.linkFor(actor, year, agencyCode);
    const { progress, anomalies } = await sampleTargets.forAgency(actor, year, agencyCode);
    return { year, agency, link, accessCodes, progress, anomalies };
  }
  type LinksPage = Awaited<ReturnType<typeof linksPage>>;

  async function belowTarget(
    actor: Actor,
    asked: number | undefined,
    q: { province: string; sort: ProgressSort },
  ) {
    const year = await links.yearOr(asked);
    // A province officer sees their own province unless they ask for another (and may see it).
    const own =
      actor.kind === 'user'
        ? (actor.grants.find((g) => g.role === 'province_officer')?.scope ?? '')
        : '';
    const province = isNacc(actor) ? q.province : q.province || own;
    const data = await sampleTargets.belowTarget(actor, year, {
      ...(province ? { province } : {}),
      sort: q.sort,
    });
    const provinces = isNacc(actor) ? await reference.provinces() : [own];
    return { year, province, sort: q.sort, provinces, ...data };
  }

  async function calendarPage(asked: number | undefined) {
    const year = await links.yearOr(asked);
    return { year, ...(await calendar.overview(year)) };
  }
  type CalendarPage = Awaited<ReturnType<typeof calendarPage>>;

  return {
    linksPage,

    /** A new link code for the year asked for; gives the year for the redirect. */
    async rotate(actor: Actor, asked: number | undefined, agencyCode: string): Promise<number> {
      const year = await managedYear(actor, asked, agencyCode);
      await links.rotate(actor, year, agencyCode);
      return year;
    },

    async setTargets(
      actor: Actor,
      asked: number | undefined,
      agencyCode: string,
      input: { iit: string; eit: string },
    ): Promise<{ ok: true; year: number } | Refused<LinksPage>> {
      const year = await managedYear(actor, asked, agencyCode);
      const r = await sampleTargets.setTargets(actor, year, agencyCode, input);
      if (!r.ok) return refusedWith(r.error, () => linksPage(actor, year, agencyCode));
      return { ok: true, year };
    },

    /** Issues codes (shown once, with the page) and sets single-use IIT on or off. */
    async issueAccessCodes(
      actor: Actor,
      asked: number | undefined,
      agencyCode: string,
      on: boolean,
      count: number,
    ): Promise<{ issued: string[]; page: LinksPage }> {
      const year = await managedYear(actor, asked, agencyCode);
      const issued = await links.setAccessCodes(actor, year, agencyCode, on, count);
      return { issued, page: await linksPage(actor, year, agencyCode) };
    },

    belowTarget,

    /** The below-target list as CSV, with its year for the file name. */
    async belowTargetCsv(
      actor: Actor,
      asked: number | undefined,
      q: { province: string; sort: ProgressSort },
    ) {
      const d = await belowTarget(actor, asked, q);
      return { year: d.year, csv: sampleTargets.toCsv(d.rows) };
    },

    calendarPage,

    async setPhase(
      actor: Actor,
      asked: number | undefined,
      input: Omit<SetPhaseInput, 'fiscalYear'>,
    ): Promise<{ ok: true; year: number } | Refused<CalendarPage>> {
      const year = await links.yearOr(asked);
      const r = await calendar.setPhase(actor, { ...input, fiscalYear: year });
      if (!r.ok) return refusedWith(r.error, () => calendarPage(year));
      return { ok: true, year };
    },
  };
}

export type SurveyAdminService = ReturnType<typeof createSurveyAdminService>;
