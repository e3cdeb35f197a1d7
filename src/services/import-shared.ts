// What the file imports share: who may import, batch sizes, and the list of a file's issues
// (up to the reporting limit), each a problem with a code worded by the i18n catalogue.
import { isNacc } from '../domain/access.ts';
import type { Actor } from '../domain/actor.ts';
import { MAX_REPORTED_ISSUES, type ImportIssue } from '../domain/import-issue.ts';
import type { Problem } from '../domain/problem.ts';
import { problemTexts } from '../i18n/problem-text.ts';
import { ForbiddenError } from './errors.ts';

export const BATCH = 5000;
export const RECOUNT_BATCH = 500;

export function requireNacc(actor: Actor) {
  if (!isNacc(actor))
    throw new ForbiddenError(
      'นำเข้าข้อมูลได้เฉพาะ สำนักงาน ป.ป.ช.',
      'Only the NACC may import assessment data',
    );
}

/** Collects issues up to the reporting limit; true once the file is known bad. */
export function issueList() {
  const issues: ImportIssue[] = [];
  const push = (issue: ImportIssue) => {
    if (issues.length < MAX_REPORTED_ISSUES) issues.push(issue);
  };
  return {
    issues,
    add: (line: number) => (column: string, th: string, en: string) =>
      push({ line, column, th, en }),
    /** A problem on a line, in the field it names. */
    problem: (line: number) => (p: Problem) => push({ line, column: p.field, ...problemTexts(p) }),
    get full() {
      return issues.length >= MAX_REPORTED_ISSUES;
    },
  };
}
