// Abuse resistance for survey submissions: rate limits per network and per link, burst,
// identical-answer and same-column flags, single-use access codes. Stores no identity: only a
// salted hash of the network prefix (the salt changes every Thailand day) and expiring counters.
import { createHash, randomBytes } from 'node:crypto';
import type { SurveyLimits } from '../config.ts';
import { thaiDay } from '../domain/calendar.ts';
import { answerSetText } from '../domain/survey-form.ts';
import { fixedWindow, networkPrefix, normaliseCode } from '../domain/survey-guard.ts';
import type { Db } from '../storage/database.ts';
import { purgeExpiredDrafts } from '../storage/survey-draft.repository.ts';
import type { AdmissionTicket } from '../storage/submission.repository.ts';
import {
  accessCodeUsable,
  purgeExpiredCounters,
  saltOfDay,
} from '../storage/survey-guard.repository.ts';

export const ANOMALY_KINDS = ['network_burst', 'identical_answers', 'same_column'] as const;
export type AnomalyKind = (typeof ANOMALY_KINDS)[number];

export interface AdmitKey {
  fiscalYear: number;
  agencyCode: string;
  tool: string;
  linkCode: string;
}

/** The hash of an answer set counted for "identical answer sets" (never stored with a response). */
export function answerSetFingerprint(answers: Record<string, string>): string {
  return createHash('sha256').update(answerSetText(answers)).digest('base64url').slice(0, 32);
}

export function hashAccessCode(code: string): string {
  return createHash('sha256')
    .update(`itas-access:${normaliseCode(code)}`)
    .digest('hex');
}

export function createSurveyGuard(db: Db, limits: SurveyLimits, now: () => Date) {
  let salt: { day: string; value: string } | undefined;
  let calls = 0;

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
    /**
     * The counters one submission adds a hit to and their limits, to be decided when it is stored
     * (services.responses.submit): refused when the network or the link is over its window's
     * limit; a single-use code, when given, is consumed there too.
     */
    async ticket(
      key: AdmitKey,
      address: string | undefined,
      accessCode?: string,
    ): Promise<AdmissionTicket> {
      const at = now();
      if (++calls % 500 === 0) {
        // Expired counters and drafts go opportunistically: no separate timer process needed.
        await purgeExpiredCounters(db, at);
        await purgeExpiredDrafts(db, at);
      }
      const net = await networkHash(address);
      const nw = fixedWindow(at, limits.networkWindowSeconds);
      const cw = fixedWindow(at, limits.codeWindowSeconds);
      return {
        network: {
          bucket: `net:${net}`,
          windowStart: nw.start,
          expiresAt: nw.endsAt,
          max: limits.networkMax,
        },
        link: {
          bucket: `code:${key.linkCode}`,
          windowStart: cw.start,
          expiresAt: cw.endsAt,
          max: limits.codeMax,
        },
        burst: {
          bucket: `burst:${key.agencyCode}:${net}`,
          windowStart: nw.start,
          expiresAt: nw.endsAt,
          flagAt: limits.burstThreshold,
        },
        ...(accessCode !== undefined ? { accessCodeHash: hashAccessCode(accessCode) } : {}),
      };
    },

    accessCodeUsable: (fiscalYear: number, agencyCode: string, code: string) =>
      accessCodeUsable(db, fiscalYear, agencyCode, hashAccessCode(code)),
  };
}

export type SurveyGuard = ReturnType<typeof createSurveyGuard>;
