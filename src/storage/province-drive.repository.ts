// Reads and writes the province's drive records: committee, coordinators, MOUs, training, reminders.
import { sql } from 'kysely';
import type {
  CommitteeOrder,
  Coordinator,
  Mou,
  TrainingEvent,
  CommitteeOrderInput,
  CoordinatorInput,
  MouInput,
  TrainingEventInput,
} from '../domain/province-drive.ts';
import type { Db } from './database.ts';

export type { CommitteeOrder, Coordinator, Mou, TrainingEvent };

export async function insertCommitteeOrder(
  db: Db,
  province: string,
  fiscalYear: number,
  o: CommitteeOrderInput,
): Promise<string> {
  const { id } = await db
    .insertInto('drive_committee_orders')
    .values({
      province,
      fiscal_year: fiscalYear,
      number: o.number,
      ordered_on: o.orderedOn,
      title: o.title,
      signer: o.signer,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (o.members.length)
    await db
      .insertInto('drive_committee_members')
      .values(o.members.map((m, i) => ({ order_id: id, seq: i + 1, ...m })))
      .execute();
  return String(id);
}

export async function findCommitteeOrders(
  db: Db,
  province: string,
  fiscalYear: number,
): Promise<CommitteeOrder[]> {
  const orders = await db
    .selectFrom('drive_committee_orders')
    .selectAll()
    .where('province', '=', province)
    .where('fiscal_year', '=', fiscalYear)
    .orderBy('ordered_on')
    .orderBy('id')
    .execute();
  if (!orders.length) return [];
  const members = await db
    .selectFrom('drive_committee_members')
    .selectAll()
    .where(
      'order_id',
      'in',
      orders.map((o) => o.id),
    )
    .orderBy('order_id')
    .orderBy('seq')
    .execute();
  return orders.map((o) => ({
    id: String(o.id),
    number: o.number,
    orderedOn: o.ordered_on,
    title: o.title,
    signer: o.signer,
    members: members
      .filter((m) => String(m.order_id) === String(o.id))
      .map((m) => ({
        seq: m.seq,
        name: m.name,
        position: m.position,
        office: m.office,
        role: m.role,
      })),
  }));
}

export async function insertCoordinator(
  db: Db,
  fiscalYear: number,
  c: CoordinatorInput,
): Promise<string> {
  const { id } = await db
    .insertInto('drive_coordinators')
    .values({
      fiscal_year: fiscalYear,
      agency_code: c.agencyCode,
      name: c.name,
      position: c.position,
      email: c.email,
      phone: c.phone,
      fax: c.fax,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return String(id);
}

export async function deleteCoordinator(db: Db, fiscalYear: number, id: string) {
  const r = await db
    .deleteFrom('drive_coordinators')
    .where('id', '=', id)
    .where('fiscal_year', '=', fiscalYear)
    .returning(['agency_code', 'name', 'email'])
    .executeTakeFirst();
  return r;
}

export async function findCoordinator(db: Db, id: string) {
  return db.selectFrom('drive_coordinators').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findCoordinators(
  db: Db,
  fiscalYear: number,
  agencyCodes: readonly string[],
): Promise<Coordinator[]> {
  if (!agencyCodes.length) return [];
  const rows = await db
    .selectFrom('drive_coordinators')
    .selectAll()
    .where('fiscal_year', '=', fiscalYear)
    .where('agency_code', 'in', [...agencyCodes])
    .orderBy('agency_code')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    id: String(r.id),
    agencyCode: r.agency_code,
    name: r.name,
    position: r.position,
    email: r.email,
    phone: r.phone,
    fax: r.fax,
  }));
}

const toMou = (r: {
  id: string;
  level: 'province' | 'district';
  district: string | null;
  party_name: string;
  agency_code: string | null;
  first_signer: string;
  party_signer: string | null;
  signed_on: string | null;
  place: string | null;
  witnesses: string[];
  copies_made: number | null;
  copies_kept: number | null;
  copies_sent: number | null;
  published_url: string | null;
  link_status: 'unchecked' | 'ok' | 'broken';
}): Mou => ({
  id: String(r.id),
  level: r.level,
  district: r.district,
  partyName: r.party_name,
  agencyCode: r.agency_code,
  firstSigner: r.first_signer,
  partySigner: r.party_signer,
  signedOn: r.signed_on,
  place: r.place,
  witnesses: r.witnesses,
  copiesMade: r.copies_made,
  copiesKept: r.copies_kept,
  copiesSent: r.copies_sent,
  publishedUrl: r.published_url,
  linkStatus: r.link_status,
});

/** Inserts or replaces the MOU of a party (one per party and year). */
export async function upsertMou(
  db: Db,
  province: string,
  fiscalYear: number,
  m: MouInput,
): Promise<{ id: string; before: Mou | undefined }> {
  const before = await db
    .selectFrom('drive_mous')
    .selectAll()
    .where('province', '=', province)
    .where('fiscal_year', '=', fiscalYear)
    .where('party_name', '=', m.partyName)
    .executeTakeFirst();
  const urlChanged = before?.published_url !== m.publishedUrl;
  const values = {
    level: m.level,
    district: m.district,
    agency_code: m.agencyCode,
    first_signer: m.firstSigner,
    party_signer: m.partySigner,
    signed_on: m.signedOn,
    place: m.place,
    witnesses: m.witnesses,
    copies_made: m.copiesMade,
    copies_kept: m.copiesKept,
    copies_sent: m.copiesSent,
    published_url: m.publishedUrl,
    updated_at: sql<Date>`now()`,
    ...(urlChanged ? { link_status: 'unchecked' as const, link_checked_at: null } : {}),
  };
  if (before) {
    await db.updateTable('drive_mous').set(values).where('id', '=', before.id).execute();
    return { id: String(before.id), before: toMou(before) };
  }
  const { id } = await db
    .insertInto('drive_mous')
    .values({ province, fiscal_year: fiscalYear, party_name: m.partyName, ...values })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: String(id), before: undefined };
}

export async function findMous(db: Db, province: string, fiscalYear: number): Promise<Mou[]> {
  const rows = await db
    .selectFrom('drive_mous')
    .selectAll()
    .where('province', '=', province)
    .where('fiscal_year', '=', fiscalYear)
    .orderBy('level', 'desc')
    .orderBy('district')
    .orderBy('id')
    .execute();
  return rows.map(toMou);
}

export async function findMou(db: Db, id: string) {
  const r = await db.selectFrom('drive_mous').selectAll().where('id', '=', id).executeTakeFirst();
  return r ? { province: r.province, fiscalYear: r.fiscal_year, mou: toMou(r) } : undefined;
}

/** Records a link check's outcome on an MOU (called by the link checker). */
export async function setMouLinkStatus(db: Db, id: string, status: 'ok' | 'broken', at: Date) {
  await db
    .updateTable('drive_mous')
    .set({ link_status: status, link_checked_at: at })
    .where('id', '=', id)
    .execute();
}

export async function insertTrainingEvent(
  db: Db,
  province: string,
  fiscalYear: number,
  e: TrainingEventInput,
): Promise<string> {
  const { id } = await db
    .insertInto('drive_training_events')
    .values({
      province,
      fiscal_year: fiscalYear,
      title: e.title,
      held_on: e.heldOn,
      place: e.place,
      audience: e.audience,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return String(id);
}

export async function upsertAttendance(
  db: Db,
  eventId: string,
  a: { partyName: string; agencyCode: string | null; people: number },
) {
  await db
    .insertInto('drive_training_attendance')
    .values({
      event_id: eventId,
      party_name: a.partyName,
      agency_code: a.agencyCode,
      people: a.people,
    })
    .onConflict((oc) =>
      oc
        .columns(['event_id', 'party_name'])
        .doUpdateSet({ people: a.people, agency_code: a.agencyCode }),
    )
    .execute();
}

export async function findTrainingEvent(db: Db, id: string) {
  return db.selectFrom('drive_training_events').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findTrainingEvents(
  db: Db,
  province: string,
  fiscalYear: number,
): Promise<TrainingEvent[]> {
  const events = await db
    .selectFrom('drive_training_events')
    .selectAll()
    .where('province', '=', province)
    .where('fiscal_year', '=', fiscalYear)
    .orderBy('held_on')
    .orderBy('id')
    .execute();
  if (!events.length) return [];
  const att = await db
    .selectFrom('drive_training_attendance')
    .selectAll()
    .where(
      'event_id',
      'in',
      events.map((e) => e.id),
    )
    .orderBy('party_name')
    .execute();
  return events.map((e) => ({
    id: String(e.id),
    title: e.title,
    heldOn: e.held_on,
    place: e.place,
    audience: e.audience,
    attendance: att
      .filter((a) => String(a.event_id) === String(e.id))
      .map((a) => ({ partyName: a.party_name, agencyCode: a.agency_code, people: a.people })),
  }));
}

export async function findReminderTemplates(db: Db, province: string) {
  const rows = await db
    .selectFrom('drive_reminder_templates')
    .select(['key', 'subject', 'body'])
    .where('province', '=', province)
    .orderBy('key')
    .execute();
  return rows;
}

export async function saveReminderTemplate(
  db: Db,
  province: string,
  t: { key: string; subject: string; body: string },
) {
  await db
    .insertInto('drive_reminder_templates')
    .values({ province, ...t })
    .onConflict((oc) =>
      oc
        .columns(['province', 'key'])
        .doUpdateSet({ subject: t.subject, body: t.body, updated_at: sql<Date>`now()` }),
    )
    .execute();
}

export async function insertReminder(
  db: Db,
  r: {
    province: string;
    fiscalYear: number;
    subject: string;
    body: string;
    agencyCodes: string[];
    recipients: number;
    sentBy: string;
    sentAt: Date;
  },
): Promise<string> {
  const { id } = await db
    .insertInto('drive_reminders')
    .values({
      province: r.province,
      fiscal_year: r.fiscalYear,
      subject: r.subject,
      body: r.body,
      agency_codes: r.agencyCodes,
      recipients: r.recipients,
      sent_by: r.sentBy,
      sent_at: r.sentAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return String(id);
}

export async function findReminders(db: Db, province: string, fiscalYear: number) {
  const rows = await db
    .selectFrom('drive_reminders')
    .selectAll()
    .where('province', '=', province)
    .where('fiscal_year', '=', fiscalYear)
    .orderBy('sent_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
  return rows.map((r) => ({
    id: String(r.id),
    subject: r.subject,
    agencyCodes: r.agency_codes,
    recipients: r.recipients,
    sentBy: r.sent_by,
    sentAt: r.sent_at,
  }));
}
