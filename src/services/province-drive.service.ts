// Use cases of the province's drive records: committee orders, coordinators, MOUs and training.
// Province officers act for their own province; the NACC reads every province (read-only).
import type { Actor } from '../domain/actor.ts';
import { canManageAgency, isNacc } from '../domain/access.ts';
import {
  validateAttendance,
  validateCommitteeOrder,
  validateCoordinator,
  validateMou,
  validateTrainingEvent,
} from '../domain/province-drive-validation.ts';
import { bare } from '../domain/problem.ts';
import { ok, type Refused } from '../domain/result.ts';
import { findAgency } from '../storage/agency.repository.ts';
import * as repo from '../storage/province-drive.repository.ts';
import { listYears } from '../storage/year.repository.ts';
import { recordAudit } from './audit.service.ts';
import { enqueueJobs } from '../storage/job.repository.ts';
import { ForbiddenError, forbidden, notFound, refusedWith } from './errors.ts';
import {
  canEditProvince,
  createProvinceDriveAccess,
  type Form,
  type Workspace,
} from './province-drive-access.ts';
import { mouLinkCheckJob } from './job-kinds.ts';
import { createProvinceDrivePages } from './province-drive-pages.ts';
import type { ServiceContext } from './service-options.ts';

export { canEditProvince, type Form, type Workspace } from './province-drive-access.ts';

