// Imports responses.csv / .xlsx (docs/formats.md): each row read by the one submission parser
// (domain/submission.ts), the whole file one transaction that writes responses and nothing else
// (ADR 0007): any bad row rejects the file and nothing is written. Streamed and stored in chunks
// through COPY (storage/response-copy.ts), so a national file (1.3 M rows) never sits in memory.
import type { Actor } from '../domain/actor.ts';
import { ImportRejected } from './import-rejected.ts';
import { problem } from '../domain/problem.ts';
import { RESPONSE_FIXED_COLUMNS, checkHeader } from '../domain/row-import.ts';
import { toolColumns } from '../domain/answer-columns.ts';
import {
  isIsoDay,
  isRandomUuid,
  parseSubmission,
  responseIdProblem,
} from '../domain/submission.ts';
import type { Db } from '../storage/database.ts';
import { markAgencies } from '../storage/recompute-mark.repository.ts';
import { copyResponses } from '../storage/response-copy.ts';
import { recountMany } from '../storage/response-recount.ts';
import { loadAgencyCodes } from '../storage/response.repository.ts';
import { issueList, requireNacc } from './import-shared.ts';
import { readTable, type ReadOptions, type TableSource } from './table-reader.ts';
import type { YearService } from './year.service.ts';
import type { ServiceContext } from './service-options.ts';

/**
 * After the responses' own transaction: recounts the agencies now and marks them for the
 * worker's recompute of their cards (a mark holds no time and no count, ADR 0007).
 */
async function recountAndMark(db: Db, year: number, agencies: Set<string>) {
  await recountMany(db, year, agencies, (tx) =>
    markAgencies(
      tx,
      [...agencies].map((agencyCode) => ({ fiscalYear: year, agencyCode })),
    ),
  );
}

export function createResponseImport({
  db,
  years,
}: Pick<ServiceContext, 'db'> & { years: YearService }) {
  return async function importResponses(
    actor: Actor,
    fiscalYear: number,
    file: string,
    source: TableSource,
    options: ReadOptions = {},
  ): Promise<{ rows: number; inserted: number; agencies: number }> {
    requireNacc(actor);
    const year = await years.require(fiscalYear);
    const isAnswerColumn = (c: string) =>
      toolColumns(year.framework, 'IIT').index.has(c) ||
      toolColumns(year.framework, 'EIT').index.has(c);
    const agencies = await loadAgencyCodes(db);
    const fixed = new Set<string>(RESPONSE_FIXED_COLUMNS);
    // The file is all or nothing, in a transaction that writes responses and nothing else
    // (ADR 0007), through COPY; the counts and recompute marks follow in their own transaction.
    const list = issueList();
    const touched = new Set<string>();
    let rows = 0;
    const inserted = await copyResponses(db, async (store) => {
      let answerCols: string[] = [];
      for await (const item of readTable(file, source, options)) {
        if ('header' in item) {
          const header = item.header;
          answerCols = header.filter((h) => !fixed.has(h));
          const issues = checkHeader(
            header,
            (c) => fixed.has(c) || isAnswerColumn(c),
            ['response_id', 'agency_code', 'tool'],
            `${RESPONSE_FIXED_COLUMNS.join(', ')}, I1.1 … / E1.1 … (${year.framework.id})`,
          );
          if (issues.length) throw new ImportRejected(file, issues);
          continue;
        }
        const { line, values: v } = item.row;
        rows++;
        if (list.full) continue;
        const add = list.problem(line);
        const before = list.issues.length;
        // Only random UUIDs: an id from elsewhere may carry a time, a device or a person.
        const id = (v.response_id ?? '').toLowerCase();
        if (!isRandomUuid(id)) add(responseIdProblem('response_id', v.response_id ?? ''));
        const agencyCode = v.agency_code ?? '';
        if (!agencies.has(agencyCode))
          add(problem('agency_code', 'agency_not_registered', { code: agencyCode }));
        const tool = v.tool ?? '';
        if (tool !== 'IIT' && tool !== 'EIT') {
          add(problem('tool', 'tool_invalid', { value: tool }));
          continue;
        }
        const day = v.submitted_on ?? '';
        if (day !== '' && !isIsoDay(day))
          add(problem('submitted_on', 'day_invalid', { value: day }));
        // Blank cells are not answers (the parser skips them): a row carries one tool's
        // columns, so half the file's answer columns are blank in every row.
        const answers: Record<string, string> = {};
        for (const c of answerCols) {
          const x = v[c];
          if (x) answers[c] = x;
        }
        const demographics = {
          gender: v.gender,
          age_band: v.age_band,
          education: v.education,
          contact_type: v.contact_type,
        };
        const encoded = parseSubmission(year.framework, tool, { answers, demographics }, 'partial');
        if (!encoded.ok) encoded.error.forEach(add);
        if (list.issues.length > before || !encoded.ok) continue;
        const d = encoded.value.demographics;
        touched.add(agencyCode);
        // Once the file is known bad, nothing more is sent: it will be rolled back.
        if (list.issues.length) continue;
        await store({
          responseId: id,
          fiscalYear,
          agencyCode,
          tool,
          answers: encoded.value.columns,
          gender: d.gender ?? null,
          ageBand: d.age_band ?? null,
          education: d.education ?? null,
          contactType: d.contact_type ?? null,
          submittedOn: day || null,
        });
      }
      if (list.issues.length) throw new ImportRejected(file, list.issues);
    });
    const done = { rows, inserted, touched };
    // Every agency in the file, not only those with new rows: importing the file again
    // repairs counts a crash right after the responses' commit would have left stale.
    await recountAndMark(db, fiscalYear, done.touched);
    return { rows: done.rows, inserted: done.inserted, agencies: done.touched.size };
  };
}
