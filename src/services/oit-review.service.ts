// The auditor's side of OIT: the assigned agencies with progress, starting a review (which
// re-checks the links), scoring items, finishing the preliminary review, re-reviewing disputed
// items after clarification, and confirming the result (which recomputes the score card).
import type { Actor } from '../domain/actor.ts';
import { isNacc } from '../domain/access.ts';
import {
  awaitsAuditor,
  itemOrder,
  parseOitReview,
  statusAfter,
  type OitReviewForm,
} from '../domain/oit/workflow.ts';
import { en } from '../i18n/en.ts';
import { th } from '../i18n/th.ts';
import { loadCurrentOit, saveOitVersions, type OitValues } from '../storage/oit.repository.ts';
import { listOitProgress } from '../storage/oit-progress.repository.ts';
import { findOitState } from '../storage/oit-state.repository.ts';
import { findGrants } from '../storage/user.repository.ts';
import { problem } from '../domain/problem.ts';
import { orPage, Refusal } from './errors.ts';
import type { OitDeps } from './oit.service.ts';
import { createOitConfirmation } from './oit-confirmation.ts';
import { createReviewGate, notAuditor, type ItemReview } from './oit-review-gate.ts';
import {
  actorLabel,
  inputError,
  loadSheet,
  OitInputError,
  saveItemReviews,
  saveTransition,
  type OitSheet,
} from './oit-shared.ts';

