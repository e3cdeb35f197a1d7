// Whether a year may be published: a checklist computed from facts the service gathers. Pure: the
// day, the calendar and every agency's state are parameters. Each item says what holds and why not,
// with counts, so the NACC sees every reason at once (docs/results-pages.md, issue 13).
import { windowFor, type Calendar, type Phase } from './calendar.ts';

/** One agency's facts for the year. */
export interface AgencyPublicationFacts {
  code: string;
  /** Its OIT workflow state (null: never started). */
  oitStatus: string | null;
  /** Every current OIT entry is confirmed (and there is at least one). */
  oitConfirmed: boolean;
  /** The NACC recorded that it is published without a confirmed OIT (with a reason). */
  oitException: boolean;
  /** Survey responses stored in `responses`, per tool. */
  responses: { IIT: number; EIT: number };
  /** Whether it has any OIT entry. */
  hasOit: boolean;
  /** Its stored score card, or null. */
  card: null | {
    frameworkId: string;
    respondents: { IIT: number; EIT: number };
    oit: number | null;
  };
  /** The OIT tool score its confirmed entries give (null when not confirmed or incomplete). */
  expectedOit: number | null;
}

export interface ReadinessFacts {
  fiscalYear: number;
  frameworkId: string;
  /** Thailand day, YYYY-MM-DD. */
  today: string;
  calendar: Calendar;
  agencies: readonly AgencyPublicationFacts[];
  /** Recompute jobs of the year not yet done (waiting or running). */
  pendingRecomputes: number;
  /** Recompute jobs of the year that gave up. */
  failedRecomputes: number;
}

export type CheckCode = 'surveys_closed' | 'oit_confirmed' | 'cards_current' | 'publication_phase';

/** Why an item fails; `codes` are a sample of the agencies concerned (at most SAMPLE). */
export type Reason =
  | { code: 'window_not_set'; phase: Phase }
  | { code: 'window_open'; phase: Phase; closesOn: string }
  | { code: 'window_not_yet'; phase: Phase; opensOn: string }
  | { code: 'extension_open'; phase: Phase; closesOn: string; count: number; codes: string[] }
  | { code: 'oit_unconfirmed'; count: number; codes: { code: string; status: string | null }[] }
  | { code: 'no_cards' }
  | { code: 'card_missing'; count: number; codes: string[] }
  | { code: 'card_framework'; count: number; codes: string[] }
  | { code: 'card_respondents'; count: number; codes: string[] }
  | { code: 'card_oit'; count: number; codes: string[] }
  | { code: 'recompute_pending'; count: number }
  | { code: 'recompute_failed'; count: number };

export interface CheckItem {
  code: CheckCode;
  ok: boolean;
  reasons: Reason[];
  /** Figures shown beside the item, whether it passes or not. */
  counts: Record<string, number>;
}

export interface Readiness {
  fiscalYear: number;
  ready: boolean;
  items: CheckItem[];
}

/** How many agency codes a reason names; the count says how many there are in all. */
export const SAMPLE = 10;

const SURVEY_PHASES: Phase[] = ['iit', 'eit'];
/** Two OIT scores are the same figure when they differ by less than this (float noise). */
const SAME = 1e-9;

function surveysClosed(f: ReadinessFacts): CheckItem {
  const reasons: Reason[] = [];
  for (const phase of SURVEY_PHASES) {
    const general = windowFor(f.calendar, phase, null);
    if (!general) {
      reasons.push({ code: 'window_not_set', phase });
      continue;
    }
    if (general.closesOn >= f.today)
      reasons.push({ code: 'window_open', phase, closesOn: general.closesOn });
    // An agency's extension keeps its survey open after the general window closed.
    const open = f.calendar
      .filter((w) => w.phase === phase && w.agencyCode !== null && w.closesOn >= f.today)
      .sort((a, b) => (a.closesOn < b.closesOn ? 1 : -1));
    if (open.length)
      reasons.push({
        code: 'extension_open',
        phase,
        closesOn: open[0]!.closesOn,
        count: open.length,
        codes: open.slice(0, SAMPLE).map((w) => w.agencyCode!),
      });
  }
  return { code: 'surveys_closed', ok: reasons.length === 0, reasons, counts: {} };
}

