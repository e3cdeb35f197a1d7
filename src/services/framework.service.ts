// Use cases of framework files: validate, import (frozen once a year using it has started),
// list, export exactly, compare, and make stored definitions known to this process.
import { createHash } from 'node:crypto';
import { isNacc } from '../domain/access.ts';
import type { Actor } from '../domain/actor.ts';
import {
  diffFrameworks,
  differsInTextsOnly,
  type FrameworkChange,
} from '../domain/framework/diff.ts';
import {
  isShippedFramework,
  knownFramework,
  listFrameworks,
  registerFramework,
} from '../domain/framework/registry.ts';
import type { Framework, Text } from '../domain/framework/schema.ts';
import { parseFrameworkText, type FrameworkProblem } from '../domain/framework/validate.ts';
import { ok, type Result } from '../domain/result.ts';
import {
  findStoredFramework,
  frameworkUses,
  listStoredFrameworks,
  saveStoredFramework,
  type FrameworkUse,
} from '../storage/framework.repository.ts';
import { recordAudit } from './audit.service.ts';
import { loadStoredFramework, resolveFramework } from './framework-resolver.ts';
import { actorLabel, type OitSheet } from './oit-shared.ts';
import { previewOitSheet } from './framework-preview.ts';
import { bare, problem } from '../domain/problem.ts';
import { forbidden, notFound, Refusal } from './errors.ts';
import type { ServiceContext } from './service-options.ts';

/** The one serialisation of a document: what is stored, checksummed and exported. */
export const canonicalFrameworkText = (document: unknown): string =>
  `${JSON.stringify(document, null, 2)}\n`;

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

export interface FrameworkSummary {
  id: string;
  version: number;
  fiscalYear: number;
  name: Text;
  builtIn: boolean;
  checksum: string;
  years: FrameworkUse[];
  /** Parts its provenance lists as not confirmed by a public source. */
  unverified: number;
}

/** `texts`: a framework in use gained or corrected texts only (a translation); nothing scores differently. */
export type ImportOutcome = 'created' | 'unchanged' | 'replaced' | 'texts';

export interface FrameworkDetail {
  summary: FrameworkSummary;
  framework: Framework;
  importedBy: string | undefined;
  importedAt: Date | undefined;
}

/** What an import of a checked file would do; the last three are refusals the page explains. */
export interface UploadCheck {
  framework: Framework;
  /** The document in canonical form: what the confirmation form carries and import stores. */
  text: string;
  outcome: ImportOutcome | 'shipped' | 'frozen' | 'version_too_low';
  /** From the stored definition of the same id to this file. */
  changes: FrameworkChange[];
  storedVersion?: number;
}

