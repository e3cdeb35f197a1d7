// Assessment years and their frameworks, as the NACC manages them on a page: the years with the
// framework each uses, and moving a year to another framework version — refused when data
// already entered could not be read on it, else switched, audited and recomputed.
import { isNacc } from '../domain/access.ts';
import type { Actor } from '../domain/actor.ts';
import { diffFrameworks, type FrameworkChange } from '../domain/framework/diff.ts';
import { knownFramework } from '../domain/framework/registry.ts';
import { frameworkMoveProblems, type MoveProblem } from '../domain/framework/move.ts';
import type { Framework } from '../domain/framework/schema.ts';
import type { MoveRefusal } from '../domain/problem-params/year.ts';
import { bare, problem } from '../domain/problem.ts';
import type { Db } from '../storage/database.ts';
import { frameworkUses } from '../storage/framework.repository.ts';
import {
  listYears,
  lockYear,
  setYearFramework,
  yearDataInUse,
} from '../storage/year.repository.ts';
import { recordAudit } from './audit.service.ts';
import type { Refused } from '../domain/result.ts';
import { forbidden, notFound, orPage, Refusal, type ServiceError } from './errors.ts';
import type { FrameworkService, FrameworkSummary } from './framework.service.ts';
import type { AssessmentYear, YearService } from './year.service.ts';
import type { ServiceContext } from './service-options.ts';

export interface YearOverview {
  fiscalYear: number;
  frameworkId: string;
  frameworkVersion: number;
  started: boolean;
  published: boolean;
}

/** The years page: every year and the frameworks to choose from. */
export interface YearsPage {
  years: YearOverview[];
  frameworks: FrameworkSummary[];
}

/** A move done: the framework left and the one taken, and the agencies recomputed. */
export interface YearMoved {
  from: string;
  to: string;
  agencies: number;
  scored: number;
}

export interface MovePlan {
  fiscalYear: number;
  from: Framework;
  to: Framework;
  changes: FrameworkChange[];
  /** Empty when the move is allowed. */
  problems: MoveRefusal[];
  data: { responses: { IIT: number; EIT: number }; oitItems: number };
  /** Agencies with data (recomputed) and score cards held now. */
  recompute: { agencies: number; cards: number };
}

/**
 * A move refused under the lock, with the year as it is now, read after the refusal: someone
 * may have moved it meanwhile, so the page says where it is rather than the plan alone.
 */
export interface MoveRefusedPage {
  fiscalYear: number;
  /** The framework the year is on now. */
  current: { id: string; version: number };
  /** The plan made again from there, or null when none can be (now on that one, or published). */
  plan: MovePlan | null;
}

/** A refusal by code, naming what would be lost (the catalogue words it). */
function describe(p: MoveProblem): MoveRefusal {
  switch (p.kind) {
    case 'answer_columns':
      return p.missing.length || p.added.length
        ? problem('', 'move_answer_columns', { tool: p.tool, missing: p.missing, added: p.added })
        : problem('', 'move_answer_order', { tool: p.tool });
    case 'answer_kind':
      return problem('', 'move_answer_kind', { tool: p.tool, columns: p.columns });
    case 'oit_items':
      return problem('', 'move_oit_items', { items: p.items });
  }
}

