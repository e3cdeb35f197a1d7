// The readiness checklist from facts alone: each unready state gives its own reason, and a year
// that satisfies every item is ready.
import { describe, expect, it } from 'vitest';
import type { PhaseWindow } from '../../../src/domain/calendar.ts';
import {
  SAMPLE,
  publicationReadiness,
  type AgencyPublicationFacts,
  type ReadinessFacts,
} from '../../../src/domain/publication-readiness.ts';

const window = (phase: PhaseWindow['phase'], opensOn: string, closesOn: string): PhaseWindow => ({
  phase,
  agencyCode: null,
  opensOn,
  closesOn,
  reason: null,
});

const agency = (
  code: string,
  over: Partial<AgencyPublicationFacts> = {},
): AgencyPublicationFacts => ({
  code,
  oitStatus: 'confirmed',
  oitConfirmed: true,
  oitException: false,
  responses: { IIT: 10, EIT: 20 },
  hasOit: true,
  card: { frameworkId: 'ita-2563', respondents: { IIT: 10, EIT: 20 }, oit: 87.5 },
  expectedOit: 87.5,
  ...over,
});

const ready: ReadinessFacts = {
  fiscalYear: 2570,
  frameworkId: 'ita-2563',
  today: '2027-09-20',
  calendar: [
    window('iit', '2027-04-01', '2027-05-31'),
    window('eit', '2027-04-01', '2027-05-31'),
    window('publication', '2027-09-15', '2027-09-30'),
  ],
  agencies: [agency('A'), agency('B')],
  pendingRecomputes: 0,
  failedRecomputes: 0,
};

const reasons = (f: ReadinessFacts) =>
  Object.fromEntries(
    publicationReadiness(f)
      .items.filter((i) => !i.ok)
      .map((i) => [i.code, i.reasons]),
  );

describe('publicationReadiness', () => {
  it('is ready when every item holds', () => {
    const r = publicationReadiness(ready);
    expect(r.ready).toBe(true);
    expect(r.items.map((i) => [i.code, i.ok])).toEqual([
      ['surveys_closed', true],
      ['oit_confirmed', true],
      ['cards_current', true],
      ['publication_phase', true],
    ]);
  });

  it('surveys: not set, still open (the closing day counts as open), or open by extension', () => {
    expect(
      reasons({ ...ready, calendar: ready.calendar.filter((w) => w.phase !== 'eit') }),
    ).toEqual({
      surveys_closed: [{ code: 'window_not_set', phase: 'eit' }],
    });
    expect(reasons({ ...ready, today: '2027-05-31' }).surveys_closed).toEqual([
      { code: 'window_open', phase: 'iit', closesOn: '2027-05-31' },
      { code: 'window_open', phase: 'eit', closesOn: '2027-05-31' },
    ]);
    const extended: PhaseWindow = {
      ...window('iit', '2027-04-01', '2027-09-25'),
      agencyCode: 'B',
      reason: 'flood',
    };
    expect(reasons({ ...ready, calendar: [...ready.calendar, extended] })).toEqual({
      surveys_closed: [
        { code: 'extension_open', phase: 'iit', closesOn: '2027-09-25', count: 1, codes: ['B'] },
      ],
    });
  });

  it('OIT: an unconfirmed agency is named with its state unless it has an exception', () => {
    const unconfirmed = agency('B', {
      oitStatus: 'reviewed',
      oitConfirmed: false,
      card: { frameworkId: 'ita-2563', respondents: { IIT: 10, EIT: 20 }, oit: null },
      expectedOit: null,
    });
    expect(reasons({ ...ready, agencies: [agency('A'), unconfirmed] })).toEqual({
      oit_confirmed: [
        { code: 'oit_unconfirmed', count: 1, codes: [{ code: 'B', status: 'reviewed' }] },
      ],
    });
    const excepted = { ...unconfirmed, oitException: true };
    const r = publicationReadiness({ ...ready, agencies: [agency('A'), excepted] });
    expect(r.ready).toBe(true);
    expect(r.items[1]!.counts).toEqual({
      agencies: 2,
      confirmed: 1,
      exceptions: 1,
      outstanding: 0,
    });
  });

  it('OIT: names at most SAMPLE agencies but counts them all', () => {
    const many = Array.from({ length: 25 }, (_, i) =>
      agency(`X${String(i).padStart(2, '0')}`, {
        oitConfirmed: false,
        oitStatus: null,
        card: null,
        hasOit: false,
        responses: { IIT: 0, EIT: 0 },
      }),
    );
    const [reason] = reasons({ ...ready, agencies: [agency('A'), ...many] }).oit_confirmed!;
    expect(reason).toMatchObject({ code: 'oit_unconfirmed', count: 25 });
    expect((reason as { codes: unknown[] }).codes).toHaveLength(SAMPLE);
  });

  it('cards: missing, other framework, other respondents, other OIT, waiting or failed recomputes', () => {
    const agencies = [
      agency('A', { card: null }),
      agency('B', {
        card: { frameworkId: 'ita-2564', respondents: { IIT: 10, EIT: 20 }, oit: 87.5 },
      }),
      agency('C', { responses: { IIT: 11, EIT: 20 } }),
      agency('D', { expectedOit: 87.5 + 1e-6 }),
      agency('E', { expectedOit: 87.5 + 1e-12 }),
    ];
    expect(reasons({ ...ready, agencies, pendingRecomputes: 3, failedRecomputes: 1 })).toEqual({
      cards_current: [
        { code: 'card_missing', count: 1, codes: ['A'] },
        { code: 'card_framework', count: 1, codes: ['B'] },
        { code: 'card_respondents', count: 1, codes: ['C'] },
        { code: 'card_oit', count: 1, codes: ['D'] },
        { code: 'recompute_pending', count: 3 },
        { code: 'recompute_failed', count: 1 },
      ],
    });
    const counts = publicationReadiness({ ...ready, agencies }).items[2]!.counts;
    expect(counts).toMatchObject({ withData: 5, current: 1, stale: 4 });
  });

  it('cards: an agency without any data needs none; a year without any data is not ready', () => {
    const empty = agency('Z', {
      responses: { IIT: 0, EIT: 0 },
      hasOit: false,
      card: null,
      oitConfirmed: false,
      oitException: true,
      expectedOit: null,
    });
    expect(publicationReadiness({ ...ready, agencies: [agency('A'), empty] }).ready).toBe(true);
    expect(reasons({ ...ready, agencies: [empty] })).toEqual({
      cards_current: [{ code: 'no_cards' }],
    });
  });

  it('publication phase: not set, or not begun yet (its first day counts as begun)', () => {
    expect(reasons({ ...ready, calendar: ready.calendar.slice(0, 2) })).toEqual({
      publication_phase: [{ code: 'window_not_set', phase: 'publication' }],
    });
    expect(reasons({ ...ready, today: '2027-09-14' })).toEqual({
      publication_phase: [{ code: 'window_not_yet', phase: 'publication', opensOn: '2027-09-15' }],
    });
    expect(publicationReadiness({ ...ready, today: '2027-09-15' }).ready).toBe(true);
  });
});
