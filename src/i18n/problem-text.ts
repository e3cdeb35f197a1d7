// A problem's words: the catalogue's message for its code, with its parameters.
import type { Problem } from '../domain/problem.ts';
import type { Lang } from './types.ts';
import { problems as thProblems } from './th/problems.ts';
import { problems as enProblems } from './en/problems.ts';

const catalogues = { th: thProblems, en: enProblems };

export function problemText(p: Problem, lang: Lang): string {
  const say = catalogues[lang][p.code] as (params: Problem['params']) => string;
  return say(p.params);
}

/** Both languages at once (the API's message / message_th, an import's report). */
export function problemTexts(p: Problem): { th: string; en: string } {
  return { th: problemText(p, 'th'), en: problemText(p, 'en') };
}
