// Use cases of the province's drive records: committee orders, coordinators, MOUs and training.
// Province officers act for their own province; the NACC reads every province (read-only).
import type { Actor } from '../domain/actor.ts';
import { canManageAgency, isNacc } from '../domain/access.ts';
import {
  coordinatorAgencyCode,
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
import { recordAudit, recordAudits } from './audit.service.ts';
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
  const { checkRead, checkWrite, agenciesOf, agenciesInProvince } = createProvinceDriveAccess({
    db,
  });

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

  /**
   * Coordinators of many agencies at once (the province's list, or an agency's own people): each
   * form checked as on its own, then all or nothing in one transaction, one audit entry each.
   */
  async function addCoordinators(
    actor: Actor,
    w: Workspace,
    forms: readonly Form[],
  ): Promise<{ ok: true; value: string[] } | Refused<Coordinators>> {
    // One lookup serves both checks: an agency administrator's own agencies before validation,
    // the province after. It takes each form's code as the validation keeps it, so both checks
    // and the rows stored concern the same agencies.
    const { agencies, problems } = await agenciesInProvince(
      w,
      forms.map((f) => coordinatorAgencyCode(f) || null),
      'agencyCode',
    );
    await checkRead(actor, w).catch((e: unknown) => {
      // An agency administrator may not read the province's workspace, yet enters its own.
      const own = (f: Form) => {
        const a = agencies.get(coordinatorAgencyCode(f));
        return a !== undefined && a.province === w.province && canManageAgency(actor, a);
      };
      if (!(e instanceof ForbiddenError) || forms.length === 0 || !forms.every(own)) throw e;
    });
    const checked = forms.map((f) => validateCoordinator(f));
    const invalid = checked.flatMap((v) => (v.ok ? [] : v.error));
    if (invalid.length) return refusedWith(invalid, () => coordinators(actor, w));
    // Every form is valid here, so the codes looked up are exactly the values' codes.
    const values = checked.flatMap((v) => (v.ok ? [v.value] : []));
    if (problems.length) return refusedWith(problems, () => coordinators(actor, w));
    if (
      !canEditProvince(actor, w.province) &&
      !values.every((v) => canManageAgency(actor, agencies.get(v.agencyCode)!))
    )
      throw forbidden(bare('', 'coordinator_forbidden'));
    const ids = await db.transaction().execute(async (tx) => {
      const ids = await repo.insertCoordinators(tx, w.fiscalYear, values);
      await recordAudits(
        tx,
        values.map((v, i) => ({
          actor,
          action: 'drive.coordinator.create',
          recordType: 'coordinator',
          recordId: ids[i]!,
          after: v,
        })),
      );
      return ids;
    });
    return ok(ids);
  }

  /** MOUs from their forms: all or nothing, in one transaction; a refusal with `page`. */
  async function writeMous<P>(
    actor: Actor,
    w: Workspace,
    forms: readonly Form[],
    page: () => Promise<P>,
  ): Promise<{ ok: true; value: string[] } | Refused<P>> {
    await checkWrite(actor, w);
    const checked = forms.map((f) => validateMou(f));
    const invalid = checked.flatMap((v) => (v.ok ? [] : v.error));
    if (invalid.length) return refusedWith(invalid, page);
    const values = checked.flatMap((v) => (v.ok ? [v.value] : []));
    const { problems } = await agenciesInProvince(
      w,
      values.map((v) => v.agencyCode),
      'agencyCode',
    );
    if (problems.length) return refusedWith(problems, page);
    const ids = await db.transaction().execute(async (tx) => {
      const saved = (await repo.upsertMous(tx, w.province, w.fiscalYear, values)).map(
        ({ id, before }, i) => ({ id, before, v: values[i]! }),
      );
      // A new or changed URL is unchecked until the link checker has visited it.
      await enqueueJobs(
        tx,
        saved
          .filter(({ v, before }) => v.publishedUrl && v.publishedUrl !== before?.publishedUrl)
          .map(({ id }) => mouLinkCheckJob(id)),
      );
      await recordAudits(
        tx,
        saved.map(({ id, before, v }) => ({
          actor,
          action: before ? 'drive.mou.update' : 'drive.mou.create',
          recordType: 'mou',
          recordId: id,
          before,
          after: v,
        })),
      );
      return saved.map((s) => s.id);
    });
    return ok(ids);
  }

  /** Who came to a training event, many parties at once: all or nothing, one audit entry each. */
  async function recordAttendances(
    actor: Actor,
    w: Workspace,
    eventId: string,
    forms: readonly Form[],
  ): Promise<{ ok: true; value: true } | Refused<Training>> {
    await checkWrite(actor, w);
    const event = /^\d+$/.test(eventId) ? await repo.findTrainingEvent(db, eventId) : undefined;
    if (!event || event.province !== w.province || event.fiscal_year !== w.fiscalYear)
      throw notFound(bare('', 'training_unknown'));
    const checked = forms.map((f) => validateAttendance(f));
    const invalid = checked.flatMap((v) => (v.ok ? [] : v.error));
    if (invalid.length) return refusedWith(invalid, () => training(actor, w));
    const values = checked.flatMap((v) => (v.ok ? [v.value] : []));
    const { agencies, problems } = await agenciesInProvince(
      w,
      values.map((v) => v.agencyCode),
      'agencyCode',
    );
    if (problems.length) return refusedWith(problems, () => training(actor, w));
    const rows = values.map((v) => ({
      ...v,
      partyName: (v.agencyCode && agencies.get(v.agencyCode)?.nameTh) || v.partyName,
    }));
    await db.transaction().execute(async (tx) => {
      // A party named twice keeps its last figure, as two forms in a row would leave it.
      await repo.upsertAttendances(tx, eventId, [
        ...new Map(rows.map((r) => [r.partyName, r])).values(),
      ]);
      await recordAudits(
        tx,
        rows.map((row) => ({
          actor,
          action: 'drive.training.attendance',
          recordType: 'training_event',
          recordId: eventId,
          after: row,
        })),
      );
    });
    return ok(true);
  }

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
      const r = await addCoordinators(actor, w, [form]);
      return r.ok ? ok(r.value[0]!) : r;
    },

    addCoordinators,

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
      const page = async (): Promise<MouFormPage> =>
        form.mouId
          ? { kind: 'detail', ...(await mouDetail(actor, w, form.mouId)) }
          : { kind: 'list', ...(await mous(actor, w)) };
      const r = await writeMous(actor, w, [form], page);
      return r.ok ? ok(r.value[0]!) : r;
    },

    /** Many MOUs at once (the list's): all or nothing, a refusal with the list. */
    saveMous: (actor: Actor, w: Workspace, forms: readonly Form[]) =>
      writeMous(actor, w, forms, async () => ({
        kind: 'list' as const,
        ...(await mous(actor, w)),
      })),

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
      return recordAttendances(actor, w, eventId, [form]);
    },

    recordAttendances,

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
