import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extension, isoDay, londonDay, median, percentile, recordReferral, referralWaits, system, triageOf, triageReferral, waitingMeasures, waitingReason, type ReferralFacts, type ReferralWait } from '../src/index.ts';
import { fhirR4SchemaErrors } from '../../../test/support/fhir-r4-schema.ts';

const D = londonDay('2026-03-02')!;
const day = (offset: number) => isoDay(D + offset);
const facts = (more: Partial<ReferralFacts> = {}): ReferralFacts => ({
  personId: 'amir',
  referrals: [{ id: 'ref-1', status: 'active', authoredOn: `${day(0)}T10:00:00Z`, teamId: 'team-north' }],
  contacts: [],
  carePlans: [],
  checkIns: [],
  episodeTeams: { 'eoc-north': 'team-north', 'eoc-south': 'team-south' },
  ...more,
});
const contact = (id: string, offset: number, more: Partial<ReferralFacts['contacts'][number]> = {}) => ({ id, start: `${day(offset)}T11:00:00Z`, teamId: 'team-north', episodeIds: [], referralIds: [], ...more });

describe('the clock on a referral', () => {
  it('starts on the referral day and stops at the second contact with the team; the first contact is when they were first seen', () => {
    const [wait] = referralWaits(facts({ contacts: [contact('c2', 40), contact('c1', 10), contact('c3', 70)] }), D + 100);
    expect(wait).toEqual({
      referralId: 'ref-1', personId: 'amir', teamId: 'team-north', clockStart: D,
      firstContact: { id: 'c1', day: D + 10 }, secondContact: { id: 'c2', day: D + 40 }, carePlanAgreed: null,
      clockStop: { day: D + 40, by: 'Encounter/c2' }, waitedDays: 40, lastCheckIn: null,
    });
  });

  it('stops when a care plan is agreed, if that comes before a second contact', () => {
    const [wait] = referralWaits(facts({ contacts: [contact('c1', 10), contact('c2', 40)], carePlans: [{ id: 'plan', agreed: day(25), teamId: 'team-north' }] }), D + 100);
    expect(wait!.clockStop).toEqual({ day: D + 25, by: 'CarePlan/plan' });
    expect(wait!.waitedDays).toBe(25);
  });

  it('counts contacts for the referral, with its team or under an episode the team holds; not another team’s, nor any before the referral', () => {
    const other = referralWaits(facts({ contacts: [contact('before', -3), contact('south', 5, { teamId: 'team-south' }), contact('south-eoc', 6, { teamId: null, episodeIds: ['eoc-south'] })] }), D + 50)[0]!;
    expect([other.firstContact, other.clockStop, other.waitedDays]).toEqual([null, null, 50]);
    const counted = referralWaits(facts({ contacts: [contact('for-it', 5, { teamId: 'team-crisis', referralIds: ['ref-1'] }), contact('north-eoc', 9, { teamId: null, episodeIds: ['eoc-north'] })] }), D + 50)[0]!;
    expect(counted.clockStop).toEqual({ day: D + 9, by: 'Encounter/north-eoc' });
  });

  it('leaves out declined, signposted and cancelled referrals, later ones, and one closed without a second contact', () => {
    const referrals = [
      { id: 'declined', status: 'revoked', authoredOn: day(0), teamId: 'team-north' },
      { id: 'signposted', status: 'completed', authoredOn: day(0), triage: { outcome: 'signposted' } },
      { id: 'later', status: 'active', authoredOn: day(60), teamId: 'team-north' },
      { id: 'closed', status: 'completed', authoredOn: day(0), teamId: 'team-north' },
    ];
    expect(referralWaits(facts({ referrals, contacts: [contact('once', 3)] }), D + 50)).toEqual([]);
  });
});

