// The Thai catalogue: the source language. Each area lives in th/<area>.ts.
import { common } from './th/common.ts';
import { agencies } from './th/agencies.ts';
import { accounts } from './th/accounts.ts';
import { admin } from './th/admin.ts';
import { oit } from './th/oit.ts';
import { results } from './th/results.ts';
import { publication } from './th/publication.ts';
import { province } from './th/province.ts';
import { surveys } from './th/surveys.ts';
import { ops } from './th/ops.ts';
import { frameworks } from './th/frameworks.ts';
import { home } from './th/home.ts';
import { problems } from './th/problems.ts';

export const th = {
  common,
  agencies,
  accounts,
  admin,
  oit,
  results,
  publication,
  province,
  surveys,
  ops,
  frameworks,
  home,
  problems,
};
export type Messages = typeof th;
