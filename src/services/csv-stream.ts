// Splits CSV text (RFC 4180) into records with their line numbers, chunk by chunk, so a
// 1.3-million-row file never sits in memory whole. A small state machine instead of csv-parse:
// the national import parses ~50 million fields, where csv-parse's per-field cost showed.
// Decoding bytes and the header belong to table-reader.ts, the one reader every import uses.
import { problem, type Problem } from '../domain/problem.ts';
import { ImportRejected } from './import-rejected.ts';
import { firstControl } from '../domain/text-limits.ts';

/** The control character at `at` in `text`, found in `column`. */
export function controlCharacter(column: string, text: string, at: number): Problem {
  const code = text.charCodeAt(at).toString(16).toUpperCase().padStart(4, '0');
  return problem(column, 'control_character', { code });
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
  /** The problem U+FFFD in a column is: the decoder's mark for a byte sequence it could not read. */
  badByte: (column: string) => Problem;
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
  const malformed = (what: 'quote_inside' | 'quote_unclosed') =>
    new ImportRejected(file, [{ line, ...problem('', 'csv_malformed', { what }) }]);
  const tooLong = () =>
    new ImportRejected(file, [
      {
        line: recordLine,
        ...problem(limits.columnName(fields.length), 'value_too_long', { max: limits.maxField }),
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
      const column = limits.columnName(fields.length);
      const what =
        text[bad] === '\uFFFD' ? limits.badByte(column) : controlCharacter(column, text, bad);
      throw new ImportRejected(file, [{ line, ...what }]);
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
        if (field !== '') throw malformed('quote_inside');
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
    if (inQuotes && !quotePending) throw malformed('quote_unclosed');
    if (started || field !== '' || fields.length) {
      endField();
      out.push({ line: recordLine, fields });
    }
  }
  return { push, end };
}
