// Server-side SVG charts (no client script). Each is an <svg role="img"> with a <title> and a
// text alternative; pages print the same numbers in a table beside every chart.

const WIDTH = 640;
const COLORS = ['#b1b4b6', '#f47738', '#1d70b8', '#00703c'];

export interface Bar {
  label: string;
  value: number | null;
  /** The value as shown to people (locale-formatted). */
  text: string;
}

/** Horizontal bars, label above each; `max` sets the scale, `target` draws a dashed line. */
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
  target?: number;
}) {
  const row = 44;
  const left = 8;
  const plot = WIDTH - left - 80;
  const height = bars.length * row + 8;
  const x = (v: number) => left + (Math.max(0, Math.min(v, max)) / (max || 1)) * plot;
  return (
    <svg
      class="chart"
      viewBox={`0 0 ${WIDTH} ${height}`}
      role="img"
      aria-labelledby={`${id}-title`}
      xmlns="http://www.w3.org/2000/svg"
    >
      <title id={`${id}-title`}>{alt}</title>
      {bars.map((b, i) => {
        const y = i * row;
        return (
          <g>
            <text x={left} y={y + 14} class="chart__label">
              {b.label}
            </text>
            <rect x={left} y={y + 20} width={plot} height={16} fill="#f3f2f1" />
            {b.value !== null && (
              <rect x={left} y={y + 20} width={x(b.value) - left} height={16} fill="#1d70b8" />
            )}
            <text x={left + plot + 6} y={y + 33} class="chart__value">
              {b.text}
            </text>
          </g>
        );
      })}
      {target !== undefined && (
        <line
          x1={x(target)}
          x2={x(target)}
          y1={0}
          y2={height}
          stroke="#d4351c"
          stroke-width={2}
          stroke-dasharray="6 4"
        />
      )}
    </svg>
  );
}

/** A line over years with a dot and value per point. */
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
  target?: number;
}) {
  const height = 240;
  const pad = { l: 40, r: 32, t: 40, b: 36 };
  const w = WIDTH - pad.l - pad.r;
  const h = height - pad.t - pad.b;
  const x = (i: number) => pad.l + (points.length <= 1 ? w / 2 : (i / (points.length - 1)) * w);
  const y = (v: number) => pad.t + h - ((v - min) / (max - min || 1)) * h;
  const path = points.map((p, i) => `${i === 0 ? 'M' : 'L'}${x(i)},${y(p.value)}`).join(' ');
  return (
    <svg
      class="chart"
      viewBox={`0 0 ${WIDTH} ${height}`}
      role="img"
      aria-labelledby={`${id}-title`}
      xmlns="http://www.w3.org/2000/svg"
    >
      <title id={`${id}-title`}>{alt}</title>
      {[0, 25, 50, 75, 100].map((v) => (
        <g>
          <line x1={pad.l} x2={pad.l + w} y1={y(v)} y2={y(v)} stroke="#dddddd" />
          <text x={pad.l - 6} y={y(v) + 4} class="chart__axis" text-anchor="end">
            {String(v)}
          </text>
        </g>
      ))}
      {target !== undefined && (
        <line
          x1={pad.l}
          x2={pad.l + w}
          y1={y(target)}
          y2={y(target)}
          stroke="#d4351c"
          stroke-width={2}
          stroke-dasharray="6 4"
        />
      )}
      <path d={path} fill="none" stroke="#1d70b8" stroke-width={3} />
      {points.map((p, i) => (
        <g>
          <circle cx={x(i)} cy={y(p.value)} r={5} fill="#1d70b8" />
          <text x={x(i)} y={y(p.value) - 10} class="chart__value" text-anchor="middle">
            {p.text}
          </text>
          <text x={x(i)} y={height - 10} class="chart__axis" text-anchor="middle">
            {p.label}
          </text>
        </g>
      ))}
    </svg>
  );
}

/** A 100 % stacked bar of answer shares (the numbers are in the table beside it). */
export function ShareBar({ alt, shares }: { alt: string; shares: number[] }) {
  const palette = shares.length === 2 ? [COLORS[2]!, COLORS[0]!] : COLORS;
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
          <rect x={at} y={0} width={Math.max(0, s)} height={6} fill={palette[i % palette.length]} />
        );
        at += Math.max(0, s);
        return rect;
      })}
    </svg>
  );
}

export const SHARE_COLORS = COLORS;
