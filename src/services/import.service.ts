// Use cases of file imports: responses, oit and results as CSV or .xlsx (docs/formats.md), read by
// the one reader (table-reader.ts). Each is
// one transaction: any bad row rejects the whole file and nothing is written. Streams the file
// and inserts in batches, so a national file (1.3 M rows) never sits in memory.
import { isNacc } from '../domain/access.ts';
import type { Actor } from '../domain/actor.ts';
import { frameworkForYear, listFrameworks } from '../domain/framework/registry.ts';
import { oitItemCodes } from '../domain/framework/helpers.ts';
import { allowsNotApplicable } from '../domain/oit/workflow.ts';
import { ImportRejected, MAX_REPORTED_ISSUES, type ImportIssue } from '../domain/import-issue.ts';
import {
  isIsoDay,
  isRandomUuid,
  responseIdProblem,
  type Demographics,
} from '../domain/response-validation.ts';
import {
  OIT_COLUMNS,
  RESPONSE_FIXED_COLUMNS,
  RESULT_COLUMNS,
  checkHeader,
  parseOitRow,
  parseResultRow,
  type ResultRowValues,
} from '../domain/row-import.ts';
import type { Db } from '../storage/database.ts';
import { enqueueJobs } from '../storage/job.repository.ts';
import { markAgencies } from '../storage/recompute-mark.repository.ts';
import { saveOitVersions, type OitValues } from '../storage/oit.repository.ts';
import { upsertPastResults } from '../storage/past-result.repository.ts';
import {
  insertResponses,
  loadAgencyCodes,
  recountAgencies,
  type ResponseRow,
} from '../storage/response.repository.ts';
import { readTable, type ReadOptions, type TableSource } from './table-reader.ts';
import { ForbiddenError } from './errors.ts';
import { recomputeJob } from './job-kinds.ts';
import { validatorFor } from './response.service.ts';
import type { YearService } from './year.service.ts';

const BATCH = 5000;
const RECOUNT_BATCH = 500;

function requireNacc(actor: Actor) {
  if (!isNacc(actor))
    throw new ForbiddenError(
      'นำเข้าข้อมูลได้เฉพาะ สำนักงาน ป.ป.ช.',
      'Only the NACC may import assessment data',
    );
}

/** Collects issues up to the reporting limit; true once the file is known bad. */
function issueList() {
  const issues: ImportIssue[] = [];
  return {
    issues,
    add: (line: number) => (column: string, th: string, en: string) => {
      if (issues.length < MAX_REPORTED_ISSUES) issues.push({ line, column, th, en });
    },
    get full() {
      return issues.length >= MAX_REPORTED_ISSUES;
    },
  };
}

/**
 * After the responses' own transaction: recounts the agencies now and marks them for the
 * worker's recompute of their cards (a mark holds no time and no count, ADR 0007).
 */
async function recountAndMark(db: Db, year: number, agencies: Set<string>) {
  const codes = [...agencies].sort();
  for (let i = 0; i < codes.length; i += RECOUNT_BATCH) {
    const part = codes.slice(i, i + RECOUNT_BATCH);
    await db.transaction().execute(async (tx) => {
      await recountAgencies(tx, year, part);
      await markAgencies(
        tx,
        part.map((agencyCode) => ({ fiscalYear: year, agencyCode })),
      );
    });
  }
}

