// The respondent's walk with JavaScript, exactly as Chromium makes it (ADR 0017, checked in
// test/e2e/survey-one-document.test.ts, which records every request): the start page carries
// every step in one form (`data-survey-steps`) and public/survey-steps.js shows the steps one at
// a time without a request; the only POST is that form's native submission to {base}/send
// (form-encoded: the page's CSRF token and sealed response id, eligibility, demographics and
// every answer), answered with the thanks page itself (ADR 0024), not a redirect to it. What the
// page links to (app.css, the script, the icon; the fonts app.css names) is fetched by the client
// as a browser would: once per run when cacheable, as they are (hashed URLs, immutable).
//
// So per respondent: GET start page, POST /send (+ the assets of a cold cache).
import type { Browser } from '../browser.ts';
import { parseForms } from '../browser.ts';
import { chooser, fill } from './choose.ts';
import { WalkFailed, WalkNotAvailable, type WalkSurvey } from './types.ts';

/** True when the page is the one-document survey (what the script turns into steps). */
export function offersOneDocument(html: string): boolean {
  return /data-survey-steps|id="survey-steps"|<script\b[^>]*\bsrc="[^"]*survey-steps/.test(html);
}

export async function walk(client: Browser, baseUrl: string, survey: WalkSurvey): Promise<void> {
  const base = `/go/${survey.tool}/${survey.code}`;
  const start = await client.get(`${baseUrl}${base}`);
  if (start.status !== 200) throw new WalkFailed(`start page: ${start.status}`);
  if (!offersOneDocument(start.html))
    throw new WalkNotAvailable('the survey is not offered as one document');
  // The one form the script drives (the start page has no other).
  const marked = /<form\b[^>]*data-survey-steps/.exec(start.html);
  if (!marked) throw new WalkFailed('start page: no form marked data-survey-steps');
  const form = parseForms(start.html.slice(marked.index))[0];
  if (!form || form.method !== 'post' || form.action !== `${base}/send`)
    throw new WalkFailed(`start page: the survey form posts to ${form?.action ?? 'nothing'}`);
  // Every step answered in the page (eligibility "yes"), then the one POST the script lets go.
  // Answered with the thanks page itself (ADR 0024), whose script only corrects the address.
  const end = await client.post(`${baseUrl}${form.action}`, fill(form, chooser(survey.seed)));
  if (end.status !== 200 || !end.html.includes(`data-survey-end="${base}/thanks"`))
    throw new WalkFailed(`final POST ended on ${end.url} (${end.status}), not the thanks page`);
}
