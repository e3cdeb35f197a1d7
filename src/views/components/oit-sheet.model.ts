// The view model of one agency's OIT in a year, as every OIT screen takes it (the agency's sheet,
// the auditor's review, the NACC's framework preview). The OIT services' sheet has this shape.
import type { Agency } from '../../domain/agency.ts';
import type { Phase, PhaseState } from '../../domain/calendar.ts';
import type { Framework } from '../../domain/framework/schema.ts';
import type { OitItemGroup, OitStatus, oitScores } from '../../domain/oit/workflow.ts';

export type OitPhaseName = Extract<
  Phase,
  'oit-entry' | 'oit-review' | 'clarification' | 'confirmation'
>;

/** An item's current entry: the agency's answer and links, the auditor's score and comment. */
export interface OitEntryModel {
  agencyCode: string;
  item: string;
  status: OitStatus;
  answer: 'has' | 'has_not' | 'not_applicable' | null;
  urls: string[];
  note: string | null;
  score: number | null;
  comment: string | null;
  dispute: string | null;
  id: string;
  version: number;
  source: 'import' | 'agency' | 'auditor';
  changedBy: string;
  changedAt: Date;
}

/** A link check's finding for one URL of an item. */
export interface LinkCheckModel {
  item: string;
  url: string;
  reason: string;
  checkedAt: Date;
  httpStatus: number | null;
  finalUrl: string | null;
  contentType: string | null;
  title: string | null;
  sizeBytes: number | null;
  contentHash: string | null;
  durationMs: number;
  error: string | null;
  flags: string[];
}

/** Everything a screen shows about one agency's OIT in a year. */
export interface OitSheetModel {
  fiscalYear: number;
  agency: Agency;
  framework: Framework;
  groups: OitItemGroup[];
  order: string[];
  status: OitStatus | null;
  reviewStarted: boolean;
  entries: Record<string, OitEntryModel>;
  checks: Record<string, LinkCheckModel[]>;
  done: number;
  scored: number;
  total: number;
  windows: Record<OitPhaseName, boolean>;
  /** Each phase's window with its dates, so a page that hides a form can say when it opens. */
  windowStates: Record<OitPhaseName, PhaseState>;
  /** The NACC's preview of a framework (no agency, no year): no reasons to explain. */
  preview?: true;
  scores: ReturnType<typeof oitScores> | null;
}
