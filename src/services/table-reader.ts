// The one reader behind every import (agencies, responses, OIT, past results): turns a file's
// bytes into a header and header-keyed rows with their line numbers, streamed.
// - CSV in UTF-8 (with or without BOM) or Windows-874 / TIS-620, what Thai Excel writes by
//   default: detected, or chosen by the caller (`--encoding`).
// - .xlsx: the first worksheet, the same columns (recognised by its ZIP signature, not its name),
//   read whole up to MAX_XLSX_BYTES.
// Refused with file, line and column: an unreadable byte, an over-long value, a header with a
// repeated or empty name, a row with the wrong number of values. Which columns are allowed is
// each import's business (domain/row-import.ts, domain/agency-import.ts).
import { Readable } from 'node:stream';
import { problem } from '../domain/problem.ts';
import { ImportRejected } from './import-rejected.ts';
import { createRecordSplitter, type RawRecord } from './csv-stream.ts';
import {
  type TableItem,
  type TableSource,
  type TextEncodingName,
  type ReadOptions,
  MAX_FIELD_CHARS,
  column,
  badByte,
  checkHeaderNames,
  emptyFile,
  LazyRow,
  cleanCell,
} from './table-format.ts';
import { readXlsx } from './table-xlsx.ts';

const ZIP_SIGNATURE = [0x50, 0x4b, 0x03, 0x04];

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
            ...problem('', 'columns_mismatch', {
              found: r.fields.length,
              expected: header.length,
            }),
          },
        ]);
      yield { row: new LazyRow(r.line, header, r.fields, cleanCell) };
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

export {
  MAX_FIELD_CHARS,
  TEXT_ENCODINGS,
  type ReadOptions,
  type TableItem,
  type TableRow,
  type TableSource,
  type TextEncodingName,
} from './table-format.ts';
export { MAX_XLSX_BYTES } from './table-xlsx.ts';
