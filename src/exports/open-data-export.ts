// The tables of the open data to recompute a year (docs/formats.md "Open data to recompute"):
// answer counts per sub-item and OIT item scores, streamed like the results export.
import {
  ANSWER_COUNT_COLUMNS,
  OIT_SCORE_COLUMNS,
  type AnswerCountRow,
  type OitScoreRow,
} from '../domain/open-data.ts';
import type { StreamTable } from './stream-export.ts';

export function answerCountsTable(): StreamTable<AnswerCountRow> {
  return {
    name: 'answer-counts',
    columns: ANSWER_COUNT_COLUMNS.map((c) => ({ key: c, header: c })),
    row: (r) => ({
      agency_code: r.agencyCode,
      tool: r.tool,
      sub_item: r.subItem,
      answers_1: r.counts[0] ?? null,
      answers_2: r.counts[1] ?? null,
      answers_3: r.counts[2] ?? null,
      answers_4: r.counts[3] ?? null,
    }),
    json: (r) => ({
      agency_code: r.agencyCode,
      tool: r.tool,
      sub_item: r.subItem,
      counts: r.counts,
    }),
  };
}

export function oitScoresTable(): StreamTable<OitScoreRow> {
  return {
    name: 'oit-scores',
    columns: OIT_SCORE_COLUMNS.map((c) => ({ key: c, header: c })),
    row: (r) => ({ agency_code: r.agencyCode, item: r.item, score: r.score }),
    json: (r) => ({ agency_code: r.agencyCode, item: r.item, score: r.score }),
  };
}
