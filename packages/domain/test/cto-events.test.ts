import { describe, expect, it } from 'vitest';
import { ctoEvents, ctoExpiry, evaluateMhaDeadlines, extension, recordCtoEvent, system } from '../src/index.ts';

const TODAY = '2026-06-30';
const category = [{ coding: [{ system: system.flagCategory, code: 'mha-legal-status' }] }];
/** A CTO begun on 1 Jan 2026, first period ending 30 Jun 2026, unless said otherwise. */
const cto = (more: Record<string, unknown> = {}, expires = '2026-06-30') => ({
  resourceType: 'Flag', id: 'cto-1', status: 'active', category, subject: { reference: 'Patient/p' }, period: { start: '2026-01-01' },
  code: { coding: [{ system: system.mhaLegalStatus, code: 'cto' }] },
  extension: [{ url: extension.ctoConditions, valueCodeableConcept: { coding: [{ code: 'medication' }] } }, { url: extension.reviewDue, valueDate: expires }],
  ...more,
});
const problems = (outcome: ReturnType<typeof recordCtoEvent>) => (outcome.ok ? [] : outcome.problems);

describe('renewing a CTO (s20A)', () => {
  it('moves the expiry on, keeps the conditions, and records the renewal', () => {
    const outcome = recordCtoEvent(cto(), { kind: 'renewal', date: '2026-06-20', expires: '2026-12-31' }, TODAY);
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(ctoExpiry(outcome.cto)).toBe('2026-12-31');
    expect((outcome.cto.extension as Array<{ url: string }>).filter((e) => e.url === extension.reviewDue)).toHaveLength(1);
    expect((outcome.cto.extension as Array<{ url: string }>)[0]!.url).toBe(extension.ctoConditions);
    expect(ctoEvents(outcome.cto)).toEqual([{ kind: 'renewal', date: '2026-06-20', previousExpiry: '2026-06-30', expires: '2026-12-31' }]);
    expect(outcome.cto.status).toBe('active');
    expect(outcome.detention).toBeUndefined();
  });

  it('takes the CTO off the mha-deadlines list', () => {
    const flag = cto();
    const facts = (f: Record<string, any>) => ({ personId: 'p', episodes: [], legalStatuses: [{ id: f.id, status: f.status, code: 'cto', start: f.period.start, end: f.period.end, expires: ctoExpiry(f) }] });
    expect(evaluateMhaDeadlines(facts(flag), TODAY).reasons.map((r) => r.code)).toEqual(['cto-expiry-due']);
    const renewed = recordCtoEvent(flag, { kind: 'renewal', date: TODAY, expires: '2026-12-31' }, TODAY);
    expect(evaluateMhaDeadlines(facts(renewed.ok ? renewed.cto : flag), TODAY).reasons).toEqual([]);
  });

  it('lasts at most 6 months for the first renewal, then a year', () => {
    expect(problems(recordCtoEvent(cto(), { kind: 'renewal', date: '2026-06-01', expires: '2026-12-31' }, TODAY))).toEqual([]);
    expect(problems(recordCtoEvent(cto(), { kind: 'renewal', date: '2026-06-01', expires: '2027-01-01' }, TODAY))).toEqual([
      { field: 'expires', message: 'must be no later than 31 Dec: a renewal of this CTO lasts 6 months' },
    ]);
    // Begun 1 Jul 2025, first period to 31 Dec 2025, renewed for 6 months to 30 Jun 2026: the next renewal is for a year.
    const second = cto({ period: { start: '2025-07-01' } }, '2026-06-30');
    expect(problems(recordCtoEvent(second, { kind: 'renewal', date: '2026-06-01', expires: '2027-06-30' }, TODAY))).toEqual([]);
    expect(problems(recordCtoEvent(second, { kind: 'renewal', date: '2026-06-01', expires: '2027-07-01' }, TODAY))[0]!.message).toBe(
      'must be no later than 30 Jun 2027: a renewal of this CTO lasts a year',
    );
  });

  it('must move the expiry later', () => {
    expect(problems(recordCtoEvent(cto(), { kind: 'renewal', date: '2026-06-01', expires: '2026-06-30' }, TODAY))).toEqual([
      { field: 'expires', message: 'must be after the current expiry date (30 Jun)' },
    ]);
    expect(problems(recordCtoEvent(cto(), { kind: 'renewal', date: '2026-06-01' }, TODAY))[0]!.field).toBe('expires');
    expect(problems(recordCtoEvent(cto(), { kind: 'renewal', date: '2026-06-01', expires: '2026-09-31' }, TODAY))[0]!.field).toBe('expires');
  });

  it('is made in the two months ending with the expiry day, not before and not after', () => {
    // Expiry 30 Jun: the window is 1 May to 30 Jun.
    expect(problems(recordCtoEvent(cto(), { kind: 'renewal', date: '2026-05-01', expires: '2026-12-31' }, TODAY))).toEqual([]);
    expect(problems(recordCtoEvent(cto(), { kind: 'renewal', date: '2026-04-30', expires: '2026-12-31' }, TODAY))).toEqual([
      { field: 'date', message: 'must be in the 2 months before it expires (from 1 May)' },
    ]);
    const expired = cto({}, '2026-06-20');
    expect(problems(recordCtoEvent(expired, { kind: 'renewal', date: '2026-06-20', expires: '2026-12-20' }, TODAY))).toEqual([]);
    expect(problems(recordCtoEvent(expired, { kind: 'renewal', date: '2026-06-21', expires: '2026-12-20' }, TODAY))).toEqual([
      { field: 'date', message: 'must be on or before the day the CTO expired (20 Jun): after that it was no longer in force' },
    ]);
  });
});

