// Reads and writes the province's MOUs with its agencies (and the state of each MOU's link).
import { sql } from 'kysely';
import type { Mou, MouInput } from '../domain/province-drive.ts';
import type { Db } from './database.ts';

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

/** The columns an MOU's form sets (its party, province and year are its key). */
const mouColumns = (m: MouInput) => ({
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
    ...mouColumns(m),
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

/**
 * upsertMou for each MOU in order, each seeing the rows the ones before left. When none of the
 * parties has an MOU yet and none is named twice (a province entering a signing day), the same
 * rows go in by one insert: every one new, so none has a `before`.
 */
export async function upsertMous(
  db: Db,
  province: string,
  fiscalYear: number,
  list: readonly MouInput[],
): Promise<{ id: string; before: Mou | undefined }[]> {
  const names = list.map((m) => m.partyName);
  const fresh =
    list.length > 1 &&
    new Set(names).size === names.length &&
    (await db
      .selectFrom('drive_mous')
      .select('id')
      .where('province', '=', province)
      .where('fiscal_year', '=', fiscalYear)
      .where('party_name', 'in', names)
      .executeTakeFirst()) === undefined;
  if (!fresh) {
    const out = [];
    for (const m of list) out.push(await upsertMou(db, province, fiscalYear, m));
    return out;
  }
  const rows = await db
    .insertInto('drive_mous')
    .values(
      list.map((m) => ({
        province,
        fiscal_year: fiscalYear,
        party_name: m.partyName,
        ...mouColumns(m),
        link_status: 'unchecked' as const,
        link_checked_at: null,
      })),
    )
    .returning('id')
    .execute();
  // Serial ids are drawn in the order of the VALUES list: ascending ids are the given order.
  const ids = rows.map((r) => BigInt(r.id)).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return ids.map((id) => ({ id: String(id), before: undefined }));
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
