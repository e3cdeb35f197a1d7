// The province drive's pages (committee orders, coordinators, MOUs, training) as read models,
// each checking who may read it: the service's writes give them back with a refused form, so a
// request makes one call (issue 18).
import type { Actor } from '../domain/actor.ts';
import { canManageAgency } from '../domain/access.ts';
import type { Agency } from '../domain/agency.ts';
import { bare } from '../domain/problem.ts';
import * as repo from '../storage/province-drive.repository.ts';
import { ForbiddenError, notFound } from './errors.ts';
import type { createProvinceDriveAccess, Workspace } from './province-drive-access.ts';
import type { ServiceContext } from './service-options.ts';

type Access = ReturnType<typeof createProvinceDriveAccess>;

export function createProvinceDrivePages({
  db,
  checkRead,
  agenciesOf,
}: Pick<ServiceContext, 'db'> & Pick<Access, 'checkRead' | 'agenciesOf'>) {
  async function mou(actor: Actor, w: Workspace, id: string) {
    await checkRead(actor, w);
    const found = /^\d+$/.test(id) ? await repo.findMou(db, id) : undefined;
    if (!found || found.province !== w.province || found.fiscalYear !== w.fiscalYear)
      throw notFound(bare('', 'mou_unknown'));
    return found.mou;
  }

  async function committee(actor: Actor, w: Workspace) {
    await checkRead(actor, w);
    return repo.findCommitteeOrders(db, w.province, w.fiscalYear);
  }

  /**
   * Coordinators per agency: every agency of the province for its officers and the NACC; an
   * agency administrator (who may not read the rest of the workspace) sees only their own.
   */
  async function coordinators(actor: Actor, w: Workspace) {
    let agencies: Agency[];
    try {
      await checkRead(actor, w);
      agencies = await agenciesOf(w.province);
    } catch (e) {
      if (!(e instanceof ForbiddenError)) throw e;
      agencies = (await agenciesOf(w.province)).filter((a) => canManageAgency(actor, a));
      if (!agencies.length) throw e;
    }
    const list = await repo.findCoordinators(
      db,
      w.fiscalYear,
      agencies.map((a) => a.code),
    );
    return agencies.map((agency) => ({
      agency,
      coordinators: list.filter((c) => c.agencyCode === agency.code),
    }));
  }

  async function mous(actor: Actor, w: Workspace) {
    await checkRead(actor, w);
    const [mous, agencies] = await Promise.all([
      repo.findMous(db, w.province, w.fiscalYear),
      agenciesOf(w.province),
    ]);
    return { mous, agencies };
  }

  /** One MOU's page in one call: the MOU and the province's agencies to pick a party from. */
  async function mouDetail(actor: Actor, w: Workspace, id: string) {
    const found = await mou(actor, w, id);
    return { mou: found, agencies: await agenciesOf(w.province) };
  }

  async function training(actor: Actor, w: Workspace) {
    await checkRead(actor, w);
    const [events, agencies] = await Promise.all([
      repo.findTrainingEvents(db, w.province, w.fiscalYear),
      agenciesOf(w.province),
    ]);
    const attended = new Set(events.flatMap((e) => e.attendance.map((a) => a.agencyCode)));
    return { events, notAttended: agencies.filter((a) => !attended.has(a.code)), agencies };
  }

  return { mou, committee, coordinators, mous, mouDetail, training };
}