describe('recall, revocation and discharge', () => {
  it('records a recall (s17E) without ending the CTO or moving its expiry', () => {
    const outcome = recordCtoEvent(cto(), { kind: 'recall', date: '2026-06-10' }, TODAY);
    expect(outcome.ok && [outcome.cto.status, ctoExpiry(outcome.cto), ctoEvents(outcome.cto)]).toEqual(['active', '2026-06-30', [{ kind: 'recall', date: '2026-06-10' }]]);
  });

  it('ends a revoked CTO (s17F) and starts a section 3 detention that day', () => {
    const outcome = recordCtoEvent(cto(), { kind: 'revocation', date: '2026-06-12' }, TODAY, 'det-1');
    if (!outcome.ok) throw new Error('refused');
    expect(outcome.cto).toMatchObject({ status: 'inactive', period: { start: '2026-01-01', end: '2026-06-12' } });
    expect(outcome.detention).toMatchObject({ resourceType: 'Flag', id: 'det-1', status: 'active', period: { start: '2026-06-12' }, subject: { reference: 'Patient/p' }, category });
    expect((outcome.detention!.code as { coding: Array<{ code: string }> }).coding[0]!.code).toBe('03');
  });

  it('ends a CTO on discharge (s23), even after its expiry date', () => {
    const outcome = recordCtoEvent(cto({}, '2026-06-01'), { kind: 'discharge', date: '2026-06-15' }, TODAY);
    expect(outcome.ok && outcome.cto).toMatchObject({ status: 'inactive', period: { end: '2026-06-15' } });
  });

  it('refuses a day in the future or before the CTO began, naming the field', () => {
    expect(problems(recordCtoEvent(cto(), { kind: 'recall', date: '2026-07-01' }, TODAY))).toEqual([{ field: 'date', message: 'must not be in the future (today is 30 Jun)' }]);
    expect(problems(recordCtoEvent(cto(), { kind: 'discharge', date: '2025-12-31' }, TODAY))).toEqual([{ field: 'date', message: 'must be on or after the day the CTO began (1 Jan)' }]);
    expect(problems(recordCtoEvent(cto(), { kind: 'discharge', date: '30/06/2026' }, TODAY))[0]!.field).toBe('date');
  });

  it('changes nothing on a CTO that has ended, or on a Flag that is not a CTO', () => {
    const ended = recordCtoEvent(cto({ status: 'inactive', period: { start: '2026-01-01', end: '2026-03-01' } }), { kind: 'recall', date: '2026-06-10' }, TODAY);
    expect(ended).toMatchObject({ ok: false, ended: true });
    const detention = recordCtoEvent(cto({ code: { coding: [{ system: system.mhaLegalStatus, code: '03' }] } }), { kind: 'recall', date: '2026-06-10' }, TODAY);
    expect(problems(detention)).toEqual([{ field: 'flag', message: 'is not a Community Treatment Order' }]);
  });
});
