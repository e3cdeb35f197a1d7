// The demo's published year 2563: the auditors' comments on the province unit's OIT items (from
// the seed's report) and the NACC's announcement, so the public pages show the results.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SYSTEM_CLI } from '../domain/actor.ts';
import type { Services } from '../services/container.ts';
import { saveOitVersions } from '../storage/oit.repository.ts';

const dataDir = join(dirname(fileURLToPath(import.meta.url)), 'data');

export async function loadDemoPublication(services: Services): Promise<void> {
  const year = await services.resultsView.year(2563);
  if (!year || year.publishedAt) return;
  // Written as new OIT versions directly: importOit would enqueue a recount from survey responses,
  // and 51-PRV's counts are the seed's published shares, not responses.
  const rows = readFileSync(join(dataDir, 'lamphun-prv-2563-oit-comments.csv'), 'utf8')
    .trim()
    .split('\n')
    .slice(1);
  const entries = rows.map((line) => {
    const [agencyCode, item, answer, score, ...comment] = line.split(',');
    const text = comment.join(',').replace(/^"|"$/g, '').replace(/""/g, '"');
    return {
      agencyCode: agencyCode!,
      item: item!,
      status: 'confirmed' as const,
      answer: answer === 'has' ? ('has' as const) : ('has_not' as const),
      urls: [],
      note: null,
      score: Number(score),
      comment: text || null,
      dispute: null,
    };
  });
  await saveOitVersions(services.db, 2563, entries, 'auditor', 'system:demo');
  await services.resultsView.setPublication(SYSTEM_CLI, 2563, {
    publish: true,
    announcementTh:
      'สำนักงาน ป.ป.ช. ประกาศผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ (ITA) ประจำปีงบประมาณ พ.ศ. 2563',
    announcementEn:
      'The Office of the NACC announces the results of the Integrity and Transparency Assessment (ITA), fiscal year 2563',
  });
}
