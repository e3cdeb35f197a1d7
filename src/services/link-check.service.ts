// Checks the URLs agencies give for OIT items, as a background job, then flags what the agency
// should fix. The fetching itself (and its SSRF guard) is link-fetch.ts.
import { linkFlags, type LinkFlag } from '../domain/oit/link-findings.ts';
import { findAgency } from '../storage/agency.repository.ts';
import { loadCurrentOit } from '../storage/oit.repository.ts';
import { insertLinkChecks, type LinkCheckRow } from '../storage/oit-link-check.repository.ts';
import type { LinkCheckPayload } from './job-kinds.ts';
import {
  DEFAULT_LINK_CHECK,
  fetchLink,
  hostOf,
  politely,
  type FetchedLink,
  type LinkCheckOptions,
} from './link-fetch.ts';

export {
  DEFAULT_LINK_CHECK,
  fetchLink,
  type FetchedLink,
  type LinkCheckOptions,
} from './link-fetch.ts';
import type { ServiceContext } from './service-options.ts';

export function createLinkCheckService({
  db,
  options = {},
}: Pick<ServiceContext, 'db'> & {
  /** The fetcher's limits (tests shorten them); unset: DEFAULT_LINK_CHECK. */
  options?: Partial<LinkCheckOptions>;
}) {
  const opts: LinkCheckOptions = { ...DEFAULT_LINK_CHECK, ...options };
  return {
    options: opts,
    fetch: (url: string) => fetchLink(url, opts),

    /** Checks every URL of an agency's current OIT answers and stores the findings. */
    async checkAgency(p: LinkCheckPayload): Promise<number> {
      const agency = await findAgency(db, p.agencyCode);
      if (!agency) return 0;
      const entries = await loadCurrentOit(db, p.fiscalYear, [p.agencyCode]);
      const targets = entries.flatMap((e) =>
        e.answer !== 'has_not' ? e.urls.map((url) => ({ item: e.item, url })) : [],
      );
      const unique = [...new Set(targets.map((t) => t.url))];
      // A host that cannot be reached (no DNS answer, refused address, timeout) is not asked
      // again for its other URLs in this run: polite to it, and quick for the queue.
      const unreachable = new Map<string, FetchedLink>();
      const fetched = await politely(
        unique.map((url) => ({
          key: hostOf(url),
          run: async () => {
            const known = unreachable.get(hostOf(url));
            if (known) return { ...known, url, durationMs: 0 };
            const f = await fetchLink(url, opts);
            if (f.httpStatus === null && f.error !== null) unreachable.set(hostOf(url), f);
            return f;
          },
        })),
        opts.concurrency,
      );
      const byUrl = new Map(unique.map((u, i) => [u, fetched[i]!]));
      const rows: Omit<LinkCheckRow, 'checkedAt'>[] = targets.map((t) => {
        const f = byUrl.get(t.url)!;
        const flags: LinkFlag[] = linkFlags(f, agency.website);
        return {
          item: t.item,
          url: t.url,
          reason: p.reason,
          httpStatus: f.httpStatus,
          finalUrl: f.finalUrl,
          contentType: f.contentType,
          title: f.title,
          sizeBytes: f.sizeBytes,
          contentHash: f.contentHash,
          durationMs: f.durationMs,
          error: f.error,
          flags,
        };
      });
      await insertLinkChecks(db, p.fiscalYear, p.agencyCode, rows);
      return rows.length;
    },
  };
}

export type LinkCheckService = ReturnType<typeof createLinkCheckService>;
