// The English catalogue: the same keys as Thai, checked by the compiler.
import type { Widen } from './types.ts';
import type { th } from './th.ts';
import { common } from './en/common.ts';
import { agencies } from './en/agencies.ts';

export const en: Widen<typeof th> = { common, agencies };
