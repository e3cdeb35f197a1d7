// Sample targets: the agency enters its eligible headcount (IIT) and service population (EIT);
// the year's rule gives the minimum; agencies, provinces and the NACC follow live counts.
import { csvText } from '../exports/csv.ts';
import type { Actor } from '../domain/actor.ts';
import {
  canActForProvince,
  canManageAgency,
  canReadAgencyPrivate,
  isNacc,
} from '../domain/access.ts';
import { daysLeft, phaseState, thaiDay } from '../domain/calendar.ts';
import { agencyMinimum } from '../domain/framework/helpers.ts';
import { resolveFramework } from './framework-resolver.ts';
import { bare, problem, type Problem } from '../domain/problem.ts';
import { err, ok, type Result } from '../domain/result.ts';
import type { ToolProgress } from '../domain/work-overview.ts';
import {
  coarseCount,
  minimumShownReachedAt,
  shownAnomalyOccurrences,
} from '../domain/small-numbers.ts';
import { compareThai } from '../i18n/format.ts';
import { findAgenciesByCode, findAgency, loadAgencyGroups } from '../storage/agency.repository.ts';
import { loadCalendar } from '../storage/calendar.repository.ts';
import { findYear } from '../storage/year.repository.ts';
import { listAnomalies, type AnomalyRow } from '../storage/survey-guard.repository.ts';
import { listProgress, putTargets, type ProgressRow } from '../storage/survey-link.repository.ts';
import { markAgencies } from '../storage/recompute-mark.repository.ts';
import { agenciesWithScoreCards } from '../storage/score-card.repository.ts';
import { recordAudits } from './audit.service.ts';
import { Refusal } from './errors.ts';
import type { ServiceConfig, ServiceContext } from './service-options.ts';

export type { ToolProgress };

export interface AgencyProgress {
  agencyCode: string;
  nameTh: string;
  province: string | null;
  IIT: ToolProgress;
  EIT: ToolProgress;
}

export const PROGRESS_SORTS = ['name', 'iit_gap', 'eit_gap', 'iit_share', 'eit_share'] as const;
export type ProgressSort = (typeof PROGRESS_SORTS)[number];

const MAX_POPULATION = 10_000_000;

