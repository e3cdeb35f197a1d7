// What the OIT services share: refusals by code (the catalogue words them), window checks against
// the year's calendar, who is acting (for changed_by), the writes of a state change and of an
// auditor's item review (each with its audit entry), and the screen model of one agency's OIT.
import type { Actor } from '../domain/actor.ts';
import type { Agency } from '../domain/agency.ts';
import { phaseState, thaiDay, type PhaseState } from '../domain/calendar.ts';
import {
  groupOitItems,
  isItemDone,
  itemOrder,
  oitScores,
  type OitAction,
  type OitProblem,
  type OitReview,
  type OitStatus,
} from '../domain/oit/workflow.ts';
import type { AuditAction } from '../domain/audit-action.ts';
import { problem } from '../domain/problem.ts';
import type { OitRefusal } from '../domain/problem-params/oit.ts';
import { findAgency } from '../storage/agency.repository.ts';
import { loadCalendar } from '../storage/calendar.repository.ts';
import type { Db } from '../storage/database.ts';
import { loadCurrentOit, saveOitVersions, type OitEntry } from '../storage/oit.repository.ts';
import { latestLinkChecks, type LinkCheckRow } from '../storage/oit-link-check.repository.ts';
import { findOitState, saveOitState } from '../storage/oit-state.repository.ts';
import { recordAudit, recordAudits } from './audit.service.ts';
import { notFound, Refusal, ServiceError } from './errors.ts';
import type { YearService } from './year.service.ts';

export function oitError(status: 403 | 404 | 409 | 422, reason: OitRefusal): ServiceError {
  return new Refusal(status, problem('', 'oit_refused', { reason }));
}

export function stateError(action: OitAction): ServiceError {
  return new Refusal(409, problem('', 'oit_state', { action }));
}

/**
 * A form refused (422): one coded refusal carrying every problem, each on its field. A form's route
 * words each problem beside its input; elsewhere (an uncaught refusal's page, the CLI, logs) the
 * catalogue words them all in a line (`oit_input_invalid`).
 */
export class OitInputError extends Refusal {
  constructor(readonly problems: OitProblem[]) {
    super(422, problem('', 'oit_input_invalid', { problems }));
  }
}

/** The problems of one item's form (`prefix`: the item, so each field is the page's own). */
export function inputError(problems: OitProblem[], prefix = ''): OitInputError {
  return new OitInputError(
    problems.map((p) => ({ ...p, field: prefix ? `${prefix}-${p.field}` : p.field })),
  );
}

export function actorLabel(actor: Actor): string {
  if (actor.kind === 'user') return actor.email;
  if (actor.kind === 'system') return `system:${actor.label}`;
  return 'anonymous';
}

/**
 * Moves an agency's OIT to `status` by `action` (workflow.ts) and audits it as `audit`, with the
 * status before and after (and `after`'s extra facts), in the caller's transaction.
 */
export async function saveTransition(
  tx: Db,
  actor: Actor,
  fiscalYear: number,
  agencyCode: string,
  t: {
    action: OitAction;
    audit: AuditAction;
    before: OitStatus;
    status: OitStatus;
    after?: Record<string, unknown>;
  },
): Promise<void> {
  await saveOitState(tx, fiscalYear, agencyCode, {
    status: t.status,
    action: t.action,
    changedBy: actorLabel(actor),
  });
  await recordAudit(tx, {
    actor,
    action: t.audit,
    recordType: 'oit',
    recordId: `${fiscalYear}/${agencyCode}`,
    before: { status: t.before },
    after: { status: t.status, ...t.after },
  });
}

/**
 * Saves the auditor's score and comment of each item as its new version, and audits each (one
 * entry per item, as item by item), in the caller's transaction.
 */