export function createImportService(db: Db, years: YearService) {
  return {
    async importResponses(
      actor: Actor,
      fiscalYear: number,
      file: string,
      source: TableSource,
      options: ReadOptions = {},
    ): Promise<{ rows: number; inserted: number; agencies: number }> {
      requireNacc(actor);
      const year = await years.require(fiscalYear);
      const validator = validatorFor(year.framework);
      const agencies = await loadAgencyCodes(db);
      const fixed = new Set<string>(RESPONSE_FIXED_COLUMNS);
      // The file is all or nothing, in a transaction that writes responses and nothing else
      // (ADR 0007); the counts and recompute marks follow in their own transactions.
      const done = await db.transaction().execute(async (tx) => {
        const list = issueList();
        const touched = new Set<string>();
        let answerCols: string[] = [];
        let batch: ResponseRow[] = [];
        let rows = 0;
        let inserted = 0;
        const flush = async () => {
          if (list.issues.length === 0 && batch.length)
            inserted += (await insertResponses(tx, batch)).size;
          batch = [];
        };
        for await (const item of readTable(file, source, options)) {
          if ('header' in item) {
            const header = item.header;
            answerCols = header.filter((h) => !fixed.has(h));
            const issues = checkHeader(
              header,
              (c) => fixed.has(c) || validator.toolOfColumn(c) !== undefined,
              ['response_id', 'agency_code', 'tool'],
              `${RESPONSE_FIXED_COLUMNS.join(', ')}, I1.1 … / E1.1 … (${year.framework.id})`,
            );
            if (issues.length) throw new ImportRejected(file, issues);
            continue;
          }
          const { line, values: v } = item.row;
          rows++;
          if (list.full) continue;
          const add = list.add(line);
          const before = list.issues.length;
          // Only random UUIDs: an id from elsewhere may carry a time, a device or a person.
          const id = (v.response_id ?? '').toLowerCase();
          if (!isRandomUuid(id)) {
            const p = responseIdProblem('response_id', v.response_id ?? '');
            add(p.field, p.th, p.en);
          }
          const agencyCode = v.agency_code ?? '';
          if (!agencies.has(agencyCode))
            add(
              'agency_code',
              `ไม่พบหน่วยงานรหัส "${agencyCode}" ในทะเบียน`,
              `No agency "${agencyCode}" in the register`,
            );
          const tool = v.tool ?? '';
          if (tool !== 'IIT' && tool !== 'EIT') {
            add(
              'tool',
              `แบบวัดต้องเป็น IIT หรือ EIT แต่พบ "${tool}"`,
              `The tool must be IIT or EIT, got "${tool}"`,
            );
            continue;
          }
          const day = v.submitted_on ?? '';
          if (day !== '' && !isIsoDay(day))
            add(
              'submitted_on',
              `วันที่ต้องอยู่ในรูป YYYY-MM-DD (เฉพาะวัน ไม่มีเวลา) แต่พบ "${day}"`,
              `The day must be YYYY-MM-DD (a day, no time), got "${day}"`,
            );
          const answers: Record<string, string> = {};
          for (const c of answerCols) answers[c] = v[c] ?? '';
          const demo: Demographics = {
            gender: v.gender,
            age_band: v.age_band,
            education: v.education,
            contact_type: v.contact_type,
          };
          const encoded = validator.encode(tool, answers, demo);
          if (!encoded.ok) for (const i of encoded.error) add(i.field, i.th, i.en);
          if (list.issues.length > before || !encoded.ok) continue;
          const d = encoded.value.demographics;
          touched.add(agencyCode);
          batch.push({
            responseId: id,
            fiscalYear,
            agencyCode,
            tool,
            answers: encoded.value.answers,
            gender: d.gender,
            ageBand: d.age_band,
            education: d.education,
            contactType: d.contact_type,
            submittedOn: day || null,
          });
          if (batch.length >= BATCH) await flush();
        }
        await flush();
        if (list.issues.length) throw new ImportRejected(file, list.issues);
        return { rows, inserted, touched };
      });
      // Every agency in the file, not only those with new rows: importing the file again
      // repairs counts a crash right after the responses' commit would have left stale.
      await recountAndMark(db, fiscalYear, done.touched);
      return { rows: done.rows, inserted: done.inserted, agencies: done.touched.size };
    },

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
          const add = list.add(line);
          const row = parseOitRow(values, items, agencies, add, naItems);
          if (!row) continue;
          const key = `${row.agencyCode}\t${row.item}`;
          const first = seen.get(key);
          if (first !== undefined) {
            add(
              'item',
              `หน่วยงาน ${row.agencyCode} ข้อ ${row.item} ซ้ำกับบรรทัด ${first}`,
              `Agency ${row.agencyCode} item ${row.item} repeats line ${first}`,
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
        const add = list.add(line);
        const row = parseResultRow(values, agencies, frameworkFor, add);
        if (!row) continue;
        const key = `${row.agencyCode}\t${row.fiscalYear}`;
        const first = seen.get(key);
        if (first !== undefined) {
          add(
            'fiscal_year',
            `หน่วยงาน ${row.agencyCode} ปี ${row.fiscalYear} ซ้ำกับบรรทัด ${first}`,
            `Agency ${row.agencyCode} year ${row.fiscalYear} repeats line ${first}`,
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
