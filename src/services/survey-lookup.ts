// What a survey link resolves to: its agency, its year's framework and calendar, and so the
// survey's pages, steps and whether it is open today. Links and years are kept briefly
// (survey-cache.ts) and cleared on any change.
import { thaiDay, phaseState, type Calendar, type PhaseState } from '../domain/calendar.ts';
import type { Framework, SurveyTool } from '../domain/framework/schema.ts';
import { surveyPages, surveySteps, type SurveyPage } from '../domain/survey-form.ts';
import { loadCalendar } from '../storage/calendar.repository.ts';
import { findYear } from '../storage/year.repository.ts';
import { findLinkByCode, type LinkedAgency } from '../storage/survey-link.repository.ts';
import { resolveFramework } from './framework-resolver.ts';
import { createSurveyCache, type SurveyCache } from './survey-cache.ts';
import type { ServiceContext } from './service-options.ts';

export interface SurveyContext {
  link: LinkedAgency;
  tool: SurveyTool;
  framework: Framework;
  window: PhaseState;
  pages: readonly SurveyPage[];
  steps: string[];
}

export function toSurveyTool(s: string): SurveyTool | undefined {
  const u = s.toUpperCase();
  return u === 'IIT' || u === 'EIT' ? u : undefined;
}

export interface ResolvedLink {
  link: LinkedAgency;
  framework: Framework;
  calendar: Calendar;
}

/** What survey links resolve to, kept briefly (survey-cache.ts); cleared on any change. */
export interface SurveyLookupCache {
  links: SurveyCache<LinkedAgency | null>;
  years: SurveyCache<{ framework: Framework; calendar: Calendar } | null>;
  clear(): void;
}

export function createSurveyLookupCache(ttlMs?: number): SurveyLookupCache {
  const links = createSurveyCache<LinkedAgency | null>(ttlMs);
  const years = createSurveyCache<{ framework: Framework; calendar: Calendar } | null>(ttlMs);
  return {
    links,
    years,
    clear: () => {
      links.clear();
      years.clear();
    },
  };
}

/** Resolves `/go/{tool}/{code}` to the survey it names, or undefined. */
export function createSurveyResolver({
  db,
  clock,
  cache,
}: Pick<ServiceContext, 'db' | 'clock'> & { cache: SurveyLookupCache }) {
  // A link is looked up by its code; its year's framework and calendar once per year, not per
  // link, so a cache expiring under load costs one query per busy link and two per year.
  async function lookup(code: string): Promise<ResolvedLink | null> {
    const t = clock().getTime();
    const link = await cache.links.load(
      code,
      t,
      async () => (await findLinkByCode(db, code)) ?? null,
    );
    if (!link) return null;
    const year = await cache.years.load(String(link.fiscalYear), t, async () => {
      const frameworkId = (await findYear(db, link.fiscalYear))?.frameworkId;
      const framework = frameworkId ? await resolveFramework(db, frameworkId) : undefined;
      return framework ? { framework, calendar: await loadCalendar(db, link.fiscalYear) } : null;
    });
    return year && { link, ...year };
  }

  return async function resolve(
    code: string,
    toolParam: string,
  ): Promise<SurveyContext | undefined> {
    const tool = toSurveyTool(toolParam);
    if (!tool || !/^[a-z0-9]{4,32}$/.test(code)) return undefined;
    const found = await lookup(code);
    if (!found) return undefined;
    const { link, framework, calendar } = found;
    const window = phaseState(
      calendar,
      tool === 'IIT' ? 'iit' : 'eit',
      link.agencyCode,
      thaiDay(clock()),
    );
    const pages = surveyPages(framework, tool);
    return { link, tool, framework, window, pages, steps: surveySteps(tool, pages.length) };
  };
}
