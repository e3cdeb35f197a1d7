// The demo's OIT workflow: 2563's imported, confirmed reviews get their workflow state, and in
// 2564 a few Lamphun agencies stand at each step (draft, submitted, under clarification,
// confirmed after a clarification), with every OIT window open so visitors can try each step.
// The workflow is part of the demo the build makes (ADR 0033): it needs its windows open only
// while it runs. A first start then moves the windows around its own day (dateDemoOitPhases).
import type { Actor } from '../domain/actor.ts';
import { thaiDay } from '../domain/calendar.ts';
import type { Services } from '../services/container.ts';

const DEMO: Actor = { kind: 'system', label: 'demo' };
const YEAR = 2564;

/** Each agency's answers: items with a page on its site, and items it says it lacks. */
function answers(website: string | null, items: string[]) {
  const site = (website ?? 'https://demo.itas.local').replace(/\/$/, '');
  return items.map((item, i) => ({
    item,
    answer: i % 5 === 4 ? 'has_not' : 'has',
    urls: i % 5 === 4 ? '' : `${site}/ita/${YEAR}/${item.toLowerCase()}`,
    note: i % 5 === 4 ? 'อยู่ระหว่างจัดทำข้อมูล' : 'อยู่ในเมนู ITA ของเว็บไซต์',
  }));
}

/**
 * 2564's OIT windows open from a week before `now` to 60 days after it. Set again by the dated
 * part even on the day the workflow ran, so a whole load and a build's copy finished on another
 * day hold the same rows (test/unit/demo-built-another-day.test.ts compares them).
 */
export async function dateDemoOitPhases(
  services: Services,
  now: Date = services.clock(),
): Promise<void> {
  const day = (d: number) => thaiDay(new Date(now.getTime() + d * 86_400_000));
  for (const phase of ['oit-entry', 'oit-review', 'clarification', 'confirmation'])
    await services.calendar.setPhase(DEMO, {
      fiscalYear: YEAR,
      phase,
      opensOn: day(-7),
      closesOn: day(60),
    });
}

export async function loadDemoOit(services: Services, now: Date = services.clock()): Promise<void> {
  await services.oitAdmin.recordImportedStates(DEMO, 2563);
  const year =
    (await services.years.find(YEAR)) ?? (await services.years.create(DEMO, YEAR, 'ita-2563'));
  await dateDemoOitPhases(services, now);
  const items = year.framework.oitItems.map((i) => i.code);
  const agencies = new Map(
    (await services.agencies.listAll({ province: 'ลำพูน' })).map((a) => [a.code, a]),
  );
  // Through the entry page's one form (saveItems): per item the same version and audit entry as
  // saving items one by one, in one transaction instead of one each.
  const fill = async (code: string, n: number) => {
    const form = Object.fromEntries(
      answers(agencies.get(code)?.website ?? null, items.slice(0, n)).map(({ item, ...raw }) => [
        item,
        raw,
      ]),
    );
    const { problems } = await services.oit.saveItems(DEMO, YEAR, code, form);
    if (problems.length) throw new Error(`demo OIT ${code}: ${JSON.stringify(problems)}`);
  };
  const review = async (code: string) => {
    const sheet = await services.oitReview.sheet(DEMO, YEAR, code);
    // The auditor's scores of the sheet's published items, saved together.
    await services.oitReview.scoreItems(
      DEMO,
      YEAR,
      code,
      Object.fromEntries(
        Object.entries(sheet.entries)
          .filter(([, e]) => e.answer === 'has')
          .map(([item]) => [
            item,
            item === 'O2'
              ? { score: '0', comment: 'ไม่พบช่องทางการติดต่อของผู้บริหาร' }
              : { score: '100', comment: 'ครบถ้วนตามองค์ประกอบ' },
          ]),
      ),
    );
    await services.oitReview.finishReview(DEMO, YEAR, code);
  };
  if (!agencies.has('51-PAO')) return;
  // Still entering: 12 of 43 done.
  await fill('51-SM-01', 12);
  // Submitted, waiting for the auditor.
  await fill('51-SAO-01', items.length);
  await services.oit.submit(DEMO, YEAR, '51-SAO-01');
  // Reviewed, and the agency asks for clarification of O2.
  await fill('51-TM-01', items.length);
  await services.oit.submit(DEMO, YEAR, '51-TM-01');
  await review('51-TM-01');
  await services.oit.dispute(DEMO, YEAR, '51-TM-01', {
    O2: 'ข้อมูลผู้บริหารอยู่ที่หน้า "เกี่ยวกับเรา" พร้อมเบอร์โทรศัพท์',
  });
  // Clarified, re-reviewed and confirmed.
  await fill('51-PAO', items.length);
  await services.oit.submit(DEMO, YEAR, '51-PAO');
  await review('51-PAO');
  await services.oit.dispute(DEMO, YEAR, '51-PAO', { O2: 'เพิ่มช่องทางติดต่อผู้บริหารแล้ว' });
  await services.oitReview.reReviewItem(DEMO, YEAR, '51-PAO', 'O2', {
    score: '100',
    comment: 'พบข้อมูลตามคำชี้แจง',
  });
  await services.oitReview.confirm(DEMO, YEAR, '51-PAO');
}
