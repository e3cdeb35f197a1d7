// Use cases of survey links: one unguessable short code per agency and year (rotatable by the
// agency administrator), QR codes, the mail-merge list, and single-use IIT access codes.
import { randomBytes } from 'node:crypto';
import QRCode from 'qrcode';
import type { Actor } from '../domain/actor.ts';
import { canManageAgency, isNacc } from '../domain/access.ts';
import type { Agency } from '../domain/agency.ts';
import { resolveFramework } from './framework-resolver.ts';
import { coarseCount } from '../domain/small-numbers.ts';
import { codeFromBytes } from '../domain/survey-guard.ts';
import { phaseState, thaiDay } from '../domain/calendar.ts';
import { loadCalendar } from '../storage/calendar.repository.ts';
import { findYear, latestYear } from '../storage/year.repository.ts';
import { findAgency } from '../storage/agency.repository.ts';
import { accessCodeCounts, insertAccessCodes } from '../storage/survey-guard.repository.ts';
import {
  agencyCodesWithoutLink,
  findLink,
  listLinks,
  putLinkCode,
  putLinkCodes,
  setSingleUse,
  type LinkRow,
} from '../storage/survey-link.repository.ts';
import { recordAudit } from './audit.service.ts';
import { bare, problem } from '../domain/problem.ts';
import { notFound, Refusal } from './errors.ts';
import { hashAccessCode } from './survey-guard.service.ts';
import { toSurveyTool } from './survey-lookup.ts';
import type { ServiceContext } from './service-options.ts';

/** 10 characters of a 31-letter alphabet: about 50 bits, unguessable yet typeable from a poster. */
const CODE_LENGTH = 10;
const newCode = () => codeFromBytes(randomBytes(CODE_LENGTH), CODE_LENGTH);

export function surveyPath(tool: 'IIT' | 'EIT', code: string): string {
  return `/go/${tool.toLowerCase()}/${code}`;
}

