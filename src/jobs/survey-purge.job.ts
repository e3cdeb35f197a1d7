// The survey counters' expiry on a schedule: every minute, counters (rate limits, per-agency ×
// per-network burst counts) whose window has ended are deleted, whether or not anyone submits.
import { SURVEY_PURGE, surveyPurgeJob } from '../services/job-kinds.ts';
import { SURVEY_PURGE_EVERY_SECONDS } from '../services/survey-guard.service.ts';
import type { Services } from '../services/container.ts';
import { jobHandler, registerJobHandler } from './handlers.ts';

export function registerSurveyPurgeJob(): void {
  if (jobHandler(SURVEY_PURGE)) return;
  registerJobHandler(SURVEY_PURGE, async (_payload, services) => {
    // The next run is queued first, so a failing purge (retried by the queue) never ends the chain.
    await services.jobs.enqueue([surveyPurgeJob(SURVEY_PURGE_EVERY_SECONDS)]);
    await services.surveyGuard.purgeExpired();
  });
}

/** Starts the chain (idempotent: a pending purge absorbs this one). Called when a worker starts. */
export async function scheduleSurveyPurge(services: Services): Promise<void> {
  await services.jobs.enqueue([surveyPurgeJob(0)]);
}
