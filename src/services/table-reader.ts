// The one reader behind every import (agencies, responses, OIT, past results): turns a file's
// bytes into a header and header-keyed rows with their line numbers, streamed.
// - CSV in UTF-8 (with or without BOM) or Windows-874 / TIS-620, what Thai Excel writes by
//   default: detected, or chosen by the caller (`--encoding`).
// - .xlsx: the first worksheet, the same columns (recognised by its ZIP signature, not its name),
//   read whole up to MAX_XLSX_BYTES.
// Refused with file, line and column: an unreadable byte, an over-long value, a header with a
// repeated or empty name, a row with the wrong number of values. Which columns are allowed is
// each import's business (domain/row-import.ts, domain/agency-import.ts).
import ExcelJS from 'exceljs';
import { Readable } from 'node:stream';
import { ImportRejected, type ImportIssue } from '../domain/import-issue.ts';
import { unquoteCell } from '../domain/spreadsheet-cell.ts';
import { firstControl, TEXT_LIMITS } from '../domain/text-limits.ts';
import { controlCharacter, createRecordSplitter, type RawRecord } from './csv-stream.ts';

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

const ZIP_SIGNATURE = [0x50, 0x4b, 0x03, 0x04];

/** A column by its header name, or by position (#3) before the header is known. */
const column = (header: string[] | undefined, i: number) => header?.[i] || `#${i + 1}`;

function badByte(encoding: TextEncodingName | undefined): { th: string; en: string } {
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
function checkHeaderNames(file: string, raw: string[]): string[] {
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

const emptyFile = (file: string) =>
  new ImportRejected(file, [
    { line: 1, column: null, th: 'ไฟล์ว่าง ไม่มีแถวหัวตาราง', en: 'The file is empty: no header row' },
  ]);

/** Yields the header first ({ header }), then each row; anything unreadable rejects the file. */
export async function* readTable(
  file: string,
  source: TableSource,
  options: ReadOptions = {},
): AsyncGenerator<TableItem> {
  if (typeof source === 'string') {
    yield* readCsv(
      file,
      (async function* () {
        yield source;
      })(),
      undefined,
    );
    return;
  }
  const chunks = byteChunks(source);
  const first = await chunks.next();
  if (first.done) throw emptyFile(file);
  const head = first.value;
  const rest = (async function* () {
    yield head;
    yield* chunks;
  })();
  if (ZIP_SIGNATURE.every((b, i) => head[i] === b)) yield* readXlsx(file, rest);
  else yield* readCsv(file, decode(rest, options.encoding), options.encoding);
}

async function* byteChunks(source: Readable | Uint8Array): AsyncGenerator<Uint8Array> {
  if (source instanceof Uint8Array) {
    if (source.length) yield source;
    return;
  }
  for await (const chunk of source as AsyncIterable<Buffer | string>) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
    if (bytes.length) yield bytes;
  }
}

/**
 * Counts well-formed multi-byte UTF-8 characters and malformed sequences (an unfinished last
 * character is neither). Thai in UTF-8 is all 3-byte characters; Thai in Windows-874 is single
 * bytes 0xA1–0xFB, which are almost never well-formed UTF-8, so the two counts tell them apart
 * even when a UTF-8 file holds a stray bad byte.
 */
export function utf8Evidence(bytes: Uint8Array): { good: number; bad: number } {
  let good = 0;
  let bad = 0;
  let i = 0;
  const cont = (k: number, lo = 0x80, hi = 0xbf) =>
    k < bytes.length && bytes[k]! >= lo && bytes[k]! <= hi;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    const need =
      b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : 0;
    if (need === 0) {
      bad++;
      i++;
      continue;
    }
    const lo = b === 0xe0 ? 0xa0 : b === 0xf0 ? 0x90 : 0x80;
    const hi = b === 0xed ? 0x9f : b === 0xf4 ? 0x8f : 0xbf;
    const avail = bytes.length - i - 1;
    if (avail < need) {
      // Cut by the chunk's end: judge only the bytes that are there.
      let ok = avail === 0 || cont(i + 1, lo, hi);
      for (let k = 2; k <= avail; k++) ok &&= cont(i + k);
      if (!ok) bad++;
      break;
    }
    let ok = cont(i + 1, lo, hi);
    for (let k = 2; k <= need; k++) ok &&= cont(i + k);
    if (ok) {
      good++;
      i += need + 1;
    } else {
      bad++;
      i++;
    }
  }
  return { good, bad };
}

