// The agency's side of OIT: see the year's sheet, save an item's answer, submit within the OIT
// window, dispute chosen items in the clarification window, and read the full history.
import type { Actor } from '../domain/actor.ts';
import { canManageAgency, canReadAgencyPrivate } from '../domain/access.ts';
import {
  actionAllowed,
  statusAfter,
  isItemDone,
  parseDispute,
  parseOitAnswer,
  type OitAnswer,
  type OitProblem,
} from '../domain/oit/workflow.ts';
import { enqueueJobs } from '../storage/job.repository.ts';
import {
  listOitVersions,
  loadCurrentOit,
  saveOitVersions,
  type OitValues,
} from '../storage/oit.repository.ts';
import { findOitState, listOitEvents, saveOitState } from '../storage/oit-state.repository.ts';
import { recordAudit, recordAudits } from './audit.service.ts';
import { problem } from '../domain/problem.ts';
import { forbidden } from './errors.ts';
import { linkCheckJob } from './job-kinds.ts';
import {
  actorLabel,
  inputError,
  loadSheet,
  type OitSheet,
  oitError,
  requireAgency,
  requireWindow,
  saveTransition,
  stateError,
} from './oit-shared.ts';
import { sheetForms, type SavedItems } from './oit-sheet-forms.ts';
import type { YearService } from './year.service.ts';
import type { ServiceContext } from './service-options.ts';

export type OitDeps = Pick<ServiceContext, 'db' | 'clock'> & { years: YearService };

export type { SavedItems } from './oit-sheet-forms.ts';

const notAdmin = () => forbidden(problem('', 'oit_refused', { reason: 'notAgencyAdmin' }));

