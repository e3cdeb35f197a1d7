// The survey's part of the configuration: the secret that seals respondents' answers in their
// browser, and the abuse limits (SURVEY_*), each problem reported by name as in config.ts.
import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { type Config, ConfigError } from './config.ts';

/** Where development keeps its generated survey secret: beside the app, never in the database. */
export const DEV_SURVEY_SECRET_FILE = '.itas-survey-secret';

/**
 * The survey secret to use: SURVEY_SECRET when set; otherwise (development, tests) a random one
 * generated once into `file` (mode 0600) and read back on later starts, so every process of the
 * machine agrees and a restart keeps respondents' in-progress answers readable.
 */
export function surveySecretOf(
  config: Pick<Config, 'surveySecret'>,
  file = DEV_SURVEY_SECRET_FILE,
) {
  if (config.surveySecret) return config.surveySecret;
  try {
    const kept = readFileSync(file, 'utf8').trim();
    if (kept.length >= 32) return kept;
  } catch {
    // not made yet
  }
  const fresh = randomBytes(32).toString('base64url');
  try {
    writeFileSync(file, `${fresh}\n`, { mode: 0o600, flag: 'wx' });
    return fresh;
  } catch {
    // Another process made it first: use theirs.
    const kept = readFileSync(file, 'utf8').trim();
    if (kept.length >= 32) return kept;
    throw new ConfigError([`SURVEY_SECRET: unset, and ${file} could not be created or read`]);
  }
}

/** Survey abuse limits (fixed windows, counted in the database so every process shares them). */
export interface SurveyLimits {
  /** Submissions allowed from one network (IPv4 /24, IPv6 /48) per window. */
  networkMax: number;
  networkWindowSeconds: number;
  /** Submissions allowed through one agency's link per window. */
  codeMax: number;
  codeWindowSeconds: number;
  /** Submissions from one network to one agency in a network window that count as a burst. */
  burstThreshold: number;
}

const SURVEY_DEFAULTS: SurveyLimits = {
  // 200 people of one office answering within ten minutes must get through, with room to spare.
  networkMax: 400,
  networkWindowSeconds: 600,
  codeMax: 2000,
  codeWindowSeconds: 600,
  burstThreshold: 100,
};

/** The limits with no SURVEY_* variable set (tests, benchmarks; no environment read). */
export function defaultSurveyLimits(): SurveyLimits {
  return { ...SURVEY_DEFAULTS };
}

/** Reads SURVEY_* variables; a bad value is reported by name like the rest of the config. */
export function loadSurveyLimits(env: NodeJS.ProcessEnv = process.env): SurveyLimits {
  const problems: string[] = [];
  const int = (name: string, fallback: number): number => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < 1) {
      problems.push(`${name}: "${raw}" must be a whole number of at least 1`);
      return fallback;
    }
    return n;
  };
  const limits: SurveyLimits = {
    networkMax: int('SURVEY_RATE_NETWORK_MAX', SURVEY_DEFAULTS.networkMax),
    networkWindowSeconds: int('SURVEY_RATE_NETWORK_WINDOW', SURVEY_DEFAULTS.networkWindowSeconds),
    codeMax: int('SURVEY_RATE_CODE_MAX', SURVEY_DEFAULTS.codeMax),
    codeWindowSeconds: int('SURVEY_RATE_CODE_WINDOW', SURVEY_DEFAULTS.codeWindowSeconds),
    burstThreshold: int('SURVEY_BURST_THRESHOLD', SURVEY_DEFAULTS.burstThreshold),
  };
  if (problems.length > 0) throw new ConfigError(problems);
  return limits;
}
