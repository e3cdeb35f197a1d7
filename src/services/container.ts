// Builds every service over one database; the HTTP app, CLI and jobs all receive this.
import { createBackupService } from './backup.service.ts';
import { messagesFor } from '../i18n/format.ts';
import type { Db } from '../storage/database.ts';
import { isDatabaseUnavailable, pingDatabase } from '../storage/database.ts';
import { createAgencyService } from './agency.service.ts';
import { createReferenceService } from './reference.service.ts';
import { createAgencyProfileService } from './agency-profile.service.ts';
import { createAuditService } from './audit.service.ts';
import { createAuthService } from './auth.service.ts';
import { createMailService } from './mail.service.ts';
import { resolveOptions, type ServiceOptions } from './service-options.ts';
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

export function createServices(db: Db, options: ServiceOptions = {}) {
  const { clock, config, sleep } = resolveOptions(options);
  const o = { ...config, now: clock };
  const mail = createMailService(db, { smtpUrl: o.smtpUrl, from: o.mailFrom, now: o.now });
  const frameworks = createFrameworkService({ db, clock });
  const years = createYearService(db, frameworks);
  const results = createResultsService(db, years);
  const responses = createResponseService(db, years, { now: o.now });
  const { surveyLimits } = config;
  const surveyGuard = createSurveyGuard(db, surveyLimits, o.now, o.surveySecret);
  const surveyCache = createSurveyLookupCache();
  const provinceDrive = createProvinceDriveService({ db, clock });
  const provinceProgress = createProvinceProgressService(db, { drive: provinceDrive });
  const sampleTargets = createSampleTargetService(db, o.now, surveyLimits);
  const publication = createPublicationService(db, { results, now: o.now });
  const oitReview = createOitReviewService(db, { years, now: o.now });
  return {
    db,
    /** The one clock: routes and the app ask it for today, never `new Date()`. */
    clock,
    /** The address people reach the site at (links in mail; https → Secure cookies). */
    publicUrl: o.publicUrl,
    /** Behind one trusted proxy: client address and scheme from its forwarding headers. */
    trustProxy: o.trustProxy,
    agencies: createAgencyService(db),
    backup: createBackupService(db, { now: o.now }),
    reference: createReferenceService(db),
    audit: createAuditService(db),
    mail,
    auth: createAuthService(db, {
      mail,
      publicUrl: o.publicUrl,
      now: o.now,
      sleep,
      hashKey: o.secretKey,
    }),
    users: createUserAdminService(db, { mail, publicUrl: o.publicUrl, now: o.now }),
    agencyProfiles: createAgencyProfileService(db),
    years,
    frameworks,
    yearFrameworks: createYearFrameworkService(db, {
      years,
      frameworks,
      computeYear: (fiscalYear) => results.computeYear(fiscalYear),
      // Survey links cache their year's framework id: a moved year is served on its new one.
      onMoved: () => surveyCache.clear(),
    }),
    responses,
    calendar: createCalendarService({ db, clock, onChange: () => surveyCache.clear() }),
    surveyLinks: createSurveyLinkService({ db, clock, onChange: () => surveyCache.clear() }),
    surveyGuard,
    surveys: createSurveyService(db, {
      submit: (input, ticket) => responses.submit(input, ticket),
      guard: surveyGuard,
      now: o.now,
      cache: surveyCache,
      secret: o.surveySecret,
    }),
    sampleTargets,
    results,
    jobs: createJobService(db),
    /** What /metrics reads from the database (queue, pool, answers per tool and closed day). */
    metrics: createMetricsService(db, { now: o.now }),
    imports: createImportService(db, years),
    openData: createOpenDataService(db, results),
    publication,
    provinceDrive,
    oit: createOitService(db, { years, now: o.now }),
    oitReview,
    oitAdmin: createOitAdminService(db, { years }),
    oitLinks: createLinkCheckService(db),
    provinceProgress,
    /** Each person's home page: their tasks with counts and windows (one call per request). */
    home: createHomeService(db, {
      years,
      oitReview,
      sampleTargets,
      provinceProgress,
      publication,
      now: o.now,
    }),
    provinceReminders: createProvinceReminderService(db, {
      drive: provinceDrive,
      progress: provinceProgress,
      mail,
      now: o.now,
    }),
    // isReady answers within a second either way (/readyz); isUnavailable tells a database
    // that is away (answered 503) from a bug (500).
    health: { isReady: () => pingDatabase(db), isUnavailable: isDatabaseUnavailable },
    messages: messagesFor,
  };
}

export type Services = ReturnType<typeof createServices>;