export function createOitReviewService({ db, clock, ...deps }: OitDeps) {
  const gate = createReviewGate({ db, clock, ...deps });
  const { reviewed, change, startIfNeeded } = gate;
  const confirmation = createOitConfirmation(gate);

  /**
   * Scores submitted items 0 or 100 (a 0 needs a comment): one item from its form, or many of
   * one agency at once. All or nothing: any item's problem refuses the lot with every problem,
   * each on its item's field, and an item the agency did not answer refuses it (404).
   */
  async function scoreItems(
    actor: Actor,
    fiscalYear: number,
    agencyCode: string,
    reviews: Record<string, OitReviewForm>,
  ): Promise<void> {
    const parsed = Object.entries(reviews).map(([item, raw]) => ({
      item,
      review: parseOitReview(raw),
    }));
    return change(actor, fiscalYear, agencyCode, 'oit-review', 'score', async (tx, status) => {
      const problems = parsed.flatMap(({ item, review }) =>
        review.ok ? [] : inputError(review.problems, item).problems,
      );
      if (problems.length) throw new OitInputError(problems);
      const current = new Map(
        (await loadCurrentOit(tx, fiscalYear, [agencyCode])).map((e) => [e.item, e]),
      );
      const rows = parsed.map(({ item, review }) => {
        const entry = current.get(item);
        if (!entry || entry.answer === null || !review.ok)
          throw new Refusal(404, problem('', 'oit_refused', { reason: 'noItem' }));
        return { entry, review: review.value };
      });
      if (rows.length === 0) return;
      await startIfNeeded(tx, actor, fiscalYear, agencyCode, status);
      await saveItemReviews(
        tx,
        actor,
        fiscalYear,
        rows,
        statusAfter(status, 'score'),
        'oit.item.score',
      );
    });
  }

  const scoreItem: ItemReview = (actor, fiscalYear, agencyCode, item, raw) =>
    scoreItems(actor, fiscalYear, agencyCode, { [item]: raw });

  /**
   * The auditor's score of one item, in whichever review the agency is in: the preliminary
   * review, or the second look at an item the agency disputed (clarification requested,
   * re-reviewed). Each path checks the state again inside its own transaction.
   */
  const reviewItem: ItemReview = async (actor, fiscalYear, agencyCode, item, raw) => {
    const agency = await reviewed(actor, agencyCode);
    const state = await findOitState(db, fiscalYear, agency.code, false);
    const secondLook =
      state?.status === 'clarification_requested' || state?.status === 're_reviewed';
    return secondLook
      ? confirmation.reReviewItem(actor, fiscalYear, agencyCode, item, raw)
      : scoreItem(actor, fiscalYear, agencyCode, item, raw);
  };

  /** The review sheet of one agency. */
  async function sheet(actor: Actor, fiscalYear: number, agencyCode: string): Promise<OitSheet> {
    const agency = await reviewed(actor, agencyCode);
    return loadSheet(db, deps.years, fiscalYear, agency, clock());
  }

  const service = {
    /** The agencies this auditor reviews (the NACC: every agency that has started), with progress. */
    async assigned(actor: Actor, fiscalYear: number) {
      const year = await deps.years.require(fiscalYear);
      const total = year.framework.oitItems.length;
      let rows;
      if (actor.kind === 'user' && !isNacc(actor)) {
        const codes = (await findGrants(db, actor.userId))
          .filter((g) => g.role === 'auditor' && g.scope)
          .map((g) => g.scope!);
        rows = await listOitProgress(db, fiscalYear, { codes });
      } else if (isNacc(actor)) {
        rows = (await listOitProgress(db, fiscalYear, {})).filter((r) => r.status !== null);
      } else throw notAuditor();
      return rows.map((r) => ({ ...r, total }));
    },

    sheet,

    /** Marks the review started and checks the links again, so findings are fresh. */
    startReview: (actor: Actor, fiscalYear: number, agencyCode: string) =>
      change(actor, fiscalYear, agencyCode, 'oit-review', 'start_review', async (tx, status) => {
        await startIfNeeded(tx, actor, fiscalYear, agencyCode, status);
      }),

    reviewItem,
    scoreItem,
    scoreItems,

    /** An item scored from the sheet: an input refusal (422) comes with the sheet to show it on. */
    reviewItemOrSheet: (
      actor: Actor,
      fiscalYear: number,
      agencyCode: string,
      item: string,
      raw: OitReviewForm,
    ) =>
      orPage(
        () => reviewItem(actor, fiscalYear, agencyCode, item, raw),
        (e): e is OitInputError => e instanceof OitInputError,
        () => sheet(actor, fiscalYear, agencyCode),
      ),

    /**
     * Finishes the preliminary review: every item the agency says it publishes, or explains as
     * not applicable, must be scored;
     * items answered "not published" or not answered score 0 with a standard comment.
     */
    finishReview: (actor: Actor, fiscalYear: number, agencyCode: string) =>
      change(
        actor,
        fiscalYear,
        agencyCode,
        'oit-review',
        'finish_review',
        async (tx, before, framework) => {
          const status = statusAfter(before, 'finish_review');
          const current = new Map(
            (await loadCurrentOit(tx, fiscalYear, [agencyCode])).map((e) => [e.item, e]),
          );
          const unscored = itemOrder(framework).filter(
            (c) => awaitsAuditor(current.get(c)?.answer) && current.get(c)?.score === null,
          );
          if (unscored.length)
            throw new Refusal(409, problem('', 'oit_unscored', { items: unscored.join(', ') }));
          const rows: OitValues[] = itemOrder(framework).map((code) => {
            const e = current.get(code);
            if (e && awaitsAuditor(e.answer)) return { ...e, status };
            const base = e ?? {
              agencyCode,
              item: code,
              answer: null,
              urls: [],
              note: null,
              dispute: null,
            };
            return {
              ...base,
              status,
              score: 0,
              comment: `${th.oit.autoComment} / ${en.oit.autoComment}`,
            };
          });
          await saveOitVersions(tx, fiscalYear, rows, 'auditor', actorLabel(actor));
          await saveTransition(tx, actor, fiscalYear, agencyCode, {
            action: 'finish_review',
            audit: 'oit.review.finish',
            before,
            status,
          });
        },
      ),

    ...confirmation,
  };
  return service;
}

export type OitReviewService = ReturnType<typeof createOitReviewService>;
