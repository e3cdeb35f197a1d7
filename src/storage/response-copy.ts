// Bulk storage of validated responses (the CSV/XLSX import): chunks of rows COPYed into a staging
// table and moved into `responses` by one INSERT … SELECT each, all in one transaction that also
// adds their counts (ADR 0025) and writes nothing else. Ids already stored are skipped, as by
// insertResponses.
import { addCounts, createCountTally, type CountTally } from './count-tally.ts';
import { rawSession, sessionDb, type Db, type RawSession } from './database.ts';
import { applyPendingCounts, lockYearCounts } from './pending-counts.repository.ts';
import {
  arrayLiteral,
  insertResponses,
  shuffled,
  type ResponseRow,
} from './response.repository.ts';

/**
 * Rows per COPY, and the window each row's place is shuffled in: big enough that round trips do
 * not count and that a row's place says little of where it was in the file.
 */
const CHUNK = 10_000;

/**
 * A chunk as it is read: each row's CSV line (all its COPY needs), its distinct ids (fewer than
 * the lines when an id came twice) and its counts; not the rows themselves, whose objects every young-generation collection would
 * copy while the chunk fills (a fifth of the import's time when the chunks held the rows).
 */
interface Chunk {
  lines: string[];
  ids: Set<string>;
  tally: CountTally;
}

const newChunk = (): Chunk => ({
  lines: [],
  ids: new Set(),
  tally: createCountTally(),
});

const STAGING = 'responses_import';

const quoted = (s: string) => `"${s.includes('"') ? s.replaceAll('"', '""') : s}"`;
/** A CSV cell: NULL unquoted and empty, any text quoted. */
const cell = (s: string | null) => (s === null ? '' : quoted(s));

/**
 * One row as a CSV line of the staging table (the same columns, in its order). Made by join, so
 * it is one flat string: a template literal of this many parts is a tree of string pieces, and a
 * chunk of 10,000 such trees, held while the chunk fills, was copied by every young-generation
 * collection.
 */
function csvLine(r: ResponseRow): string {
  return [
    quoted(r.responseId),
    r.fiscalYear,
    quoted(r.agencyCode),
    quoted(r.tool),
    quoted(arrayLiteral(r.answers)),
    cell(r.gender),
    cell(r.ageBand),
    cell(r.education),
    cell(r.contactType),
    `${cell(r.submittedOn)}\n`,
  ].join(',');
}

/** The columns a chunk's CSV holds (csvLine's order), copied or moved into `responses`. */
const COLUMNS = `(response_id, fiscal_year, agency_code, tool, answers, gender, age_band, education,
  contact_type, submitted_on)`;

/**
 * Moves the staged chunk ($1 rows) into `responses`, skipping ids already stored. If any row was
 * skipped, the rows that went in also get their pending rows (ADR 0023), in the same statement:
 * only the database knows which they were, and the increments will count them. Returns how many
 * went in. One statement, no savepoint: a subtransaction would give each chunk's rows a
 * transaction id of their own, telling where in the file they were.
 */
const MOVE = `with stored as (
    insert into responses ${COLUMNS}
    select response_id, fiscal_year, agency_code, tool, answers::smallint[], gender, age_band,
      education, contact_type, submitted_on::date
    from ${STAGING}
    on conflict (response_id) do nothing
    returning response_id, fiscal_year, agency_code),
  pending as (
    insert into pending_counts (response_id, fiscal_year, agency_code)
    select response_id, fiscal_year, agency_code from stored
    where (select count(*) from stored) < $1)
  select count(*)::int as n from stored`;

/**
 * Takes rows through `add` (which may be awaited for back-pressure); ends when `write` returns.
 * May be called a second time, from the file's first row, after the first attempt was rolled
 * back (see copyResponses): it starts its own counts afresh at each call.
 */
export type RowWriter = (add: (row: ResponseRow) => Promise<void>) => Promise<void>;

/** A chunk's COPY straight into `responses` met an id already stored: the attempt is redone. */
class StoredIdMet extends Error {}

/**
 * Stores the rows `write` gives (all of `fiscalYear`) and adds them to the year's counts, all
 * or nothing: if `write` throws (a bad row in the file), nothing is stored and the error goes on.
 * Each chunk's rows go in a random order, like insertResponses' batches. Returns how many rows
 * were new.
 *
 * A file of new ids (the usual import) that can be read again goes by COPY straight into
 * `responses`: a third less of the database's work than through a staging table. The first id
 * already stored (a file imported again, or overlapping an earlier one) fails that COPY and with
 * it the transaction; it is rolled back and the file read again, every chunk then staged and
 * moved (MOVE), which skips stored ids.
 * A chunk holding one id twice is staged in either attempt.
 *
 * A chunk whose rows all went in is tallied here, from the rows in hand. A chunk with an id
 * already stored (or twice in it) leaves pending rows for those that went in (MOVE), counted by
 * the increments. At the end, under the year's count lock alone, the tally is added and the
 * pending rows applied, so the counts commit with the responses and never lag them.
 */