export function createFrameworkService({ db, clock }: Pick<ServiceContext, 'db' | 'clock'>) {
  const loadStored = (id: string) => loadStoredFramework(db, id);

  const requireKnown = async (id: string) => {
    const known = knownFramework(id) ?? ((await loadStored(id)) && knownFramework(id));
    if (!known) throw notFound(problem('', 'framework_not_found', { id, listHint: true }));
    return known;
  };

  const frameworks = {
    /** The definition with this id as stored now (framework-resolver.ts). */
    resolve: (id: string) => resolveFramework(db, id),

    validate: (text: string) => parseFrameworkText(text),

    async import(
      actor: Actor,
      text: string,
    ): Promise<
      Result<{ id: string; version: number; outcome: ImportOutcome }, FrameworkProblem[]>
    > {
      if (!isNacc(actor)) throw forbidden(bare('', 'framework_import_forbidden'));
      const parsed = parseFrameworkText(text);
      if (!parsed.ok) return parsed;
      const { framework: f, document } = parsed.value;
      if (isShippedFramework(f.id))
        throw new Refusal(409, problem('', 'framework_shipped', { id: f.id }));
      const json = canonicalFrameworkText(document);
      const checksum = sha256(json);
      const outcome = await db.transaction().execute(async (tx) => {
        const old = await findStoredFramework(tx, f.id);
        if (old?.checksum === checksum) return 'unchanged' as const;
        let textsOnly = false;
        if (old) {
          const started = ((await frameworkUses(tx)).get(f.id) ?? []).filter((u) => u.started);
          // Frozen means the method: a framework in use may still gain or correct its texts
          // (an English translation), since answers and scores read the same on both.
          textsOnly = started.length > 0 && differsInTextsOnly(JSON.parse(old.json), document);
          if (started.length > 0 && !textsOnly) {
            const years = started.map((u) => u.fiscalYear).join(', ');
            throw new Refusal(409, problem('', 'framework_frozen', { id: f.id, years }));
          }
          if (f.version <= old.version)
            throw new Refusal(
              409,
              problem('', 'framework_version_low', { id: f.id, version: old.version }),
            );
        }
        await saveStoredFramework(tx, {
          id: f.id,
          version: f.version,
          fiscalYear: f.fiscalYear,
          json,
          checksum,
          importedBy: actorLabel(actor),
          importedAt: clock(),
        });
        await recordAudit(tx, {
          actor,
          action: textsOnly ? 'framework.texts' : old ? 'framework.replace' : 'framework.import',
          recordType: 'framework',
          recordId: f.id,
          ...(old ? { before: { version: old.version, checksum: old.checksum } } : {}),
          after: { version: f.version, checksum },
        });
        return textsOnly ? ('texts' as const) : old ? ('replaced' as const) : ('created' as const);
      });
      if (outcome !== 'unchanged') registerFramework(f, document, checksum);
      return ok({ id: f.id, version: f.version, outcome });
    },

    /** Shipped and stored frameworks, with the years created on each. */
    async list(): Promise<FrameworkSummary[]> {
      const uses = await frameworkUses(db);
      const stored = await listStoredFrameworks(db);
      const shipped = listFrameworks().filter((f) => isShippedFramework(f.id));
      const summary = (f: Framework, builtIn: boolean, checksum: string): FrameworkSummary => ({
        id: f.id,
        version: f.version,
        fiscalYear: f.fiscalYear,
        name: f.name,
        builtIn,
        checksum,
        years: uses.get(f.id) ?? [],
        unverified: f.provenance?.unverified.length ?? 0,
      });
      const out = shipped.map((f) =>
        summary(f, true, sha256(canonicalFrameworkText(knownFramework(f.id)!.document))),
      );
      for (const row of stored) {
        const held = knownFramework(row.id);
        const f = held?.checksum === row.checksum ? held.framework : await loadStored(row.id);
        if (f) out.push(summary(f, false, row.checksum));
      }
      return out.sort((a, b) => a.fiscalYear - b.fiscalYear || a.id.localeCompare(b.id));
    },

    /** The document exactly as stored (shipped: as in frameworks/), byte for byte. */
    async export(id: string): Promise<string> {
      if (!isShippedFramework(id)) {
        const row = await findStoredFramework(db, id);
        if (row) return row.json;
      }
      return canonicalFrameworkText((await requireKnown(id)).document);
    },

    /** One framework as its page shows it: the list's facts, the definition, who imported it. */
    async detail(id: string): Promise<FrameworkDetail> {
      const summary = (await frameworks.list()).find((f) => f.id === id);
      const framework = summary && (await resolveFramework(db, id));
      if (!summary || !framework) throw notFound(problem('', 'framework_not_found', { id }));
      const row = summary.builtIn ? undefined : await findStoredFramework(db, id);
      return { summary, framework, importedBy: row?.importedBy, importedAt: row?.importedAt };
    },

    /**
     * What importing this text would do, without doing it: every problem, or the definition and
     * the outcome (new, replacing a draft with the differences, identical, or refused and why).
     */
    async checkUpload(
      actor: Actor,
      text: string,
    ): Promise<Result<UploadCheck, FrameworkProblem[]>> {
      if (!isNacc(actor)) throw forbidden(bare('', 'framework_import_forbidden'));
      const parsed = parseFrameworkText(text);
      if (!parsed.ok) return parsed;
      const { framework: f, document } = parsed.value;
      const base = { framework: f, text: canonicalFrameworkText(document) };
      if (isShippedFramework(f.id)) return ok({ ...base, outcome: 'shipped', changes: [] });
      const old = await findStoredFramework(db, f.id);
      if (!old) return ok({ ...base, outcome: 'created', changes: [] });
      const changes = diffFrameworks(JSON.parse(old.json), document);
      if (old.checksum === sha256(base.text)) return ok({ ...base, outcome: 'unchanged', changes });
      const started = ((await frameworkUses(db)).get(f.id) ?? []).some((u) => u.started);
      const textsOnly = started && differsInTextsOnly(JSON.parse(old.json), document);
      if (started && !textsOnly) return ok({ ...base, outcome: 'frozen', changes });
      if (f.version <= old.version)
        return ok({ ...base, outcome: 'version_too_low', changes, storedVersion: old.version });
      const outcome = textsOnly ? ('texts' as const) : ('replaced' as const);
      return ok({ ...base, outcome, changes, storedVersion: old.version });
    },

    /** The OIT checklist of a framework as an agency's screen shows it, with no data (a preview). */
    async oitPreview(id: string, agencyName: string): Promise<OitSheet> {
      const framework = await resolveFramework(db, id);
      if (!framework) throw notFound(problem('', 'framework_not_found', { id }));
      return previewOitSheet(framework, agencyName);
    },

    /** Two frameworks side by side for the comparison page, and every id to pick from. */
    async compare(a: string, b: string) {
      const [changes, all] = await Promise.all([frameworks.diff(a, b), frameworks.list()]);
      return { changes, ids: all.map((f) => f.id) };
    },

    /** Every difference from framework `a` to `b` (ids of known frameworks). */
    async diff(a: string, b: string): Promise<FrameworkChange[]> {
      const [x, y] = await Promise.all([requireKnown(a), requireKnown(b)]);
      return diffFrameworks(x.document, y.document);
    },
  };
  return frameworks;
}

export type FrameworkService = ReturnType<typeof createFrameworkService>;
