// Use cases over the whole drive: the progress board and its CSV exports, and the plan to pass
// (the pure planner over last year's item-level results).
import { csvText } from '../exports/csv.ts';
import type { Actor } from '../domain/actor.ts';
import type { Agency } from '../domain/agency.ts';
import { agencyMinimum, answerColumns, oitItemCodes } from '../domain/framework/helpers.ts';
import { loadAgencyGroups } from '../storage/agency.repository.ts';
import { coarseCount, minimumShownReachedAt } from '../domain/small-numbers.ts';
import { publishedDigitsOrNull } from '../domain/scoring/rounding.ts';
import { frameworkForYear } from '../domain/framework/registry.ts';
import { resolveFramework } from './framework-resolver.ts';
import type { Framework } from '../domain/framework/schema.ts';
import {
  planAgency,
  projectProvince,
  rankProvinceActions,
  type AgencyPlan,
} from '../domain/improvement-plan.ts';
import { COORDINATORS_NEEDED, type LagReason, type ProgressRow } from '../domain/province-drive.ts';

export type { LagReason, ProgressRow };
import type { ScoreInput } from '../domain/scoring/types.ts';
import { messagesFor } from '../i18n/messages.ts';
import type { Db } from '../storage/database.ts';
import * as drive from '../storage/province-drive.repository.ts';
import * as progress from '../storage/province-progress.repository.ts';
import { findYear } from '../storage/year.repository.ts';
import type { ProvinceDriveService, Workspace } from './province-drive.service.ts';
import type { ResultsService } from './results.service.ts';
import type { YearResult } from '../storage/year-results.repository.ts';
import { loadPublishedItemResults, type PublishedItemResults } from './published-item-results.ts';
import type { ServiceContext } from './service-options.ts';

export interface ProgressDeps {
  drive: ProvinceDriveService;
  /** Results (score cards, else imported published results) come from the one read model. */
  results: Pick<ResultsService, 'publishedYearResults'>;
}

/** The year's own framework, shipped or imported; a year never created: the shipped one of its number. */
const frameworkFor = async (
  db: Db,
  id: string | undefined,
  year: number,
): Promise<Framework | undefined> =>
  (id ? await resolveFramework(db, id) : undefined) ?? frameworkForYear(year);

/** Builds the scorer's input from stored item-level results (counts trimmed to the scale). */
export function scoreInputFrom(
  framework: Framework,
  r: {
    counts: { tool: 'IIT' | 'EIT'; item: number; c: number[] }[];
    respondents: { IIT: number; EIT: number };
    oit: Record<string, number>;
  },
): ScoreInput {
  const answers: Record<string, number[]> = {};
  const columns = { IIT: answerColumns(framework, 'IIT'), EIT: answerColumns(framework, 'EIT') };
  const twoWay = new Set(
    framework.questions.flatMap((q) =>
      q.items
        .filter((i) => i.scale === 'yes_good' || i.scale === 'no_good')
        .map((i) => `${q.code}.${i.n}`),
    ),
  );
  for (const c of r.counts) {
    const key = columns[c.tool][c.item - 1];
    if (key) answers[key] = twoWay.has(key) ? c.c.slice(0, 2) : c.c;
  }
  return { answers, respondents: r.respondents, oit: r.oit };
}

