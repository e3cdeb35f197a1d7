// The respondent's walk with JavaScript: the survey's steps are one document whose steps the
// browser shows one at a time, so a respondent loads the start page and that document (and its
// script, once: it is cacheable) and makes one final POST. Until the server offers that path
// (a `data-survey-steps` marker or a script named survey-steps in the page), the walk throws
// WalkNotAvailable and the benchmark prints form_js as n/a.
//
// This first version assumes the one document holds every step's fields in one form that posts
// to the survey (the formjs branch owns the path and may change this walk to match what its
// script really sends: see README.md).
import type { Browser } from '../browser.ts';
import { parseForms } from '../browser.ts';
import { chooser, fill, firstStepLink } from './choose.ts';
import { WalkFailed, WalkNotAvailable, type WalkSurvey } from './types.ts';

/** True when the page is the one-document survey (what the script turns into steps). */
export function offersOneDocument(html: string): boolean {
  return /data-survey-steps|id="survey-steps"|<script\b[^>]*\bsrc="[^"]*survey-steps/.test(html);
}

export async function walk(client: Browser, baseUrl: string, survey: WalkSurvey): Promise<void> {
  const base = `/go/${survey.tool}/${survey.code}`;
  const start = await client.get(`${baseUrl}${base}`);
  if (start.status !== 200) throw new WalkFailed(`start page: ${start.status}`);
  let doc = start;
  if (!offersOneDocument(doc.html)) {
    const first = firstStepLink(start.html, base);
    if (!first) throw new WalkFailed('start page: no link to the first step');
    doc = await client.get(`${baseUrl}${first}`);
    if (doc.status !== 200) throw new WalkFailed(`${doc.url}: ${doc.status}`);
    if (!offersOneDocument(doc.html))
      throw new WalkNotAvailable('the survey is not offered as one document');
  }
  // The form that holds the steps: the one marked, else the survey's last posting form.
  const marked = /<form\b[^>]*(?:data-survey-steps|id="survey-steps")/.exec(doc.html);
  const forms = parseForms(marked ? doc.html.slice(marked.index) : doc.html).filter(
    (f) => f.method === 'post' && f.action.startsWith(base),
  );
  const form = marked ? forms[0] : forms.at(-1);
  if (!form) throw new WalkFailed(`${doc.url}: no survey form`);
  const end = await client.post(`${baseUrl}${form.action}`, fill(form, chooser(survey.seed)));
  if (!end.url.startsWith(`${base}/thanks`) || end.status !== 200)
    throw new WalkFailed(`final POST ended on ${end.url} (${end.status})`);
}
