// The demo's Lamphun drive of 2564 from the seed: committee order 230/2564 (40 positions),
// coordinators (invented, marked as demo), MOUs signed on 29 March 2564, and the training of
// 8–9 March 2564 (70 people from 33 provincial offices, 130 from 58 local bodies). The plan to
// pass works on the province unit's 2563 results, which demo-results.ts loads as answers.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SYSTEM_CLI } from '../domain/actor.ts';
import { frameworkForYear } from '../domain/framework/registry.ts';
import type { Services } from '../services/container.ts';

const dataDir = join(dirname(fileURLToPath(import.meta.url)), 'data');
const read = <T>(file: string) => JSON.parse(readFileSync(join(dataDir, file), 'utf8')) as T;

interface DriveData {
  committee: {
    number: string;
    orderedOn: string;
    title: string;
    signer: string;
    members: { position: string; office: string; role: string }[];
  };
  provincialOffices: string[];
  signing: { signedOn: string; place: string; governor: string; witnesses: string[] };
  training: { title: string; heldOn: string; place: string; audience: string; people: number }[];
}

/** Spreads `total` people over `n` parties as evenly as whole people allow. */
function spread(total: number, n: number): number[] {
  return Array.from({ length: n }, (_, i) => Math.floor(total / n) + (i < total % n ? 1 : 0));
}

function must<T>(r: { ok: true; value: T } | { ok: false; error: unknown }, what: string): T {
  if (!r.ok) throw new Error(`demo drive: ${what}: ${JSON.stringify(r.error)}`);
  return r.value;
}

export async function loadDemoProvinceDrive(services: Services): Promise<void> {
  const province = 'ลำพูน';
  for (const year of [2563, 2564])
    if (!(await services.years.find(year)))
      await services.years.create(SYSTEM_CLI, year, frameworkForYear(year)?.id ?? 'ita-2563');
  await services.imports.importResults(
    SYSTEM_CLI,
    'lamphun-results-published.csv',
    readFileSync(join(dataDir, 'lamphun-results-published.csv'), 'utf8'),
  );
  const d = read<DriveData>('lamphun-drive-2564.json');
  const w = { province, fiscalYear: 2564 };
  const drive = services.provinceDrive;
  const order: Record<string, string> = {
    number: d.committee.number,
    orderedOn: d.committee.orderedOn,
    title: d.committee.title,
    signer: d.committee.signer,
  };
  d.committee.members.forEach((m, i) => {
    order[`members[${i}][position]`] = m.position;
    order[`members[${i}][office]`] = m.office;
    order[`members[${i}][role]`] = m.role;
  });
  must(await drive.recordCommitteeOrder(SYSTEM_CLI, w, order), 'committee');

  const agencies = await drive.agenciesOf(province);
  // Most agencies name two coordinators; a few name one or none, so the page has work to show.
  // The province enters its list in one call, as its officer would from a spreadsheet.
  must(
    await drive.addCoordinators(
      SYSTEM_CLI,
      w,
      agencies.flatMap((a, i) => {
        const count = i % 9 === 8 ? 0 : i % 7 === 6 ? 1 : 2;
        return Array.from({ length: count }, (_, k) => {
          const n = k + 1;
          return {
            agencyCode: a.code,
            name: `ผู้ประสานงานสาธิต ${n} (${a.nameTh})`,
            position: n === 1 ? 'นักวิเคราะห์นโยบายและแผน (สาธิต)' : 'นักจัดการงานทั่วไป (สาธิต)',
            email: `coordinator${n}.${a.code.toLowerCase()}@demo.itas.local`,
            phone: `0-5351-${String(1000 + i * 2 + n).padStart(4, '0')}`,
            fax: n === 1 ? `0-5351-${String(3000 + i).padStart(4, '0')}` : '',
          };
        });
      }),
    ),
    'coordinators',
  );

  const s = d.signing;
  const signed = (partyName: string, agencyCode: string, url: string) => ({
    level: 'province',
    partyName,
    agencyCode,
    firstSigner: s.governor,
    signedOn: s.signedOn,
    place: s.place,
    witnesses: s.witnesses.join('\n'),
    copiesMade: '2',
    copiesKept: '1',
    copiesSent: '1',
    publishedUrl: url,
  });
  must(
    await drive.saveMous(SYSTEM_CLI, w, [
      ...d.provincialOffices.map((office) => signed(office, '', '')),
      ...agencies
        .filter((x) => x.type === 'pao' || x.type === 'town_municipality')
        .map((a) =>
          signed(a.nameTh, a.code, `${a.website ?? 'https://demo.itas.local'}/mou-ita-2564`),
        ),
      // District MOUs: the seed gives no date for the district meetings, so they await signing.
      ...agencies
        .filter((x) => x.type === 'sao' && x.district)
        .map((a) => ({
          level: 'district',
          district: a.district ?? '',
          partyName: a.nameTh,
          agencyCode: a.code,
          firstSigner: `นายอำเภอ${a.district ?? ''}`,
          copiesMade: '3',
        })),
    ]),
    'mous',
  );

  const [offices, locals] = d.training;
  if (offices && locals) {
    const e1 = must(
      await drive.addTrainingEvent(SYSTEM_CLI, w, { ...offices, people: String(offices.people) }),
      'training 1',
    );
    const p1 = spread(offices.people, d.provincialOffices.length);
    must(
      await drive.recordAttendances(
        SYSTEM_CLI,
        w,
        e1,
        d.provincialOffices.map((office, i) => ({ partyName: office, people: String(p1[i]) })),
      ),
      'attendance 1',
    );
    const e2 = must(
      await drive.addTrainingEvent(SYSTEM_CLI, w, { ...locals, people: String(locals.people) }),
      'training 2',
    );
    const bodies = agencies.filter((a) => a.type !== 'province');
    const p2 = spread(locals.people, bodies.length);
    must(
      await drive.recordAttendances(
        SYSTEM_CLI,
        w,
        e2,
        bodies.map((a, i) => ({ agencyCode: a.code, people: String(p2[i]) })),
      ),
      'attendance 2',
    );
  }
}
