// Problems as people read them: an import's line and column, a framework file's path, and the
// catalogue's words in both languages.
import type { ImportIssue } from '../../src/domain/import-issue.ts';
import type { Problem } from '../../src/domain/problem.ts';
import { problemTexts } from '../../src/i18n/problem-text.ts';

export const worded = (issues: readonly ImportIssue[]) =>
  issues.map((i) => ({ line: i.line, column: i.field || null, ...problemTexts(i) }));

/** A framework file's problems as the page and the CLI show them: path and both languages. */
export const wordedAt = (problems: readonly Problem[]) =>
  problems.map((p) => ({ path: p.field, ...problemTexts(p) }));
