// The respondent's walk without JavaScript over the HTML form path: the survey's start page,
// then each step's page (GET), its form filled and posted (POST, 303, GET of the next page), the
// check page and the submit, until the thanks page. The CSRF token is the one the page's form
// carries, its cookie the one the server set: nothing is made up.
import type { Browser } from '../browser.ts';
import { parseForms } from '../browser.ts';
import { chooser, fill, firstStepLink } from './choose.ts';
import { WalkFailed, type WalkSurvey } from './types.ts';

const MAX_STEPS = 30;

export async function walk(client: Browser, baseUrl: string, survey: WalkSurvey): Promise<void> {
  const base = `/go/${survey.tool}/${survey.code}`;
  const start = await client.get(`${baseUrl}${base}`);
  if (start.status !== 200) throw new WalkFailed(`start page: ${start.status}`);
  // The start button: the first link into the survey's steps.
  const first = firstStepLink(start.html, base);
  if (!first) throw new WalkFailed('start page: no link to the first step');
  let page = await client.get(`${baseUrl}${first}`);
  const pick = chooser(survey.seed);
  for (let i = 0; i < MAX_STEPS; i++) {
    if (page.url.startsWith(`${base}/thanks`)) {
      if (page.status !== 200) throw new WalkFailed(`thanks page: ${page.status}`);
      return;
    }
    if (page.status !== 200) throw new WalkFailed(`${page.url}: ${page.status}`);
    const form = parseForms(page.html).find(
      (f) => f.method === 'post' && f.action.startsWith(base),
    );
    if (!form) throw new WalkFailed(`${page.url}: no survey form`);
    const before = page.url;
    page = await client.post(`${baseUrl}${form.action}`, fill(form, pick));
    if (page.url === before && page.status !== 200)
      throw new WalkFailed(`${before}: refused (${page.status})`);
  }
  throw new WalkFailed(`no thanks page after ${MAX_STEPS} steps`);
}