export function createProvinceDriveService({ db, clock }: Pick<ServiceContext, 'db' | 'clock'>) {
  const { checkRead, checkWrite, agenciesOf, agencyInProvince } = createProvinceDriveAccess({ db });

  const { mou, committee, coordinators, mous, mouDetail, training } = createProvinceDrivePages({
    db,
    checkRead,
    agenciesOf,
  });

  type CommitteeOrders = Awaited<ReturnType<typeof committee>>;
  type Coordinators = Awaited<ReturnType<typeof coordinators>>;
  type Training = Awaited<ReturnType<typeof training>>;
  /** The page an MOU form was on: one MOU's, or the list's. */
  type MouFormPage =
    | ({ kind: 'detail' } & Awaited<ReturnType<typeof mouDetail>>)
    | ({ kind: 'list' } & Awaited<ReturnType<typeof mous>>);

  return {
    checkRead,
    agenciesOf,
    canEdit: (actor: Actor, province: string) => canEditProvince(actor, province),

    committee,

    async recordCommitteeOrder(
      actor: Actor,
      w: Workspace,
      form: Form,
    ): Promise<{ ok: true; value: string } | Refused<CommitteeOrders>> {
      await checkWrite(actor, w);
      const v = validateCommitteeOrder(form);
      if (!v.ok) return refusedWith(v.error, () => committee(actor, w));
      const id = await db.transaction().execute(async (tx) => {
        const id = await repo.insertCommitteeOrder(tx, w.province, w.fiscalYear, v.value);
        await recordAudit(tx, {
          actor,
          action: 'drive.committee.create',
          recordType: 'committee_order',
          recordId: id,
          after: { ...w, ...v.value },
        });
        return id;
      });
      return ok(id);
    },

    coordinators,

    /** Entered by the province, or by the agency itself (its administrators). */
    async addCoordinator(
      actor: Actor,
      w: Workspace,
      form: Form,
    ): Promise<{ ok: true; value: string } | Refused<Coordinators>> {
      await checkRead(actor, w).catch(async (e: unknown) => {
        // An agency administrator may not read the province's workspace, yet enters its own.
        const a = form.agencyCode ? await findAgency(db, form.agencyCode) : undefined;
        if (!(e instanceof ForbiddenError) || !a || a.province !== w.province) throw e;
        if (!canManageAgency(actor, a)) throw e;
      });
      const v = validateCoordinator(form);
      if (!v.ok) return refusedWith(v.error, () => coordinators(actor, w));
      const found = await agencyInProvince(w, v.value.agencyCode, 'agencyCode');
      if (!found.ok) return refusedWith([found.problem], () => coordinators(actor, w));
      if (!canEditProvince(actor, w.province) && !canManageAgency(actor, found.agency!))
        throw forbidden(bare('', 'coordinator_forbidden'));
      const id = await db.transaction().execute(async (tx) => {
        const id = await repo.insertCoordinator(tx, w.fiscalYear, v.value);
        await recordAudit(tx, {
          actor,
          action: 'drive.coordinator.create',
          recordType: 'coordinator',
          recordId: id,
          after: v.value,
        });
        return id;
      });
      return ok(id);
    },

    async removeCoordinator(actor: Actor, w: Workspace, id: string): Promise<void> {
      const agencyAdmin =
        actor.kind === 'user' && actor.grants.some((g) => g.role === 'agency_admin');
      if (!agencyAdmin) await checkWrite(actor, w);
      const row = /^\d+$/.test(id) ? await repo.findCoordinator(db, id) : undefined;
      const agency = row ? await findAgency(db, row.agency_code) : undefined;
      if (!row || !agency || agency.province !== w.province || row.fiscal_year !== w.fiscalYear)
        throw notFound(bare('', 'coordinator_unknown'));
      if (!canEditProvince(actor, w.province) && !canManageAgency(actor, agency))
        await checkWrite(actor, w);
      await db.transaction().execute(async (tx) => {
        await repo.deleteCoordinator(tx, w.fiscalYear, id);
        await recordAudit(tx, {
          actor,
          action: 'drive.coordinator.delete',
          recordType: 'coordinator',
          recordId: id,
          before: { agencyCode: row.agency_code, name: row.name, email: row.email },
        });
      });
    },

    mous,

    mouDetail,

    /** The province's years, newest first; read access checked against the newest. */
    async years(actor: Actor, province: string): Promise<number[]> {
      const years = (await listYears(db)).map((y) => y.fiscalYear);
      const newest = years.length ? Math.max(...years) : 2564;
      await checkRead(actor, { province, fiscalYear: newest });
      return [...years].sort((a, b) => b - a);
    },

    mou,

    /**
     * Records who signs with whom, the signing and the published URL. A new or changed URL is
     * marked unchecked for the link checker. A refusal comes with the page the form was on:
     * the MOU's own (the form names it, `mouId`) or the list.
     */
    async saveMou(
      actor: Actor,
      w: Workspace,
      form: Form,
    ): Promise<{ ok: true; value: string } | Refused<MouFormPage>> {
      await checkWrite(actor, w);
      const page = async (): Promise<MouFormPage> =>
        form.mouId
          ? { kind: 'detail', ...(await mouDetail(actor, w, form.mouId)) }
          : { kind: 'list', ...(await mous(actor, w)) };
      const v = validateMou(form);
      if (!v.ok) return refusedWith(v.error, page);
      const found = await agencyInProvince(w, v.value.agencyCode, 'agencyCode');
      if (!found.ok) return refusedWith([found.problem], page);
      const id = await db.transaction().execute(async (tx) => {
        const { id, before } = await repo.upsertMou(tx, w.province, w.fiscalYear, v.value);
        // A new or changed URL is unchecked until the link checker has visited it.
        if (v.value.publishedUrl && v.value.publishedUrl !== before?.publishedUrl)
          await enqueueJobs(tx, [mouLinkCheckJob(id)]);
        await recordAudit(tx, {
          actor,
          action: before ? 'drive.mou.update' : 'drive.mou.create',
          recordType: 'mou',
          recordId: id,
          before,
          after: v.value,
        });
        return id;
      });
      return ok(id);
    },

    training,

    async addTrainingEvent(
      actor: Actor,
      w: Workspace,
      form: Form,
    ): Promise<{ ok: true; value: string } | Refused<Training>> {
      await checkWrite(actor, w);
      const v = validateTrainingEvent(form);
      if (!v.ok) return refusedWith(v.error, () => training(actor, w));
      const id = await db.transaction().execute(async (tx) => {
        const id = await repo.insertTrainingEvent(tx, w.province, w.fiscalYear, v.value);
        await recordAudit(tx, {
          actor,
          action: 'drive.training.create',
          recordType: 'training_event',
          recordId: id,
          after: v.value,
        });
        return id;
      });
      return ok(id);
    },

    async recordAttendance(
      actor: Actor,
      w: Workspace,
      eventId: string,
      form: Form,
    ): Promise<{ ok: true; value: true } | Refused<Training>> {
      await checkWrite(actor, w);
      const event = /^\d+$/.test(eventId) ? await repo.findTrainingEvent(db, eventId) : undefined;
      if (!event || event.province !== w.province || event.fiscal_year !== w.fiscalYear)
        throw notFound(bare('', 'training_unknown'));
      const v = validateAttendance(form);
      if (!v.ok) return refusedWith(v.error, () => training(actor, w));
      const found = await agencyInProvince(w, v.value.agencyCode, 'agencyCode');
      if (!found.ok) return refusedWith([found.problem], () => training(actor, w));
      const row = { ...v.value, partyName: found.agency?.nameTh ?? v.value.partyName };
      await db.transaction().execute(async (tx) => {
        await repo.upsertAttendance(tx, eventId, row);
        await recordAudit(tx, {
          actor,
          action: 'drive.training.attendance',
          recordType: 'training_event',
          recordId: eventId,
          after: row,
        });
      });
      return ok(true);
    },

    /**
     * The link checker's visit to an MOU's published URL: a 2xx answer from a public address is
     * 'ok', anything else 'broken'. `fetch` is the OIT link checker's guarded fetcher.
     */
    async checkMouLink(
      actor: Actor,
      id: string,
      fetch: (
        url: string,
      ) => Promise<{ httpStatus: number | null; error: string | null; blocked: boolean }>,
    ): Promise<'ok' | 'broken' | null> {
      if (!isNacc(actor)) throw forbidden(bare('', 'system_only'));
      const found = /^\d+$/.test(id) ? await repo.findMou(db, id) : undefined;
      const url = found?.mou.publishedUrl;
      if (!url) return null;
      const r = await fetch(url);
      const status =
        !r.blocked && !r.error && r.httpStatus !== null && r.httpStatus >= 200 && r.httpStatus < 300
          ? 'ok'
          : 'broken';
      await repo.setMouLinkStatus(db, id, status, clock());
      return status;
    },
  };
}

export type ProvinceDriveService = ReturnType<typeof createProvinceDriveService>;
