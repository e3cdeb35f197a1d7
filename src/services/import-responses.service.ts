// Imports responses.csv / .xlsx (docs/formats.md): each row read by the one submission parser
// (domain/submission.ts), the whole file one transaction that writes responses and their counts
// and nothing else (ADR 0007, 0025): any bad row rejects the file and nothing is written. Streamed
// and stored in chunks through COPY (storage/response-copy.ts), so a national file (1.3 M rows)
// never sits in memory.
import type { Actor } from '../domain/actor.ts';
import { ImportRejected } from './import-rejected.ts';
import { problem } from '../domain/problem.ts';
import { RESPONSE_FIXED_COLUMNS, checkHeader } from '../domain/row-import.ts';
import { toolColumns } from '../domain/answer-columns.ts';
import { isIsoDay, isRandomUuid, responseIdProblem } from '../domain/submission.ts';
import { fileLayout, parseFileRow, type FileLayout } from '../domain/submission-file.ts';
import { markAgencies } from '../storage/recompute-mark.repository.ts';
import { copyResponses } from '../storage/response-copy.ts';
import { Readable } from 'node:stream';
import { loadAgencyCodes } from '../storage/response.repository.ts';
import { issueList, requireNacc } from './import-shared.ts';
import { readTable, type ReadOptions, type TableSource } from './table-reader.ts';
import type { YearService } from './year.service.ts';
import type { ServiceContext } from './service-options.ts';

export function createResponseImport({
  db,
  years,
}: Pick<ServiceContext, 'db'> & { years: YearService }) {
  return async function importResponses(
    actor: Actor,
    fiscalYear: number,
    file: string,
    /** The file's content, or a function that opens it afresh (a path's read stream). */
    source: TableSource | (() => TableSource),
    options: ReadOptions = {},
  ): Promise<{ rows: number; inserted: number; agencies: number }> {
    requireNacc(actor);
    const year = await years.require(fiscalYear);
    const isAnswerColumn = (c: string) =>
      toolColumns(year.framework, 'IIT').index.has(c) ||
      toolColumns(year.framework, 'EIT').index.has(c);
    const agencies = await loadAgencyCodes(db);
    const fixed = new Set<string>(RESPONSE_FIXED_COLUMNS);
    // The file is all or nothing, in a transaction that writes responses and their counts and
    // nothing else (ADR 0007, 0025), through COPY; the recompute marks follow in their own.
    let list = issueList();
    const touched = new Set<string>();
    let rows = 0;
    // A stream given as it is can be read once: its rows are then always staged.
    const reopen =
      typeof source === 'function' ? source : source instanceof Readable ? undefined : () => source;
    const inserted = await copyResponses(
      db,
      fiscalYear,
      { rereadable: !!reopen },
      async (store) => {
        // From the file's first row at each call: a second call reads the file again after the
        // first attempt was rolled back (response-copy.ts).
        list = issueList();
        touched.clear();
        rows = 0;
        // Where each column is, from the header: rows are read by position (row.cell), never as
        // a record of their 80 cells (ADR 0018).
        let layout: FileLayout | undefined;
        let at: Record<(typeof RESPONSE_FIXED_COLUMNS)[number], number> | undefined;
        for await (const item of readTable(
          file,
          reopen ? reopen() : (source as TableSource),
          options,
        )) {
          if ('header' in item) {
            const header = item.header;
            const issues = checkHeader(
              header,
              (c) => fixed.has(c) || isAnswerColumn(c),
              ['response_id', 'agency_code', 'tool'],
              `${RESPONSE_FIXED_COLUMNS.join(', ')}, I1.1 … / E1.1 … (${year.framework.id})`,
            );
            if (issues.length) throw new ImportRejected(file, issues);
            layout = fileLayout(year.framework, header);
            at = Object.fromEntries(
              RESPONSE_FIXED_COLUMNS.map((c) => [c, header.indexOf(c)]),
            ) as typeof at;
            continue;
          }
          const row = item.row;
          const cell = (i: number) => (i < 0 ? '' : row.cell(i));
          const line = row.line;
          rows++;
          if (list.full) continue;
          const add = list.problem(line);
          const before = list.issues.length;
          // Only random UUIDs: an id from elsewhere may carry a time, a device or a person.
          const givenId = cell(at!.response_id);
          const id = givenId.toLowerCase();
          if (!isRandomUuid(id)) add(responseIdProblem('response_id', givenId));
          const agencyCode = cell(at!.agency_code);
          if (!agencies.has(agencyCode))
            add(problem('agency_code', 'agency_not_registered', { code: agencyCode }));
          const tool = cell(at!.tool);
          if (tool !== 'IIT' && tool !== 'EIT') {
            add(problem('tool', 'tool_invalid', { value: tool }));
            continue;
          }
          const day = cell(at!.submitted_on);
          if (day !== '' && !isIsoDay(day))
            add(problem('submitted_on', 'day_invalid', { value: day }));
          const encoded = parseFileRow(year.framework, layout!, tool, cell);
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
      },
    );
    // Every agency in the file, not only those with new rows: its card is made again by the
    // worker (a mark holds no time and no count, ADR 0007).
    await markAgencies(
      db,
      [...touched].map((agencyCode) => ({ fiscalYear, agencyCode })),
    );
    return { rows, inserted, agencies: touched.size };
  };
}
