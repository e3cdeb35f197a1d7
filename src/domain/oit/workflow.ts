// The OIT workflow as pure rules: agency states and their transitions, what an answer and a
// review must contain, and how items group on screen. Problems are codes; the catalogue words them.

import type { Framework, OitItem } from '../framework/schema.ts';
import { oitRollup, type OitRollup } from '../scoring/oit-rollup.ts';
import { TEXT_LIMITS, longerThan } from '../text-limits.ts';
import { bare, problem, type Problem } from '../problem.ts';

/**
 * An agency's OIT state for a year (`oit_agency_states.status` and `oit_entries.status` hold
 * the same words, checked by the migrations).
 */
export type OitStatus =
  'draft' | 'submitted' | 'reviewed' | 'clarification_requested' | 're_reviewed' | 'confirmed';

/** What a person can do to an agency's OIT for a year. */
export type { OitAction };

/**
 * The one transition table: the states each action starts from, and the state it leaves
 * (none: the agency's state stays as it was). Services ask `actionAllowed` and `statusAfter`.
 */
const TRANSITIONS: Record<OitAction, { from: readonly OitStatus[]; to?: OitStatus }> = {
  save: { from: ['draft'] },
  submit: { from: ['draft'], to: 'submitted' },
  start_review: { from: ['submitted'] },
  score: { from: ['submitted'] },
  finish_review: { from: ['submitted'], to: 'reviewed' },
  dispute: { from: ['reviewed', 'clarification_requested'], to: 'clarification_requested' },
  re_review: { from: ['clarification_requested', 're_reviewed'], to: 're_reviewed' },
  confirm: { from: ['reviewed', 'clarification_requested', 're_reviewed'], to: 'confirmed' },
};

/** Whether an action is allowed from an agency's current state. */
export function actionAllowed(status: OitStatus, action: OitAction): boolean {
  return TRANSITIONS[action].from.includes(status);
}

/** The agency's state after an action (assuming actionAllowed). */
export function statusAfter(status: OitStatus, action: OitAction): OitStatus {
  return TRANSITIONS[action].to ?? status;
}

import type { OitAction, OitFormProblemParams, OitProblemParams } from '../problem-params/oit.ts';
export type { OitProblemParams };

/** A problem of an OIT form (an answer, a review, a dispute), on its field. */
export type OitProblem = Problem<keyof OitFormProblemParams>;

export const OIT_ANSWERS = ['has', 'has_not', 'not_applicable'] as const;
export type OitAnswerValue = (typeof OIT_ANSWERS)[number];

export interface OitAnswer {
  /** not_applicable only where the year's framework marks the item `with_explanation`. */
  answer: OitAnswerValue;
  urls: string[];
  note: string | null;
}

export const MAX_URLS = 5;
/** Notes, comments and disputes: the limit of the one table (text-limits.ts), counted linearly. */
export const MAX_TEXT = TEXT_LIMITS.text;

/** Splits what was typed into URLs: one per line, or several on a line separated by spaces. */
export function splitUrls(raw: string): string[] {
  return urlLines(raw).flatMap((l) => l.urls);
}

/**
 * The typed links line by line. A line is its URLs when every word on it is one; otherwise the whole
 * line is one entry (so "ดูที่ https://…" is reported once, as a line, not word by word).
 */
