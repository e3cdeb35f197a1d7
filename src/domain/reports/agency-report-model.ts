// The agency report's shape: what buildAgencyReport (agency-report.ts) gives the page, the XLSX and
// the PDF, and the input it is built from.
import type { Framework, SurveyTool, Text, ToolCode } from '../framework/schema.ts';
import type { ToolRecommendation } from '../recommendations/index.ts';

export interface StoredCard {
  frameworkId: string;
  overall: number | null;
  level: string | null;
  passed: boolean | null;
  tools: Record<string, number | null>;
  indicators: Record<string, number | null>;
  questions: Record<string, number | null>;
  subItems: Record<string, number | null>;
  respondents: { IIT: number; EIT: number };
  /** Respondents against the minimum sample (absent on cards made before it was kept). */
  sample?: Partial<Record<SurveyTool, { minimum: number | null; below: boolean | null }>>;
}

/** A survey tool's respondents against the year's minimum sample. */
export interface SampleRow {
  tool: SurveyTool;
  respondents: number;
  /** null: the agency entered no population, so the minimum is unknown. */
  minimum: number | null;
  below: boolean;
}

export interface DemographicCount {
  tool: SurveyTool;
  field: 'age_band' | 'education' | 'contact_type';
  value: string | null;
  gender: string | null;
  n: number;
}

export interface ReportInput {
  framework: Framework;
  fiscalYear: number;
  card: StoredCard;
  /** Per tool, 1-based answer column index → counts of options 1..4 (yes/no: [yes, no, 0, 0]). */
  answerCounts: Record<SurveyTool, Map<number, readonly number[]>>;
  oit: {
    item: string;
    score: number | null;
    comment: string | null;
    /** The agency's explanation when it answered "not applicable" (issue 15.5). */
    notApplicable?: string | null;
  }[];
  /** Earlier years' overall scores (imported or stored); this year is added from the card. */
  trend: { fiscalYear: number; overall: number }[];
  demographics: DemographicCount[];
  /** The staff headcount the agency entered for its IIT sample (null: none entered). */
  headcount?: number | null;
}

export interface SubItemRow {
  column: string;
  text: Text;
  scale: string;
  labels: Text[];
  counts: number[];
  /** Percent of those who answered the sub-item, per option; empty when no counts are stored. */
  shares: number[];
  answered: number;
  score: number | null;
}

export interface QuestionRow {
  code: string;
  tool: SurveyTool;
  text: Text;
  score: number | null;
  items: SubItemRow[];
}

export interface CrossTab {
  field: DemographicCount['field'];
  label: Text;
  genders: { value: string; label: Text }[];
  rows: { value: string; label: Text; counts: number[] }[];
}

export interface WhoAnswered {
  tool: SurveyTool;
  respondents: number;
  /** Null when too few answered to show any breakdown. */
  tables: CrossTab[] | null;
}

export interface AgencyReport {
  fiscalYear: number;
  frameworkId: string;
  overall: number | null;
  level: string | null;
  passed: boolean | null;
  passMark: number;
  tools: { tool: ToolCode; name: Text; score: number | null; belowTarget: boolean }[];
  indicators: { rank: number; code: string; tool: ToolCode; name: Text; score: number }[];
  trend: { fiscalYear: number; overall: number }[];
  recommendations: ToolRecommendation[];
  questions: QuestionRow[];
  /** Per tool: true when too few answered to show anything per question (see above). */
  detailHidden: Record<SurveyTool, boolean>;
  /** The framework's small-number threshold, for the notes that explain what is hidden. */
  minRespondents: number;
  oit: {
    code: string;
    title: Text;
    /** The sub-indicator the item counts towards (9.1 … 10.2), for grouping as the seed does. */
    subIndicator: { code: string; name: Text } | null;
    heading: Text | null;
    score: number | null;
    comment: string;
    /** Set when the agency answered "not applicable": its explanation, judged like any item. */
    notApplicable: string | null;
  }[];
  whoAnswered: WhoAnswered[];
  respondents: { IIT: number; EIT: number };
  sample: SampleRow[];
  /** What the year's rule does below the minimum (framework.sampleRule.belowMinimum). */
  belowMinimumRule: Framework['sampleRule']['belowMinimum'];
  /** For the recommendations' opening: the national goal's share and the number of indicators. */
  targetShare: number;
  indicatorCount: number;
  /**
   * The seed's "working environment" section: the headcount the agency entered, and happiness at
   * work, which this system does not collect (null: shown as not collected).
   */
  workEnvironment: { headcount: number | null; happiness: null };
}
