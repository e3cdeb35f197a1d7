// The Thai catalogue: the source language. Each area lives in th/<area>.ts.
import { common } from './th/common.ts';
import { agencies } from './th/agencies.ts';

export const th = { common, agencies };
export type Messages = typeof th;
