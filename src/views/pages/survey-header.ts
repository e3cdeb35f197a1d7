// What every page of a respondent's path shows of its survey: the agency, the tool, its address.
import type { SurveyTool } from '../../domain/framework/schema.ts';

export interface SurveyHeader {
  agencyName: string;
  tool: SurveyTool;
  base: string;
}