export async function saveItemReviews(
  tx: Db,
  actor: Actor,
  fiscalYear: number,
  reviews: readonly { entry: OitEntry; review: OitReview }[],
  status: OitStatus,
  audit: 'oit.item.score' | 'oit.item.re_review',
): Promise<void> {
  await saveOitVersions(
    tx,
    fiscalYear,
    reviews.map(({ entry, review }) => ({ ...entry, status, ...review })),
    'auditor',
    actorLabel(actor),
  );
  await recordAudits(
    tx,
    reviews.map(({ entry, review }) => ({
      actor,
      action: audit,
      recordType: 'oit_entry',
      recordId: `${fiscalYear}/${entry.agencyCode}/${entry.item}`,
      before: { score: entry.score, comment: entry.comment },
      after: review,
    })),
  );
}

export async function requireAgency(db: Db, code: string): Promise<Agency> {
  const a = await findAgency(db, code);
  if (!a) throw notFound(problem('', 'oit_refused', { reason: 'noAgency' }));
  return a;
}

import type { OitPhase, OitSheet } from '../domain/oit/sheet.ts';

export type { OitPhase, OitSheet };

export async function requireWindow(
  db: Db,
  fiscalYear: number,
  phase: OitPhase,
  agencyCode: string,
  now: Date,
): Promise<void> {
  const calendar = await loadCalendar(db, fiscalYear);
  const st = phaseState(calendar, phase, agencyCode, thaiDay(now));
  if (st.state !== 'open') {
    const days = st.state === 'not_set' ? {} : { opensOn: st.opensOn, closesOn: st.closesOn };
    throw new Refusal(409, problem('', 'oit_window_closed', { phase, ...days }));
  }
}

export async function windowsOpen(
  db: Db,
  fiscalYear: number,
  agencyCode: string,
  now: Date,
): Promise<Record<OitPhase, boolean>> {
  const calendar = await loadCalendar(db, fiscalYear);
  const day = thaiDay(now);
  const open = (p: OitPhase) => phaseState(calendar, p, agencyCode, day).state === 'open';
  return {
    'oit-entry': open('oit-entry'),
    'oit-review': open('oit-review'),
    clarification: open('clarification'),
    confirmation: open('confirmation'),
  };
}

export async function windowStates(
  db: Db,
  fiscalYear: number,
  agencyCode: string,
  now: Date,
): Promise<Record<OitPhase, PhaseState>> {
  const calendar = await loadCalendar(db, fiscalYear);
  const day = thaiDay(now);
  const st = (p: OitPhase) => phaseState(calendar, p, agencyCode, day);
  return {
    'oit-entry': st('oit-entry'),
    'oit-review': st('oit-review'),
    clarification: st('clarification'),
    confirmation: st('confirmation'),
  };
}

export async function loadSheet(
  db: Db,
  years: YearService,
  fiscalYear: number,
  agency: Agency,
  now: Date,
): Promise<OitSheet> {
  const year = await years.require(fiscalYear);
  const framework = year.framework;
  const state = await findOitState(db, fiscalYear, agency.code);
  const entries: Record<string, OitEntry> = {};
  for (const e of await loadCurrentOit(db, fiscalYear, [agency.code])) entries[e.item] = e;
  const checks: Record<string, LinkCheckRow[]> = {};
  for (const c of await latestLinkChecks(db, fiscalYear, agency.code))
    (checks[c.item] ??= []).push(c);
  const order = itemOrder(framework);
  const status = state?.status ?? null;
  const showScores =
    status === 'reviewed' ||
    status === 'clarification_requested' ||
    status === 're_reviewed' ||
    status === 'confirmed';
  const scoreMap: Record<string, number | null> = {};
  for (const code of order) scoreMap[code] = entries[code]?.score ?? null;
  return {
    fiscalYear,
    agency,
    framework,
    groups: groupOitItems(framework),
    order,
    status,
    reviewStarted: state?.reviewStartedAt != null,
    entries,
    checks,
    done: order.filter((c) => isItemDone(entries[c])).length,
    scored: order.filter((c) => entries[c]?.score != null).length,
    total: order.length,
    windows: await windowsOpen(db, fiscalYear, agency.code, now),
    windowStates: await windowStates(db, fiscalYear, agency.code, now),
    scores: showScores ? oitScores(framework, scoreMap, status === 'confirmed') : null,
  };
}
