// An import's report: the file, then each issue's line and column and the catalogue's words.
import type { ImportIssue } from '../domain/import-issue.ts';
import { problemText } from './problem-text.ts';
import type { Lang } from './types.ts';

export function formatImportIssues(file: string, issues: ImportIssue[], lang: Lang): string {
  const head =
    lang === 'th'
      ? `นำเข้าไฟล์ ${file} ไม่สำเร็จ ไม่มีข้อมูลใดถูกบันทึก (พบ ${issues.length} ปัญหา):`
      : `Import of ${file} rejected; nothing was saved (${issues.length} problem(s)):`;
  const lines = issues.map((i) => {
    const where =
      lang === 'th'
        ? `บรรทัด ${i.line}${i.field ? ` คอลัมน์ ${i.field}` : ''}`
        : `line ${i.line}${i.field ? `, column ${i.field}` : ''}`;
    return `  ${file}:${where}: ${problemText(i, lang)}`;
  });
  return [head, ...lines].join('\n');
}
