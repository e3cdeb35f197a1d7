// Filling a form as a respondent would: every radio group answered (eligibility "yes"), hidden
// fields (the CSRF token) and preset values kept.
import type { ParsedForm } from '../browser.ts';

/** A small deterministic generator (mulberry32), so a walk's answers follow its seed. */
export function chooser(seed: number): (n: number) => number {
  let a = seed >>> 0;
  return (n) => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n);
  };
}

/** The fields a browser sends for this form with one option picked in every radio group. */
export function fill(form: ParsedForm, pick: (n: number) => number): [string, string][] {
  const out: [string, string][] = form.fields.map((f) => [f.name, f.value]);
  for (const [name, values] of form.radios) {
    const preferred = name === 'eligible' ? values.find((v) => v === 'yes') : undefined;
    out.push([name, preferred ?? values[pick(values.length)]!]);
  }
  // A form with named submit buttons sends the one pressed: the first (the form's primary).
  const button = form.buttons[0];
  if (button) out.push([button.name, button.value]);
  return out;
}

/** The start page's link to the first step: its start button, else the first link into a step. */
export function firstStepLink(html: string, base: string): string | undefined {
  const links = [...html.matchAll(/<a\b([^>]*)>/g)].map((m) => ({
    attrs: m[1]!,
    href: /\bhref="([^"]+)"/.exec(m[1]!)?.[1],
  }));
  const steps = links.filter((l) => l.href?.startsWith(`${base}/`));
  return (steps.find((l) => l.attrs.includes('button--start')) ?? steps[0])?.href;
}
