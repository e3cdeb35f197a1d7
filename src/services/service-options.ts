// What services take beside the database: the clock and the configuration, resolved once here
// from what main.ts or the CLI read (config*.ts) — no environment is read in services.
import { randomBytes } from 'node:crypto';
import { defaultSurveyLimits, type SurveyLimits } from '../config-survey.ts';
import { systemClock, type Clock } from '../clock.ts';
import type { Db } from '../storage/database.ts';

export type { Clock } from '../clock.ts';

/** What the caller of createServices may give; every field has a default (tests give few). */
export interface ServiceOptions {
  publicUrl?: string;
  /** smtp(s)://user:pass@host:port — unset: mail is only stored in the outbox. */
  smtpUrl?: string | null;
  mailFrom?: string;
  /** The one clock of every service (tests fix it); unset: the machine's. */
  clock?: Clock;
  sleep?: (ms: number) => Promise<void>;
  /**
   * Keys the survey state in respondents' browsers and the daily network keys of the abuse
   * counters (config SURVEY_SECRET). Unset: a random one for this process (tests, the CLI).
   */
  surveySecret?: string;
  /** HMAC key for hashed networks and e-mails in sign-in limits (SECRET_KEY); unset: a fixed development key. */
  secretKey?: string | null;
  /**
   * Behind exactly one trusted reverse proxy (config TRUST_PROXY): client address and scheme
   * come from its X-Forwarded-For / X-Forwarded-Proto. Unset: no proxy is trusted.
   */
  trustProxy?: boolean;
  /** The survey abuse limits (config-survey.ts, read once by main.ts and the CLI); unset: the defaults. */
  surveyLimits?: SurveyLimits;
}

/** The resolved configuration every service is given; each reads only the fields it needs. */
export interface ServiceConfig {
  /** The address people reach the site at, without a trailing slash (links in mail). */
  publicUrl: string;
  smtpUrl: string | null;
  mailFrom: string;
  surveySecret: string;
  secretKey: string;
  trustProxy: boolean;
  surveyLimits: SurveyLimits;
}

/** What every createX in services/ takes (one object: `{ db, clock, config, ...deps }`). */
export interface ServiceContext {
  db: Db;
  clock: Clock;
  config: ServiceConfig;
}

export function resolveOptions(o: ServiceOptions): {
  clock: Clock;
  config: ServiceConfig;
  sleep: (ms: number) => Promise<void>;
} {
  return {
    clock: o.clock ?? systemClock,
    config: {
      publicUrl: (o.publicUrl ?? 'http://localhost:3000').replace(/\/$/, ''),
      smtpUrl: o.smtpUrl ?? null,
      mailFrom: o.mailFrom ?? 'Open ITAS <no-reply@localhost>',
      surveySecret: o.surveySecret ?? randomBytes(32).toString('base64url'),
      secretKey: o.secretKey || 'open-itas-development-key',
      trustProxy: o.trustProxy ?? false,
      surveyLimits: o.surveyLimits ?? defaultSurveyLimits(),
    },
    sleep: o.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms))),
  };
}