describe('the waiting worklist reason', () => {
  const name = (id: string | null) => (id === 'team-north' ? 'North CMHT' : 'the single point of access');

  it('lists a wait only when it is more than 28 days, with the first contact and the last check-in as evidence', () => {
    const history = facts({ contacts: [contact('c1', 12)], checkIns: [{ id: 'ci-1', sent: day(20), teamId: 'team-north' }, { id: 'ci-2', sent: day(27), referralId: 'ref-1' }] });
    expect(waitingReason(referralWaits(history, D + 28), D + 28, name)).toBeUndefined();
    expect(waitingReason(referralWaits(history, D + 29), D + 29, name)).toEqual({
      code: 'waiting-over-4-weeks',
      text: 'Waiting 29 days since referral on 2 Mar to North CMHT (first seen 14 Mar, no second contact or care plan yet; last check-in 29 Mar).',
      evidence: ['ServiceRequest/ref-1', 'Encounter/c1', 'Communication/ci-2'],
    });
  });

  it('says when nobody has seen or checked in with the person', () => {
    const spa = facts({ referrals: [{ id: 'ref-spa', status: 'active', authoredOn: day(0), teamId: null }] });
    expect(waitingReason(referralWaits(spa, D + 400), D + 400, name)?.text).toBe('Waiting 400 days since referral on 2 Mar 2026 to the single point of access (not yet seen; no check-in recorded).');
  });
});

describe('waiting-time measures', () => {
  const wait = (id: string, waited: number, stopped: boolean): ReferralWait => ({
    referralId: id, personId: id, teamId: 't', clockStart: D, firstContact: null, secondContact: null, carePlanAgreed: null,
    clockStop: stopped ? { day: D + waited, by: 'Encounter/x' } : null, waitedDays: waited, lastCheckIn: null,
  });

  it('gives the share seen within 4 weeks, the median and the nearest-rank 90th percentile of those seen, and the longest still waiting', () => {
    const seen = [10, 20, 28, 29, 35, 40, 60, 100, 200, 700].map((d, i) => wait(`s${i}`, d, true));
    const waiting = [5, 30, 800].map((d, i) => wait(`w${i}`, d, false));
    expect(waitingMeasures([...seen, ...waiting], D, D + 1000)).toEqual({
      seen: 10, seenWithinStandard: 3, shareWithinStandard: 0.3, medianDays: 37.5, p90Days: 200,
      waiting: 3, waitingOverStandard: 2, waitingVeryLong: 1,
      longestWaits: [{ referralId: 'w2', personId: 'w2', days: 800 }, { referralId: 'w1', personId: 'w1', days: 30 }, { referralId: 'w0', personId: 'w0', days: 5 }],
    });
    // Only clocks that stopped in the period count as seen: from day 30 on, the first four are out.
    expect(waitingMeasures(seen, D + 30, D + 1000)).toMatchObject({ seen: 6, seenWithinStandard: 0, medianDays: 80, p90Days: 700 });
    expect(waitingMeasures([], D, D)).toMatchObject({ seen: 0, shareWithinStandard: null, medianDays: null, p90Days: null });
  });

  it('has the median and percentiles of odd and even counts exactly', () => {
    expect([median([3, 1, 2]), median([4, 1, 3, 2]), percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], 90), percentile([7], 90)]).toEqual([2, 2.5, 10, 7]);
  });

  it('never puts the 90th percentile below the median or outside the waits', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 2000 }), { minLength: 1, maxLength: 60 }), (values) => {
        const p90 = percentile(values, 90)!;
        return p90 >= median(values)! && values.includes(p90);
      }),
    );
  });
});

