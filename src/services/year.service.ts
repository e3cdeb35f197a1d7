// Use cases of assessment years: create a year on a framework, read it, publish its results.
import { isNacc } from '../domain/access.ts';
import type { Actor } from '../domain/actor.ts';
import { listFrameworks } from '../domain/framework/registry.ts';
import type { Framework } from '../domain/framework/schema.ts';
import {
  findYear,
  insertYear,
  listYears,
  setYearPublished,
  type YearRow,
} from '../storage/year.repository.ts';
import { recordAudit } from './audit.service.ts';
import { bare, problem } from '../domain/problem.ts';
import { forbidden, notFound, Refusal } from './errors.ts';
import type { ServiceContext } from './service-options.ts';

export interface AssessmentYear extends YearRow {
  framework: Framework;
}

/** What years need of the framework service: a definition by id (framework-resolver.ts). */
export interface FrameworkLookup {
  resolve(id: string): Promise<Framework | undefined>;
}

export function createYearService({
  db,
  frameworks,
}: Pick<ServiceContext, 'db'> & { frameworks: FrameworkLookup }) {
  const withFramework = async (y: YearRow): Promise<AssessmentYear> => {
    // Shipped, or stored by itas framework import (possibly by another process).
    const framework = await frameworks.resolve(y.frameworkId);
    // A stored id the code no longer knows is a deployment error, not a user's.
    if (!framework) throw new Error(`Year ${y.fiscalYear} uses unknown framework ${y.frameworkId}`);
    return { ...y, framework };
  };
  const requireNacc = (actor: Actor) => {
    if (!isNacc(actor)) throw forbidden(bare('', 'years_manage_forbidden'));
  };

  const years = {
    async create(actor: Actor, fiscalYear: number, frameworkId: string): Promise<AssessmentYear> {
      requireNacc(actor);
      if (!Number.isInteger(fiscalYear) || fiscalYear < 2500 || fiscalYear > 2700)
        throw new Refusal(
          422,
          problem('year', 'year_create_invalid', { value: String(fiscalYear) }),
        );
      const framework = await frameworks.resolve(frameworkId);
      if (!framework) {
        const known = listFrameworks()
          .map((f) => f.id)
          .join(', ');
        throw new Refusal(
          422,
          problem('framework', 'year_framework_unknown', { id: frameworkId, known }),
        );
      }
      await db.transaction().execute(async (tx) => {
        if (!(await insertYear(tx, fiscalYear, frameworkId)))
          throw new Refusal(409, problem('year', 'year_exists', { year: fiscalYear }));
        await recordAudit(tx, {
          actor,
          action: 'year.create',
          recordType: 'assessment_year',
          recordId: String(fiscalYear),
          after: { frameworkId, version: framework.version },
        });
      });
      return await withFramework((await findYear(db, fiscalYear))!);
    },

    async find(fiscalYear: number): Promise<AssessmentYear | undefined> {
      const y = await findYear(db, fiscalYear);
      return y ? await withFramework(y) : undefined;
    },

    /** The year, or a 404-style refusal naming it. */
    async require(fiscalYear: number): Promise<AssessmentYear> {
      const y = await findYear(db, fiscalYear);
      if (!y) throw notFound(problem('', 'year_missing', { year: fiscalYear }));
      return await withFramework(y);
    },

    list: async () => Promise.all((await listYears(db)).map(withFramework)),

    async setPublished(actor: Actor, fiscalYear: number, at: Date | null): Promise<void> {
      requireNacc(actor);
      await years.require(fiscalYear);
      await setYearPublished(db, fiscalYear, at);
    },
  };
  return years;
}

export type YearService = ReturnType<typeof createYearService>;
