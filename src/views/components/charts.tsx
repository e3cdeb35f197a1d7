// Charts drawn on the server (no client script), readable on a 360 px phone: every word and
// number is HTML text at the page's own size, and SVG draws only shapes, so nothing shrinks
// with the chart. Colours come from CSS classes (the CSP allows no inline style). Each chart has
// a text alternative; pages print the same numbers in a table beside every chart.

/** Classes of answer-share colours, in scale order; two-choice scales use blue then grey. */
const SHARE_CLASSES = ['share--0', 'share--1', 'share--2', 'share--3'];

/** The colour class of the i-th of n answer choices (bar segment and legend swatch alike). */
export const shareClass = (i: number, n: number): string =>
  (n === 2 ? [SHARE_CLASSES[2]!, SHARE_CLASSES[0]!] : SHARE_CLASSES)[i % SHARE_CLASSES.length]!;

export interface Bar {
  label: string;
  value: number | null;
  /** The value as shown to people (locale-formatted). */
  text: string;
}

/** A reference line drawn across a chart, with the words its legend says. */
export interface Target {
  value: number;
  label: string;
}

/** A dashed line, as drawn in the chart, for the legend. */
function TargetKey({ label }: { label: string }) {
  return (
    <p class="chart__legend">
      <svg class="chart__legend-line" viewBox="0 0 24 4" aria-hidden="true">
        <line x1={0} x2={24} y1={2} y2={2} class="chart__target" />
      </svg>{' '}
      {label}
    </p>
  );
}

/**
 * Horizontal bars, each with its label above and its value beside it; `max` sets the scale and
 * `target` draws a dashed line with a legend.
 */
export function BarChart({
  id,
  alt,
  bars,
  max = 100,
  target,
}: {
  id: string;
  alt: string;
  bars: Bar[];
  max?: number;
  target?: Target;
}) {
  const at = (v: number) => (Math.max(0, Math.min(v, max)) / (max || 1)) * 100;
  return (
    <figure class="chart chart--bars" aria-labelledby={`${id}-title`}>
      <figcaption id={`${id}-title`} class="visually-hidden">
        {alt}
      </figcaption>
      <ul class="bar-chart" aria-hidden="true">
        {bars.map((b) => (
          <li class="bar-chart__row">
            <span class="bar-chart__label">{b.label}</span>
            <span class="bar-chart__bar">
              <svg viewBox="0 0 100 10" preserveAspectRatio="none" class="bar-chart__svg">
                <rect x={0} y={0} width={100} height={10} class="bar-chart__track" />
                {b.value !== null && (
                  <rect x={0} y={0} width={at(b.value)} height={10} class="bar-chart__fill" />
                )}
                {target !== undefined && (
                  <line
                    x1={at(target.value)}
                    x2={at(target.value)}
                    y1={0}
                    y2={10}
                    class="chart__target"
                    vector-effect="non-scaling-stroke"
                  />
                )}
              </svg>
              <span class="bar-chart__value">{b.text}</span>
            </span>
          </li>
        ))}
      </ul>
      {target !== undefined && <TargetKey label={target.label} />}
    </figure>
  );
}

/**
 * A line over years: SVG draws the grid, line and dots; the years and values are HTML under
 * it, one column per point, so no value can sit on a grid label at any width.
 */
export function LineChart({
  id,
  alt,
  points,
  min = 0,
  max = 100,
  target,
}: {
  id: string;
  alt: string;
  points: { label: string; value: number; text: string }[];
  min?: number;
  max?: number;
  target?: Target;
}) {
  const w = 100;
  const h = 50;
  // Points sit in the middle of equal columns, as the HTML labels under them do.
  const x = (i: number) => ((i + 0.5) / Math.max(1, points.length)) * w;
  const y = (v: number) => h - ((Math.max(min, Math.min(v, max)) - min) / (max - min || 1)) * h;
  const path = points.map((p, i) => `${i === 0 ? 'M' : 'L'}${x(i)},${y(p.value)}`).join(' ');
  return (
    <figure class="chart chart--line" aria-labelledby={`${id}-title`}>
      <figcaption id={`${id}-title`} class="visually-hidden">
        {alt}
      </figcaption>
      <div class="line-chart" aria-hidden="true">
        <ol class="line-chart__scale">
          {[100, 75, 50, 25, 0].map((v) => (
            <li>{String(v)}</li>
          ))}
        </ol>
        <svg viewBox={`0 0 ${w} ${h}`} preserveAspectRatio="none" class="line-chart__svg">
          {[0, 25, 50, 75, 100].map((v) => (
            <line
              x1={0}
              x2={w}
              y1={y(v)}
              y2={y(v)}
              class="line-chart__grid"
              vector-effect="non-scaling-stroke"
            />
          ))}
          {target !== undefined && (
            <line
              x1={0}
              x2={w}
              y1={y(target.value)}
              y2={y(target.value)}
              class="chart__target"
              vector-effect="non-scaling-stroke"
            />
          )}
          <path d={path} class="line-chart__line" vector-effect="non-scaling-stroke" />
          {points.map((p, i) => (
            <line
              x1={x(i)}
              x2={x(i)}
              y1={y(p.value)}
              y2={y(p.value)}
              class="line-chart__dot"
              vector-effect="non-scaling-stroke"
            />
          ))}
        </svg>
        <ol class="line-chart__points">
          {points.map((p) => (
            <li>
              <span class="line-chart__year">{p.label}</span>
              <span class="line-chart__value">{p.text}</span>
            </li>
          ))}
        </ol>
      </div>
      {target !== undefined && <TargetKey label={target.label} />}
    </figure>
  );
}

/** A 100 % stacked bar of answer shares (the numbers are in the table beside it). */
export function ShareBar({ alt, shares }: { alt: string; shares: number[] }) {
  let at = 0;
  return (
    <svg
      class="share-bar"
      viewBox="0 0 100 6"
      preserveAspectRatio="none"
      role="img"
      aria-label={alt}
    >
      {shares.map((s, i) => {
        const rect = (
          <rect
            x={at}
            y={0}
            width={Math.max(0, s)}
            height={6}
            class={shareClass(i, shares.length)}
          />
        );
        at += Math.max(0, s);
        return rect;
      })}
    </svg>
  );
}
