// The view models of the NACC's framework and year pages (frameworks.page.tsx, framework.page.tsx,
// years-admin.page.tsx); the framework services return these shapes.
import type { FrameworkChange } from '../../domain/framework/diff.ts';
import type { Framework, Text } from '../../domain/framework/schema.ts';
import type { Problem } from '../../domain/problem.ts';

/** A framework in the list: which years use it and whether each has started. */
export interface FrameworkSummaryModel {
  id: string;
  version: number;
  fiscalYear: number;
  name: Text;
  builtIn: boolean;
  checksum: string;
  /** A year with `started`: it has an answer or an OIT entry, so its framework may not change. */
  years: { fiscalYear: number; started: boolean }[];
  /** Parts its provenance lists as not confirmed by a public source. */
  unverified: number;
}

/** One framework's page. */
export interface FrameworkDetailModel {
  summary: FrameworkSummaryModel;
  framework: Framework;
  importedBy: string | undefined;
  importedAt: Date | undefined;
}

/** An uploaded framework file, checked, before the NACC confirms the import. */
export interface UploadCheckModel {
  framework: Framework;
  /** The document in canonical form: what the confirmation form carries and import stores. */
  text: string;
  outcome:
    'created' | 'unchanged' | 'replaced' | 'texts' | 'shipped' | 'frozen' | 'version_too_low';
  /** From the stored definition of the same id to this file. */
  changes: FrameworkChange[];
  storedVersion?: number;
}

/** A year on the years page: its framework and whether it has started or been published. */
export interface YearOverviewModel {
  fiscalYear: number;
  frameworkId: string;
  frameworkVersion: number;
  started: boolean;
  published: boolean;
}

/** Moving a year to another framework: what changes, what stops it, what is recomputed. */
export interface MovePlanModel {
  fiscalYear: number;
  from: Framework;
  to: Framework;
  changes: FrameworkChange[];
  /** Empty when the move is allowed; worded by the catalogue in both languages. */
  problems: Problem[];
  data: { responses: { IIT: number; EIT: number }; oitItems: number };
  /** Agencies with data (recomputed) and score cards held now. */
  recompute: { agencies: number; cards: number };
}

/** A move refused when confirmed (409): why, where the year is now, and the plan from there. */
export interface MoveRefusedModel {
  fiscalYear: number;
  refusal: Problem;
  current: { id: string; version: number };
  /** Null when no move can be planned from where the year is now (on that one, published). */
  plan: MovePlanModel | null;
}