function urlLines(raw: string): { line: number; text: string; urls: string[] }[] {
  const out: { line: number; text: string; urls: string[] }[] = [];
  raw.split(/\r?\n/).forEach((l, i) => {
    const text = l.trim();
    if (!text) return;
    const words = text.split(/\s+/);
    const allUrls = words.every((w) => /^[a-z][a-z0-9+.-]*:\/\//i.test(w));
    out.push({ line: i + 1, text, urls: allUrls ? words : [text] });
  });
  return out;
}

/** Whether the item may be answered "not applicable, with an explanation" (the file says so). */
export function allowsNotApplicable(item: Pick<OitItem, 'notApplicable'>): boolean {
  return item.notApplicable === 'with_explanation';
}

/**
 * Checks one item's answer: has needs at least one http(s) URL; at most five; a short note.
 * not_applicable (only for an item that allows it) needs the explanation, written in the note,
 * instead of URLs; links may still be given (e.g. a page saying there was no such procurement).
 */
export function parseOitAnswer(
  raw: { answer?: string; urls?: string; note?: string },
  item: { code: string; notApplicable?: OitItem['notApplicable'] } = { code: '' },
): { ok: true; value: OitAnswer } | { ok: false; problems: OitProblem[] } {
  const problems: OitProblem[] = [];
  const answer = OIT_ANSWERS.find((a) => a === raw.answer);
  if (!answer) problems.push(bare('answer', 'oit_answer_missing'));
  if (answer === 'not_applicable' && !allowsNotApplicable(item))
    problems.push(problem('answer', 'oit_not_applicable_not_allowed', { item: item.code }));
  // Bounded before it is split: a megabyte of URLs is refused without parsing each one.
  const typed = raw.urls ?? '';
  const tooLong = longerThan(typed, TEXT_LIMITS.urls);
  const lines = tooLong ? [] : urlLines(typed);
  const urls = lines.flatMap((l) => l.urls);
  if (urls.length > MAX_URLS || tooLong) problems.push(bare('urls', 'oit_too_many_urls'));
  for (const { line, urls: onLine } of lines) {
    for (const u of onLine) {
      const url = u.slice(0, 200);
      let parsed: URL | undefined;
      try {
        parsed = new URL(u);
      } catch {
        problems.push(problem('urls', 'oit_url_invalid', { url, line }));
        continue;
      }
      if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
        problems.push(problem('urls', 'oit_url_not_http', { url, line }));
      else if (u.length > MAX_TEXT)
        problems.push(problem('urls', 'oit_url_invalid', { url, line }));
    }
  }
  if (answer === 'has' && urls.length === 0 && !tooLong)
    problems.push(bare('urls', 'oit_url_missing'));
  const note = (raw.note ?? '').trim();
  if (longerThan(note, MAX_TEXT)) problems.push(bare('note', 'oit_note_too_long'));
  if (answer === 'not_applicable' && !note) problems.push(bare('note', 'oit_explanation_missing'));
  if (problems.length > 0 || !answer) return { ok: false, problems };
  return { ok: true, value: { answer, urls, note: note || null } };
}

export interface OitReview {
  score: 0 | 100;
  comment: string | null;
}

/** An auditor's review of one item as the form sends it. */
export interface OitReviewForm {
  score?: string;
  comment?: string;
}

/** Checks an auditor's review: 0 or 100, and a comment whenever the score is 0. */
export function parseOitReview(
  raw: OitReviewForm,
): { ok: true; value: OitReview } | { ok: false; problems: OitProblem[] } {
  const problems: OitProblem[] = [];
  const score = raw.score === '100' ? 100 : raw.score === '0' ? 0 : undefined;
  if (score === undefined) problems.push(bare('score', 'review_score_invalid'));
  const comment = (raw.comment ?? '').trim();
  if (score === 0 && !comment) problems.push(bare('comment', 'review_comment_required'));
  if (longerThan(comment, MAX_TEXT)) problems.push(bare('comment', 'review_comment_too_long'));
  if (problems.length > 0 || score === undefined) return { ok: false, problems };
  return { ok: true, value: { score, comment: comment || null } };
}

/** Checks a dispute's explanation. */
export function parseDispute(
  raw: string | undefined,
): { ok: true; value: string } | { ok: false; problems: OitProblem[] } {
  const text = (raw ?? '').trim();
  if (!text) return { ok: false, problems: [bare('dispute', 'dispute_required')] };
  if (longerThan(text, MAX_TEXT))
    return { ok: false, problems: [bare('dispute', 'dispute_too_long')] };
  return { ok: true, value: text };
}

/**
 * Whether the auditor must judge the item: links given ("has"), or an explanation of why it does
 * not apply (100 accepts the explanation). "Not published" and unanswered items score 0 by rule.
 */
export function awaitsAuditor(answer: string | null | undefined): boolean {
  return answer === 'has' || answer === 'not_applicable';
}

/** An item counts as done when answered: has_not, not_applicable, or has with at least one URL. */
export function isItemDone(
  e: { answer: string | null; urls: readonly string[] } | undefined,
): boolean {
  if (!e) return false;
  return (
    e.answer === 'has_not' ||
    e.answer === 'not_applicable' ||
    (e.answer === 'has' && e.urls.length > 0)
  );
}

export interface OitItemGroup {
  indicator: string;
  subIndicator: { code: string; name: Framework['oitItems'][number]['title'] };
  headings: { code: string; name: OitItem['title'] | null; items: OitItem[] }[];
}

/** The year's items grouped by sub-indicator (9.1 … 10.2) and, within each, by heading. */
export function groupOitItems(framework: Framework): OitItemGroup[] {
  const byCode = new Map(framework.oitItems.map((i) => [i.code, i]));
  const headingOf = new Map<string, { code: string; name: OitItem['title'] }>();
  for (const h of framework.oitHeadings)
    for (const code of h.items) headingOf.set(code, { code: h.code, name: h.name });
  const groups: OitItemGroup[] = [];
  for (const ind of framework.indicators) {
    if (ind.tool !== 'OIT') continue;
    for (const sub of ind.subIndicators ?? []) {
      const headings: OitItemGroup['headings'] = [];
      for (const code of sub.items) {
        const item = byCode.get(code);
        if (!item) continue;
        const h = headingOf.get(code);
        const key = h?.code ?? `-${sub.code}`;
        let last = headings[headings.length - 1];
        if (!last || last.code !== key) {
          last = { code: key, name: h?.name ?? null, items: [] };
          headings.push(last);
        }
        last.items.push(item);
      }
      groups.push({
        indicator: ind.code,
        subIndicator: { code: sub.code, name: sub.name },
        headings,
      });
    }
  }
  return groups;
}

/** Item codes in framework order. */
export function itemOrder(framework: Framework): string[] {
  return groupOitItems(framework).flatMap((g) =>
    g.headings.flatMap((h) => h.items.map((i) => i.code)),
  );
}

/**
 * OIT scores from item scores (0/100), by the scorer's one rule (scoring/oit-rollup.ts). An item
 * without a score counts as 0 only when `missingAsZero` (the confirmed result); otherwise the
 * figure is null.
 */
export function oitScores(
  framework: Framework,
  scores: Record<string, number | null | undefined>,
  missingAsZero: boolean,
): OitRollup {
  return oitRollup(framework, (code) => scores[code] ?? (missingAsZero ? 0 : null));
}
