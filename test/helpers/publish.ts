// Marks a year published straight in storage, for tests of what readers see once a year is
// published. Publishing through the readiness guard is tested in publication.test.ts.
import type { Db } from '../../src/storage/database.ts';
import { savePublication } from '../../src/storage/report.repository.ts';

export async function markPublished(db: Db, fiscalYear: number, announcementTh: string) {
  await savePublication(db, fiscalYear, {
    publishedAt: new Date(),
    announcementTh,
    announcementEn: null,
  });
}