function oitConfirmed(f: ReadinessFacts): CheckItem {
  const outstanding = f.agencies.filter((a) => !a.oitConfirmed && !a.oitException);
  const confirmed = f.agencies.filter((a) => a.oitConfirmed).length;
  const exceptions = f.agencies.filter((a) => !a.oitConfirmed && a.oitException).length;
  const reasons: Reason[] = outstanding.length
    ? [
        {
          code: 'oit_unconfirmed',
          count: outstanding.length,
          codes: outstanding.slice(0, SAMPLE).map((a) => ({ code: a.code, status: a.oitStatus })),
        },
      ]
    : [];
  return {
    code: 'oit_confirmed',
    ok: outstanding.length === 0,
    reasons,
    counts: {
      agencies: f.agencies.length,
      confirmed,
      exceptions,
      outstanding: outstanding.length,
    },
  };
}

/**
 * Cards are computed from the final data when: no recompute of the year is waiting, running or
 * failed; every agency with data (a response or an OIT entry) has a card on the year's framework;
 * the card counts exactly the responses stored for it (responses are never changed or removed, so
 * equal counts mean the same answers); and its OIT figure is the one its confirmed OIT gives (none
 * when not confirmed). Timestamps are not compared: an unchanged recompute keeps the old one.
 */
function cardsCurrent(f: ReadinessFacts): CheckItem {
  const withData = f.agencies.filter((a) => a.responses.IIT + a.responses.EIT > 0 || a.hasOit);
  const missing: string[] = [];
  const framework: string[] = [];
  const respondents: string[] = [];
  const oit: string[] = [];
  for (const a of withData) {
    const c = a.card;
    if (!c) {
      missing.push(a.code);
      continue;
    }
    if (c.frameworkId !== f.frameworkId) framework.push(a.code);
    if (c.respondents.IIT !== a.responses.IIT || c.respondents.EIT !== a.responses.EIT)
      respondents.push(a.code);
    const same =
      c.oit === null || a.expectedOit === null
        ? c.oit === a.expectedOit
        : Math.abs(c.oit - a.expectedOit) < SAME;
    if (!same) oit.push(a.code);
  }
  const reasons: Reason[] = [];
  const list = (
    code: 'card_missing' | 'card_framework' | 'card_respondents' | 'card_oit',
    codes: string[],
  ) => {
    if (codes.length) reasons.push({ code, count: codes.length, codes: codes.slice(0, SAMPLE) });
  };
  if (withData.length === 0) reasons.push({ code: 'no_cards' });
  list('card_missing', missing);
  list('card_framework', framework);
  list('card_respondents', respondents);
  list('card_oit', oit);
  if (f.pendingRecomputes > 0)
    reasons.push({ code: 'recompute_pending', count: f.pendingRecomputes });
  if (f.failedRecomputes > 0) reasons.push({ code: 'recompute_failed', count: f.failedRecomputes });
  const stale = new Set([...missing, ...framework, ...respondents, ...oit]);
  return {
    code: 'cards_current',
    ok: reasons.length === 0,
    reasons,
    counts: {
      withData: withData.length,
      current: withData.length - stale.size,
      stale: stale.size,
      pendingRecomputes: f.pendingRecomputes,
    },
  };
}

function publicationPhase(f: ReadinessFacts): CheckItem {
  const w = windowFor(f.calendar, 'publication', null);
  const reasons: Reason[] = !w
    ? [{ code: 'window_not_set', phase: 'publication' }]
    : w.opensOn > f.today
      ? [{ code: 'window_not_yet', phase: 'publication', opensOn: w.opensOn }]
      : [];
  return { code: 'publication_phase', ok: reasons.length === 0, reasons, counts: {} };
}

/** The checklist, in the order the NACC works through it. */
export function publicationReadiness(f: ReadinessFacts): Readiness {
  const items = [surveysClosed(f), oitConfirmed(f), cardsCurrent(f), publicationPhase(f)];
  return { fiscalYear: f.fiscalYear, ready: items.every((i) => i.ok), items };
}
