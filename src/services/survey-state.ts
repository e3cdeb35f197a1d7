// The in-progress answers a respondent's browser carries from page to page, sealed (AES-256-GCM)
// under a key from the survey secret and bound to one link and tool, and the sealed response id
// of a form: the server stores nothing until the final submit.
import { randomUUID } from 'node:crypto';
import type { DraftAnswers } from '../domain/survey-form.ts';
import { createSealer } from './survey-keys.ts';
import type { SurveyContext } from './survey-lookup.ts';
import type { ServiceConfig, ServiceContext } from './service-options.ts';

export type Draft = DraftAnswers;

/** How long a browser's sealed state stays usable (also its cookie's lifetime). */
export const STATE_DAYS = 7;
/** How long the check page's sealed submission (the response id) stays usable. */
const SUBMISSION_HOURS = 24;

interface SealedState extends DraftAnswers {
  /** Unusable after this instant (ms since epoch): a copied state does not live for ever. */
  until: number;
}

export function createSurveyStates({
  clock,
  config,
}: Pick<ServiceContext, 'clock'> & { config: Pick<ServiceConfig, 'surveySecret'> }) {
  const secret = config.surveySecret;
  const states = createSealer(secret, 'survey state v1');
  const submissions = createSealer(secret, 'survey submission v1');
  // Bound to the survey: a state sealed for one link and tool is refused by every other.
  const stateContext = (ctx: SurveyContext) => `${ctx.tool}:${ctx.link.code}`;

  return {
    seal: (ctx: SurveyContext, draft: Draft): string => {
      const value: SealedState = { ...draft, until: clock().getTime() + STATE_DAYS * 86_400_000 };
      return states.seal(value, stateContext(ctx));
    },

    /** The answers a browser's sealed state holds; undefined when absent, altered or expired. */
    loadDraft: (ctx: SurveyContext, state: string | undefined): Draft | undefined => {
      const v = states.open(state, stateContext(ctx)) as SealedState | undefined;
      if (!v || typeof v !== 'object' || !(v.until > clock().getTime())) return undefined;
      const strings = (o: unknown): Record<string, string> =>
        Object.fromEntries(
          Object.entries(o && typeof o === 'object' ? o : {}).filter(
            (e): e is [string, string] => typeof e[1] === 'string',
          ),
        );
      return {
        ...(v.eligible === true ? { eligible: true } : {}),
        ...(typeof v.accessCode === 'string' ? { accessCode: v.accessCode } : {}),
        demographics: strings(v.demographics),
        answers: strings(v.answers),
      };
    },

    /** A fresh response id sealed for a form (valid 24 hours): sending twice stores one response. */
    sealSubmission: (ctx: SurveyContext): string => {
      const until = clock().getTime() + SUBMISSION_HOURS * 3_600_000;
      return submissions.seal({ id: randomUUID(), until }, stateContext(ctx));
    },

    /** The id sealed into the form; a form without one (or a stale one) gets a fresh id. */
    responseIdOf: (ctx: SurveyContext, submission: string | undefined): string => {
      const sealed = submissions.open(submission, stateContext(ctx)) as
        { id?: unknown; until?: unknown } | undefined;
      return sealed && typeof sealed.id === 'string' && Number(sealed.until) > clock().getTime()
        ? sealed.id
        : randomUUID();
    },
  };
}

export type SurveyStates = ReturnType<typeof createSurveyStates>;
