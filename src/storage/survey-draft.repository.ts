// Unfinished survey answers under the hash of an opaque cookie token. Drafts are not responses:
// they are deleted at submission and expire; nothing links them to a stored response.
import type { Db } from './database.ts';

export interface DraftRow {
  linkCode: string;
  tool: string;
  data: unknown;
}

export async function findDraft(
  db: Db,
  tokenHash: string,
  now: Date,
): Promise<DraftRow | undefined> {
  const r = await db
    .selectFrom('survey_drafts')
    .select(['link_code', 'tool', 'data'])
    .where('token_hash', '=', tokenHash)
    .where('expires_at', '>', now)
    .executeTakeFirst();
  return r && { linkCode: r.link_code, tool: r.tool, data: r.data };
}

export async function saveDraft(
  db: Db,
  tokenHash: string,
  draft: DraftRow,
  expiresAt: Date,
): Promise<void> {
  const data = JSON.stringify(draft.data);
  await db
    .insertInto('survey_drafts')
    .values({
      token_hash: tokenHash,
      link_code: draft.linkCode,
      tool: draft.tool,
      data,
      expires_at: expiresAt,
    })
    .onConflict((oc) =>
      oc.column('token_hash').doUpdateSet({
        link_code: draft.linkCode,
        tool: draft.tool,
        data,
        expires_at: expiresAt,
      }),
    )
    .execute();
}

export async function deleteDraft(db: Db, tokenHash: string): Promise<void> {
  await db.deleteFrom('survey_drafts').where('token_hash', '=', tokenHash).execute();
}

export async function countDrafts(db: Db): Promise<number> {
  const r = await db
    .selectFrom('survey_drafts')
    .select((s) => s.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function purgeExpiredDrafts(db: Db, now: Date): Promise<void> {
  await db.deleteFrom('survey_drafts').where('expires_at', '<=', now).execute();
}
