// Use cases of the agency register: import, list and search, show one.
import {
  AGENCY_GROUP_COLUMNS,
  validateAgencyGroupRows,
  validateAgencyRows,
} from '../domain/agency-import.ts';
import type { AgencyGroup } from '../domain/framework/schema.ts';
import { isAgencyType, type Agency } from '../domain/agency.ts';
import { isNaccAdmin, type Actor } from '../domain/actor.ts';
import { ImportRejected } from './import-rejected.ts';
import { compareThai } from '../i18n/format.ts';
import type { Db } from '../storage/database.ts';
import {
  countAgencies,
  findAgencies,
  findAgency,
  listAgencyGroups,
  upsertAgencies,
  upsertAgencyGroups,
  type AgencyFilter,
} from '../storage/agency.repository.ts';
import { listYears } from '../storage/year.repository.ts';
import { resolveFramework } from './framework-resolver.ts';
import { listProvinceNames, loadReference } from '../storage/reference.repository.ts';
import { readTable, type ReadOptions, type TableRow, type TableSource } from './table-reader.ts';
import { bare } from '../domain/problem.ts';
import { forbidden } from './errors.ts';
import type { ServiceContext } from './service-options.ts';

export interface AgencyPage {
  items: Agency[];
  total: number;
  page: number;
  pages: number;
  pageSize: number;
}

export function createAgencyService({ db }: Pick<ServiceContext, 'db'>) {
  const agencies = {
    /** Imports agencies.csv or .xlsx: all rows or none; re-importing a code updates it. */
    async importAgencies(
      actor: Actor,
      file: string,
      source: TableSource,
      options: ReadOptions = {},
    ): Promise<{ inserted: number; updated: number }> {
      if (!isNaccAdmin(actor)) throw forbidden(bare('', 'agencies_import_forbidden'));
      // The register is small (~8,300 rows): validated whole, since parents may come later.
      let header: string[] = [];
      const rows: TableRow[] = [];
      for await (const item of readTable(file, source, options))
        if ('header' in item) header = item.header;
        else rows.push(item.row);
      const ref = await loadReference(db);
      const result = validateAgencyRows(header, rows, ref);
      // Groups per year (optional columns): checked against each year's framework, and
      // imported in the same transaction, so a file is taken whole or not at all.
      const withGroups = header.some((h) =>
        (AGENCY_GROUP_COLUMNS as readonly string[]).includes(h),
      );
      const groups = withGroups
        ? validateAgencyGroupRows(rows, await yearGroupsOf(db))
        : { ok: true as const, value: [] };
      const issues = [...(result.ok ? [] : result.error), ...(groups.ok ? [] : groups.error)];
      if (!result.ok || !groups.ok)
        throw new ImportRejected(
          file,
          issues.sort((a, b) => a.line - b.line),
        );
      return db.transaction().execute(async (tx) => {
        const counts = await upsertAgencies(tx, result.value);
        await upsertAgencyGroups(tx, groups.value);
        return counts;
      });
    },

    /** The agency page: the agency, its parent and its group in each year that gives one. */
    async page(code: string) {
      const agency = await findAgency(db, code);
      if (!agency) return undefined;
      const [parent, groups] = await Promise.all([
        agency.parentCode ? findAgency(db, agency.parentCode) : undefined,
        listAgencyGroups(db, code),
      ]);
      const named = await Promise.all(
        groups.map(async (g) => {
          const year = (await listYears(db)).find((y) => y.fiscalYear === g.fiscalYear);
          const fw = year ? await resolveFramework(db, year.frameworkId) : undefined;
          return { ...g, name: fw?.agencyGroups?.find((x) => x.code === g.group)?.name ?? null };
        }),
      );
      return { agency, parent, groups: named };
    },

    /** All matching agencies in Thai dictionary order (sorted here: PGlite has no ICU collation). */
    async listAll(filter: AgencyFilter): Promise<Agency[]> {
      const rows = await findAgencies(db, filter);
      return rows.sort((a, b) => compareThai(a.nameTh, b.nameTh) || a.code.localeCompare(b.code));
    },

    async search(filter: AgencyFilter, page: number, pageSize = 25): Promise<AgencyPage> {
      const found = await agencies.listAll(filter);
      // Agencies named by the words come first; those only in the province or district follow.
      const all = filter.q ? byNameFirst(found, filter.q) : found;
      const pages = Math.max(1, Math.ceil(all.length / pageSize));
      const p = Math.min(Math.max(1, Math.floor(page) || 1), pages);
      return {
        items: all.slice((p - 1) * pageSize, p * pageSize),
        total: all.length,
        page: p,
        pages,
        pageSize,
      };
    },

    /**
     * The register's list page in one call: the provinces to filter by and one page of agencies
     * (an unknown province or type filters nothing).
     */
    async listPage(query: { q: string; province: string; type: string }, page: number) {
      const provinces = (await listProvinceNames(db)).sort(compareThai);
      const filter = {
        q: query.q,
        province: provinces.includes(query.province) ? query.province : '',
        type: isAgencyType(query.type) ? query.type : '',
      };
      return { provinces, filter, result: await agencies.search(filter, page) };
    },

    get: (code: string) => findAgency(db, code),
    count: () => countAgencies(db),
  };
  return agencies;
}

/** Every created year → the agency groups its framework defines. */
async function yearGroupsOf(db: Db): Promise<Map<number, AgencyGroup[]>> {
  const out = new Map<number, AgencyGroup[]>();
  for (const y of await listYears(db)) {
    const fw = await resolveFramework(db, y.frameworkId);
    out.set(y.fiscalYear, fw?.agencyGroups ?? []);
  }
  return out;
}

function byNameFirst(agencies: Agency[], q: string): Agency[] {
  const needle = q.toLocaleLowerCase('th');
  const named = (a: Agency) =>
    a.code === q ||
    a.nameTh.toLocaleLowerCase('th').includes(needle) ||
    (a.nameEn ?? '').toLocaleLowerCase('en').includes(needle);
  return [...agencies.filter(named), ...agencies.filter((a) => !named(a))];
}

export type AgencyService = ReturnType<typeof createAgencyService>;
