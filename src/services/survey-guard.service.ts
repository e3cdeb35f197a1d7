// Abuse resistance for survey submissions: rate limits per network and per link, burst,
// identical-answer and same-column flags, single-use access codes. Stores no identity and no
// time: a counter is an HMAC of what it counts (network prefix, link, window) under a key of the
// day derived from the survey secret (configuration, never the database), its hits and its day;
// the worker deletes past days' counters every hour.
import { createHash } from 'node:crypto';
import { thaiDay } from '../domain/calendar.ts';
import { answerSetText } from '../domain/survey-form.ts';
import { fixedWindow, networkPrefix, normaliseCode } from '../domain/survey-guard.ts';
import type { AdmissionTicket } from '../storage/submission.repository.ts';
import { accessCodeUsable, purgeExpiredCounters } from '../storage/survey-guard.repository.ts';
import { createCounterKeys } from './survey-keys.ts';
import type { ServiceConfig, ServiceContext } from './service-options.ts';

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

/** How often the worker deletes the counters of past days (the survey purge). */
export const SURVEY_PURGE_EVERY_MS = 3_600_000;

/**
 * What each counter counts, in which fixed window: the names that become opaque keys under the
 * day's key (survey-keys.ts). The window is in the name, never in a column, so a stored counter
 * says nothing finer than its day.
 */
export const counterName = {
  network: (prefix: string, windowStart: number) => `net:${prefix}@${windowStart}`,
  link: (linkCode: string, windowStart: number) => `code:${linkCode}@${windowStart}`,
  burst: (agencyCode: string, prefix: string, windowStart: number) =>
    `burst:${agencyCode}:${prefix}@${windowStart}`,
};

export function createSurveyGuard({
  db,
  clock,
  config,
}: Pick<ServiceContext, 'db' | 'clock'> & {
  /** The abuse limits, and the survey secret the counters' keys are derived from. */
  config: Pick<ServiceConfig, 'surveyLimits' | 'surveySecret'>;
}) {
  const limits = config.surveyLimits;
  const keys = createCounterKeys(config.surveySecret);

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
      const at = clock();
      const day = thaiDay(at);
      const prefix = networkPrefix(address);
      const nw = fixedWindow(at, limits.networkWindowSeconds);
      const cw = fixedWindow(at, limits.codeWindowSeconds);
      const hit = (name: string) => ({ bucket: keys.counterKey(day, name), day });
      return {
        network: {
          ...hit(counterName.network(prefix, nw.start)),
          retryAt: nw.endsAt,
          max: limits.networkMax,
        },
        link: {
          ...hit(counterName.link(key.linkCode, cw.start)),
          retryAt: cw.endsAt,
          max: limits.codeMax,
        },
        burst: {
          ...hit(counterName.burst(key.agencyCode, prefix, nw.start)),
          flagAt: limits.burstThreshold,
        },
        ...(accessCode !== undefined ? { accessCodeHash: hashAccessCode(accessCode) } : {}),
      };
    },

    /**
     * Deletes every counter of a past Thailand day (rate limits and per-agency × per-network
     * burst counts). Run by the worker every hour and when it starts (the survey purge), never
     * as a side effect of a submission; returns how many went.
     */
    purgeExpired: () => purgeExpiredCounters(db, thaiDay(clock())),

    accessCodeUsable: (fiscalYear: number, agencyCode: string, code: string) =>
      accessCodeUsable(db, fiscalYear, agencyCode, hashAccessCode(code)),
  };
}

export type SurveyGuard = ReturnType<typeof createSurveyGuard>;
