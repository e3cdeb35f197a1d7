// The second half of an OIT review: re-reviewing the items an agency disputed, and confirming
// the result (every item confirmed, then the agency's score card recomputed by a job).
import type { Actor } from '../domain/actor.ts';
import { parseOitReview, statusAfter } from '../domain/oit/workflow.ts';
import { enqueueJobs } from '../storage/job.repository.ts';
import { loadCurrentOit, saveOitVersions } from '../storage/oit.repository.ts';
import { saveOitState } from '../storage/oit-state.repository.ts';
import { problem } from '../domain/problem.ts';
import { Refusal } from './errors.ts';
import { recomputeJob } from './job-kinds.ts';
import { actorLabel, inputError, saveItemReviews, saveTransition } from './oit-shared.ts';
import type { ItemReview, ReviewGate } from './oit-review-gate.ts';

export function createOitConfirmation({ change }: ReviewGate) {
  /** Re-reviews an item the agency disputed: a new score and comment, the dispute kept. */
  const reReviewItem: ItemReview = async (actor, fiscalYear, agencyCode, item, raw) => {
    const parsed = parseOitReview(raw);
    return change(
      actor,
      fiscalYear,
      agencyCode,
      'confirmation',
      're_review',
      async (tx, before) => {
        if (!parsed.ok) throw inputError(parsed.problems, item);
        const status = statusAfter(before, 're_review');
        const all = await loadCurrentOit(tx, fiscalYear, [agencyCode]);
        const e = all.find((x) => x.item === item);
        if (!e || e.status !== 'clarification_requested')
          throw new Refusal(409, problem('', 'oit_not_disputed', { item }));
        await saveItemReviews(
          tx,
          actor,
          fiscalYear,
          [{ entry: e, review: parsed.value }],
          status,
          'oit.item.re_review',
        );
        // The agency's state follows once the last disputed item is re-reviewed.
        const open = all.filter((x) => x.item !== item && x.status === 'clarification_requested');
        if (open.length === 0)
          await saveOitState(tx, fiscalYear, agencyCode, {
            status,
            action: 're_review',
            changedBy: actorLabel(actor),
          });
      },
    );
  };

  return {
    reReviewItem,

    /** Confirms the agency's result: every item confirmed, then its score card recomputed. */
    confirm: (actor: Actor, fiscalYear: number, agencyCode: string) =>
      change(actor, fiscalYear, agencyCode, 'confirmation', 'confirm', async (tx, before) => {
        const status = statusAfter(before, 'confirm');
        const all = await loadCurrentOit(tx, fiscalYear, [agencyCode]);
        const open = all.filter((x) => x.status === 'clarification_requested').map((x) => x.item);
        if (open.length)
          throw new Refusal(409, problem('', 'oit_unresolved', { items: open.join(', ') }));
        await saveOitVersions(
          tx,
          fiscalYear,
          all.map((e) => ({ ...e, status })),
          'auditor',
          actorLabel(actor),
        );
        await saveTransition(tx, actor, fiscalYear, agencyCode, {
          action: 'confirm',
          audit: 'oit.confirm',
          before,
          status,
        });
        await enqueueJobs(tx, [recomputeJob(fiscalYear, agencyCode)]);
      }),
  };
}
