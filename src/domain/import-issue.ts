// A problem found in an imported file: a coded problem (domain/problem.ts) on a line, its field the
// column ('' for the whole line). The i18n catalogue words it (i18n/import-text.ts).
import type { Problem } from './problem.ts';

export type ImportIssue = Problem & { line: number };

/** How many issues to report before stopping: enough to fix a file in one go, not a flood. */
export const MAX_REPORTED_ISSUES = 50;

export type { ImportProblemParams } from './problem-params/import.ts';
