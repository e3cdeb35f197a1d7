// The demo's published year 2563: the NACC's announcement, so the public pages show the results
// computed by demo-results.ts (the seed's OIT comments of 51-PRV came in with its OIT import).
import { SYSTEM_CLI } from '../domain/actor.ts';
import type { Services } from '../services/container.ts';

export async function loadDemoPublication(services: Services): Promise<void> {
  const year = await services.resultsView.year(2563);
  if (!year || year.publishedAt) return;
  await services.resultsView.setPublication(SYSTEM_CLI, 2563, {
    publish: true,
    announcementTh:
      'สำนักงาน ป.ป.ช. ประกาศผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ (ITA) ประจำปีงบประมาณ พ.ศ. 2563',
    announcementEn:
      'The Office of the NACC announces the results of the Integrity and Transparency Assessment (ITA), fiscal year 2563',
  });
}
