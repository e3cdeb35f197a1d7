// Reads a CSV (UTF-8, optional BOM, RFC 4180) as a stream of header-keyed rows with line numbers,
// so a 1.3-million-row file never sits in memory whole. A small state machine instead of
// csv-parse: the national import parses ~50 million fields, where csv-parse's per-field cost showed.
import { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { ImportRejected } from '../domain/import-issue.ts';
import { unquoteCell } from '../domain/spreadsheet-cell.ts';
import type { CsvRow } from './csv-file.ts';

export type CsvSource = Readable | string;

interface RawRecord {
  line: number;
  fields: string[];
}

/** Splits text chunks into records; state carries over chunk boundaries. */
function createRecordSplitter(file: string) {
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

  function push(text: string, out: RawRecord[]): void {
    let i = 0;
    if (first) {
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

/** Yields the header first ({ header }), then each row; malformed CSV rejects with its line. */
export async function* streamCsv(
  file: string,
  source: CsvSource,
): AsyncGenerator<{ header: string[] } | { row: CsvRow }> {
  const input = typeof source === 'string' ? Readable.from([source]) : source;
  const decoder = new StringDecoder('utf8');
  const splitter = createRecordSplitter(file);
  let header: string[] | undefined;
  const records: RawRecord[] = [];
  function* drain(): Generator<{ header: string[] } | { row: CsvRow }> {
    for (const r of records) {
      if (!header) {
        header = r.fields.map((h) => h.trim());
        yield { header };
        continue;
      }
      // Blank lines are skipped, as csv-parse's skip_empty_lines did.
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
  for await (const chunk of input as AsyncIterable<Buffer | string>) {
    splitter.push(typeof chunk === 'string' ? chunk : decoder.write(chunk), records);
    yield* drain();
  }
  splitter.push(decoder.end(), records);
  splitter.end(records);
  yield* drain();
  if (!header)
    throw new ImportRejected(file, [
      { line: 1, column: null, th: 'ไฟล์ว่าง ไม่มีแถวหัวตาราง', en: 'The file is empty: no header row' },
    ]);
}
