// The whole catalogue of one language. Apart from format.ts so that the formatters import no
// catalogue and the catalogue's own messages (the problems) can use them without an import cycle.
import type { Lang } from './types.ts';
import { en } from './en.ts';
import { th, type Messages } from './th.ts';

export function messagesFor(lang: Lang): Messages {
  return lang === 'en' ? en : th;
}
