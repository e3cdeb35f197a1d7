// The assessment year's calendar: phases with inclusive windows (Thailand days) and per-agency
// extensions. Pure: "today" is always a parameter.

export const PHASES = [
  'oit-entry',
  'oit-review',
  'clarification',
  'confirmation',
  'iit',
  'eit',
  'publication',
] as const;
export type Phase = (typeof PHASES)[number];

export function isPhase(s: string): s is Phase {
  return (PHASES as readonly string[]).includes(s);
}

/** One window; agencyCode null applies to every agency, a code is that agency's extension. */
export interface PhaseWindow {
  phase: Phase;
  agencyCode: string | null;
  /** YYYY-MM-DD, inclusive. */
  opensOn: string;
  /** YYYY-MM-DD, inclusive. */
  closesOn: string;
  reason: string | null;
}

export type Calendar = readonly PhaseWindow[];

export type PhaseState =
  | { state: 'not_set' }
  | { state: 'before' | 'open' | 'after'; opensOn: string; closesOn: string; extended: boolean };

/**
 * The window that applies to an agency: the general one, widened by the agency's own extension if
 * it has one. An extension only ever adds days — even if the general window later moves past it —
 * so a per-agency "extend" can never close a survey that is open for everyone else.
 */
export function windowFor(
  calendar: Calendar,
  phase: Phase,
  agencyCode: string | null,
): PhaseWindow | undefined {
  const general = calendar.find((w) => w.phase === phase && w.agencyCode === null);
  const own =
    agencyCode === null
      ? undefined
      : calendar.find((w) => w.phase === phase && w.agencyCode === agencyCode);
  if (!own || !general) return own ?? general;
  return {
    ...own,
    opensOn: own.opensOn < general.opensOn ? own.opensOn : general.opensOn,
    closesOn: own.closesOn > general.closesOn ? own.closesOn : general.closesOn,
  };
}

/**
 * Why an agency's extension is refused: there is no general window to extend, or it would start
 * later or end sooner than the general one (it would shorten, not extend). Null when it extends.
 */
export function extensionProblem(
  calendar: Calendar,
  w: Pick<PhaseWindow, 'phase' | 'opensOn' | 'closesOn'>,
): { code: 'no_general' } | { code: 'shortens'; general: PhaseWindow } | null {
  const general = calendar.find((g) => g.phase === w.phase && g.agencyCode === null);
  if (!general) return { code: 'no_general' };
  if (w.opensOn > general.opensOn || w.closesOn < general.closesOn)
    return { code: 'shortens', general };
  return null;
}

export function phaseState(
  calendar: Calendar,
  phase: Phase,
  agencyCode: string | null,
  today: string,
): PhaseState {
  const w = windowFor(calendar, phase, agencyCode);
  if (!w) return { state: 'not_set' };
  const state = today < w.opensOn ? 'before' : today > w.closesOn ? 'after' : 'open';
  return { state, opensOn: w.opensOn, closesOn: w.closesOn, extended: w.agencyCode !== null };
}

/** Whether a phase is open for an agency on a Thailand calendar day (YYYY-MM-DD). */
export function phaseOpen(
  calendar: Calendar,
  phase: Phase,
  agencyCode: string | null,
  today: string,
): boolean {
  return phaseState(calendar, phase, agencyCode, today).state === 'open';
}

/** Whole days from today until the window closes, counting today (0 when closed). */
export function daysLeft(state: PhaseState, today: string): number {
  if (state.state === 'not_set' || state.state === 'after') return 0;
  const from = state.state === 'before' ? state.opensOn : today;
  return Math.round((Date.parse(state.closesOn) - Date.parse(from)) / 86_400_000) + 1;
}

const bangkokDay = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Bangkok',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

// Every survey submission asks for the day several times, and Intl formatting is slow next to
// the rest of a submission: the answer is kept for the minute (a day always starts on a minute).
let lastMinute = NaN;
let lastDay = '';

/** The calendar day in Thailand at an instant, YYYY-MM-DD. */
export function thaiDay(now: Date): string {
  const minute = Math.floor(now.getTime() / 60_000);
  if (minute !== lastMinute) {
    lastDay = bangkokDay.format(now);
    lastMinute = minute;
  }
  return lastDay;
}

/** A valid calendar day YYYY-MM-DD (Common Era), or undefined. */
export function parseIsoDay(s: string): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s.trim());
  if (!m) return undefined;
  const d = new Date(`${m[1]}-${m[2]}-${m[3]}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s.trim()
    ? s.trim()
    : undefined;
}

/**
 * A day typed by a person, in either era: d/m/yyyy (also with . or -) or yyyy-mm-dd. Years from
 * 2400 are the Buddhist Era (officials write 1/4/2569); smaller years are the Common Era (the date
 * input gives 2026-04-01). The one parser of typed days (calendar, drive, audit filter).
 */
export function parseTypedDay(s: string): string | undefined {
  const t = s.trim();
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  const dmy = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t);
  const [y, m, d] = iso ? [iso[1]!, iso[2]!, iso[3]!] : dmy ? [dmy[3]!, dmy[2]!, dmy[1]!] : [];
  if (!y || !m || !d) return undefined;
  let year = Number(y);
  if (year >= 2400) year -= 543;
  return parseIsoDay(
    `${String(year).padStart(4, '0')}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`,
  );
}

/** A day in BE as d/m/yyyy, for form fields. */
export function typedDay(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${d}/${m}/${(y ?? 0) + 543}`;
}