export function createSampleTargetService({
  db,
  clock,
  config,
}: Pick<ServiceContext, 'db' | 'clock'> & {
  /** surveyLimits.burstThreshold: how many answers one "network_burst" flag stands for. */
  config: { surveyLimits: Pick<ServiceConfig['surveyLimits'], 'burstThreshold'> };
}) {
  const limits = config.surveyLimits;
  /**
   * Anomaly flags concerning fewer answers than the year's threshold are not shown; the others
   * move in coarse steps (small-numbers.ts).
   */
  async function shownAnomalies(fiscalYear: number, rows: AnomalyRow[]): Promise<AnomalyRow[]> {
    const min = (await frameworkOf(fiscalYear)).minRespondentsShown;
    return rows.flatMap((a) => {
      const n = shownAnomalyOccurrences(a.kind, a.occurrences, min, limits.burstThreshold);
      return n === null ? [] : [{ ...a, occurrences: n }];
    });
  }

  async function frameworkOf(fiscalYear: number) {
    const id = (await findYear(db, fiscalYear))?.frameworkId;
    const f = id ? await resolveFramework(db, id) : undefined;
    if (!f) throw new Refusal(404, problem('', 'fiscal_year_not_open', { year: fiscalYear }));
    return f;
  }

  async function progress(fiscalYear: number, rows: ProgressRow[]): Promise<AgencyProgress[]> {
    const framework = await frameworkOf(fiscalYear);
    const calendar = await loadCalendar(db, fiscalYear);
    const groups = await loadAgencyGroups(
      db,
      fiscalYear,
      rows.map((r) => r.agencyCode),
    );
    const today = thaiDay(clock());
    return rows.map((r) => {
      const tool = (t: 'IIT' | 'EIT'): ToolProgress => {
        const population = t === 'IIT' ? r.iitPopulation : r.eitPopulation;
        const exact = t === 'IIT' ? r.iitCount : r.eitCount;
        // The group's fixed minimum where the year's framework gives one, else the share rule.
        const minimum = agencyMinimum(framework, t, population, groups.get(r.agencyCode));
        const state = phaseState(calendar, t === 'IIT' ? 'iit' : 'eit', r.agencyCode, today);
        const step = framework.minRespondentsShown;
        return {
          population,
          minimum,
          // Rounded down: the agency (and its province) see every tenth answer arrive, never
          // one. "Below target" changes only when that count moves (the minimum rounded up to
          // a step, at most the population), so it reveals no single answer either.
          count: coarseCount(exact, step),
          countStep: step,
          daysLeft: daysLeft(state, today),
          window: state,
          below: minimum === null || exact < minimumShownReachedAt(minimum, step, population),
        };
      };
      return {
        agencyCode: r.agencyCode,
        nameTh: r.nameTh,
        province: r.province,
        IIT: tool('IIT'),
        EIT: tool('EIT'),
      };
    });
  }

  /**
   * Targets of many agencies at once (the NACC or a province filling in its agencies' figures):
   * each agency checked as on its own form, then all or nothing: a refused agency (403/404)
   * or any unreadable figure writes none. One transaction, one audit entry per agency.
   */
  async function setManyTargets(
    actor: Actor,
    fiscalYear: number,
    inputs: readonly { agencyCode: string; iit: string; eit: string }[],
  ): Promise<
    Result<{ iit: number; eit: number }[], { agencyCode: string; problems: Problem[] }[]>
  > {
    const agencies = await findAgenciesByCode(
      db,
      inputs.map((i) => i.agencyCode),
    );
    for (const { agencyCode } of inputs) {
      const agency = agencies.get(agencyCode);
      if (!agency) throw new Refusal(404, problem('', 'agency_unknown', { code: agencyCode }));
      if (!canManageAgency(actor, agency)) throw new Refusal(403, bare('', 'targets_forbidden'));
    }
    await frameworkOf(fiscalYear);
    const refused: { agencyCode: string; problems: Problem[] }[] = [];
    const rows = inputs.map(({ agencyCode, ...input }) => {
      const problems: Problem[] = [];
      const parse = (raw: string, tool: 'IIT' | 'EIT') => {
        const t = raw.trim().replace(/,/g, '');
        const n = Number(t);
        if (t === '' || !Number.isInteger(n) || n < 0 || n > MAX_POPULATION) {
          problems.push(
            problem(`${tool.toLowerCase()}_population`, 'population_invalid', { tool }),
          );
          return 0;
        }
        return n;
      };
      const row = {
        agencyCode,
        iitPopulation: parse(input.iit, 'IIT'),
        eitPopulation: parse(input.eit, 'EIT'),
      };
      if (problems.length > 0) refused.push({ agencyCode, problems });
      return row;
    });
    if (refused.length > 0) return err(refused);
    // An agency named twice keeps its last figures, as two forms in a row would leave them.
    const last = [...new Map(rows.map((r) => [r.agencyCode, r])).values()];
    await db.transaction().execute(async (tx) => {
      await putTargets(tx, fiscalYear, last);
      // A card keeps its minimum sample: have the worker recompute a card already made.
      const carded = await agenciesWithScoreCards(
        tx,
        fiscalYear,
        last.map((r) => r.agencyCode),
      );
      await markAgencies(
        tx,
        [...carded].map((agencyCode) => ({ fiscalYear, agencyCode })),
      );
      await recordAudits(
        tx,
        rows.map((r) => ({
          actor,
          action: 'survey_target.set',
          recordType: 'survey_target',
          recordId: `${fiscalYear}/${r.agencyCode}`,
          after: { iitPopulation: r.iitPopulation, eitPopulation: r.eitPopulation },
        })),
      );
    });
    return ok(rows.map((r) => ({ iit: r.iitPopulation, eit: r.eitPopulation })));
  }

  return {
    /** One agency's headcount and service population (the agency's form). */
    async setTargets(
      actor: Actor,
      fiscalYear: number,
      agencyCode: string,
      input: { iit: string; eit: string },
    ): Promise<Result<{ iit: number; eit: number }, Problem[]>> {
      const r = await setManyTargets(actor, fiscalYear, [{ agencyCode, ...input }]);
      return r.ok ? ok(r.value[0]!) : err(r.error[0]!.problems);
    },

    setManyTargets,

    /** One agency's live counts against its minimums, and its anomaly flags. */
    async forAgency(
      actor: Actor,
      fiscalYear: number,
      agencyCode: string,
    ): Promise<{ progress: AgencyProgress; anomalies: AnomalyRow[] }> {
      const agency = await findAgency(db, agencyCode);
      if (!agency) throw new Refusal(404, problem('', 'agency_unknown', { code: agencyCode }));
      if (!canReadAgencyPrivate(actor, agency))
        throw new Refusal(403, bare('', 'agency_private_forbidden'));
      const [p] = await progress(fiscalYear, await listProgress(db, fiscalYear, { agencyCode }));
      return {
        progress: p!,
        anomalies: await shownAnomalies(
          fiscalYear,
          await listAnomalies(db, fiscalYear, [agencyCode]),
        ),
      };
    },

    /** Agencies below target (all, or one province's) with anomaly flags, sorted as asked. */
    async belowTarget(
      actor: Actor,
      fiscalYear: number,
      opts: { province?: string; sort?: ProgressSort; all?: boolean },
    ): Promise<{ rows: AgencyProgress[]; anomalies: AnomalyRow[] }> {
      if (opts.province ? !canActForProvince(actor, opts.province) : !isNacc(actor))
        throw new Refusal(403, bare('', 'province_progress_forbidden'));
      const rows = await progress(
        fiscalYear,
        await listProgress(db, fiscalYear, opts.province ? { province: opts.province } : {}),
      );
      const shown = opts.all ? rows : rows.filter((r) => r.IIT.below || r.EIT.below);
      // Sorted by the shown (coarse) counts: an order by exact counts would reveal them.
      const gap = (t: ToolProgress) => (t.minimum ?? Number.MAX_SAFE_INTEGER) - t.count;
      const share = (t: ToolProgress) => (t.minimum ? t.count / t.minimum : -1);
      const sort = opts.sort ?? 'name';
      shown.sort((a, b) => {
        const d =
          sort === 'iit_gap'
            ? gap(b.IIT) - gap(a.IIT)
            : sort === 'eit_gap'
              ? gap(b.EIT) - gap(a.EIT)
              : sort === 'iit_share'
                ? share(a.IIT) - share(b.IIT)
                : sort === 'eit_share'
                  ? share(a.EIT) - share(b.EIT)
                  : 0;
        return d || compareThai(a.nameTh, b.nameTh) || a.agencyCode.localeCompare(b.agencyCode);
      });
      const anomalies = await shownAnomalies(
        fiscalYear,
        await listAnomalies(
          db,
          fiscalYear,
          opts.province ? rows.map((r) => r.agencyCode) : undefined,
        ),
      );
      return { rows: shown, anomalies };
    },

    /** The same list as CSV with a BOM, for spreadsheets. */
    toCsv(rows: AgencyProgress[]): string {
      const head = [
        'agency_code',
        'name_th',
        'province',
        'iit_population',
        'iit_minimum',
        'iit_count',
        'iit_days_left',
        'eit_population',
        'eit_minimum',
        'eit_count',
        'eit_days_left',
      ];
      const body = rows.map((r) => [
        r.agencyCode,
        r.nameTh,
        r.province ?? '',
        r.IIT.population ?? '',
        r.IIT.minimum ?? '',
        r.IIT.count,
        r.IIT.daysLeft,
        r.EIT.population ?? '',
        r.EIT.minimum ?? '',
        r.EIT.count,
        r.EIT.daysLeft,
      ]);
      return csvText([head, ...body]);
    },
  };
}

export type SampleTargetService = ReturnType<typeof createSampleTargetService>;
