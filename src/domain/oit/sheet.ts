// The shape of one agency's OIT in a year, defined once: storage reads entries and link checks
// in it, the OIT services assemble the sheet, and every OIT screen takes it as its view model.
import type { Agency } from '../agency.ts';
import type { Phase, PhaseState } from '../calendar.ts';
import type { Framework } from '../framework/schema.ts';
import type { OitItemGroup, OitStatus, oitScores } from './workflow.ts';

/** The calendar phases of the OIT workflow. */
export type OitPhase = Extract<
  Phase,
  'oit-entry' | 'oit-review' | 'clarification' | 'confirmation'
>;

/** What an entry says: the agency's answer and links, the auditor's score and comment. */
export interface OitValues {
  agencyCode: string;
  item: string;
  status: OitStatus;
  answer: 'has' | 'has_not' | 'not_applicable' | null;
  urls: string[];
  note: string | null;
  score: number | null;
  comment: string | null;
  dispute: string | null;
}

/** An item's current entry: its values and which version, by whom, when. */
export interface OitEntry extends OitValues {
  id: string;
  version: number;
  source: 'import' | 'agency' | 'auditor';
  changedBy: string;
  changedAt: Date;
}

/** A link check's finding for one URL of an item. */
export interface LinkCheckFinding {
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
export interface OitSheet {
  fiscalYear: number;
  agency: Agency;
  framework: Framework;
  groups: OitItemGroup[];
  order: string[];
  status: OitStatus | null;
  reviewStarted: boolean;
  entries: Record<string, OitEntry>;
  checks: Record<string, LinkCheckFinding[]>;
  done: number;
  scored: number;
  total: number;
  windows: Record<OitPhase, boolean>;
  /** Each phase's window with its dates, so a page that hides a form can say when it opens. */
  windowStates: Record<OitPhase, PhaseState>;
  /** The NACC's preview of a framework (no agency, no year): no reasons to explain. */
  preview?: true;
  scores: ReturnType<typeof oitScores> | null;
}
