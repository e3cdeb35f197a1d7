// The Prometheus text exposition format (version 0.0.4), written by hand: counters, gauges and
// histograms with labels, kept in this process's memory. Small on purpose (ADR 0012: why not
// prom-client); label values are escaped, names are fixed in code.

type Labels = Record<string, string>;

function labelText(labels: Labels): string {
  const parts = Object.entries(labels).map(
    ([k, v]) => `${k}="${v.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/"/g, '\\"')}"`,
  );
  return parts.length ? `{${parts.join(',')}}` : '';
}

function numberText(n: number): string {
  if (Number.isNaN(n)) return 'NaN';
  if (n === Infinity) return '+Inf';
  if (n === -Infinity) return '-Inf';
  return String(n);
}

const keyOf = (labels: Labels) => JSON.stringify(Object.entries(labels));

/** One metric family's header lines. */
function header(name: string, help: string, type: string): string {
  return `# HELP ${name} ${help.replace(/\\/g, '\\\\').replace(/\n/g, '\\n')}\n# TYPE ${name} ${type}\n`;
}

export interface Sample {
  labels: Labels;
  value: number;
}

/** A counter or gauge family whose samples the caller supplies at scrape time. */
export function renderFamily(
  name: string,
  help: string,
  type: 'counter' | 'gauge',
  samples: Sample[],
): string {
  return (
    header(name, help, type) +
    samples.map((s) => `${name}${labelText(s.labels)} ${numberText(s.value)}\n`).join('')
  );
}

/** A counter kept in memory: only ever goes up (until the process restarts). */
export function createCounter(name: string, help: string) {
  const values = new Map<string, Sample>();
  return {
    inc(labels: Labels, by = 1) {
      const k = keyOf(labels);
      const s = values.get(k);
      if (s) s.value += by;
      else values.set(k, { labels, value: by });
    },
    render: () => renderFamily(name, help, 'counter', [...values.values()]),
  };
}

export type Counter = ReturnType<typeof createCounter>;

/** A histogram kept in memory, with fixed upper bounds (in the unit of the name). */
export function createHistogram(name: string, help: string, bounds: readonly number[]) {
  const series = new Map<
    string,
    { labels: Labels; buckets: number[]; sum: number; count: number }
  >();
  return {
    observe(labels: Labels, value: number) {
      const k = keyOf(labels);
      let s = series.get(k);
      if (!s) {
        s = { labels, buckets: bounds.map(() => 0), sum: 0, count: 0 };
        series.set(k, s);
      }
      for (let i = 0; i < bounds.length; i++) if (value <= bounds[i]!) s.buckets[i]!++;
      s.sum += value;
      s.count++;
    },
    render() {
      let out = header(name, help, 'histogram');
      for (const s of series.values()) {
        bounds.forEach((b, i) => {
          out += `${name}_bucket${labelText({ ...s.labels, le: numberText(b) })} ${s.buckets[i]}\n`;
        });
        out += `${name}_bucket${labelText({ ...s.labels, le: '+Inf' })} ${s.count}\n`;
        out += `${name}_sum${labelText(s.labels)} ${numberText(s.sum)}\n`;
        out += `${name}_count${labelText(s.labels)} ${s.count}\n`;
      }
      return out;
    },
  };
}

export type Histogram = ReturnType<typeof createHistogram>;

/** The content type Prometheus expects for this format. */
export const PROMETHEUS_CONTENT_TYPE = 'text/plain; version=0.0.4; charset=utf-8';
