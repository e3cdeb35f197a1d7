// A problem found in an imported file, located by line and column, worded in Thai and English.

export interface ImportIssue {
  line: number;
  column: string | null;
  th: string;
  en: string;
}

export class ImportRejected extends Error {
  constructor(
    readonly file: string,
    readonly issues: ImportIssue[],
  ) {
    super(formatImportIssues(file, issues, 'en'));
  }
}

/** How many issues to report before stopping: enough to fix a file in one go, not a flood. */
export const MAX_REPORTED_ISSUES = 50;

export function formatImportIssues(file: string, issues: ImportIssue[], lang: 'th' | 'en'): string {
  const head =
    lang === 'th'
      ? `นำเข้าไฟล์ ${file} ไม่สำเร็จ ไม่มีข้อมูลใดถูกบันทึก (พบ ${issues.length} ปัญหา):`
      : `Import of ${file} rejected; nothing was saved (${issues.length} problem(s)):`;
  const lines = issues.map((i) => {
    const where =
      lang === 'th'
        ? `บรรทัด ${i.line}${i.column ? ` คอลัมน์ ${i.column}` : ''}`
        : `line ${i.line}${i.column ? `, column ${i.column}` : ''}`;
    return `  ${file}:${where}: ${lang === 'th' ? i.th : i.en}`;
  });
  return [head, ...lines].join('\n');
}
