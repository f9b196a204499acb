import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateMhaDeadlines, isoDay, londonDay, periodEnd, type LegalStatusFact, type MhaFacts } from '../src/index.ts';

const AS_OF = '2026-06-30';
/** "YYYY-MM-DD" a number of days after a day. */
const plus = (day: string, n: number) => isoDay(londonDay(day)! + n);

const cto = (expires: string | null, more: Partial<LegalStatusFact> = {}): LegalStatusFact => ({ id: 'cto-1', status: 'active', code: 'cto', start: '2025-07-01', expires, ...more });
const facts = (legalStatuses: LegalStatusFact[], more: Partial<MhaFacts> = {}): MhaFacts => ({ personId: 'p', episodes: [], legalStatuses, ...more });
const codes = (f: MhaFacts, asOf = AS_OF) => evaluateMhaDeadlines(f, asOf).reasons.map((r) => r.code);

describe('cto-expiry-due: a CTO expiring within the next 28 days (issue 6)', () => {
  it('lists a CTO expiring on the day itself and 28 days on, and not 29 days on', () => {
    expect(codes(facts([cto(AS_OF)]))).toEqual(['cto-expiry-due']);
    expect(codes(facts([cto(plus(AS_OF, 1))]))).toEqual(['cto-expiry-due']);
    expect(codes(facts([cto(plus(AS_OF, 28))]))).toEqual(['cto-expiry-due']);
    expect(codes(facts([cto(plus(AS_OF, 29))]))).toEqual([]);
  });

  it('says when it expires in words, since when the person has been on it, and cites the Flag', () => {
    const due = (expires: string) => evaluateMhaDeadlines(facts([cto(expires)]), AS_OF).reasons[0];
    expect(due('2026-07-28')).toEqual({
      code: 'cto-expiry-due',
      text: 'Community Treatment Order expires in 28 days, on 28 Jul, unless renewed (on a CTO since 1 Jul 2025).',
      evidence: ['Flag/cto-1'],
    });
    expect(due(AS_OF)!.text).toBe('Community Treatment Order expires today, on 30 Jun, unless renewed (on a CTO since 1 Jul 2025).');
    expect(due('2026-07-01')!.text).toMatch(/^Community Treatment Order expires tomorrow, on 1 Jul,/);
    expect(due('2026-07-02')!.text).toMatch(/expires in 2 days, on 2 Jul,/);
  });
});

describe('cto-expired-unrenewed: an active CTO past its expiry with no renewal', () => {
  it('lists it from the day after the expiry date', () => {
    expect(codes(facts([cto(AS_OF)]))).toEqual(['cto-expiry-due']);
    expect(codes(facts([cto(plus(AS_OF, -1))]))).toEqual(['cto-expired-unrenewed']);
    expect(codes(facts([cto('2025-12-31')]))).toEqual(['cto-expired-unrenewed']);
  });

  it('says when it expired and how long ago, citing the Flag', () => {
    expect(evaluateMhaDeadlines(facts([cto('2026-06-01')]), AS_OF).reasons).toEqual([
      {
        code: 'cto-expired-unrenewed',
        text: 'Community Treatment Order expired on 1 Jun, 29 days ago, with no renewal recorded and the order still recorded as current (on a CTO since 1 Jul 2025).',
        evidence: ['Flag/cto-1'],
      },
    ]);
    expect(evaluateMhaDeadlines(facts([cto('2026-06-29')]), AS_OF).reasons[0]!.text).toMatch(/expired on 29 Jun, 1 day ago,/);
  });
});

describe('who is not listed', () => {
  it('not a CTO that has ended, was entered in error, or ends on the day', () => {
    expect(codes(facts([cto('2026-06-01', { status: 'inactive', end: '2026-05-01' })]))).toEqual([]);
    expect(codes(facts([cto('2026-06-01', { status: 'inactive' })]))).toEqual([]);
    expect(codes(facts([cto('2026-06-01', { status: 'entered-in-error' })]))).toEqual([]);
    expect(codes(facts([cto('2026-07-10', { end: AS_OF })]))).toEqual([]);
    // Ended tomorrow (a discharge recorded ahead): still in force on the day.
    expect(codes(facts([cto('2026-07-10', { end: plus(AS_OF, 1) })]))).toEqual(['cto-expiry-due']);
  });

  it('not a CTO that begins after the day, nor one without a start or an expiry date', () => {
    expect(codes(facts([cto('2026-07-10', { start: plus(AS_OF, 1) })]))).toEqual([]);
    expect(codes(facts([cto('2026-07-10', { start: AS_OF })]))).toEqual(['cto-expiry-due']);
    expect(codes(facts([cto('2026-07-10', { start: null })]))).toEqual([]);
    expect(codes(facts([cto(null)]))).toEqual([]);
  });

  it('not detentions, however long they have run', () => {
    expect(codes(facts([cto('2026-06-01', { code: '03' }), cto('2026-06-01', { code: '02' })]))).toEqual([]);
  });

  it('not a person who had died by the day', () => {
    expect(codes(facts([cto('2026-06-01')], { deceasedAt: '2026-06-30T09:00:00Z' }))).toEqual([]);
    expect(codes(facts([cto('2026-06-01')], { deceasedAt: '2026-07-01' }))).toEqual(['cto-expired-unrenewed']);
  });
});

it('lists an expired CTO before one due, when a record holds two', () => {
  const both = evaluateMhaDeadlines(facts([cto('2026-07-05', { id: 'b' }), cto('2026-06-10', { id: 'a' })]), AS_OF);
  expect(both.reasons.map((r) => [r.code, r.evidence])).toEqual([
    ['cto-expired-unrenewed', ['Flag/a']],
    ['cto-expiry-due', ['Flag/b']],
  ]);
  expect(isoDay(both.soonestExpiry)).toBe('2026-06-10');
});

it('never finds one CTO both due and expired, and lists it exactly when it expires within 28 days or has expired', () => {
  fc.assert(
    fc.property(fc.integer({ min: -400, max: 400 }), fc.integer({ min: 0, max: 400 }), (offset, ranFor) => {
      const expires = plus(AS_OF, offset);
      const found = codes(facts([cto(expires, { start: plus(AS_OF, -ranFor) })]));
      expect(found.length).toBeLessThanOrEqual(1);
      expect(found).toEqual(offset < 0 ? ['cto-expired-unrenewed'] : offset <= 28 ? ['cto-expiry-due'] : []);
    }),
  );
});

describe('periods of the Act, beginning with the day (mha-rules.ts)', () => {
  const end = (start: string, period: { months?: number; days?: number }) => isoDay(periodEnd(londonDay(start)!, period));
  it('ends a period of months on the day before the corresponding day', () => {
    expect(end('2026-01-01', { months: 6 })).toBe('2026-06-30');
    expect(end('2026-07-01', { months: 6 })).toBe('2026-12-31');
    expect(end('2026-07-01', { months: 12 })).toBe('2027-06-30');
    expect(end('2026-03-15', { months: 2 })).toBe('2026-05-14');
  });
  it('ends on the last day of the month when it has no corresponding day', () => {
    expect(end('2026-08-31', { months: 6 })).toBe('2027-02-28');
    expect(end('2027-08-31', { months: 6 })).toBe('2028-02-29');
    expect(end('2026-08-30', { months: 6 })).toBe('2027-02-28');
  });
  it('counts days including the first: section 2 admitted 1 June lasts to 28 June', () => {
    expect(end('2026-06-01', { days: 28 })).toBe('2026-06-28');
  });
});