describe('triage at the single point of access', () => {
  const referral = { resourceType: 'ServiceRequest', id: 'ref-1', status: 'active', intent: 'order', subject: { reference: 'Patient/amir' }, authoredOn: day(0) };
  const teams = new Set(['team-north']);
  const NOW = new Date('2026-03-20T12:00:00Z');
  const fields = (outcome: ReturnType<typeof triageReferral>) => (outcome.ok ? [] : outcome.problems.map((p) => p.field));

  it('accepts to a known team: the team becomes the performer and the referral keeps waiting from its day', () => {
    const outcome = triageReferral(referral, { outcome: 'accepted', date: day(3), teamId: 'team-north' }, teams, NOW);
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.problems));
    expect(outcome.resource).toMatchObject({ status: 'active', performer: [{ reference: 'Organization/team-north' }] });
    expect(triageOf(outcome.resource)).toEqual({ outcome: 'accepted', on: day(3) });
    expect((outcome.resource as Record<string, any>).extension[0]).toEqual({
      url: extension.triageOutcome,
      extension: [{ url: 'outcome', valueCoding: { system: system.triageOutcome, code: 'accepted', display: 'Accepted to a team' } }, { url: 'date', valueDate: day(3) }],
    });
  });

  it('never declines without a reason and an onward route, nor signposts without naming the service', () => {
    expect(fields(triageReferral(referral, { outcome: 'declined', date: day(3) }, teams, NOW))).toEqual(['onwardService', 'reason']);
    expect(fields(triageReferral(referral, { outcome: 'signposted', date: day(3), onwardService: ' ' }, teams, NOW))).toEqual(['onwardService']);
    expect(fields(triageReferral(referral, { outcome: 'accepted', date: day(-1), teamId: 'team-west' }, teams, NOW))).toEqual(['date', 'teamId']);
    expect(fields(triageReferral({ ...referral, status: 'revoked' }, { outcome: 'maybe', date: day(3) }, teams, NOW))).toEqual(['status', 'outcome']);
    const declined = triageReferral(referral, { outcome: 'declined', date: day(3), reason: 'Needs are met by primary care', onwardService: 'NHS Talking Therapies, Northshire' }, teams, NOW);
    expect(declined.ok && declined.resource).toMatchObject({ status: 'revoked', note: [{ text: 'Declined: Needs are met by primary care. Onward route: NHS Talking Therapies, Northshire' }] });
  });
});

describe('a referral recorded at the single point of access', () => {
  const NOW = new Date('2026-03-20T12:00:00Z');
  const entry = { referralId: 'ref-new', personId: 'p-new', source: 'police', date: '2026-03-19', priority: 'routine', reason: 'Found distressed on the bridge; agreed to help.', referrer: 'PC Dale' };

  it('writes a ServiceRequest with no team yet, its source, priority, day and reason, and a Patient for someone new', () => {
    const outcome = recordReferral({ ...entry, newPerson: { family: 'Fenn', given: 'Jo', birthDate: '1991-04-02', nhsNumber: '943-476-5870', postcode: 'ls14ap' } }, NOW);
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.problems));
    const [patient, referral] = outcome.resources as Array<Record<string, any>>;
    expect(patient).toEqual({ resourceType: 'Patient', id: 'p-new', identifier: [{ system: system.nhsNumber, value: '9434765870' }], name: [{ use: 'official', family: 'Fenn', given: ['Jo'] }], birthDate: '1991-04-02', address: [{ use: 'home', postalCode: 'LS14AP' }] });
    expect(referral).toMatchObject({ resourceType: 'ServiceRequest', status: 'active', priority: 'routine', authoredOn: '2026-03-19', reasonCode: [{ text: entry.reason }], note: [{ text: 'Referred by PC Dale' }], subject: { reference: 'Patient/p-new' } });
    expect(referral!.performer).toBeUndefined();
    for (const resource of [patient, referral]) expect(fhirR4SchemaErrors(resource)).toEqual([]);
  });

  it('names each problem: source, future day, priority, no reason, and a new person without names or with a bad NHS number', () => {
    const outcome = recordReferral({ ...entry, source: 'neighbour', date: '2026-03-21', priority: 'soon', reason: '', newPerson: { family: ' ', given: '', birthDate: '1991-02-30', nhsNumber: '9434765871', postcode: 'nowhere' } }, NOW);
    expect(outcome.ok ? [] : outcome.problems.map((p) => p.field)).toEqual(['source', 'date', 'priority', 'reason', 'family', 'given', 'birthDate', 'nhsNumber', 'postcode']);
  });
});
