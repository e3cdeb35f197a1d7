// What the file imports share: who may import, batch sizes, and the list of a file's issues
// (up to the reporting limit), each a coded problem on a line (the CLI words them).
import { isNacc } from '../domain/access.ts';
import type { Actor } from '../domain/actor.ts';
import { MAX_REPORTED_ISSUES, type ImportIssue } from '../domain/import-issue.ts';
import { bare, type Problem } from '../domain/problem.ts';
import { Refusal } from './errors.ts';

export const BATCH = 5000;
export const RECOUNT_BATCH = 500;

export function requireNacc(actor: Actor) {
  if (!isNacc(actor)) throw new Refusal(403, bare('', 'import_forbidden'));
}

/** Collects issues up to the reporting limit; true once the file is known bad. */
export function issueList() {
  const issues: ImportIssue[] = [];
  const push = (issue: ImportIssue) => {
    if (issues.length < MAX_REPORTED_ISSUES) issues.push(issue);
  };
  return {
    issues,
    /** A problem on a line, in the field (column) it names. */
    problem: (line: number) => (p: Problem) => push({ line, ...p }),
    get full() {
      return issues.length >= MAX_REPORTED_ISSUES;
    },
  };
}
