// Publishing a year: the readiness checklist (domain/publication-readiness.ts) from the stored
// facts, the NACC's OIT exceptions, a preview of what becomes public, and publish / unpublish —
// refused with every reason while the year is not ready. The page and `itas publish` both come
// here, and the check runs again inside the publishing transaction (the year's row locked).
import type { Actor } from '../domain/actor.ts';
import { thaiDay } from '../domain/calendar.ts';
import type { Framework } from '../domain/framework/index.ts';
import { resolveFramework } from './framework-resolver.ts';
import { createPublicationExceptions } from './publication-exceptions.ts';
import { ensureNacc, requireYear } from './publication-year.ts';
import {
  publicationReadiness,
  type AgencyPublicationFacts,
  type Readiness,
} from '../domain/publication-readiness.ts';
import { bare, problem } from '../domain/problem.ts';
import { scoreAgency } from '../domain/scoring/score.ts';
import { loadCalendar } from '../storage/calendar.repository.ts';
import type { Db } from '../storage/database.ts';
import {
  listOitExceptions,
  loadConfirmedOitScores,
  loadPublicationRows,
  lockYear,
  recomputeJobCounts,
  type OitException,
} from '../storage/publication.repository.ts';
import { savePublication } from '../storage/report.repository.ts';
import { type YearRow } from '../storage/year.repository.ts';
import { recordAudit } from './audit.service.ts';
import { orPage, Refusal, type ServiceError } from './errors.ts';
import { WHOLE_RANKING, type RankingsView, type SummaryView } from './results-read-model.ts';
import type { ResultsService } from './results.service.ts';
import type { ServiceContext } from './service-options.ts';

export type { OitException };

/**
 * Publishing refused because the year is not ready: 409 with the whole checklist, by code (the
 * catalogue words the headline and every reason). Its own class: the page shows the checklist
 * itself and the CLI prints it, where other refusals are one message.
 */
export class NotReadyError extends Refusal {
  constructor(readonly readiness: Readiness) {
    super(409, problem('', 'publication_not_ready', { readiness }));
  }
}

export interface PublicationView {
  year: YearRow;
  readiness: Readiness;
  exceptions: OitException[];
  /** What visitors will see: the national and per-type summary and the first ranking rows. */
  preview: { summary: SummaryView | undefined; rankings: RankingsView | undefined };
}

/** How many ranking rows the preview shows. */
export const PREVIEW_ROWS = 10;
/** The OIT tool score a confirmed agency's card must carry: the scorer's, from its items. */
function oitToolScore(framework: Framework, scores: Record<string, number>): number | null {
  return scoreAgency(framework, { answers: {}, respondents: { IIT: 0, EIT: 0 }, oit: scores }).tools
    .OIT;
}

