// The agency's OIT sheet forms in one call each (issue 18): a refusal of what was typed comes back
// with the sheet to show it on, read after the refusal.
import type { Actor } from '../domain/actor.ts';
import { orPage, type ServiceError } from './errors.ts';
import { OitInputError, type OitSheet } from './oit-shared.ts';
import type { OitProblem } from '../domain/oit/workflow.ts';

/** What a save of the whole sheet did: the items saved, and each refused item's problems. */
export interface SavedItems {
  saved: string[];
  problems: { item: string; problem: OitProblem }[];
}

interface SheetWrites {
  saveItem(
    actor: Actor,
    fiscalYear: number,
    agencyCode: string,
    item: string,
    raw: { answer?: string; urls?: string; note?: string },
  ): Promise<void>;
  saveItems(
    actor: Actor,
    fiscalYear: number,
    agencyCode: string,
    items: Record<string, Record<string, string>>,
  ): Promise<SavedItems>;
  dispute(
    actor: Actor,
    fiscalYear: number,
    agencyCode: string,
    explanations: Record<string, string>,
  ): Promise<number>;
}

export function sheetForms(
  service: SheetWrites,
  sheet: (actor: Actor, fiscalYear: number, agencyCode: string) => Promise<OitSheet>,
) {
  return {
    /** One item saved from the sheet: an input refusal (422) comes with the sheet to show it on. */
    saveItemOrSheet: (
      actor: Actor,
      fiscalYear: number,
      agencyCode: string,
      item: string,
      raw: { answer?: string; urls?: string; note?: string },
    ) =>
      orPage(
        () => service.saveItem(actor, fiscalYear, agencyCode, item, raw),
        (e): e is OitInputError => e instanceof OitInputError,
        () => sheet(actor, fiscalYear, agencyCode),
      ),

    /** Every item saved from the sheet; the sheet comes back when some items were refused. */
    async saveItemsOrSheet(
      actor: Actor,
      fiscalYear: number,
      agencyCode: string,
      items: Record<string, Record<string, string>>,
    ): Promise<SavedItems & { sheet: OitSheet | null }> {
      const r = await service.saveItems(actor, fiscalYear, agencyCode, items);
      return { ...r, sheet: r.problems.length ? await sheet(actor, fiscalYear, agencyCode) : null };
    },

    /**
     * Disputes sent from the sheet: a refusal of what was typed (422: a dispute's own problems,
     * or none chosen) comes with the sheet to show it on.
     */
    disputeOrSheet: (
      actor: Actor,
      fiscalYear: number,
      agencyCode: string,
      explanations: Record<string, string>,
    ) =>
      orPage(
        () => service.dispute(actor, fiscalYear, agencyCode, explanations),
        (e): e is ServiceError => e.status === 422,
        () => sheet(actor, fiscalYear, agencyCode),
      ),
  };
}
