// What every imported table is made of (header-keyed rows with their line numbers), the options of
// a read, and the checks the CSV and XLSX readers share (header names, value length, empty file).
import { Readable } from 'node:stream';
import { ImportRejected, type ImportIssue } from '../domain/import-issue.ts';
import { TEXT_LIMITS } from '../domain/text-limits.ts';

export interface TableRow {
  line: number;
  values: Record<string, string>;
}

export type TableItem = { header: string[] } | { row: TableRow };

/** A file as bytes (Buffer or stream) or, from code that already holds it, as text. */
export type TableSource = Readable | Uint8Array | string;

export const TEXT_ENCODINGS = ['utf-8', 'windows-874'] as const;

export type TextEncodingName = (typeof TEXT_ENCODINGS)[number];

export interface ReadOptions {
  /** The CSV's encoding; unset: detected (UTF-8 unless the bytes cannot be UTF-8 Thai). */
  encoding?: TextEncodingName;
}

/** Longest value in any cell. Generous for notes and comments; a 3-million-character name is not. */
export const MAX_FIELD_CHARS = TEXT_LIMITS.importValue;

/** A column by its header name, or by position (#3) before the header is known. */
export const column = (header: string[] | undefined, i: number) => header?.[i] || `#${i + 1}`;

export function badByte(encoding: TextEncodingName | undefined): { th: string; en: string } {
  return encoding === 'windows-874'
    ? {
        th: 'พบไบต์ที่ไม่ใช่อักขระใน Windows-874 (TIS-620) ตรวจสอบว่าบันทึกไฟล์เป็น CSV UTF-8 หรือ Windows-874',
        en: 'A byte that is not a Windows-874 (TIS-620) character; save the file as CSV in UTF-8 or Windows-874',
      }
    : {
        th: 'พบลำดับไบต์ที่ไม่ใช่ UTF-8 ที่ถูกต้อง หากไฟล์บันทึกจาก Excel ภาษาไทย ให้ระบุ --encoding windows-874 หรือบันทึกเป็น CSV UTF-8',
        en: 'A byte sequence that is not valid UTF-8; if Thai Excel saved the file, give --encoding windows-874 or save it as CSV UTF-8',
      };
}

/** Header names trimmed; a repeated or empty name is refused (line 1, that column). */
export function checkHeaderNames(file: string, raw: string[]): string[] {
  const header = raw.map((h) => h.trim());
  const issues: ImportIssue[] = [];
  const seen = new Set<string>();
  header.forEach((h, i) => {
    if (h === '')
      issues.push({
        line: 1,
        column: `#${i + 1}`,
        th: `คอลัมน์ที่ ${i + 1} ไม่มีชื่อในแถวหัวตาราง`,
        en: `Column ${i + 1} has no name in the header row`,
      });
    else if (seen.has(h))
      issues.push({
        line: 1,
        column: h,
        th: `คอลัมน์ "${h}" ซ้ำในแถวหัวตาราง`,
        en: `Column "${h}" appears twice in the header row`,
      });
    seen.add(h);
  });
  if (issues.length) throw new ImportRejected(file, issues);
  return header;
}

export const emptyFile = (file: string) =>
  new ImportRejected(file, [
    { line: 1, column: null, th: 'ไฟล์ว่าง ไม่มีแถวหัวตาราง', en: 'The file is empty: no header row' },
  ]);
