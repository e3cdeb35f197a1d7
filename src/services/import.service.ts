// Use cases of file imports: responses (import-responses.service.ts), oit and results as CSV or
// .xlsx (docs/formats.md), read by the one reader (table-reader.ts). Each is one transaction:
// any bad row rejects the whole file and nothing is written. Streams the file and inserts in
// batches, so a national file never sits in memory.
import type { Actor } from '../domain/actor.ts';
import { frameworkForYear, listFrameworks } from '../domain/framework/registry.ts';
import { oitItemCodes } from '../domain/framework/helpers.ts';
import { allowsNotApplicable } from '../domain/oit/workflow.ts';
import { ImportRejected } from './import-rejected.ts';
import { problem } from '../domain/problem.ts';
import {
  OIT_COLUMNS,
  RESULT_COLUMNS,
  checkHeader,
  parseOitRow,
  parseResultRow,
  type ResultRowValues,
} from '../domain/row-import.ts';
import { enqueueJobs } from '../storage/job.repository.ts';
import { saveOitVersions, type OitValues } from '../storage/oit.repository.ts';
import { upsertPastResults } from '../storage/past-result.repository.ts';
import { loadAgencyCodes } from '../storage/response.repository.ts';
import { BATCH, issueList, RECOUNT_BATCH, requireNacc } from './import-shared.ts';
import { createResponseImport } from './import-responses.service.ts';
import { readTable, type ReadOptions, type TableSource } from './table-reader.ts';
import { recomputeJob } from './job-kinds.ts';
import type { YearService } from './year.service.ts';
import type { ServiceContext } from './service-options.ts';

export function createImportService({
  db,
  years,
}: Pick<ServiceContext, 'db'> & { years: YearService }) {
  return {
    importResponses: createResponseImport({ db, years }),

    async importOit(
      actor: Actor,
      fiscalYear: number,
      file: string,
      source: TableSource,
      options: ReadOptions = {},
    ): Promise<{ rows: number; changed: number; agencies: number }> {
      requireNacc(actor);
      const year = await years.require(fiscalYear);
      const items = new Set(oitItemCodes(year.framework));
      const naItems = new Set(
        year.framework.oitItems.filter(allowsNotApplicable).map((i) => i.code),
      );
      const agencies = await loadAgencyCodes(db);
      const changedBy =
        actor.kind === 'user'
          ? actor.email
          : `system:${actor.kind === 'system' ? actor.label : 'anonymous'}`;
      return db.transaction().execute(async (tx) => {
        const list = issueList();
        const seen = new Map<string, number>();
        const touched = new Set<string>();
        let batch: OitValues[] = [];
        let rows = 0;
        let changed = 0;
        const flush = async () => {
          if (list.issues.length === 0 && batch.length) {
            const r = await saveOitVersions(tx, fiscalYear, batch, 'import', changedBy);
            changed += r.changed;
            for (const a of r.agencies) touched.add(a);
          }
          batch = [];
        };
        for await (const item of readTable(file, source, options)) {
          if ('header' in item) {
            const issues = checkHeader(
              item.header,
              (c) => (OIT_COLUMNS as readonly string[]).includes(c),
              ['agency_code', 'item'],
              OIT_COLUMNS.join(', '),
            );
            if (issues.length) throw new ImportRejected(file, issues);
            continue;
          }
          const { line, values } = item.row;
          rows++;
          if (list.full) continue;
          const add = list.problem(line);
          const row = parseOitRow(values, items, agencies, add, naItems);
          if (!row) continue;
          const key = `${row.agencyCode}\t${row.item}`;
          const first = seen.get(key);
          if (first !== undefined) {
            list.problem(line)(
              problem('item', 'line_repeats', {
                what: 'oit',
                agency: row.agencyCode,
                key: row.item,
                line: first,
              }),
            );
            continue;
          }
          seen.set(key, line);
          batch.push({
            ...row,
            status: row.score !== null ? 'confirmed' : row.answer !== null ? 'submitted' : 'draft',
            dispute: null,
          });
          if (batch.length >= BATCH) await flush();
        }
        await flush();
        if (list.issues.length) throw new ImportRejected(file, list.issues);
        const codes = [...touched].sort();
        for (let i = 0; i < codes.length; i += RECOUNT_BATCH)
          await enqueueJobs(
            tx,
            codes.slice(i, i + RECOUNT_BATCH).map((c) => recomputeJob(fiscalYear, c)),
          );
        return { rows, changed, agencies: touched.size };
      });
    },

    async importResults(
      actor: Actor,
      file: string,
      source: TableSource,
      options: ReadOptions = {},
    ): Promise<{ rows: number; inserted: number; updated: number }> {
      requireNacc(actor);
      const agencies = await loadAgencyCodes(db);
      const oldest = listFrameworks()[0]!;
      // Years before the first definition used the same AA–F bands as 2563.
      const frameworkFor = (y: number) => frameworkForYear(y) ?? oldest;
      const list = issueList();
      const seen = new Map<string, number>();
      const parsed: ResultRowValues[] = [];
      let rows = 0;
      for await (const item of readTable(file, source, options)) {
        if ('header' in item) {
          const issues = checkHeader(
            item.header,
            (c) => (RESULT_COLUMNS as readonly string[]).includes(c),
            ['agency_code', 'fiscal_year', 'overall'],
            RESULT_COLUMNS.join(', '),
          );
          if (issues.length) throw new ImportRejected(file, issues);
          continue;
        }
        const { line, values } = item.row;
        rows++;
        if (list.full) continue;
        const add = list.problem(line);
        const row = parseResultRow(values, agencies, frameworkFor, add);
        if (!row) continue;
        const key = `${row.agencyCode}\t${row.fiscalYear}`;
        const first = seen.get(key);
        if (first !== undefined) {
          list.problem(line)(
            problem('fiscal_year', 'line_repeats', {
              what: 'result',
              agency: row.agencyCode,
              key: String(row.fiscalYear),
              line: first,
            }),
          );
          continue;
        }
        seen.set(key, line);
        parsed.push(row);
      }
      if (list.issues.length) throw new ImportRejected(file, list.issues);
      const inserted = await db.transaction().execute(async (tx) => {
        let n = 0;
        for (let i = 0; i < parsed.length; i += BATCH)
          n += await upsertPastResults(tx, parsed.slice(i, i + BATCH));
        return n;
      });
      return { rows, inserted, updated: parsed.length - inserted };
    },
  };
}

export type ImportService = ReturnType<typeof createImportService>;
