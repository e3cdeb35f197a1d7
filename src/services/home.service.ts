// Each signed-in person's home ("งานของฉัน"): for every role they hold, the tasks waiting with
// their counts and the windows that bound them. One call composes what the page needs from the
// other services (access checks stay theirs) and the calendar.
import { isNacc } from '../domain/access.ts';
import type { Actor } from '../domain/actor.ts';
import { PHASES, phaseState, thaiDay, type Phase, type PhaseState } from '../domain/calendar.ts';
import type { OitStatus } from '../domain/oit/workflow.ts';
import type {
  AgencyHome,
  AuditorYear,
  HomeView,
  HomeYear,
  NaccHome,
  ProvinceHome,
} from '../domain/work-overview.ts';
import { findAgency, countAgencies } from '../storage/agency.repository.ts';
import { loadCalendar } from '../storage/calendar.repository.ts';
import { listAuditors, listOitProgress } from '../storage/oit-progress.repository.ts';
import { listYears } from '../storage/year.repository.ts';
import type { OitReviewService } from './oit-review.service.ts';
import type { ProvinceProgressService, LagReason } from './province-progress.service.ts';
import type { PublicationService } from './publication.service.ts';
import type { SampleTargetService } from './sample-target.service.ts';
import type { YearService } from './year.service.ts';
import type { ServiceContext } from './service-options.ts';

export type { AgencyHome, AuditorYear, HomeView, HomeYear, NaccHome, ProvinceHome };

export interface HomeDeps {
  years: YearService;
  oitReview: OitReviewService;
  sampleTargets: SampleTargetService;
  provinceProgress: ProvinceProgressService;
  publication: PublicationService;
}

export function createHomeService({
  db,
  clock,
  ...deps
}: Pick<ServiceContext, 'db' | 'clock'> & HomeDeps) {
  return {
    /** Everything the home page shows for this person, in one call. */
    async forActor(actor: Actor): Promise<HomeView> {
      const years: HomeYear[] = (await listYears(db))
        .map((y) => ({
          fiscalYear: y.fiscalYear,
          frameworkId: y.frameworkId,
          published: y.publishedAt !== null,
        }))
        .sort((a, b) => b.fiscalYear - a.fiscalYear);
      const view: HomeView = { years, nacc: null, auditor: null, agencies: [], provinces: [] };
      if (actor.kind !== 'user' || years.length === 0) return view;
      const today = thaiDay(clock());
      const newest = years[0]!.fiscalYear;
      // Work happens in the years not yet published (the newest two at most).
      const open = years.filter((y) => !y.published).slice(0, 2);
      const calendars = new Map<number, Awaited<ReturnType<typeof loadCalendar>>>();
      const calendarOf = async (y: number) => {
        if (!calendars.has(y)) calendars.set(y, await loadCalendar(db, y));
        return calendars.get(y)!;
      };
      const state = async (y: number, p: Phase, code: string | null) =>
        phaseState(await calendarOf(y), p, code, today);

      if (isNacc(actor)) view.nacc = await naccHome(actor, newest, state);

      const auditorCodes = actor.grants.flatMap((g) =>
        g.role === 'auditor' && g.scope ? [g.scope] : [],
      );
      if (auditorCodes.length) {
        view.auditor = [];
        for (const y of open) {
          const rows = await deps.oitReview.assigned(actor, y.fiscalYear);
          view.auditor.push({
            year: y.fiscalYear,
            review: await state(y.fiscalYear, 'oit-review', null),
            confirmation: await state(y.fiscalYear, 'confirmation', null),
            rows: await Promise.all(
              rows.map(async (r) => ({
                code: r.code,
                nameTh: r.nameTh,
                status: r.status,
                answered: r.answered,
                scored: r.scored,
                total: r.total,
                review: await state(y.fiscalYear, 'oit-review', r.code),
              })),
            ),
          });
        }
      }

      for (const g of actor.grants) {
        if (g.role !== 'agency_admin' || !g.scope) continue;
        const agency = await findAgency(db, g.scope);
        if (!agency) continue;
        const { progress } = await deps.sampleTargets.forAgency(actor, newest, agency.code);
        const oit = [];
        for (const y of open) {
          const total = (await deps.years.require(y.fiscalYear)).framework.oitItems.length;
          const [row] = await listOitProgress(db, y.fiscalYear, { codes: [agency.code] });
          oit.push({
            year: y.fiscalYear,
            status: row?.status ?? null,
            answered: row?.answered ?? 0,
            total,
            entry: await state(y.fiscalYear, 'oit-entry', agency.code),
          });
        }
        view.agencies.push({
          agency,
          year: newest,
          surveys: [
            {
              tool: 'IIT',
              progress: progress.IIT,
              window: await state(newest, 'iit', agency.code),
            },
            {
              tool: 'EIT',
              progress: progress.EIT,
              window: await state(newest, 'eit', agency.code),
            },
          ],
          oit,
          results: years.filter((y) => y.published).map((y) => y.fiscalYear),
        });
      }

      for (const g of actor.grants) {
        if (g.role !== 'province_officer' || !g.scope) continue;
        const rows = await deps.provinceProgress.board(actor, {
          province: g.scope,
          fiscalYear: newest,
        });
        const counts = new Map<LagReason, number>();
        for (const r of rows) for (const x of r.reasons) counts.set(x, (counts.get(x) ?? 0) + 1);
        view.provinces.push({
          province: g.scope,
          year: newest,
          agencies: rows.length,
          laggards: rows.filter((r) => r.reasons.length > 0).length,
          reasons: [...counts]
            .map(([reason, count]) => ({ reason, count }))
            .sort((a, b) => b.count - a.count),
        });
      }
      return view;
    },
  };

  async function naccHome(
    actor: Actor,
    year: number,
    state: (y: number, p: Phase, code: string | null) => Promise<PhaseState>,
  ): Promise<NaccHome> {
    const [agencies, auditors, progress, below, readiness] = [
      await countAgencies(db),
      await listAuditors(db),
      await listOitProgress(db, year, {}),
      await deps.sampleTargets.belowTarget(actor, year, {}),
      await deps.publication.readiness(actor, year),
    ];
    const assigned = new Set(auditors.flatMap((a) => a.agencies));
    const byStatus = new Map<OitStatus | null, number>();
    for (const r of progress) byStatus.set(r.status, (byStatus.get(r.status) ?? 0) + 1);
    return {
      year,
      calendar: await Promise.all(
        PHASES.map(async (phase) => ({ phase, state: await state(year, phase, null) })),
      ),
      agencies,
      unassigned: Math.max(0, agencies - assigned.size),
      auditors: auditors.length,
      oitByStatus: [...byStatus].map(([status, count]) => ({ status, count })),
      belowTarget: below.rows.length,
      readiness: {
        ready: readiness.ready,
        failing: readiness.items.filter((i) => !i.ok).map((i) => i.code),
      },
    };
  }
}

export type HomeService = ReturnType<typeof createHomeService>;
