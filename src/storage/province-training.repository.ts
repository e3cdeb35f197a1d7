// Reads and writes the province's training events and who attended.
import type { TrainingEvent, TrainingEventInput } from '../domain/province-drive.ts';
import type { Db } from './database.ts';

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

/** Sets parties' attendance at an event (a party at most once), in one statement. */
export async function upsertAttendances(
  db: Db,
  eventId: string,
  list: readonly { partyName: string; agencyCode: string | null; people: number }[],
) {
  if (list.length === 0) return;
  await db
    .insertInto('drive_training_attendance')
    .values(
      list.map((a) => ({
        event_id: eventId,
        party_name: a.partyName,
        agency_code: a.agencyCode,
        people: a.people,
      })),
    )
    .onConflict((oc) =>
      oc.columns(['event_id', 'party_name']).doUpdateSet((eb) => ({
        people: eb.ref('excluded.people'),
        agency_code: eb.ref('excluded.agency_code'),
      })),
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
