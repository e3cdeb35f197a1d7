// Issue 16.5: a survey started in English stays English to the final submit: every question,
// sub-item, answer label and demographic on every page, with no Thai but the agency's own name.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../helpers/app.ts';
import {
  browserFor,
  demographicsFor,
  fullAnswers,
  openSurveyApp,
  respondentCount,
} from '../helpers/survey-fixture.ts';

let t: TestApp;
let code: string;
beforeAll(async () => ({ t, code } = await openSurveyApp()));
afterAll(async () => t?.close());

const THAI = /[\u0E00-\u0E7F]+/g;

/** The Thai words in a page's <main>, less the agency's own name (data, not a text of ours). */
async function thaiIn(res: Response, agencyName: string): Promise<string[]> {
  const html = await res.text();
  const main = /<main[\s\S]*<\/main>/.exec(html)?.[0] ?? '';
  expect(main).not.toBe('');
  return main.split(agencyName).join('').match(THAI) ?? [];
}

describe('a survey in English', () => {
  it.each([
    ['EIT', 'the header switch on the start page', (c: string) => `/lang/en?next=/go/eit/${c}`],
    ['EIT', 'a link with ?lang=en', (c: string) => `/go/eit/${c}?lang=en`],
    ['IIT', 'a link with ?lang=en', (c: string) => `/go/iit/${c}?lang=en`],
  ] as const)(
    '%s chosen by %s stays English on every page to the submit',
    async (tool, _, entry) => {
      const b = browserFor(t.app);
      const ctx = (await t.services.surveys.resolve(code, tool.toLowerCase()))!;
      const name = ctx.link.nameTh;
      const base = `/go/${tool.toLowerCase()}/${code}`;
      let res = await b.get(entry(code));
      if (res.status === 303) res = await b.get(res.headers.get('location')!);
      expect(res.status).toBe(200);
      expect(await thaiIn(res, name)).toEqual([]);

      const before = await respondentCount(t.db, '51-PRV', tool);
      const answers = fullAnswers(tool);
      for (const step of ctx.steps) {
        const page = await b.get(`${base}/${step}`);
        expect(page.status, step).toBe(200);
        expect(await thaiIn(page, name), step).toEqual([]);
        const fields =
          step === 'eligibility'
            ? { eligible: 'yes' }
            : step === 'about'
              ? demographicsFor(tool)
              : Object.fromEntries(
                  ctx.pages[Number(step.replace('page-', '')) - 1]!.questions.flatMap((q) =>
                    q.items.map((i) => [`${q.code}.${i.n}`, answers[`${q.code}.${i.n}`]!]),
                  ),
                );
        expect((await b.post(`${base}/${step}`, fields)).status, step).toBe(303);
      }
      const check = await b.get(`${base}/check`);
      expect(check.status).toBe(200);
      const checkHtml = await check.clone().text();
      expect(await thaiIn(check, name)).toEqual([]);
      const submission = /name="submission" value="([\w-]+)"/.exec(checkHtml)![1]!;
      const done = await b.post(`${base}/submit`, { submission });
      expect(done.status).toBe(303);
      const thanks = await b.get(done.headers.get('location')!);
      expect(await thaiIn(thanks, name)).toEqual([]);
      expect(await respondentCount(t.db, '51-PRV', tool)).toBe(before + 1);
    },
  );
});
