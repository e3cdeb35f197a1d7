// What every auditor's action goes through: the agency must be one the actor reviews, the
// phase's window open, and the agency's state one the action may start from (domain/oit/
// workflow.ts), checked again inside the action's transaction; and the review's start, once.
import type { Actor } from '../domain/actor.ts';
import type { Framework } from '../domain/framework/schema.ts';
import { canReviewAgency } from '../domain/access.ts';
import {
  actionAllowed,
  statusAfter,
  type OitAction,
  type OitReviewForm,
  type OitStatus,
} from '../domain/oit/workflow.ts';
import type { Db } from '../storage/database.ts';
import { enqueueJobs } from '../storage/job.repository.ts';
import { findOitState, saveOitState } from '../storage/oit-state.repository.ts';
import { problem } from '../domain/problem.ts';
import { forbidden } from './errors.ts';
import { linkCheckJob } from './job-kinds.ts';
import type { OitDeps } from './oit.service.ts';
import {
  actorLabel,
  requireAgency,
  requireWindow,
  stateError,
  type OitPhase,
} from './oit-shared.ts';

/** An auditor's review of one item: the preliminary score, or the second look at a disputed one. */
export type ItemReview = (
  actor: Actor,
  fiscalYear: number,
  agencyCode: string,
  item: string,
  raw: OitReviewForm,
) => Promise<void>;

export const notAuditor = () => forbidden(problem('', 'oit_refused', { reason: 'notAuditor' }));

export function createReviewGate({ db, clock, ...deps }: OitDeps) {
  async function reviewed(actor: Actor, agencyCode: string) {
    const agency = await requireAgency(db, agencyCode);
    if (!canReviewAgency(actor, agency)) throw notAuditor();
    return agency;
  }

  /** Runs a state change: window, access and state checks, then `change` in one transaction. */
  async function change<T>(
    actor: Actor,
    fiscalYear: number,
    agencyCode: string,
    phase: OitPhase,
    action: OitAction,
    body: (tx: Db, status: OitStatus, framework: Framework) => Promise<T>,
  ): Promise<T> {
    const agency = await reviewed(actor, agencyCode);
    // Read before the transaction: PGlite has one connection, so `db` inside it would wait forever.
    const { framework } = await deps.years.require(fiscalYear);
    await requireWindow(db, fiscalYear, phase, agency.code, clock());
    return db.transaction().execute(async (tx) => {
      const state = await findOitState(tx, fiscalYear, agency.code, true);
      if (!state || !actionAllowed(state.status, action)) throw stateError(action);
      return body(tx, state.status, framework);
    });
  }

  async function startIfNeeded(
    tx: Db,
    actor: Actor,
    fiscalYear: number,
    agencyCode: string,
    status: OitStatus,
  ) {
    const state = await findOitState(tx, fiscalYear, agencyCode);
    if (state?.reviewStartedAt) return;
    await saveOitState(tx, fiscalYear, agencyCode, {
      status: statusAfter(status, 'start_review'),
      action: 'start_review',
      changedBy: actorLabel(actor),
      reviewStarted: true,
    });
    await enqueueJobs(tx, [linkCheckJob(fiscalYear, agencyCode, 'review')]);
  }

  return { reviewed, change, startIfNeeded };
}

export type ReviewGate = ReturnType<typeof createReviewGate>;
