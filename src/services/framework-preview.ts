// The agency's OIT screen model for a framework with no year and no data: what the NACC's
// preview shows, through the very page agencies use (views/pages/oit-agency.page.tsx).
import type { Framework } from '../domain/framework/schema.ts';
import { groupOitItems, itemOrder } from '../domain/oit/workflow.ts';
import type { OitSheet } from './oit-shared.ts';

/** A sheet nobody can act on: no status, no entries, every window closed. */
export function previewOitSheet(framework: Framework, agencyName: string): OitSheet {
  const order = itemOrder(framework);
  return {
    fiscalYear: framework.fiscalYear,
    agency: {
      code: 'preview',
      nameTh: agencyName,
      nameEn: agencyName,
      type: 'province',
      province: null,
      district: null,
      parentCode: null,
      website: null,
      staffCount: null,
    },
    framework,
    groups: groupOitItems(framework),
    order,
    status: null,
    reviewStarted: false,
    entries: {},
    checks: {},
    done: 0,
    scored: 0,
    total: order.length,
    windows: { 'oit-entry': false, 'oit-review': false, clarification: false, confirmation: false },
    windowStates: {
      'oit-entry': { state: 'not_set' },
      'oit-review': { state: 'not_set' },
      clarification: { state: 'not_set' },
      confirmation: { state: 'not_set' },
    },
    // A preview explains no closed window: nobody is meant to act on it.
    preview: true,
    scores: null,
  };
}
