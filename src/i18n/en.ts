// The English catalogue: the same keys as Thai, checked by the compiler.
import type { Widen } from './types.ts';
import type { th } from './th.ts';
import { common } from './en/common.ts';
import { agencies } from './en/agencies.ts';
import { accounts } from './en/accounts.ts';
import { admin } from './en/admin.ts';
import { oit } from './en/oit.ts';
import { results } from './en/results.ts';
import { publication } from './en/publication.ts';
import { province } from './en/province.ts';
import { surveys } from './en/surveys.ts';
import { ops } from './en/ops.ts';
import { frameworks } from './en/frameworks.ts';
import { home } from './en/home.ts';
import { problems } from './en/problems.ts';

export const en: Widen<typeof th> = {
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
