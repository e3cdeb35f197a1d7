// Splits CSV text (RFC 4180) into records with their line numbers, chunk by chunk, so a
// 1.3-million-row file never sits in memory whole. A small state machine instead of csv-parse:
// the national import parses ~50 million fields, where csv-parse's per-field cost showed.
// Decoding bytes and the header belong to table-reader.ts, the one reader every import uses.
import { ImportRejected } from '../domain/import-issue.ts';
import { firstControl } from '../domain/text-limits.ts';

/** What to say about the control character at `at` in `text`. */
export function controlCharacter(text: string, at: number): { th: string; en: string } {
  const code = text.charCodeAt(at).toString(16).toUpperCase().padStart(4, '0');
  return {
    th: `พบอักขระควบคุม (U+${code}) ซึ่งไม่ใช่ข้อความ`,
    en: `A control character (U+${code}), which is not text`,
  };
}

export interface RawRecord {
  line: number;
  fields: string[];
}

export interface SplitterLimits {
  /** Longest field in characters; a longer one is refused while it is still being read. */
  maxField: number;
  /** Names a field by its 0-based position (the header's name once known). */
  columnName: (index: number) => string;
  /** What to say about U+FFFD: the decoder's mark for a byte sequence it could not read. */
  badByte: { th: string; en: string };
}

/** Splits text chunks into records; state carries over chunk boundaries. */
export function createRecordSplitter(file: string, limits: SplitterLimits) {
  let field = '';
  let fields: string[] = [];
  let inQuotes = false;
  let quotePending = false; // saw a quote inside quotes: either "" or the closing quote
  let line = 1;
  let recordLine = 1;
  let started = false;
  let first = true;

  const endField = () => {
    fields.push(field);
    field = '';
  };
  const malformed = (what: string) =>
    new ImportRejected(file, [
      {
        line,
        column: null,
        th: `รูปแบบ CSV ไม่ถูกต้อง (${what})`,
        en: `Malformed CSV (${what})`,
      },
    ]);
  const tooLong = () =>
    new ImportRejected(file, [
      {
        line: recordLine,
        column: limits.columnName(fields.length),
        th: `ข้อความยาวเกิน ${limits.maxField.toLocaleString('en')} ตัวอักษร`,
        en: `The value is longer than ${limits.maxField.toLocaleString('en')} characters`,
      },
    ]);

  function push(text: string, out: RawRecord[]): void {
    // An unreadable byte became U+FFFD; a control character (as the input guard counts them) is
    // never data, and NUL would not even reach the database. Read up to the first of either, so
    // line and column are known, then refuse.
    const fffd = text.indexOf('\uFFFD');
    const control = firstControl(text);
    const bad = fffd < 0 ? control : control < 0 ? fffd : Math.min(fffd, control);
    if (bad >= 0) {
      split(text.slice(0, bad), out);
      const what = text[bad] === '\uFFFD' ? limits.badByte : controlCharacter(text, bad);
      throw new ImportRejected(file, [{ line, column: limits.columnName(fields.length), ...what }]);
    }
    split(text, out);
  }

  function split(text: string, out: RawRecord[]): void {
    let i = 0;
    if (first && text !== '') {
      first = false;
      if (text.charCodeAt(0) === 0xfeff) i = 1;
    }
    for (; i < text.length; i++) {
      const ch = text[i]!;
      if (inQuotes) {
        if (quotePending) {
          quotePending = false;
          if (ch === '"') {
            field += '"';
            continue;
          }
          inQuotes = false; // the quote closed the field: fall through to handle ch
        } else if (ch === '"') {
          quotePending = true;
          continue;
        } else {
          if (ch === '\n') line++;
          field += ch;
          if (field.length > limits.maxField) throw tooLong();
          continue;
        }
      }
      if (ch === ',') {
        endField();
        started = true;
      } else if (ch === '\n') {
        if (started || field !== '' || fields.length) {
          endField();
          out.push({ line: recordLine, fields });
        }
        fields = [];
        started = false;
        line++;
        recordLine = line;
      } else if (ch === '\r') {
        // CRLF: the \n ends the record.
      } else if (ch === '"') {
        if (field !== '') throw malformed('a quote inside an unquoted field');
        inQuotes = true;
        started = true;
      } else {
        // Fast path: copy the rest of an unquoted field in one slice.
        let j = i + 1;
        while (j < text.length) {
          const c = text.charCodeAt(j);
          if (c === 44 || c === 10 || c === 13 || c === 34) break;
          j++;
        }
        field += text.slice(i, j);
        if (field.length > limits.maxField) throw tooLong();
        i = j - 1;
        started = true;
      }
    }
  }

  function end(out: RawRecord[]): void {
    if (inQuotes && !quotePending) throw malformed('a quoted field is not closed');
    if (started || field !== '' || fields.length) {
      endField();
      out.push({ line: recordLine, fields });
    }
  }
  return { push, end };
}
