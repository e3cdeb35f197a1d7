// The demo's published year 2563: the score cards made from what demo-results.ts imported (by the
// worker's round, as on a server), then the NACC's announcement, so the public pages show them
// (the seed's OIT comments of 51-PRV came in with its OIT import).
// Published through the publication service like a real year: the readiness checklist must pass
// (calendar closed and begun as set by demo-results.ts, OIT confirmed, cards current), or this
// throws with every reason.
import pino from 'pino';
import { SYSTEM_CLI } from '../domain/actor.ts';
import { registerRecomputeJob } from '../jobs/recompute.job.ts';
import { recomputeMarked, runDueJobs } from '../jobs/worker.ts';
import type { Services } from '../services/container.ts';

export async function loadDemoPublication(services: Services): Promise<void> {
  const year = await services.results.year(2563);
  if (!year || year.publishedAt) return;
  // The imports left recompute marks and jobs, and no worker runs while the demo loads: run them,
  // as the server would, so every card is made and none is pending when the checklist looks.
  registerRecomputeJob();
  const quiet = pino({ level: 'silent' });
  // All the marks in one transaction: no respondent's answer can be waiting for the connection
  // (the demo's survey links were only just made), so the worker's small slices would only cost
  // round trips (about 0.12 s of a first start).
  while ((await recomputeMarked(services, quiet, 500)) + (await runDueJobs(services, quiet)) > 0);
  await services.publication.publish(SYSTEM_CLI, 2563, {
    confirmed: true,
    announcementTh:
      'สำนักงาน ป.ป.ช. ประกาศผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ (ITA) ประจำปีงบประมาณ พ.ศ. 2563',
    announcementEn:
      'The Office of the NACC announces the results of the Integrity and Transparency Assessment (ITA), fiscal year 2563',
  });
}
