// Previous / next links that keep the current filters.
import type { PageContext } from '../page-context.ts';

export function Pagination({
  ctx,
  page,
  pages,
  hrefFor,
}: {
  ctx: PageContext;
  page: number;
  pages: number;
  hrefFor: (p: number) => string;
}) {
  if (pages <= 1) return null;
  const p = ctx.t.common.paging;
  return (
    <nav class="pagination" aria-label={p.label}>
      {page > 1 ? (
        <a href={hrefFor(page - 1)} rel="prev">
          ‹ {p.previous}
        </a>
      ) : null}
      <span>{p.pageOf(String(page), String(pages))}</span>
      {page < pages ? (
        <a href={hrefFor(page + 1)} rel="next">
          {p.next} ›
        </a>
      ) : null}
    </nav>
  );
}
