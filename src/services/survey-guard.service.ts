// Abuse resistance for survey submissions: rate limits per network and per link, burst,
// identical-answer and same-column flags, single-use access codes. Stores no identity: only an
// HMAC of the network prefix under a key of the day derived from the survey secret (which lives
// in configuration, never in the database) and counters that a scheduled job deletes on expiry.
import { createHash } from 'node:crypto';
import type { SurveyLimits } from '../config.ts';
import { thaiDay } from '../domain/calendar.ts';
import { answerSetText } from '../domain/survey-form.ts';
import { fixedWindow, networkPrefix, normaliseCode } from '../domain/survey-guard.ts';
import type { Db } from '../storage/database.ts';
import type { AdmissionTicket } from '../storage/submission.repository.ts';
import { accessCodeUsable, purgeExpiredCounters } from '../storage/survey-guard.repository.ts';
import { createNetworkKeys } from './survey-keys.ts';

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

/** How often the scheduled purge of expired counters runs (the `survey-purge` job). */
export const SURVEY_PURGE_EVERY_SECONDS = 60;

export function createSurveyGuard(
  db: Db,
  limits: SurveyLimits,
  now: () => Date,
  /** The survey secret (configuration): the network keys are derived from it. */
  secret: string,
) {
  const keys = createNetworkKeys(secret);

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
      const net = keys.networkKey(thaiDay(at), networkPrefix(address));
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

    /**
     * Deletes every counter whose window has ended (rate limits and per-agency × per-network
     * burst counts). Run on a schedule by the `survey-purge` job, never as a side effect of a
     * submission, so a quiet link's counters do not outlive their window.
     */
    purgeExpired: () => purgeExpiredCounters(db, now()),

    accessCodeUsable: (fiscalYear: number, agencyCode: string, code: string) =>
      accessCodeUsable(db, fiscalYear, agencyCode, hashAccessCode(code)),
  };
}

export type SurveyGuard = ReturnType<typeof createSurveyGuard>;
