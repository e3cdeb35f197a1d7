// What the signed-in user's work page shows, per role: the NACC's year, an auditor's agencies, an
// agency's surveys and OIT, a province's laggards (services/home.service.ts reads it).
import type { Agency } from './agency.ts';
import type { Phase, PhaseState } from './calendar.ts';
import type { OitStatus } from './oit/workflow.ts';
import type { LagReason } from './province-drive.ts';
import type { CheckCode } from './publication-readiness.ts';

/** One survey's responses against its minimum sample, for an agency. */
export interface ToolProgress {
  population: number | null;
  minimum: number | null;
  /** Responses so far, rounded down to a multiple of `countStep` (small numbers). */
  count: number;
  /** The step the count moves in: the framework's `minRespondentsShown`. */
  countStep: number;
  daysLeft: number;
  below: boolean;
  /** The survey's window for this agency (its extension included), for "opens … closes …". */
  window: PhaseState;
}

export interface HomeYear {
  fiscalYear: number;
  frameworkId: string;
  published: boolean;
}

export interface NaccHome {
  year: number;
  calendar: { phase: Phase; state: PhaseState }[];
  agencies: number;
  unassigned: number;
  auditors: number;
  oitByStatus: { status: OitStatus | null; count: number }[];
  belowTarget: number;
  readiness: { ready: boolean; failing: CheckCode[] };
}

export interface AuditorYear {
  year: number;
  review: PhaseState;
  confirmation: PhaseState;
  rows: {
    code: string;
    nameTh: string;
    status: OitStatus | null;
    answered: number;
    scored: number;
    total: number;
    /** The agency's own window (an extension may widen it). */
    review: PhaseState;
  }[];
}

export interface AgencyHome {
  agency: Agency;
  /** The newest year: surveys and their windows. */
  year: number | null;
  surveys: { tool: 'IIT' | 'EIT'; progress: ToolProgress; window: PhaseState }[];
  oit: {
    year: number;
    status: OitStatus | null;
    answered: number;
    total: number;
    entry: PhaseState;
  }[];
  results: number[];
}

export interface ProvinceHome {
  province: string;
  year: number;
  agencies: number;
  laggards: number;
  reasons: { reason: LagReason; count: number }[];
}

export interface HomeView {
  years: HomeYear[];
  nacc: NaccHome | null;
  auditor: AuditorYear[] | null;
  agencies: AgencyHome[];
  provinces: ProvinceHome[];
}