/** `onChange` lets cached survey links forget a rotated code or a changed mode at once. */
export function createSurveyLinkService({
  db,
  clock,
  onChange = () => {},
}: Pick<ServiceContext, 'db' | 'clock'> & { onChange?: () => void }) {
  async function managedAgency(actor: Actor, agencyCode: string): Promise<Agency> {
    const agency = await findAgency(db, agencyCode);
    if (!agency) throw new Refusal(404, problem('', 'agency_unknown', { code: agencyCode }));
    if (!canManageAgency(actor, agency)) throw new Refusal(403, bare('', 'links_manage_forbidden'));
    return agency;
  }

  async function put(fiscalYear: number, agencyCode: string): Promise<string> {
    // A clash on the unique code is astronomically unlikely; retry rather than fail.
    for (let i = 0; ; i++) {
      const code = newCode();
      try {
        await putLinkCode(db, fiscalYear, agencyCode, code, clock());
        return code;
      } catch (e) {
        if (i >= 3) throw e;
      }
    }
  }

  /** The year asked for (a plausible BE year), else the latest; 404 while none is open. */
  async function yearOr(asked: number | undefined): Promise<number> {
    if (asked !== undefined && Number.isInteger(asked) && asked >= 2500 && asked <= 2700)
      return asked;
    const latest = await latestYear(db);
    if (latest === undefined) throw notFound(bare('', 'no_year_open'));
    return latest;
  }

  /** A link's public address, after the manager's check (undefined: no such tool). */
  async function target(actor: Actor, asked: number | undefined, agencyCode: string, tool: string) {
    await managedAgency(actor, agencyCode);
    const year = await yearOr(asked);
    const t = toSurveyTool(tool);
    if (!t) return undefined;
    const agency = await managedAgency(actor, agencyCode);
    const link = await ensureLink(year, agencyCode);
    return { year, tool: t, agency, path: surveyPath(t, link.code) };
  }

  async function ensureLink(fiscalYear: number, agencyCode: string): Promise<LinkRow> {
    const link = await findLink(db, fiscalYear, agencyCode);
    if (link) return link;
    await put(fiscalYear, agencyCode);
    return (await findLink(db, fiscalYear, agencyCode))!;
  }

  const qrSvg = (url: string) =>
    QRCode.toString(url, { type: 'svg', margin: 2, errorCorrectionLevel: 'M' });
  const qrPng = (url: string) =>
    QRCode.toBuffer(url, { type: 'png', margin: 2, width: 600, errorCorrectionLevel: 'M' });

  const links = {
    yearOr,

    /** A link's QR code as a file (`iit.svg`, `eit.png`, …); undefined for any other name. */
    async qrFile(
      actor: Actor,
      asked: number | undefined,
      agencyCode: string,
      file: string,
      origin: string,
    ): Promise<{ name: string; type: string; body: string | Uint8Array<ArrayBuffer> } | undefined> {
      const m = /^(iit|eit)\.(svg|png)$/.exec(file);
      const t = m ? await target(actor, asked, agencyCode, m[1]!) : undefined;
      if (!m || !t) return undefined;
      const url = origin + t.path;
      const name = `itas-${t.agency.code}-${t.tool.toLowerCase()}.${m[2]}`;
      return m[2] === 'svg'
        ? { name, type: 'image/svg+xml; charset=utf-8', body: await qrSvg(url) }
        : { name, type: 'image/png', body: new Uint8Array(await qrPng(url)) };
    },

    /** What a link's printed poster shows: the agency, the address, its QR and today's window. */
    async poster(
      actor: Actor,
      asked: number | undefined,
      agencyCode: string,
      tool: string,
      origin: string,
    ) {
      const t = await target(actor, asked, agencyCode, tool);
      if (!t) return undefined;
      const url = origin + t.path;
      const calendar = await loadCalendar(db, t.year);
      const w = phaseState(
        calendar,
        t.tool === 'IIT' ? 'iit' : 'eit',
        t.agency.code,
        thaiDay(clock()),
      );
      return {
        year: t.year,
        tool: t.tool,
        agency: t.agency,
        url,
        qrSvg: await qrSvg(url),
        window: w.state === 'not_set' ? null : { opensOn: w.opensOn, closesOn: w.closesOn },
      };
    },

    /** Refuses (404/403) before anything else is looked up, e.g. the year. */
    assertCanManage: async (actor: Actor, agencyCode: string) => {
      await managedAgency(actor, agencyCode);
    },

    /** The agency's link for the year, created on first view. */
    async linkFor(actor: Actor, fiscalYear: number, agencyCode: string) {
      const agency = await managedAgency(actor, agencyCode);
      const link = await ensureLink(fiscalYear, agencyCode);
      const codes = await accessCodeCounts(db, fiscalYear, agencyCode);
      // Codes used = IIT answers so far: it moves in the same coarse steps as the live count.
      const frameworkId = (await findYear(db, fiscalYear))?.frameworkId;
      const framework = frameworkId ? await resolveFramework(db, frameworkId) : undefined;
      const step = framework?.minRespondentsShown || 1;
      return {
        agency,
        link,
        accessCodes: { total: codes.total, used: coarseCount(codes.used, step) },
      };
    },

    /** A new code; the old one stops working at once (e.g. after a leak). */
    async rotate(actor: Actor, fiscalYear: number, agencyCode: string): Promise<LinkRow> {
      await managedAgency(actor, agencyCode);
      const before = await findLink(db, fiscalYear, agencyCode);
      const rotated = await db.transaction().execute(async (tx) => {
        const code = newCode();
        await putLinkCode(tx, fiscalYear, agencyCode, code, clock());
        await recordAudit(tx, {
          actor,
          action: 'survey_link.rotate',
          recordType: 'survey_link',
          recordId: `${fiscalYear}/${agencyCode}`,
          before: before ? { code: before.code } : undefined,
          after: { code },
        });
        return (await findLink(tx, fiscalYear, agencyCode))!;
      });
      onChange();
      return rotated;
    },

    /** Turns single-use IIT codes on or off and, when asked, issues `count` new codes (shown once). */
    async setAccessCodes(
      actor: Actor,
      fiscalYear: number,
      agencyCode: string,
      on: boolean,
      count: number,
    ): Promise<string[]> {
      await links.linkFor(actor, fiscalYear, agencyCode);
      const n = Math.max(0, Math.min(5000, Math.floor(count) || 0));
      const codes = Array.from({ length: n }, () => codeFromBytes(randomBytes(8), 8));
      await db.transaction().execute(async (tx) => {
        await setSingleUse(tx, fiscalYear, agencyCode, on);
        await insertAccessCodes(tx, fiscalYear, agencyCode, codes.map(hashAccessCode));
        await recordAudit(tx, {
          actor,
          action: 'survey_link.access_codes',
          recordType: 'survey_link',
          recordId: `${fiscalYear}/${agencyCode}`,
          after: { singleUseIit: on, issued: n },
        });
      });
      onChange();
      return codes;
    },

    /** Creates the missing links of every agency (NACC or the CLI): for mail-merge and the demo. */
    async ensureAll(actor: Actor, fiscalYear: number, province?: string): Promise<number> {
      if (!isNacc(actor)) throw new Refusal(403, bare('', 'links_create_all_forbidden'));
      const missing = await agencyCodesWithoutLink(db, fiscalYear, province);
      // One statement for them all; a clash on a code (as unlikely as in put) retries the lot.
      for (let i = 0; ; i++) {
        try {
          await putLinkCodes(
            db,
            fiscalYear,
            missing.map((agencyCode) => ({ agencyCode, code: newCode() })),
            clock(),
          );
          return missing.length;
        } catch (e) {
          if (i >= 3) throw e;
        }
      }
    },

    async list(actor: Actor, fiscalYear: number) {
      if (!isNacc(actor)) throw new Refusal(403, bare('', 'links_list_forbidden'));
      return listLinks(db, fiscalYear);
    },
  };
  return links;
}

export type SurveyLinkService = ReturnType<typeof createSurveyLinkService>;
