// Reads and writes assessment years (a fiscal year and the framework it is assessed with).
import { sql } from 'kysely';
import type { Db } from './database.ts';

export interface YearRow {
  fiscalYear: number;
  frameworkId: string;
  createdAt: Date;
  publishedAt: Date | null;
  announcementTh: string | null;
  announcementEn: string | null;
}

const toYear = (r: {
  fiscal_year: number;
  framework_id: string;
  created_at: Date;
  published_at: Date | null;
  announcement_th: string | null;
  announcement_en: string | null;
}): YearRow => ({
  fiscalYear: r.fiscal_year,
  frameworkId: r.framework_id,
  createdAt: r.created_at,
  publishedAt: r.published_at,
  announcementTh: r.announcement_th,
  announcementEn: r.announcement_en,
});

export async function findYear(db: Db, fiscalYear: number): Promise<YearRow | undefined> {
  const r = await db
    .selectFrom('assessment_years')
    .selectAll()
    .where('fiscal_year', '=', fiscalYear)
    .executeTakeFirst();
  return r ? toYear(r) : undefined;
}

/** The newest assessment year, if any. */
export async function latestYear(db: Db): Promise<number | undefined> {
  const r = await db
    .selectFrom('assessment_years')
    .select('fiscal_year')
    .orderBy('fiscal_year', 'desc')
    .executeTakeFirst();
  return r?.fiscal_year;
}

export async function listYears(db: Db): Promise<YearRow[]> {
  const rows = await db.selectFrom('assessment_years').selectAll().orderBy('fiscal_year').execute();
  return rows.map(toYear);
}

/** Inserts a year; false when it already exists. */
export async function insertYear(
  db: Db,
  fiscalYear: number,
  frameworkId: string,
): Promise<boolean> {
  const r = await db
    .insertInto('assessment_years')
    .values({ fiscal_year: fiscalYear, framework_id: frameworkId })
    .onConflict((oc) => oc.column('fiscal_year').doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
}

export async function setYearPublished(
  db: Db,
  fiscalYear: number,
  publishedAt: Date | null,
): Promise<void> {
  await db
    .updateTable('assessment_years')
    .set({ published_at: publishedAt })
    .where('fiscal_year', '=', fiscalYear)
    .execute();
}

/** Locks the year's row until the transaction ends (a move checks, then switches). */
export async function lockYear(db: Db, fiscalYear: number): Promise<YearRow | undefined> {
  const r = await db
    .selectFrom('assessment_years')
    .selectAll()
    .where('fiscal_year', '=', fiscalYear)
    .forUpdate()
    .executeTakeFirst();
  return r ? toYear(r) : undefined;
}

export async function setYearFramework(
  db: Db,
  fiscalYear: number,
  frameworkId: string,
): Promise<void> {
  await db
    .updateTable('assessment_years')
    .set({ framework_id: frameworkId })
    .where('fiscal_year', '=', fiscalYear)
    .execute();
}

/** What the year holds that a new framework must still be able to read, and how much it is. */
export async function yearDataInUse(
  db: Db,
  fiscalYear: number,
): Promise<{
  responses: { IIT: number; EIT: number };
  oitItems: string[];
  agencies: number;
  cards: number;
}> {
  const [tools, items, agencies, cards] = await Promise.all([
    db
      .selectFrom('responses')
      .select(['tool', db.fn.countAll<string>().as('n')])
      .where('fiscal_year', '=', fiscalYear)
      .groupBy('tool')
      .execute(),
    db
      .selectFrom('oit_entries')
      .select('item')
      .distinct()
      .where('fiscal_year', '=', fiscalYear)
      .orderBy('item')
      .execute(),
    sql<{ n: string }>`select count(*) as n from (
        select agency_code from responses where fiscal_year = ${fiscalYear}
        union select agency_code from oit_entries where fiscal_year = ${fiscalYear}
        union select agency_code from score_cards where fiscal_year = ${fiscalYear}) a`.execute(db),
    db
      .selectFrom('score_cards')
      .select(db.fn.countAll<string>().as('n'))
      .where('fiscal_year', '=', fiscalYear)
      .executeTakeFirst(),
  ]);
  const count = (tool: string) => Number(tools.find((t) => t.tool === tool)?.n ?? 0);
  return {
    responses: { IIT: count('IIT'), EIT: count('EIT') },
    oitItems: items.map((i) => i.item),
    agencies: Number(agencies.rows[0]?.n ?? 0),
    cards: Number(cards?.n ?? 0),
  };
}