export async function copyResponses(
  db: Db,
  fiscalYear: number,
  /** Whether `write` can read its file a second time; if not, every chunk is staged. */
  opts: { rereadable: boolean },
  write: RowWriter,
): Promise<number> {
  const opening = rawSession(db);
  if (!opening) return insertInBatches(db, fiscalYear, write);
  const s = await opening;
  let broken = false;
  const attempt = async (direct: boolean) => {
    try {
      return await copyAttempt(s, fiscalYear, write, direct);
    } catch (e) {
      try {
        await s.query('rollback');
      } catch {
        broken = true;
      }
      throw e;
    }
  };
  try {
    try {
      return await attempt(opts.rereadable);
    } catch (e) {
      if (!(e instanceof StoredIdMet) || broken) throw e;
      return await attempt(false);
    }
  } finally {
    s.release(broken);
  }
}

async function copyAttempt(
  s: RawSession,
  fiscalYear: number,
  write: RowWriter,
  direct: boolean,
): Promise<number> {
  await s.query('begin');
  await s.query(`create temporary table ${STAGING} (response_id text, fiscal_year int,
    agency_code text, tool text, answers text, gender text, age_band text, education text,
    contact_type text, submitted_on text) on commit drop`);
  const tally = createCountTally();
  const pending = new Set<string>();
  let inserted = 0;
  const flush = async (chunk: Chunk) => {
    const csv = shuffled(chunk.lines).join('');
    const size = chunk.lines.length;
    if (direct && chunk.ids.size === size) {
      try {
        await s.copyCsv(`responses ${COLUMNS}`, csv);
      } catch (e) {
        // 23505: unique violation, an id already stored (by an earlier chunk or import).
        throw (e as { code?: string }).code === '23505' ? new StoredIdMet() : e;
      }
      inserted += size;
      tally.addTally(chunk.tally);
      return;
    }
    await s.copyCsv(STAGING, csv);
    const { rows: moved } = await s.query(MOVE, [size]);
    const n = (moved[0] as { n: number }).n;
    inserted += n;
    if (n === size) tally.addTally(chunk.tally);
    else for (const a of chunk.tally.agencies()) pending.add(a);
    await s.query(`truncate ${STAGING}`);
  };
  // One chunk with the database while the next is read and checked.
  let inFlight: Promise<void> = Promise.resolve();
  let chunk = newChunk();
  try {
    await write(async (row) => {
      chunk.lines.push(csvLine(row));
      chunk.ids.add(row.responseId);
      chunk.tally.add([row]);
      if (chunk.lines.length < CHUNK) return;
      const full = chunk;
      chunk = newChunk();
      await inFlight;
      inFlight = flush(full);
      // Settled later; an error surfaces at the next chunk or at the end.
      inFlight.catch(() => {});
    });
  } finally {
    // Whatever happened, nothing may still be talking to the connection.
    await inFlight.catch(() => {});
  }
  await inFlight;
  if (chunk.lines.length) await flush(chunk);
  const tx = sessionDb(s);
  await lockYearCounts(tx, fiscalYear);
  await addCounts(s, fiscalYear, tally);
  if (pending.size) await applyPendingCounts(tx, fiscalYear, [...pending]);
  await s.query('commit');
  return inserted;
}

/**
 * Without a raw session (a database this module's factory did not open): batched inserts with
 * pending rows, applied at the end in the same transaction.
 */
async function insertInBatches(db: Db, fiscalYear: number, write: RowWriter): Promise<number> {
  return db.transaction().execute(async (tx) => {
    let inserted = 0;
    let batch: ResponseRow[] = [];
    const agencies = new Set<string>();
    const flush = async () => {
      inserted += (await insertResponses(tx, batch)).size;
      for (const r of batch) agencies.add(r.agencyCode);
      batch = [];
    };
    await write(async (row) => {
      batch.push(row);
      if (batch.length >= 5000) await flush();
    });
    if (batch.length) await flush();
    await lockYearCounts(tx, fiscalYear);
    await applyPendingCounts(tx, fiscalYear, [...agencies]);
    return inserted;
  });
}
