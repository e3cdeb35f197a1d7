// Who may read and write a province's drive records, and the province's agencies: the checks
// every drive service (records, progress, reminders) starts with.
import type { Actor } from '../domain/actor.ts';
import { canActForProvince, canEditProvince } from '../domain/access.ts';
import type { Agency } from '../domain/agency.ts';
import { bare, problem } from '../domain/problem.ts';
import { compareThai } from '../i18n/format.ts';
import { findAgencies, findAgenciesByCode } from '../storage/agency.repository.ts';
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
  /** The agencies named (a code may be null: none named), and a problem for each not in the province. */
  async function agenciesInProvince(
    w: Workspace,
    codes: readonly (string | null)[],
    field: string,
  ) {
    const wanted = [...new Set(codes.filter((c): c is string => !!c))];
    const found = await findAgenciesByCode(db, wanted);
    const problems = wanted
      .filter((code) => found.get(code)?.province !== w.province)
      .map((code) => problem(field, 'agency_not_in_province', { code, province: w.province }));
    return { agencies: found, problems };
  }

  return { checkRead, checkWrite, agenciesOf, agenciesInProvince };
}