export function createOitService({ db, clock, ...deps }: OitDeps) {
  async function managed(actor: Actor, agencyCode: string) {
    const agency = await requireAgency(db, agencyCode);
    if (!canManageAgency(actor, agency)) throw notAdmin();
    return agency;
  }

  /** The sheet an agency's admins, its auditors, its province and the NACC may read. */
  async function sheet(actor: Actor, fiscalYear: number, agencyCode: string): Promise<OitSheet> {
    const agency = await requireAgency(db, agencyCode);
    if (!canReadAgencyPrivate(actor, agency))
      throw forbidden(problem('', 'oit_refused', { reason: 'notReader' }));
    return loadSheet(db, deps.years, fiscalYear, agency, clock());
  }

  const service = {
    sheet,

    /** Saves one item's answer as a new draft version (nothing earlier is erased). */
    async saveItem(
      actor: Actor,
      fiscalYear: number,
      agencyCode: string,
      item: string,
      raw: { answer?: string; urls?: string; note?: string },
    ): Promise<void> {
      const agency = await managed(actor, agencyCode);
      const { framework } = await deps.years.require(fiscalYear);
      const itemDef = framework.oitItems.find((i) => i.code === item);
      if (!itemDef) throw oitError(404, 'noItem');
      await requireWindow(db, fiscalYear, 'oit-entry', agency.code, clock());
      // "Not applicable" only where the year's framework allows it for this item (422 otherwise).
      const parsed = parseOitAnswer(raw, itemDef);
      if (!parsed.ok) throw inputError(parsed.problems, item);
      await db.transaction().execute(async (tx) => {
        const state = await findOitState(tx, fiscalYear, agency.code, true);
        if (state && !actionAllowed(state.status, 'save')) throw stateError('save');
        const values: OitValues = {
          agencyCode: agency.code,
          item,
          status: 'draft',
          ...parsed.value,
          score: null,
          comment: null,
          dispute: null,
        };
        const { changed } = await saveOitVersions(
          tx,
          fiscalYear,
          [values],
          'agency',
          actorLabel(actor),
        );
        if (!state)
          await saveOitState(tx, fiscalYear, agency.code, {
            status: 'draft',
            action: 'save',
            changedBy: actorLabel(actor),
          });
        if (changed)
          await recordAudit(tx, {
            actor,
            action: 'oit.item.save',
            recordType: 'oit_entry',
            recordId: `${fiscalYear}/${agency.code}/${item}`,
            after: parsed.value,
          });
      });
    },

    /**
     * Saves every item of the agency's sheet at once (the one form of the entry page, and its
     * autosave): each item's raw fields (`answer`, `urls`, `note`, …) keyed by item code. Items
     * left blank are skipped; valid items are saved in one transaction even when others are not,
     * so no typed answer is lost; the problems come back per item, each message naming its item.
     */
    async saveItems(
      actor: Actor,
      fiscalYear: number,
      agencyCode: string,
      items: Record<string, Record<string, string>>,
    ): Promise<SavedItems> {
      const agency = await managed(actor, agencyCode);
      const { framework } = await deps.years.require(fiscalYear);
      await requireWindow(db, fiscalYear, 'oit-entry', agency.code, clock());
      const problems: { item: string; problem: OitProblem }[] = [];
      const valid: { item: string; value: OitAnswer }[] = [];
      for (const def of framework.oitItems) {
        const item = def.code;
        const raw = items[item];
        if (!raw || Object.values(raw).every((v) => v.trim() === '')) continue;
        const parsed = parseOitAnswer(raw, def);
        if (parsed.ok) valid.push({ item, value: parsed.value });
        else
          for (const problem of inputError(parsed.problems, item).problems)
            problems.push({ item, problem });
      }
      if (valid.length === 0) return { saved: [], problems };
      const saved = await db.transaction().execute(async (tx) => {
        const state = await findOitState(tx, fiscalYear, agency.code, true);
        if (state && !actionAllowed(state.status, 'save')) throw stateError('save');
        const current = new Map(
          (await loadCurrentOit(tx, fiscalYear, [agency.code])).map((e) => [e.item, e]),
        );
        const values: OitValues[] = valid.map(({ item, value }) => ({
          agencyCode: agency.code,
          item,
          status: 'draft',
          ...value,
          score: null,
          comment: null,
          dispute: null,
        }));
        // Only items whose answer changed get a version and an audit entry (autosave repeats).
        const changed = values.filter((v, i) => {
          const c = current.get(v.item) as Record<string, unknown> | undefined;
          return (
            !c ||
            c.status !== 'draft' ||
            Object.entries(valid[i]!.value).some(
              ([k, x]) => JSON.stringify(c[k] ?? null) !== JSON.stringify(x),
            )
          );
        });
        await saveOitVersions(tx, fiscalYear, changed, 'agency', actorLabel(actor));
        if (!state && changed.length)
          await saveOitState(tx, fiscalYear, agency.code, {
            status: 'draft',
            action: 'save',
            changedBy: actorLabel(actor),
          });
        await recordAudits(
          tx,
          changed.map((v) => ({
            actor,
            action: 'oit.item.save',
            recordType: 'oit_entry',
            recordId: `${fiscalYear}/${agency.code}/${v.item}`,
            after: valid.find((x) => x.item === v.item)?.value,
          })),
        );
        return changed.map((v) => v.item);
      });
      return { saved, problems };
    },

    /** Submits the year's answers to the auditor and queues the link check. */
    async submit(actor: Actor, fiscalYear: number, agencyCode: string): Promise<void> {
      const agency = await managed(actor, agencyCode);
      await deps.years.require(fiscalYear);
      await requireWindow(db, fiscalYear, 'oit-entry', agency.code, clock());
      await db.transaction().execute(async (tx) => {
        const state = await findOitState(tx, fiscalYear, agency.code, true);
        if (!state || !actionAllowed(state.status, 'submit')) throw stateError('submit');
        const status = statusAfter(state.status, 'submit');
        const entries = await loadCurrentOit(tx, fiscalYear, [agency.code]);
        if (!entries.some(isItemDone)) throw oitError(422, 'nothingAnswered');
        await saveOitVersions(
          tx,
          fiscalYear,
          entries.map((e) => ({ ...e, status })),
          'agency',
          actorLabel(actor),
        );
        await saveTransition(tx, actor, fiscalYear, agency.code, {
          action: 'submit',
          audit: 'oit.submit',
          before: state.status,
          status,
          after: { items: entries.length },
        });
        await enqueueJobs(tx, [linkCheckJob(fiscalYear, agency.code, 'submission')]);
      });
    },

    /**
     * In the clarification window, explains chosen items the agency disagrees with (an empty
     * explanation leaves the item accepted). Each disputed item gets a new version.
     */
    async dispute(
      actor: Actor,
      fiscalYear: number,
      agencyCode: string,
      explanations: Record<string, string>,
    ): Promise<number> {
      const agency = await managed(actor, agencyCode);
      await deps.years.require(fiscalYear);
      await requireWindow(db, fiscalYear, 'clarification', agency.code, clock());
      const chosen = Object.entries(explanations).filter(([, text]) => text.trim() !== '');
      if (chosen.length === 0) throw oitError(422, 'noDisputes');
      const problems: OitProblem[] = [];
      const texts: Record<string, string> = {};
      for (const [item, text] of chosen) {
        const p = parseDispute(text);
        if (p.ok) texts[item] = p.value;
        else problems.push(...p.problems.map((x) => ({ ...x, field: `${item}-dispute` })));
      }
      if (problems.length) throw inputError(problems);
      return db.transaction().execute(async (tx) => {
        const state = await findOitState(tx, fiscalYear, agency.code, true);
        if (!state || !actionAllowed(state.status, 'dispute')) throw stateError('dispute');
        const status = statusAfter(state.status, 'dispute');
        const current = new Map(
          (await loadCurrentOit(tx, fiscalYear, [agency.code])).map((e) => [e.item, e]),
        );
        const changed: OitValues[] = [];
        for (const [item, text] of Object.entries(texts)) {
          const e = current.get(item);
          if (!e || e.score === null) throw oitError(404, 'noItem');
          changed.push({ ...e, status, dispute: text });
        }
        await saveOitVersions(tx, fiscalYear, changed, 'agency', actorLabel(actor));
        await saveTransition(tx, actor, fiscalYear, agency.code, {
          action: 'dispute',
          audit: 'oit.dispute',
          before: state.status,
          status,
          after: { items: Object.keys(texts) },
        });
        return changed.length;
      });
    },

    /** Every state change and every version of every item (nothing is ever erased). */
    async history(actor: Actor, fiscalYear: number, agencyCode: string) {
      const agency = await requireAgency(db, agencyCode);
      if (!canReadAgencyPrivate(actor, agency))
        throw forbidden(problem('', 'oit_refused', { reason: 'notReader' }));
      return {
        agency,
        events: await listOitEvents(db, fiscalYear, agency.code),
        versions: await listOitVersions(db, fiscalYear, agency.code),
      };
    },
  };
  return { ...service, ...sheetForms(service, sheet) };
}

export type OitService = ReturnType<typeof createOitService>;
