// What services take from configuration and the environment beyond the database: the public
// address (for links in e-mails), SMTP, the survey secret, and the clock and sleep that tests
// replace.
import { randomBytes } from 'node:crypto';
import type { SurveyLimits } from '../config-survey.ts';
import { proxyTrustFrom } from '../config.ts';

export interface ServiceOptions {
  publicUrl?: string;
  /** smtp(s)://user:pass@host:port — unset: mail is only stored in the outbox. */
  smtpUrl?: string | null;
  mailFrom?: string;
  now?: () => Date;
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
   * come from its X-Forwarded-For / X-Forwarded-Proto. Unset: from the environment.
   */
  trustProxy?: boolean;
  /** The survey abuse limits (config-survey.ts, read once by main.ts and the CLI); unset: read here. */
  surveyLimits?: SurveyLimits;
}

export function resolveOptions(o: ServiceOptions) {
  return {
    publicUrl: (o.publicUrl ?? 'http://localhost:3000').replace(/\/$/, ''),
    smtpUrl: o.smtpUrl ?? null,
    mailFrom: o.mailFrom ?? 'Open ITAS <no-reply@localhost>',
    now: o.now ?? (() => new Date()),
    surveySecret: o.surveySecret ?? randomBytes(32).toString('base64url'),
    secretKey: o.secretKey || 'open-itas-development-key',
    trustProxy: o.trustProxy ?? proxyTrustFrom() === true,
    sleep: o.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms))),
  };
}
