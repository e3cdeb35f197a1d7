// An import's issues as the person importing reads them: line, column and the catalogue's words.
import type { ImportIssue } from '../../src/domain/import-issue.ts';
import { problemTexts } from '../../src/i18n/problem-text.ts';

export const worded = (issues: readonly ImportIssue[]) =>
  issues.map((i) => ({ line: i.line, column: i.field || null, ...problemTexts(i) }));
