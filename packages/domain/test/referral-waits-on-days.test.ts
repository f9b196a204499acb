import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { londonDay, referralWaits, referralWaitsOnDays, type ReferralFacts } from '../src/index.ts';

const D = londonDay('2026-03-02')!;
// A narrow range, so that contacts, plans and check-ins often fall on the same day.
const offset = fc.integer({ min: -10, max: 60 });
const date = offset.map((o) => new Date(Date.UTC(2026, 2, 2 + o)).toISOString().slice(0, 10));
// Instants either side of midnight in England, across the clocks changing (29 March and 25 October 2026).
const instant = fc.tuple(date, fc.integer({ min: 0, max: 47 })).map(([d, half]) => `${d}T${String(Math.floor(half / 2)).padStart(2, '0')}:${half % 2 ? '30' : '00'}:00Z`);
const when = fc.oneof(date, instant, fc.constantFrom(undefined, null, '', 'not a date'));
const team = fc.constantFrom('team-north', 'team-south', null, undefined);

const facts: fc.Arbitrary<ReferralFacts> = fc
  .record({
    referrals: fc.array(fc.record({ status: fc.constantFrom('active', 'completed', 'on-hold', 'revoked', 'entered-in-error'), authoredOn: when, teamId: team, triage: fc.constantFrom(null, undefined, 'accepted', 'declined', 'signposted') }), { maxLength: 4 }),
    contacts: fc.array(fc.record({ start: when, teamId: team, episode: fc.constantFrom('eoc-north', 'eoc-south', 'eoc-none', undefined), referral: fc.option(fc.nat(3), { nil: undefined }) }), { maxLength: 10 }),
    carePlans: fc.array(fc.record({ agreed: when, teamId: team }), { maxLength: 3 }),
    checkIns: fc.array(fc.record({ sent: when, teamId: team, referral: fc.option(fc.nat(3), { nil: undefined }) }), { maxLength: 6 }),
  })
  .map((g) => ({
    personId: 'amir',
    referrals: g.referrals.map(({ triage, ...r }, i) => ({ id: `ref-${i}`, ...r, triage: triage ? { outcome: triage } : triage })),
    contacts: g.contacts.map((c, i) => ({ id: `c${i}`, start: c.start, teamId: c.teamId, episodeIds: c.episode ? [c.episode] : [], referralIds: c.referral === undefined ? [] : [`ref-${c.referral}`] })),
    carePlans: g.carePlans.map((p, i) => ({ id: `plan${i}`, ...p })),
    checkIns: g.checkIns.map((c, i) => ({ id: `k${i}`, sent: c.sent, teamId: c.teamId, referralId: c.referral === undefined ? null : `ref-${c.referral}` })),
    episodeTeams: { 'eoc-north': 'team-north', 'eoc-south': 'team-south', 'eoc-none': null },
  }));

describe('referral waits on many days', () => {
  it('are referralWaits as of each day, whatever the facts and however the days are ordered', () => {
    fc.assert(
      fc.property(facts, fc.array(offset.map((o) => D + o), { minLength: 1, maxLength: 12 }), (f, days) => {
        expect(referralWaitsOnDays(f, days)).toEqual(days.map((day) => referralWaits(f, day)));
      }),
      { numRuns: 3000 },
    );
  });

  it('stops the clock at the second contact when a plan is agreed the same day, as the single-day rule does', () => {
    const f: ReferralFacts = {
      personId: 'amir',
      referrals: [{ id: 'ref-1', status: 'active', authoredOn: '2026-03-02', teamId: 'team-north' }],
      contacts: [1, 9].map((o, i) => ({ id: `c${i}`, start: `2026-03-${String(2 + o).padStart(2, '0')}T10:00:00Z`, teamId: 'team-north', episodeIds: [], referralIds: [] })),
      carePlans: [{ id: 'plan', agreed: '2026-03-11', teamId: 'team-north' }],
      checkIns: [],
      episodeTeams: {},
    };
    const [early, late] = referralWaitsOnDays(f, [D + 5, D + 30]);
    expect(early![0]!.clockStop).toBeNull();
    expect(late![0]!.clockStop).toEqual({ day: D + 9, by: 'Encounter/c1' });
  });
});