/**
 * Bytes to text. Undecided, ASCII passes as is (it reads the same in both encodings); the first
 * bytes above 0x7F decide: a BOM or (mostly) well-formed UTF-8 means UTF-8, anything else the Thai
 * code page. Unreadable bytes come out as U+FFFD, which the splitter refuses with its position.
 */
async function* decode(
  chunks: AsyncIterable<Uint8Array>,
  chosen: TextEncodingName | undefined,
): AsyncGenerator<string> {
  let decoder = chosen ? new TextDecoder(chosen) : undefined;
  const ascii = new TextDecoder('utf-8');
  let held: Uint8Array[] = [];
  // ICU reads the bytes Windows-874 leaves undefined (0x81…, 0xDB–0xDE, 0xFC–0xFF) as C1 controls
  // and private-use characters; they are no Thai, so they count as unreadable like U+FFFD.
  const text = (s: string) =>
    decoder?.encoding === 'windows-874' ? s.replace(/[\u0080-\u009f\ue000-\uf8ff]/g, '\uFFFD') : s;
  for await (const bytes of chunks) {
    if (decoder) {
      yield text(decoder.decode(bytes, { stream: true }));
      continue;
    }
    if (held.length === 0 && !bytes.some((b) => b > 0x7f)) {
      yield ascii.decode(bytes);
      continue;
    }
    held.push(bytes);
    const all = held.length === 1 ? bytes : Buffer.concat(held);
    const bom = all[0] === 0xef && all[1] === 0xbb && all[2] === 0xbf;
    const { good, bad } = utf8Evidence(all);
    if (!bom && good + bad === 0) continue; // only a cut character so far: wait for more
    decoder = new TextDecoder(bom || bad === 0 || good > 4 * bad ? 'utf-8' : 'windows-874');
    held = [];
    yield text(decoder.decode(all, { stream: true }));
  }
  if (!decoder && held.length) {
    decoder = new TextDecoder('utf-8');
    yield decoder.decode(Buffer.concat(held), { stream: true });
  }
  if (decoder) {
    const tail = decoder.decode();
    if (tail) yield text(tail);
  }
}

async function* readCsv(
  file: string,
  texts: AsyncIterable<string>,
  encoding: TextEncodingName | undefined,
): AsyncGenerator<TableItem> {
  let header: string[] | undefined;
  const splitter = createRecordSplitter(file, {
    maxField: MAX_FIELD_CHARS,
    // Before the header is drained, the first record read is it.
    columnName: (i) => column(header ?? records[0]?.fields.map((h) => h.trim()), i),
    badByte: badByte(encoding),
  });
  const records: RawRecord[] = [];
  function* drain(): Generator<TableItem> {
    for (const r of records) {
      if (!header) {
        header = checkHeaderNames(file, r.fields);
        yield { header };
        continue;
      }
      // Blank lines are skipped.
      if (r.fields.length === 1 && r.fields[0] === '') continue;
      if (r.fields.length !== header.length)
        throw new ImportRejected(file, [
          {
            line: r.line,
            column: null,
            th: `จำนวนคอลัมน์ไม่ตรงกับหัวตาราง (พบ ${r.fields.length} ต้องมี ${header.length})`,
            en: `Wrong number of columns (found ${r.fields.length}, the header has ${header.length})`,
          },
        ]);
      const values: Record<string, string> = {};
      for (let i = 0; i < header.length; i++) values[header[i]!] = unquoteCell(r.fields[i]!.trim());
      yield { row: { line: r.line, values } };
    }
    records.length = 0;
  }
  for await (const text of texts) {
    splitter.push(text, records);
    yield* drain();
  }
  splitter.end(records);
  yield* drain();
  if (!header) throw emptyFile(file);
}

