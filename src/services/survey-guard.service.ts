// Abuse resistance for survey submissions: rate limits per network and per link, burst,
// identical-answer and same-column flags, single-use access codes. Stores no identity: only a
// salted hash of the network prefix (the salt changes every Thailand day) and expiring counters.
import { createHash, randomBytes } from 'node:crypto';
import type { SurveyLimits } from '../config.ts';
import { thaiDay } from '../domain/calendar.ts';
import { answerSetText } from '../domain/survey-form.ts';
import { fixedWindow, networkPrefix, normaliseCode } from '../domain/survey-guard.ts';
import type { Db } from '../storage/database.ts';
import { createGroupCommit } from './group-commit.ts';
import { purgeExpiredDrafts } from '../storage/survey-draft.repository.ts';
import { addCounterHits, type CounterAdd } from '../storage/survey-counter.repository.ts';
import {
  accessCodeUsable,
  countAnomaly,
  purgeExpiredCounters,
  saltOfDay,
  useAccessCode,
} from '../storage/survey-guard.repository.ts';

export const ANOMALY_KINDS = ['network_burst', 'identical_answers', 'same_column'] as const;
export type AnomalyKind = (typeof ANOMALY_KINDS)[number];

export interface AdmitKey {
  fiscalYear: number;
  agencyCode: string;
  tool: string;
  linkCode: string;
}

export type Admission = { ok: true } | { ok: false; retryAfterSeconds: number };

/** The hash of an answer set counted for "identical answer sets" (never stored with a response). */
export function answerSetFingerprint(answers: Record<string, string>): string {
  return createHash('sha256').update(answerSetText(answers)).digest('base64url').slice(0, 32);
}

export function hashAccessCode(code: string): string {
  return createHash('sha256')
    .update(`itas-access:${normaliseCode(code)}`)
    .digest('hex');
}

interface CounterHit {
  bucket: string;
  windowStart: number;
  expiresAt: Date;
}

/**
 * Rate-limit counters by group commit: the hits of every submission waiting while one upsert is
 * in flight go together in the next. Each caller still gets the total it would have seen alone
 * (the total before the batch plus its place in the batch), so limits hold exactly as with one
 * statement per hit; across processes the database decides.
 */
function createCounterBatcher(db: Db) {
  return createGroupCommit<CounterHit[], Map<string, number>>(async (batch) => {
    const adds = new Map<string, CounterAdd>();
    // Per caller and bucket: how many hits of this batch come before and including its own.
    const ordinals = batch.map((hits) => {
      const mine = new Map<string, number>();
      for (const h of hits) {
        const k = `${h.bucket}@${h.windowStart}`;
        const a = adds.get(k) ?? { ...h, n: 0 };
        a.n++;
        adds.set(k, a);
        mine.set(k, a.n);
      }
      return mine;
    });
    const totals = await addCounterHits(db, [...adds.values()]);
    return batch.map((hits, i) => {
      const seen = new Map<string, number>();
      for (const h of hits) {
        const k = `${h.bucket}@${h.windowStart}`;
        seen.set(h.bucket, (totals.get(k) ?? 0) - adds.get(k)!.n + ordinals[i]!.get(k)!);
      }
      return seen;
    });
  });
}

export function createSurveyGuard(db: Db, limits: SurveyLimits, now: () => Date) {
  let salt: { day: string; value: string } | undefined;
  let calls = 0;
  const hitCounters = createCounterBatcher(db);

  async function networkHash(address: string | undefined): Promise<string> {
    const day = thaiDay(now());
    if (salt?.day !== day)
      salt = { day, value: await saltOfDay(db, day, randomBytes(16).toString('hex')) };
    return createHash('sha256')
      .update(`${salt.value}:${networkPrefix(address)}`)
      .digest('base64url')
      .slice(0, 22);
  }

  return {
    /** Counts one submission; refuses when the network or the link is over its window's limit. */
    async admit(key: AdmitKey, address: string | undefined): Promise<Admission> {
      const at = now();
      if (++calls % 500 === 0) {
        // Expired counters and drafts go opportunistically: no separate timer process needed.
        await purgeExpiredCounters(db, at);
        await purgeExpiredDrafts(db, at);
      }
      const net = await networkHash(address);
      const nw = fixedWindow(at, limits.networkWindowSeconds);
      const cw = fixedWindow(at, limits.codeWindowSeconds);
      const burstBucket = `burst:${key.agencyCode}:${net}`;
      const hits = await hitCounters([
        { bucket: `net:${net}`, windowStart: nw.start, expiresAt: nw.endsAt },
        { bucket: `code:${key.linkCode}`, windowStart: cw.start, expiresAt: cw.endsAt },
        { bucket: burstBucket, windowStart: nw.start, expiresAt: nw.endsAt },
      ]);
      if ((hits.get(burstBucket) ?? 0) === limits.burstThreshold)
        await countAnomaly(db, key, 'network_burst');
      const wait = (end: Date) => Math.max(1, Math.ceil((end.getTime() - at.getTime()) / 1000));
      if ((hits.get(`net:${net}`) ?? 0) > limits.networkMax)
        return { ok: false, retryAfterSeconds: wait(nw.endsAt) };
      if ((hits.get(`code:${key.linkCode}`) ?? 0) > limits.codeMax)
        return { ok: false, retryAfterSeconds: wait(cw.endsAt) };
      return { ok: true };
    },

    accessCodeUsable: (fiscalYear: number, agencyCode: string, code: string) =>
      accessCodeUsable(db, fiscalYear, agencyCode, hashAccessCode(code)),
    useAccessCode: (fiscalYear: number, agencyCode: string, code: string) =>
      useAccessCode(db, fiscalYear, agencyCode, hashAccessCode(code)),
  };
}

export type SurveyGuard = ReturnType<typeof createSurveyGuard>;