export function createPublicationService({
  db,
  clock,
  results,
}: Pick<ServiceContext, 'db' | 'clock'> & {
  results: Pick<ResultsService, 'summary' | 'rankings'>;
}) {
  /** Gathers the facts and computes the checklist (inside the caller's transaction if any). */
  async function check(tx: Db, year: YearRow): Promise<Readiness> {
    const framework = await resolveFramework(tx, year.frameworkId);
    const [rows, confirmedScores, calendar, jobs] = await Promise.all([
      loadPublicationRows(tx, year.fiscalYear),
      loadConfirmedOitScores(tx, year.fiscalYear),
      loadCalendar(tx, year.fiscalYear),
      recomputeJobCounts(tx, year.fiscalYear),
    ]);
    const agencies: AgencyPublicationFacts[] = rows.map((r) => {
      const oitConfirmed = r.oitEntries > 0 && r.oitConfirmedEntries === r.oitEntries;
      const scores = oitConfirmed ? confirmedScores.get(r.code) : undefined;
      return {
        code: r.code,
        oitStatus: r.oitStatus,
        oitConfirmed,
        oitException: r.exception,
        responses: r.responses,
        hasOit: r.oitEntries > 0,
        card: r.card,
        expectedOit: scores && framework ? oitToolScore(framework, scores) : null,
      };
    });
    return publicationReadiness({
      fiscalYear: year.fiscalYear,
      frameworkId: year.frameworkId,
      today: thaiDay(clock()),
      calendar,
      agencies,
      pendingRecomputes: jobs.pending,
      failedRecomputes: jobs.failed,
    });
  }

  /** A refusal the year's page shows beside its forms: 409 (not ready among them) or 422. */
  const shown = (e: ServiceError): e is ServiceError => e.status === 409 || e.status === 422;

  const service = {
    /** The checklist of a year (NACC only). */
    async readiness(actor: Actor, fiscalYear: number): Promise<Readiness> {
      ensureNacc(actor);
      return check(db, await requireYear(db, fiscalYear));
    },

    /** Everything the publication page of a year shows. */
    async view(actor: Actor, fiscalYear: number): Promise<PublicationView> {
      ensureNacc(actor);
      const year = await requireYear(db, fiscalYear);
      const [readiness, exceptions, summary, rankings] = await Promise.all([
        check(db, year),
        listOitExceptions(db, fiscalYear),
        results.summary(actor, fiscalYear),
        results.rankings(actor, fiscalYear, WHOLE_RANKING),
      ]);
      const firstRows =
        rankings && rankings.kind === 'agencies'
          ? { ...rankings, rows: rankings.rows.slice(0, PREVIEW_ROWS) }
          : rankings;
      return { year, readiness, exceptions, preview: { summary, rankings: firstRows } };
    },

    /**
     * Publishes a year: the NACC, an announcement, an explicit confirmation, and every readiness
     * item satisfied at the moment of publishing. Audited with the checklist it passed.
     */
    async publish(
      actor: Actor,
      fiscalYear: number,
      input: { announcementTh: string; announcementEn: string; confirmed: boolean },
    ): Promise<Readiness> {
      ensureNacc(actor);
      const announcementTh = input.announcementTh.trim();
      const announcementEn = input.announcementEn.trim();
      return db.transaction().execute(async (tx) => {
        await lockYear(tx, fiscalYear);
        const year = await requireYear(tx, fiscalYear);
        const y = String(fiscalYear);
        if (year.publishedAt)
          throw new Refusal(
            409,
            problem('', 'publication_already_published', { year: fiscalYear }),
          );
        if (!announcementTh) throw new Refusal(422, bare('', 'publication_announcement_required'));
        if (!input.confirmed) throw new Refusal(422, bare('', 'publication_confirm_required'));
        const readiness = await check(tx, year);
        if (!readiness.ready) throw new NotReadyError(readiness);
        const after = {
          publishedAt: clock(),
          announcementTh,
          announcementEn: announcementEn || null,
        };
        await savePublication(tx, fiscalYear, after);
        await recordAudit(tx, {
          actor,
          action: 'year.publish',
          recordType: 'assessment_year',
          recordId: y,
          before: { publishedAt: year.publishedAt, announcementTh: year.announcementTh },
          after: { ...after, readiness: readiness.items.map((i) => ({ [i.code]: i.counts })) },
        });
        return readiness;
      });
    },

    /** Withdraws a published year (its pages answer 404 again); audited. */
    async unpublish(actor: Actor, fiscalYear: number): Promise<void> {
      ensureNacc(actor);
      await db.transaction().execute(async (tx) => {
        await lockYear(tx, fiscalYear);
        const year = await requireYear(tx, fiscalYear);
        const y = String(fiscalYear);
        if (!year.publishedAt)
          throw new Refusal(409, problem('', 'publication_not_published', { year: fiscalYear }));
        const after = {
          publishedAt: null,
          announcementTh: year.announcementTh,
          announcementEn: year.announcementEn,
        };
        await savePublication(tx, fiscalYear, after);
        await recordAudit(tx, {
          actor,
          action: 'year.unpublish',
          recordType: 'assessment_year',
          recordId: y,
          before: { publishedAt: year.publishedAt, announcementTh: year.announcementTh },
          after,
        });
      });
    },

    ...createPublicationExceptions({ db }),

    /** Publishing from the year's page: a refusal comes with the page to show it on. */
    publishOrPage: (
      actor: Actor,
      fiscalYear: number,
      input: { announcementTh: string; announcementEn: string; confirmed: boolean },
    ) =>
      orPage(
        () => service.publish(actor, fiscalYear, input),
        shown,
        () => service.view(actor, fiscalYear),
      ),

    /** An OIT exception added from the year's page: a refusal comes with the page. */
    addExceptionOrPage: (actor: Actor, fiscalYear: number, agencyCode: string, reason: string) =>
      orPage(
        () => service.addException(actor, fiscalYear, agencyCode, reason),
        shown,
        () => service.view(actor, fiscalYear),
      ),
  };
  return service;
}

export type PublicationService = ReturnType<typeof createPublicationService>;
