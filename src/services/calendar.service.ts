// Use cases of the assessment year's calendar: read it, and set a phase's window for every
// agency or extend it for one (NACC only, with a reason, audited).
import type { Actor } from '../domain/actor.ts';
import { isNacc } from '../domain/access.ts';
import {
  extensionProblem,
  isPhase,
  parseIsoDay,
  typedDay,
  type Calendar,
  type PhaseWindow,
} from '../domain/calendar.ts';
import { err, ok, type Problem, type Result } from '../domain/result.ts';
import type { Db } from '../storage/database.ts';
import { findAgency } from '../storage/agency.repository.ts';
import { loadCalendar, savePhaseWindow } from '../storage/calendar.repository.ts';
import { findYear, latestYear, listYears } from '../storage/year.repository.ts';
import { recordAudit } from './audit.service.ts';
import { ForbiddenError } from './errors.ts';

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
}: {
  db: Db;
  clock: () => Date;
  onChange?: () => void;
}) {
  return {
    get: (fiscalYear: number): Promise<Calendar> => loadCalendar(db, fiscalYear),
    /** The calendar page: one year's windows and every year there is, for the year picker. */
    async overview(fiscalYear: number): Promise<{ calendar: Calendar; years: number[] }> {
      const [calendar, years] = [await loadCalendar(db, fiscalYear), await listYears(db)];
      return { calendar, years: years.map((y) => y.fiscalYear) };
    },
    latestYear: () => latestYear(db),

    async setPhase(actor: Actor, input: SetPhaseInput): Promise<Result<PhaseWindow, Problem[]>> {
      if (!isNacc(actor))
        throw new ForbiddenError(
          'กำหนดปฏิทินการประเมินได้เฉพาะผู้ดูแลระบบของ สำนักงาน ป.ป.ช.',
          'Only NACC administrators may set the calendar',
        );
      const problems: Problem[] = [];
      const bad = (field: string, th: string, en: string) =>
        problems.push({ code: 'invalid', field, th, en });
      if (!(await findYear(db, input.fiscalYear)))
        bad(
          'year',
          `ยังไม่ได้เปิดปีงบประมาณ ${input.fiscalYear} (ใช้ itas year create ก่อน)`,
          `Fiscal year ${input.fiscalYear} is not open yet (run itas year create first)`,
        );
      if (!isPhase(input.phase))
        bad(
          'phase',
          `ไม่รู้จักช่วง "${input.phase}" (ใช้ oit-entry, oit-review, clarification, confirmation, iit, eit, publication)`,
          `Unknown phase "${input.phase}" (use oit-entry, oit-review, clarification, confirmation, iit, eit, publication)`,
        );
      const opensOn = parseIsoDay(input.opensOn);
      const closesOn = parseIsoDay(input.closesOn);
      if (!opensOn) bad('from', 'วันเริ่มต้นไม่ใช่วันที่ที่ถูกต้อง', 'The start date is not a valid date');
      if (!closesOn) bad('to', 'วันสิ้นสุดไม่ใช่วันที่ที่ถูกต้อง', 'The end date is not a valid date');
      if (opensOn && closesOn && opensOn > closesOn)
        bad('to', 'วันสิ้นสุดต้องไม่ก่อนวันเริ่มต้น', 'The end date must not be before the start date');
      const agencyCode = input.agencyCode?.trim() || null;
      const reason = input.reason?.trim() || null;
      if (agencyCode && !(await findAgency(db, agencyCode)))
        bad('agency', `ไม่พบหน่วยงานรหัส ${agencyCode}`, `No agency has the code ${agencyCode}`);
      if (agencyCode && !reason)
        bad(
          'reason',
          'การขยายเวลาให้หน่วยงานเดียวต้องระบุเหตุผล',
          'An extension for one agency needs a reason',
        );
      if (agencyCode && opensOn && closesOn && isPhase(input.phase)) {
        const why = extensionProblem(await loadCalendar(db, input.fiscalYear), {
          phase: input.phase,
          opensOn,
          closesOn,
        });
        if (why?.code === 'no_general')
          bad(
            'agency',
            'ยังไม่ได้กำหนดช่วงเวลานี้สำหรับทุกหน่วยงาน กำหนดช่วงเวลาหลักก่อนจึงขยายให้หน่วยงานเดียวได้',
            'This window is not set for every agency yet: set the general window before extending it for one agency',
          );
        if (why?.code === 'shortens') {
          const [a, b] = [typedDay(why.general.opensOn), typedDay(why.general.closesOn)];
          bad(
            'to',
            `การขยายเวลาต้องครอบคลุมช่วงเวลาของทุกหน่วยงาน (${a} – ${b}): เริ่มไม่ช้ากว่าและสิ้นสุดไม่ก่อนช่วงนั้น`,
            `An extension must cover the general window (${a} – ${b}): start no later and end no sooner`,
          );
        }
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
