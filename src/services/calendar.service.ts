// Use cases of the assessment year's calendar: read it, and set a phase's window for every
// agency or extend it for one (NACC only, with a reason, audited).
import type { Actor } from '../domain/actor.ts';
import { isNacc } from '../domain/access.ts';
import {
  extensionProblem,
  isPhase,
  parseIsoDay,
  PHASES,
  typedDay,
  type Calendar,
  type PhaseWindow,
} from '../domain/calendar.ts';
import { bare, problem, type Problem } from '../domain/problem.ts';
import { err, ok, type Result } from '../domain/result.ts';
import { findAgency } from '../storage/agency.repository.ts';
import { loadCalendar, savePhaseWindow } from '../storage/calendar.repository.ts';
import { findYear, latestYear, listYears } from '../storage/year.repository.ts';
import { recordAudit } from './audit.service.ts';
import { Refusal } from './errors.ts';
import type { ServiceContext } from './service-options.ts';

export interface SetPhaseInput {
  fiscalYear: number;
  phase: string;
  /** YYYY-MM-DD (CE); forms convert typed BE dates first. */
  opensOn: string;
  closesOn: string;
  agencyCode?: string | null;
  reason?: string | null;
}

/** `onChange` lets cached survey links forget the old calendar at once. */
export function createCalendarService({
  db,
  clock,
  onChange = () => {},
}: Pick<ServiceContext, 'db' | 'clock'> & { onChange?: () => void }) {
  return {
    get: (fiscalYear: number): Promise<Calendar> => loadCalendar(db, fiscalYear),
    /** The calendar page: one year's windows and every year there is, for the year picker. */
    async overview(fiscalYear: number): Promise<{ calendar: Calendar; years: number[] }> {
      const [calendar, years] = [await loadCalendar(db, fiscalYear), await listYears(db)];
      return { calendar, years: years.map((y) => y.fiscalYear) };
    },
    latestYear: () => latestYear(db),

    async setPhase(actor: Actor, input: SetPhaseInput): Promise<Result<PhaseWindow, Problem[]>> {
      if (!isNacc(actor)) throw new Refusal(403, bare('', 'calendar_forbidden'));
      const problems: Problem[] = [];
      const bad = (p: Problem) => problems.push(p);
      if (!(await findYear(db, input.fiscalYear)))
        bad(problem('year', 'year_not_open', { year: input.fiscalYear }));
      if (!isPhase(input.phase))
        bad(problem('phase', 'phase_unknown', { phase: input.phase, phases: PHASES.join(', ') }));
      const opensOn = parseIsoDay(input.opensOn);
      const closesOn = parseIsoDay(input.closesOn);
      if (!opensOn) bad(bare('from', 'opens_invalid'));
      if (!closesOn) bad(bare('to', 'closes_invalid'));
      if (opensOn && closesOn && opensOn > closesOn) bad(bare('to', 'window_reversed'));
      const agencyCode = input.agencyCode?.trim() || null;
      const reason = input.reason?.trim() || null;
      if (agencyCode && !(await findAgency(db, agencyCode)))
        bad(problem('agency', 'agency_unknown', { code: agencyCode }));
      if (agencyCode && !reason) bad(bare('reason', 'extension_reason_missing'));
      if (agencyCode && opensOn && closesOn && isPhase(input.phase)) {
        const why = extensionProblem(await loadCalendar(db, input.fiscalYear), {
          phase: input.phase,
          opensOn,
          closesOn,
        });
        if (why?.code === 'no_general') bad(bare('agency', 'extension_no_general'));
        if (why?.code === 'shortens')
          bad(
            problem('to', 'extension_shortens', {
              opensOn: typedDay(why.general.opensOn),
              closesOn: typedDay(why.general.closesOn),
            }),
          );
      }
      if (problems.length > 0 || !opensOn || !closesOn || !isPhase(input.phase))
        return err(problems);
      const window: PhaseWindow = { phase: input.phase, agencyCode, opensOn, closesOn, reason };
      await db.transaction().execute(async (tx) => {
        const before = await savePhaseWindow(tx, input.fiscalYear, window, clock());
        await recordAudit(tx, {
          actor,
          action: agencyCode ? 'calendar.extend' : 'calendar.set',
          recordType: 'calendar_phase',
          recordId: `${input.fiscalYear}/${input.phase}/${agencyCode ?? '*'}`,
          before,
          after: window,
        });
      });
      onChange();
      return ok(window);
    },
  };
}

export type CalendarService = ReturnType<typeof createCalendarService>;
