// NACC and province work around OIT: assigning agencies to auditors (as auditor role grants, so
// access rules stay one set), and exporting a province's or a type's OIT status as CSV or XLSX.
import { csvText } from '../exports/csv.ts';
import { tablesToXlsx } from '../exports/table-export.ts';
import type { Actor } from '../domain/actor.ts';
import { canActForProvince, isNacc } from '../domain/access.ts';
import { en } from '../i18n/en.ts';
import { compareThai } from '../i18n/format.ts';
import { th } from '../i18n/th.ts';
import {
  agencyCodesWhere,
  listAuditors,
  listOitProgress,
} from '../storage/oit-progress.repository.ts';
import { markImportedConfirmed } from '../storage/oit-state.repository.ts';
import { listProvinceNames } from '../storage/reference.repository.ts';
import { findGrants, findUserByEmail, insertGrant } from '../storage/user.repository.ts';
import { recordAudit } from './audit.service.ts';
import { problem } from '../domain/problem.ts';
import { forbidden, orPage, Refusal, type ServiceError } from './errors.ts';
import { actorLabel, oitError } from './oit-shared.ts';
import type { YearService } from './year.service.ts';
import type { ServiceContext } from './service-options.ts';

const notNacc = () => forbidden(problem('', 'oit_refused', { reason: 'notNacc' }));

export function createOitAdminService({
  db,
  clock,
  ...deps
}: Pick<ServiceContext, 'db' | 'clock'> & { years: YearService }) {
  async function assignCodes(actor: Actor, auditorEmail: string, codes: string[]): Promise<number> {
    const user = await findUserByEmail(db, auditorEmail.trim().toLowerCase());
    if (!user) throw new Refusal(404, problem('auditor', 'oit_refused', { reason: 'noAuditor' }));
    return db.transaction().execute(async (tx) => {
      const before = await findGrants(tx, user.id);
      let added = 0;
      for (const code of codes)
        if (await insertGrant(tx, user.id, { role: 'auditor', scope: code })) added++;
      await recordAudit(tx, {
        actor,
        action: 'oit.assign',
        recordType: 'user',
        recordId: user.id,
        before: { grants: before },
        after: { grants: await findGrants(tx, user.id) },
      });
      return added;
    });
  }

  const admin = {
    /** After `itas import oit`: imported, confirmed agencies get the matching workflow state. */
    async recordImportedStates(actor: Actor, fiscalYear: number): Promise<number> {
      if (!isNacc(actor)) throw notNacc();
      return markImportedConfirmed(db, fiscalYear, actorLabel(actor));
    },

    async auditors(actor: Actor) {
      if (!isNacc(actor)) throw notNacc();
      return (await listAuditors(db)).sort((a, b) => compareThai(a.displayName, b.displayName));
    },

    /** The assignment screen in one call: the auditors and the provinces to pick from. */
    async assignPage(actor: Actor) {
      if (!isNacc(actor)) throw notNacc();
      const [auditors, provinces] = await Promise.all([listAuditors(db), listProvinceNames(db)]);
      return {
        auditors: auditors.sort((a, b) => compareThai(a.displayName, b.displayName)),
        provinces: provinces.sort(compareThai),
      };
    },

    /** Assigns one agency to an auditor; returns 1, or 0 when it was already assigned. */
    async assign(actor: Actor, auditorEmail: string, agencyCode: string): Promise<number> {
      if (!isNacc(actor)) throw notNacc();
      const codes = (await agencyCodesWhere(db, {})).filter((c) => c === agencyCode.trim());
      if (codes.length === 0) throw oitError(404, 'noAgency');
      return assignCodes(actor, auditorEmail, codes);
    },

    /** Assigns every agency of a type and/or province to an auditor; returns how many were new. */
    async assignBulk(
      actor: Actor,
      auditorEmail: string,
      filter: { type?: string; province?: string },
    ): Promise<number> {
      if (!isNacc(actor)) throw notNacc();
      const codes = await agencyCodesWhere(db, filter);
      if (codes.length === 0) throw oitError(422, 'noMatch');
      return assignCodes(actor, auditorEmail, codes);
    },

    /**
     * An assignment from the assignment screen, one agency or in bulk: a refusal other than 403
     * (no such auditor or agency, nothing matching) comes with the screen to show it on.
     */
    assignOrPage: (
      actor: Actor,
      auditorEmail: string,
      what: { agency: string } | { filter: { type?: string; province?: string } },
    ) =>
      orPage(
        () =>
          'agency' in what
            ? admin.assign(actor, auditorEmail, what.agency)
            : admin.assignBulk(actor, auditorEmail, what.filter),
        (e): e is ServiceError => e.status !== 403,
        () => admin.assignPage(actor),
      ),

    /** Status rows of a province's (its officers, the NACC) or a type's (the NACC) agencies. */
    async statusRows(
      actor: Actor,
      fiscalYear: number,
      filter: { province?: string; type?: string },
    ) {
      const allowed = filter.province ? canActForProvince(actor, filter.province) : isNacc(actor);
      if (!allowed) throw forbidden(problem('', 'oit_refused', { reason: 'notReader' }));
      const year = await deps.years.require(fiscalYear);
      const total = year.framework.oitItems.length;
      const rows = await listOitProgress(db, fiscalYear, filter);
      return rows
        .map((r) => ({ ...r, total }))
        .sort(
          (a, b) =>
            compareThai(a.district ?? '', b.district ?? '') || compareThai(a.nameTh, b.nameTh),
        );
    },

    /** The same rows as a table with a header, in the reader's language. */
    async statusTable(
      actor: Actor,
      fiscalYear: number,
      filter: { province?: string; type?: string },
      lang: 'th' | 'en',
    ) {
      const t = lang === 'th' ? th.oit : en.oit;
      const rows = await admin.statusRows(actor, fiscalYear, filter);
      const h = t.export.header;
      const header = [
        h.code,
        h.name,
        h.type,
        h.province,
        h.district,
        h.status,
        h.answered,
        h.scored,
        h.disputed,
        h.total,
      ];
      const body = rows.map((r) => [
        r.code,
        r.nameTh,
        r.type,
        r.province ?? '',
        r.district ?? '',
        t.status[r.status ?? 'none'],
        r.answered,
        r.scored,
        r.disputed,
        r.total,
      ]);
      return { header, body };
    },

    /** CSV with a BOM so Excel shows Thai. */
    async statusCsv(
      actor: Actor,
      fiscalYear: number,
      filter: { province?: string; type?: string },
      lang: 'th' | 'en',
    ): Promise<string> {
      const { header, body } = await admin.statusTable(actor, fiscalYear, filter, lang);
      return csvText([header, ...body]);
    },

    async statusXlsx(
      actor: Actor,
      fiscalYear: number,
      filter: { province?: string; type?: string },
      lang: 'th' | 'en',
    ): Promise<Buffer> {
      const { header, body } = await admin.statusTable(actor, fiscalYear, filter, lang);
      const columns = header.map((h, i) => ({
        key: String(i),
        header: h,
        width: i === 1 ? 50 : 16,
      }));
      const rows = body.map((r) => Object.fromEntries(r.map((v, i) => [String(i), v])));
      return tablesToXlsx([{ name: `OIT ${fiscalYear}`, columns, rows }], clock);
    },
  };
  return admin;
}

export type OitAdminService = ReturnType<typeof createOitAdminService>;
