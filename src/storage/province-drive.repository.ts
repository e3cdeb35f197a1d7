// Reads and writes the province's drive records: committee orders and members, coordinators.
import type {
  CommitteeOrder,
  Coordinator,
  Mou,
  TrainingEvent,
  CommitteeOrderInput,
  CoordinatorInput,
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

/** Inserts coordinators in one statement; their ids in the order given. */
export async function insertCoordinators(
  db: Db,
  fiscalYear: number,
  list: readonly CoordinatorInput[],
): Promise<string[]> {
  if (list.length === 0) return [];
  const rows = await db
    .insertInto('drive_coordinators')
    .values(
      list.map((c) => ({
        fiscal_year: fiscalYear,
        agency_code: c.agencyCode,
        name: c.name,
        position: c.position,
        email: c.email,
        phone: c.phone,
        fax: c.fax,
      })),
    )
    .returning('id')
    .execute();
  // Serial ids are drawn in the order of the VALUES list: ascending ids are the given order.
  return rows
    .map((r) => BigInt(r.id))
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .map(String);
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

// The drive's other records, by table (one namespace for the services: `import * as drive`).
export * from './province-mou.repository.ts';
export * from './province-training.repository.ts';
export * from './province-reminder.repository.ts';
