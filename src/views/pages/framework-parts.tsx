// The differences between two framework documents as a readable table: grouped into questions,
// OIT items, indicators, weights, levels, other rules and texts; the same list as itas framework diff.
import type { FrameworkChange } from '../../domain/framework/diff.ts';
import { formatInteger } from '../../i18n/format.ts';
import type { PageContext } from '../page-context.ts';

type Section = keyof PageContext['t']['frameworks']['diff']['sections'];

const SECTION_OF: Record<string, Section> = {
  questions: 'questions',
  oitItems: 'oitItems',
  oitHeadings: 'oitItems',
  indicators: 'indicators',
  toolWeights: 'weights',
  answerWeights: 'weights',
  answerLabels: 'weights',
  levels: 'levels',
  levelScheme: 'levels',
  passMark: 'levels',
  nationalTargetShare: 'levels',
  sampleRule: 'rules',
  demographics: 'rules',
  iitMinYearsOfService: 'rules',
  minRespondentsShown: 'rules',
};
const ORDER: Section[] = [
  'questions',
  'oitItems',
  'indicators',
  'weights',
  'levels',
  'rules',
  'texts',
];

/** The section a change belongs to, by the first name of its path. */
export function sectionOf(path: string): Section {
  const head = /^[A-Za-z]+/.exec(path)?.[0] ?? '';
  return SECTION_OF[head] ?? 'texts';
}

const show = (v: unknown): string => {
  if (v === undefined) return '';
  const text = typeof v === 'string' ? v : (JSON.stringify(v) ?? 'null');
  return text.length > 300 ? `${text.slice(0, 297)}…` : text;
};

export function ChangesTable({
  ctx,
  changes,
  level,
}: {
  ctx: PageContext;
  changes: FrameworkChange[];
  /** The level of each section's heading, under the page's own headings. */
  level: 2 | 3;
}) {
  const t = ctx.t.frameworks.diff;
  const Heading = level === 2 ? 'h2' : 'h3';
  if (changes.length === 0) return <p data-changes="0">{t.none}</p>;
  return (
    <div class="framework-diff" data-changes={String(changes.length)}>
      <p>{t.count(formatInteger(changes.length, ctx.lang))}</p>
      {ORDER.map((section) => {
        const rows = changes.filter((c) => sectionOf(c.path) === section);
        if (rows.length === 0) return null;
        return (
          <section aria-labelledby={`diff-${section}`}>
            <Heading id={`diff-${section}`}>
              {t.sections[section]} ({formatInteger(rows.length, ctx.lang)})
            </Heading>
            <div class="table-wrap" tabindex={0}>
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t.colKind}</th>
                    <th scope="col">{t.colPath}</th>
                    <th scope="col">{t.colBefore}</th>
                    <th scope="col">{t.colAfter}</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((c) => (
                    <tr data-kind={c.kind}>
                      <td>
                        <strong
                          class={`tag${c.kind === 'added' ? ' tag--pass' : c.kind === 'removed' ? ' tag--fail' : ''}`}
                        >
                          {t.kind[c.kind]}
                        </strong>
                      </td>
                      <th scope="row">
                        <code>{c.path}</code>
                      </th>
                      <td class="value">{show(c.before)}</td>
                      <td class="value">{show(c.after)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
        );
      })}
    </div>
  );
}