export function createYearFrameworkService({
  db,
  ...deps
}: Pick<ServiceContext, 'db'> & {
  years: YearService;
  frameworks: Pick<FrameworkService, 'resolve' | 'list'>;
  /** The one results service: a moved year is recomputed through it. */
  computeYear: (fiscalYear: number) => Promise<{ agencies: number; scored: number }>;
  onMoved?: () => void;
}) {
  const requireNacc = (actor: Actor) => {
    if (!isNacc(actor)) throw forbidden(bare('', 'year_move_forbidden'));
  };

  async function target(frameworkId: string): Promise<Framework> {
    const to = await deps.frameworks.resolve(frameworkId);
    if (!to) throw notFound(problem('', 'framework_not_found', { id: frameworkId }));
    return to;
  }

  /**
   * The plan, read inside `tx` (the move reads it again under the year's lock). On PGlite a
   * transaction holds the one connection, so everything read through `db` is read before.
   */
  async function planIn(tx: Db, y: AssessmentYear, to: Framework): Promise<MovePlan> {
    const { fiscalYear } = y;
    if (y.publishedAt)
      throw new Refusal(409, problem('', 'year_move_published', { year: fiscalYear }));
    if (y.frameworkId === to.id)
      throw new Refusal(409, problem('', 'year_move_same', { year: fiscalYear, framework: to.id }));
    const inUse = await yearDataInUse(tx, fiscalYear);
    const problems = frameworkMoveProblems(y.framework, to, inUse).map(describe);
    const docOf = (f: Framework) => knownFramework(f.id)?.document ?? f;
    return {
      fiscalYear,
      from: y.framework,
      to,
      changes: diffFrameworks(docOf(y.framework), docOf(to)),
      problems,
      data: { responses: inUse.responses, oitItems: inUse.oitItems.length },
      recompute: { agencies: inUse.agencies, cards: inUse.cards },
    };
  }

  /**
   * The year as it is now, for a refused plan or move, with the plan made again from there: null
   * when none can be (now on that framework, or published).
   */
  async function refusedPage(fiscalYear: number, frameworkId: string): Promise<MoveRefusedPage> {
    const [y, to] = await Promise.all([deps.years.require(fiscalYear), target(frameworkId)]);
    const plan = await planIn(db, y, to).catch((e: unknown) => {
      if (e instanceof Refusal && e.status === 409) return null;
      throw e;
    });
    const current = { id: y.framework.id, version: y.framework.version };
    return { fiscalYear, current, plan };
  }

  const service = {
    /** Every year with its framework, whether it has started, and the frameworks to choose from. */
    async overview(actor: Actor): Promise<YearsPage> {
      requireNacc(actor);
      const [rows, uses, frameworks] = await Promise.all([
        listYears(db),
        frameworkUses(db),
        deps.frameworks.list(),
      ]);
      const started = new Set(
        [...uses.values()].flat().flatMap((u) => (u.started ? [u.fiscalYear] : [])),
      );
      const version = new Map(frameworks.map((f) => [f.id, f.version]));
      return {
        years: rows.map((y) => ({
          fiscalYear: y.fiscalYear,
          frameworkId: y.frameworkId,
          frameworkVersion: version.get(y.frameworkId) ?? 0,
          started: started.has(y.fiscalYear),
          published: y.publishedAt !== null,
        })),
        frameworks,
      };
    },

    /** What moving the year would change and recompute, or why it is refused (not applied). */
    async plan(actor: Actor, fiscalYear: number, frameworkId: string): Promise<MovePlan> {
      requireNacc(actor);
      const [y, to] = await Promise.all([deps.years.require(fiscalYear), target(frameworkId)]);
      return planIn(db, y, to);
    },

    /**
     * The plan page: the plan (its move allowed or not), or the refusal of any plan (409: the year
     * is already on that framework, or published) with the year as it is now, so the page says
     * which and why instead of a bare error.
     */
    async planOrPage(
      actor: Actor,
      fiscalYear: number,
      frameworkId: string,
    ): Promise<{ ok: true; value: MovePlan } | Refused<MoveRefusedPage, Refusal>> {
      return orPage(
        () => service.plan(actor, fiscalYear, frameworkId),
        (e): e is Refusal => e instanceof Refusal && e.status === 409,
        () => refusedPage(fiscalYear, frameworkId),
      );
    },

    /**
     * Moves the year: under the year's row lock the plan is made again, a refusal is a 409 with
     * every reason; otherwise the year switches and the audit entry is written in one
     * transaction, then every agency with data is recomputed by the results service, so each
     * card names the framework it was scored on.
     */
    async move(actor: Actor, fiscalYear: number, frameworkId: string): Promise<YearMoved> {
      requireNacc(actor);
      const [y, to] = await Promise.all([deps.years.require(fiscalYear), target(frameworkId)]);
      const from = await db.transaction().execute(async (tx) => {
        const locked = await lockYear(tx, fiscalYear);
        if (!locked || locked.frameworkId !== y.frameworkId)
          throw new Refusal(409, problem('', 'year_move_raced', { year: fiscalYear }));
        const plan = await planIn(tx, { ...y, publishedAt: locked.publishedAt }, to);
        if (plan.problems.length)
          throw new Refusal(409, problem('', 'year_move_refused', { problems: plan.problems }));
        await setYearFramework(tx, fiscalYear, to.id);
        await recordAudit(tx, {
          actor,
          action: 'year.framework.move',
          recordType: 'assessment_year',
          recordId: String(fiscalYear),
          before: { frameworkId: plan.from.id, version: plan.from.version },
          after: {
            frameworkId: to.id,
            version: to.version,
            changes: plan.changes.length,
            agencies: plan.recompute.agencies,
          },
        });
        return plan.from.id;
      });
      deps.onMoved?.();
      const { agencies, scored } = await deps.computeYear(fiscalYear);
      return { from, to: to.id, agencies, scored };
    },

    /**
     * The years page's form: creates the year, or gives the refusal (409, 422) with the page's
     * model to show it on, so the page is one call either way.
     */
    async createYear(
      actor: Actor,
      fiscalYear: number,
      frameworkId: string,
    ): Promise<{ ok: true } | Refused<YearsPage, ServiceError>> {
      return orPage(
        () => deps.years.create(actor, fiscalYear, frameworkId),
        (e): e is ServiceError => e.status === 409 || e.status === 422,
        () => service.overview(actor),
      );
    },

    /**
     * The move page's form: moved, or refused under the lock (409: data arrived since the plan
     * was shown, or the year was moved or published meanwhile) with the year as it is now and
     * the plan made again from there. The refusal is the answer: a plan that would be allowed
     * now is not the move asked for, which did not happen.
     */
    async moveOrPlan(
      actor: Actor,
      fiscalYear: number,
      frameworkId: string,
    ): Promise<{ ok: true; value: YearMoved } | Refused<MoveRefusedPage, Refusal>> {
      return orPage(
        () => service.move(actor, fiscalYear, frameworkId),
        (e): e is Refusal => e instanceof Refusal && e.status === 409,
        () => refusedPage(fiscalYear, frameworkId),
      );
    },
  };
  return service;
}

export type YearFrameworkService = ReturnType<typeof createYearFrameworkService>;
