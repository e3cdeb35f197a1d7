// English text of publishing a year: the readiness checklist, OIT exceptions, the preview and the
// confirmation (pages and `itas publish`).
import type { Widen } from '../types.ts';
import type { publication as th } from '../th/publication.ts';

export const publication: Widen<typeof th> = {
  title: (y: string) => `Publish fiscal year ${y}`,
  publishedLocked: (y: string, on: string) =>
    `The results of ${y} were published on ${on}, so no exception can be added and nothing published again; to change anything, withdraw the publication on the list of years first`,
  open: 'Check readiness and publish',
  checklistTitle: 'Ready to publish?',
  ready: 'Ready to publish',
  notReady: 'This year cannot be published yet, for these reasons',
  pass: 'Done',
  fail: 'Not yet',
  item: {
    surveys_closed: 'The IIT and EIT surveys have closed',
    oit_confirmed: "Every agency's OIT is confirmed (or recorded as an exception with a reason)",
    cards_current: 'Score cards are computed from the final data',
    publication_phase: "The calendar's publication phase has begun",
  },
  counts: {
    agencies: (n: string) => `agencies ${n}`,
    confirmed: (n: string) => `confirmed ${n}`,
    exceptions: (n: string) => `exceptions ${n}`,
    outstanding: (n: string) => `not confirmed ${n}`,
    withData: (n: string) => `agencies with data ${n}`,
    current: (n: string) => `current ${n}`,
    stale: (n: string) => `to recompute ${n}`,
    pendingRecomputes: (n: string) => `recomputes waiting ${n}`,
  },
  reason: {
    window_not_set: (phase: string) => `The "${phase}" phase is not set in the calendar`,
    window_open: (phase: string, d: string) => `The "${phase}" phase is still open (closes ${d})`,
    window_not_yet: (phase: string, d: string) => `The "${phase}" phase has not begun (opens ${d})`,
    extension_open: (phase: string, n: string, d: string, codes: string) =>
      `The "${phase}" phase is extended for ${n} agencies and open until ${d}: ${codes}`,
    oit_unconfirmed: (n: string, codes: string) =>
      `${n} agencies have no confirmed OIT and no exception: ${codes}`,
    no_cards: 'No agency has data or a score card yet (run itas compute)',
    card_missing: (n: string, codes: string) =>
      `${n} agencies have data but no score card: ${codes}`,
    card_framework: (n: string, codes: string) =>
      `${n} agencies were scored on another framework than the year's: ${codes}`,
    card_respondents: (n: string, codes: string) =>
      `${n} agencies' cards count other respondents than the stored responses: ${codes}`,
    card_oit: (n: string, codes: string) =>
      `${n} agencies' cards carry another OIT score than their confirmed OIT: ${codes}`,
    recompute_pending: (n: string) => `${n} score recomputes are waiting`,
    recompute_failed: (n: string) => `${n} score recomputes failed`,
    fix: 'To fix: run itas compute --year YEAR, then check again',
  },
  more: (n: string) => `and ${n} more`,
  refused: (y: string) => `Fiscal year ${y} cannot be published yet`,
  previewTitle: 'What will become public',
  previewNational: 'All agencies',
  previewTypes: 'By agency type',
  previewRankings: (n: string) => `First ${n} of the rankings`,
  previewNone: 'No scores to show yet',
  confirmLabel:
    'I have checked the list and the preview above and confirm that this year’s results are to be made public',
  published: (y: string) => `Published fiscal year ${y}`,
  unpublished: (y: string) => `Withdrew the publication of fiscal year ${y}`,
  exceptions: {
    title: 'Exceptions: published without a confirmed OIT',
    hint: 'An agency with an exception may be published before its OIT is confirmed, with no OIT and no overall score. Every exception recorded or removed is in the audit log.',
    none: 'No exceptions',
    agency: 'Agency code',
    reason: 'Reason',
    recordedBy: 'Recorded by',
    add: 'Record the exception',
    remove: 'Remove the exception',
    added: (code: string) => `Recorded the exception for ${code}`,
    removed: (code: string) => `Removed the exception for ${code}`,
  },
};