/** A cell as the text a CSV of the same sheet would hold. */
function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return String(v);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  // A date cell is a day here (submitted_on): Excel keeps no zone, exceljs reads it as UTC.
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? '' : v.toISOString().slice(0, 10);
  if ('richText' in v) return v.richText.map((r) => r.text).join('');
  if ('formula' in v || 'sharedFormula' in v)
    return cellText((v as { result?: ExcelJS.CellValue }).result ?? null);
  if ('hyperlink' in v) return typeof v.text === 'string' ? v.text : cellText(v.text);
  if ('error' in v) return String(v.error);
  return '';
}

/** Largest .xlsx read: the sheet is read whole (about 5 KB of memory per row); bigger tables go as CSV, which streams. */
export const MAX_XLSX_BYTES = 10 * 1024 * 1024;

async function* readXlsx(
  file: string,
  bytes: AsyncIterable<Uint8Array>,
): AsyncGenerator<TableItem> {
  const parts: Uint8Array[] = [];
  let size = 0;
  for await (const b of bytes) {
    size += b.length;
    if (size > MAX_XLSX_BYTES)
      throw new ImportRejected(file, [
        {
          line: 1,
          column: null,
          th: `ไฟล์ .xlsx ใหญ่เกิน ${MAX_XLSX_BYTES / 1024 / 1024} MB กรุณาบันทึกเป็น CSV แล้วนำเข้าแทน`,
          en: `The .xlsx file is over ${MAX_XLSX_BYTES / 1024 / 1024} MB; save it as CSV and import that instead`,
        },
      ]);
    parts.push(b);
  }
  // exceljs's streaming reader (WorkbookReader) drops zip entries now and then (exceljs#3064):
  // the whole-file reader is the reliable one, and the size limit above bounds its memory.
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(Buffer.concat(parts) as unknown as ArrayBuffer);
  } catch {
    throw new ImportRejected(file, [
      {
        line: 1,
        column: null,
        th: 'อ่านไฟล์ .xlsx ไม่ได้ (ไฟล์เสียหรือไม่ใช่สมุดงาน Excel)',
        en: 'Cannot read the .xlsx file (damaged, or not an Excel workbook)',
      },
    ]);
  }
  // The first worksheet as the workbook orders its tabs.
  const sheet = wb.worksheets[0];
  const rows: { number: number; values: ExcelJS.CellValue[] }[] = [];
  sheet?.eachRow((row) =>
    rows.push({ number: row.number, values: (row.values as ExcelJS.CellValue[]).slice(1) }),
  );
  let header: string[] | undefined;
  for (const row of rows) {
    // Array.from, not map: exceljs leaves holes for empty cells, and map would keep them.
    const cells = Array.from(row.values, (v, i) => {
      const text = cellText(v);
      const control = firstControl(text);
      if (control >= 0)
        throw new ImportRejected(file, [
          {
            line: row.number,
            column: column(header, i),
            ...controlCharacter(text, control),
          },
        ]);
      if (text.length > MAX_FIELD_CHARS)
        throw new ImportRejected(file, [
          {
            line: row.number,
            column: column(header, i),
            th: `ข้อความยาวเกิน ${MAX_FIELD_CHARS.toLocaleString('en')} ตัวอักษร`,
            en: `The value is longer than ${MAX_FIELD_CHARS.toLocaleString('en')} characters`,
          },
        ]);
      return text;
    });
    if (!header) {
      // Empty cells after the last name are formatting, not columns.
      while (cells.length && cells[cells.length - 1]!.trim() === '') cells.pop();
      if (cells.length === 0) continue;
      header = checkHeaderNames(file, cells);
      yield { header };
      continue;
    }
    if (cells.every((c) => c.trim() === '')) continue;
    const extra = cells.findIndex((c, i) => i >= header!.length && c.trim() !== '');
    if (extra >= 0)
      throw new ImportRejected(file, [
        {
          line: row.number,
          column: `#${extra + 1}`,
          th: `มีค่าในคอลัมน์ที่ ${extra + 1} ซึ่งไม่มีชื่อในแถวหัวตาราง (มี ${header.length} คอลัมน์)`,
          en: `A value in column ${extra + 1}, beyond the header's ${header.length} columns`,
        },
      ]);
    const values: Record<string, string> = {};
    for (let i = 0; i < header.length; i++)
      values[header[i]!] = unquoteCell((cells[i] ?? '').trim());
    yield { row: { line: row.number, values } };
  }
  if (!header) throw emptyFile(file);
}
