// Builds every service over one database; the HTTP app, CLI and jobs all receive this.
import { createBackupService } from './backup.service.ts';
import { messagesFor } from '../i18n/messages.ts';
import type { Db } from '../storage/database.ts';
import { isDatabaseUnavailable, pingDatabase } from '../storage/database.ts';
import { createAgencyService } from './agency.service.ts';
import { createReferenceService } from './reference.service.ts';
import { createAgencyProfileService } from './agency-profile.service.ts';
import { createAuditService } from './audit.service.ts';
import { createAuthService } from './auth.service.ts';
import { createMailService } from './mail.service.ts';
import { resolveOptions, type ServiceContext, type ServiceOptions } from './service-options.ts';
import { createUserAdminService } from './user-admin.service.ts';
import { createYearService } from './year.service.ts';
import { createFrameworkService } from './framework.service.ts';
import { createResponseService } from './response.service.ts';
import { createOpenDataService } from './open-data.service.ts';
import { createResultsService } from './results.service.ts';
import { createYearFrameworkService } from './year-framework.service.ts';
import { createJobService } from './job.service.ts';
import { createMetricsService } from './metrics.service.ts';
import { createImportService } from './import.service.ts';
import { createPublicationService } from './publication.service.ts';
import { createCalendarService } from './calendar.service.ts';
import { createSampleTargetService } from './sample-target.service.ts';
import { createSurveyGuard } from './survey-guard.service.ts';
import { createSurveyAdminService } from './survey-admin.service.ts';
import { createSurveyLinkService } from './survey-link.service.ts';
import { createSurveyLookupCache, createSurveyService } from './survey.service.ts';
import { createProvinceDriveService } from './province-drive.service.ts';
import { createProvinceProgressService } from './province-progress.service.ts';
import { createProvinceReminderService } from './province-reminder.service.ts';

import { createOitService } from './oit.service.ts';
import { createOitReviewService } from './oit-review.service.ts';
import { createOitAdminService } from './oit-admin.service.ts';
import { createLinkCheckService } from './link-check.service.ts';
import { createHomeService } from './home.service.ts';
import { createDemoLoadingService } from './demo-loading.service.ts';

export function createServices(db: Db, options: ServiceOptions = {}) {
  const { clock, config, sleep } = resolveOptions(options);
  /** What every service is made from: `createX({ ...ctx, ...its deps })` (ADR 0019). */
  const ctx: ServiceContext = { db, clock, config };
  const mail = createMailService(ctx);
  const frameworks = createFrameworkService(ctx);
  const years = createYearService({ ...ctx, frameworks });
  const results = createResultsService({ ...ctx, years });
  const responses = createResponseService({ ...ctx, years });
  const surveyGuard = createSurveyGuard(ctx);
  const surveyCache = createSurveyLookupCache();
  const provinceDrive = createProvinceDriveService(ctx);
  const provinceProgress = createProvinceProgressService({ ...ctx, drive: provinceDrive, results });
  const sampleTargets = createSampleTargetService(ctx);
  const publication = createPublicationService({ ...ctx, results });
  const oitReview = createOitReviewService({ ...ctx, years });
  const calendar = createCalendarService({ ...ctx, onChange: () => surveyCache.clear() });
  const surveyLinks = createSurveyLinkService({ ...ctx, onChange: () => surveyCache.clear() });
  const reference = createReferenceService(ctx);
  return {
    /** The one clock: routes and the app ask it for today, never `new Date()`. */
    clock,
    /** The address people reach the site at (links in mail; https → Secure cookies). */
    publicUrl: config.publicUrl,
    /** Behind one trusted proxy: client address and scheme from its forwarding headers. */
    trustProxy: config.trustProxy,
    agencies: createAgencyService(ctx),
    backup: createBackupService(ctx),
    /** Whether a start loads the demo, decided under one lock (docs/demo.md). */
    demoLoading: createDemoLoadingService(ctx),
    reference,
    audit: createAuditService(ctx),
    mail,
    auth: createAuthService({ ...ctx, mail, sleep }),
    users: createUserAdminService({ ...ctx, mail }),
    agencyProfiles: createAgencyProfileService(ctx),
    years,
    frameworks,
    yearFrameworks: createYearFrameworkService({
      ...ctx,
      years,
      frameworks,
      computeYear: (fiscalYear) => results.computeYear(fiscalYear),
      // Survey links cache their year's framework id: a moved year is served on its new one.
      onMoved: () => surveyCache.clear(),
    }),
    responses,
    calendar,
    surveyLinks,
    /** The survey administration pages and actions, one call each. */
    surveyAdmin: createSurveyAdminService({
      links: surveyLinks,
      sampleTargets,
      calendar,
      reference,
    }),
    surveyGuard,
    surveys: createSurveyService({
      ...ctx,
      submit: (input, ticket) => responses.submit(input, ticket),
      guard: surveyGuard,
      cache: surveyCache,
    }),
    sampleTargets,
    results,
    jobs: createJobService(ctx),
    /** What /metrics reads from the database (queue, pool, answers per tool and closed day). */
    metrics: createMetricsService(ctx),
    imports: createImportService({ ...ctx, years }),
    openData: createOpenDataService({ ...ctx, results }),
    publication,
    provinceDrive,
    oit: createOitService({ ...ctx, years }),
    oitReview,
    oitAdmin: createOitAdminService({ ...ctx, years }),
    oitLinks: createLinkCheckService(ctx),
    provinceProgress,
    /** Each person's home page: their tasks with counts and windows (one call per request). */
    home: createHomeService({
      ...ctx,
      years,
      oitReview,
      sampleTargets,
      provinceProgress,
      publication,
    }),
    provinceReminders: createProvinceReminderService({
      ...ctx,
      drive: provinceDrive,
      progress: provinceProgress,
      mail,
    }),
    // isReady answers within a second either way (/readyz); isUnavailable tells a database
    // that is away (answered 503) from a bug (500).
    health: { isReady: () => pingDatabase(db), isUnavailable: isDatabaseUnavailable },
    messages: messagesFor,
  };
}

export type Services = ReturnType<typeof createServices>;
