// Who may read and write a province's drive records, and the province's agencies: the checks
// every drive service (records, progress, reminders) starts with.
import type { Actor } from '../domain/actor.ts';
import { canActForProvince, canEditProvince } from '../domain/access.ts';
import type { Agency } from '../domain/agency.ts';
import { bare, problem } from '../domain/problem.ts';
import { compareThai } from '../i18n/format.ts';
import { findAgencies, findAgency } from '../storage/agency.repository.ts';
import { forbidden, notFound } from './errors.ts';
import type { ServiceContext } from './service-options.ts';

export type Form = Record<string, string>;

/** Where the drive lives: a province and a fiscal year (BE). */
export interface Workspace {
  province: string;
  fiscalYear: number;
}

export { canEditProvince };

export function createProvinceDriveAccess({ db }: Pick<ServiceContext, 'db'>) {
  async function checkRead(actor: Actor, w: Workspace) {
    if (!Number.isInteger(w.fiscalYear) || w.fiscalYear < 2560 || w.fiscalYear > 2700)
      throw notFound(bare('', 'workspace_year_unknown'));
    const known = await db
      .selectFrom('provinces')
      .select('name_th')
      .where('name_th', '=', w.province)
      .executeTakeFirst();
    if (!known) throw notFound(bare('', 'workspace_province_unknown'));
    if (!canActForProvince(actor, w.province))
      throw forbidden(problem('', 'workspace_forbidden', { province: w.province }));
  }
  async function checkWrite(actor: Actor, w: Workspace) {
    await checkRead(actor, w);
    if (!canEditProvince(actor, w.province)) throw forbidden(bare('', 'workspace_read_only'));
  }
  async function agenciesOf(province: string): Promise<Agency[]> {
    const rows = await findAgencies(db, { q: '', province, type: '' });
    return rows.sort((a, b) => compareThai(a.nameTh, b.nameTh) || a.code.localeCompare(b.code));
  }
  async function agencyInProvince(w: Workspace, code: string | null, field: string) {
    if (!code) return { ok: true as const, agency: undefined };
    const a = await findAgency(db, code);
    if (!a || a.province !== w.province)
      return {
        ok: false as const,
        problem: problem(field, 'agency_not_in_province', { code, province: w.province }),
      };
    return { ok: true as const, agency: a };
  }

  return { checkRead, checkWrite, agenciesOf, agencyInProvince };
}
