// A file refused whole: its coded issues (domain/import-issue.ts); the CLI words them in Thai and
// English, and the error's own message is the English report (for logs).
import type { ImportIssue } from '../domain/import-issue.ts';
import { formatImportIssues } from '../i18n/import-text.ts';

export class ImportRejected extends Error {
  constructor(
    readonly file: string,
    readonly issues: ImportIssue[],
  ) {
    super(formatImportIssues(file, issues, 'en'));
  }
}
