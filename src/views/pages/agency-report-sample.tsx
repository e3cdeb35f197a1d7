// The agency report's line under each survey: the tool's minimum sample under its respondents'
// count (or why it is unknown).
import type { SampleRow } from '../../domain/reports/agency-report.ts';
import { formatInteger } from '../../i18n/format.ts';
import type { PageContext } from '../page-context.ts';

/** The tool's minimum sample under its respondents' count (or why it is unknown). */
export function SampleLine({ ctx, row }: { ctx: PageContext; row: SampleRow | undefined }) {
  if (!row) return null;
  const m = ctx.t.results.report;
  return (
    <p class={row.below ? 'below-minimum' : 'muted'} data-testid={`minimum-${row.tool}`}>
      {row.minimum === null ? m.minimumUnknown : m.minimumOf(formatInteger(row.minimum, ctx.lang))}
    </p>
  );
}