export function createProvinceProgressService({
  db,
  ...deps
}: Pick<ServiceContext, 'db'> & ProgressDeps) {
  async function board(actor: Actor, w: Workspace): Promise<ProgressRow[]> {
    await deps.drive.checkRead(actor, w);
    const agencies = await deps.drive.agenciesOf(w.province);
    const codes = agencies.map((a) => a.code);
    const year = await findYear(db, w.fiscalYear);
    const fw = await frameworkFor(db, year?.frameworkId, w.fiscalYear);
    const [coords, mous, facts, last, current] = await Promise.all([
      drive.findCoordinators(db, w.fiscalYear, codes),
      drive.findMous(db, w.province, w.fiscalYear),
      progress.loadProgressFacts(db, w.fiscalYear, codes),
      deps.results.publishedYearResults(w.fiscalYear - 1),
      year?.publishedAt ? deps.results.publishedYearResults(w.fiscalYear) : Promise.resolve([]),
    ]);
    const oitTotal = fw ? oitItemCodes(fw).length : 0;
    const groups = await loadAgencyGroups(db, w.fiscalYear, codes);
    return agencies.map((agency) => {
      const mou = mous.find((m) => m.agencyCode === agency.code);
      const resp = facts.respondents.get(agency.code) ?? { IIT: 0, EIT: 0 };
      const pop = facts.populations.get(agency.code);
      const iitPop = pop?.iit ?? agency.staffCount;
      const group = groups.get(agency.code);
      const iitMin = fw ? agencyMinimum(fw, 'IIT', iitPop, group) : null;
      // Without a stated EIT population (and no group minimum) the floor of the sample rule
      // applies (30 in 2563).
      const eitMin = fw ? (agencyMinimum(fw, 'EIT', pop?.eit, group) ?? fw.sampleRule.floor) : null;
      // Small numbers: the province sees counts in the framework's coarse steps, and an agency
      // as below its minimum until the coarse count reaches it (small-numbers.ts).
      const step = fw?.minRespondentsShown ?? 1;
      const reached = (n: number, min: number | null, pop: number | null) =>
        min === null || n >= minimumShownReachedAt(min, step, pop);
      const row: ProgressRow = {
        agency,
        coordinators: coords.filter((c) => c.agencyCode === agency.code).length,
        mouApplies: agency.type !== 'province',
        mouSigned: Boolean(mou?.signedOn),
        mouPublished: Boolean(mou?.signedOn && mou.publishedUrl),
        linkStatus: mou?.publishedUrl ? mou.linkStatus : null,
        iit: coarseCount(resp.IIT, step),
        iitMin,
        eit: coarseCount(resp.EIT, step),
        eitMin,
        oitSubmitted: facts.oitSubmitted.get(agency.code) ?? 0,
        oitTotal,
        review: facts.reviewStatus.get(agency.code) ?? null,
        lastYear: pick(last, agency.code),
        thisYear: pick(current, agency.code),
        reasons: [],
      };
      if (row.coordinators < COORDINATORS_NEEDED) row.reasons.push('coordinators');
      if (row.mouApplies && !row.mouSigned) row.reasons.push('mou_signed');
      else if (row.mouApplies && !row.mouPublished) row.reasons.push('mou_published');
      if (!reached(resp.IIT, iitMin, iitPop)) row.reasons.push('iit');
      if (!reached(resp.EIT, eitMin, pop?.eit ?? null)) row.reasons.push('eit');
      if (row.oitSubmitted < oitTotal) row.reasons.push('oit');
      return row;
    });
  }

  function pick(results: YearResult[], code: string) {
    const r = results.find((x) => x.agencyCode === code);
    return r ? { overall: r.overall, level: r.level } : null;
  }

  async function planContext(actor: Actor, w: Workspace) {
    await deps.drive.checkRead(actor, w);
    const lastYear = w.fiscalYear - 1;
    const year = await findYear(db, lastYear);
    const fw = await frameworkFor(db, year?.frameworkId, lastYear);
    const agencies = await deps.drive.agenciesOf(w.province);
    const items = await progress.loadItemResults(
      db,
      lastYear,
      agencies.map((a) => a.code),
    );
    // Other agencies count only with published results (past or announced score cards).
    const results = await deps.results.publishedYearResults(lastYear);
    return { fw, agencies, items, results, lastYear };
  }

  return {
    board,

    /** The board as CSV with a BOM (Thai opens correctly in spreadsheet programs). */
    async boardCsv(actor: Actor, w: Workspace): Promise<string> {
      const rows = await board(actor, w);
      const t = messagesFor('th').province.csv;
      const yes = (b: boolean) => (b ? t.yes : t.no);
      const body = rows.map((r) => [
        r.agency.code,
        r.agency.nameTh,
        r.coordinators,
        yes(r.mouSigned),
        yes(r.mouPublished),
        r.iit,
        r.iitMin ?? '',
        r.eit,
        r.eitMin ?? '',
        r.oitSubmitted,
        r.oitTotal,
        r.review ?? '',
        publishedDigitsOrNull(r.lastYear?.overall) ?? '',
        r.lastYear?.level ?? '',
        publishedDigitsOrNull(r.thisYear?.overall) ?? '',
        r.thisYear?.level ?? '',
        r.reasons.join(' '),
      ]);
      return csvText([t.boardHeader, ...body]);
    },

    /** Coordinators in the shape the Ministry of Interior's form asks for. */
    async coordinatorsCsv(actor: Actor, w: Workspace): Promise<string> {
      await deps.drive.checkRead(actor, w);
      const list = await deps.drive.coordinators(actor, w);
      const t = messagesFor('th').province.csv;
      const body = list.flatMap(({ agency, coordinators }) =>
        coordinators.map((c) => [agency.nameTh, c.name, c.position, c.phone, c.fax ?? '', c.email]),
      );
      return csvText([t.coordinatorHeader, ...body]);
    },

    /** See published-item-results.ts. */
    loadPublishedItemResults: (
      actor: Actor,
      fiscalYear: number,
      agencyCode: string,
      report: PublishedItemResults,
    ) => loadPublishedItemResults(db, actor, fiscalYear, agencyCode, report),

    /**
     * The plan to pass for one agency (or, with agencyCode 'all', the whole province) from
     * last year's item-level results, with the ticked actions projected.
     */
    async plan(actor: Actor, w: Workspace, asked: string, ticked: string[]) {
      const ctx = await planContext(actor, w);
      // Without a choice: the province's own unit, else the whole province.
      const agencyCode = asked || (ctx.agencies.find((a) => a.type === 'province')?.code ?? 'all');
      const fw = ctx.fw;
      const withItems = ctx.agencies.filter((a) => ctx.items.has(a.code));
      const plans: { agency: Agency; plan: AgencyPlan }[] = [];
      if (fw)
        for (const a of agencyCode === 'all'
          ? withItems
          : withItems.filter((x) => x.code === agencyCode)) {
          const input = scoreInputFrom(fw, ctx.items.get(a.code)!);
          const mine = ticked
            .filter((t) => agencyCode !== 'all' || t.startsWith(`${a.code}|`))
            .map((t) => (agencyCode === 'all' ? t.slice(a.code.length + 1) : t));
          const plan = planAgency(fw, input, mine);
          if (plan.base.overall !== null) plans.push({ agency: a, plan });
        }
      const replaced = new Map(plans.map((p) => [p.agency.code, p.plan.projected.overall]));
      const province = projectProvince(ctx.results, w.province, replaced);
      const assessed = province.before?.assessed ?? plans.length;
      return {
        agencyCode,
        lastYear: ctx.lastYear,
        framework: fw,
        candidates: withItems,
        plans,
        provinceActions:
          agencyCode === 'all'
            ? rankProvinceActions(
                plans.map((p) => ({ agencyCode: p.agency.code, plan: p.plan })),
                assessed,
              )
            : [],
        province,
      };
    },
  };
}

export type ProvinceProgressService = ReturnType<typeof createProvinceProgressService>;
