import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importPath, teamWaitingList, waitingTimes, waitingWorklist, type Store } from '@continuity/store';
import { storeKinds } from '../../../test/support/stores.ts';
import { REFERRAL_AS_OF, expectedWaiting, referralScenario } from './support/referral-scenario.ts';
import { writeNdjson } from './support/scenario.ts';

describe.each(storeKinds)('waiting for care on $name', (kind) => {
  let store: Store;
  beforeAll(async () => {
    store = await kind.open();
    const report = await importPath(store, writeNdjson(referralScenario()));
    expect(report.errors).toEqual([]);
  });
  afterAll(async () => {
    await store.close();
  });

  it('lists exactly the people waiting more than four weeks, longest first, with the referral and check-in as evidence', async () => {
    const { list, people } = await waitingWorklist(store.db, { asOf: REFERRAL_AS_OF });
    expect(list).toEqual({ worklist: 'waiting', asOf: REFERRAL_AS_OF, items: expectedWaiting });
    expect(people.get('cal')).toEqual({ name: 'Cal Chandra', teamIds: ['team-north'] });
    expect(people.get('eli')).toEqual({ name: 'Eli Ellis', teamIds: [] });
    for (const sliceSize of [1, 2]) expect((await waitingWorklist(store.db, { asOf: REFERRAL_AS_OF, sliceSize })).list.items, `slices of ${sliceSize}`).toEqual(expectedWaiting);
  });

  it('lists a team’s waits only (the single point of access is on no team’s list), and nobody before four weeks', async () => {
    expect((await waitingWorklist(store.db, { asOf: REFERRAL_AS_OF, team: 'team-north' })).list.items.map((i) => i.patient.id)).toEqual(['cal']);
    expect((await waitingWorklist(store.db, { asOf: REFERRAL_AS_OF, teams: ['team-south'] })).list.items).toEqual([]);
    // Dia has waited 20 days: on 8 July, 28 days, still within the standard; on 9 July, 29 days, listed.
    expect((await waitingWorklist(store.db, { asOf: '2026-07-08', team: 'team-south' })).list.items).toEqual([]);
    expect((await waitingWorklist(store.db, { asOf: '2026-07-09', team: 'team-south' })).list.items[0]!.reasons[0]!.text).toBe('Waiting 29 days since referral on 10 Jun to South CMHT (not yet seen; no check-in recorded).');
  });

  it('reports the share seen within four weeks, the median and 90th percentile, and who is still waiting, by team and ethnic group', async () => {
    const report = await waitingTimes(store.db, { from: '2026-04-01', to: REFERRAL_AS_OF });
    expect(report.overall).toEqual({
      seen: 2, seenWithinStandard: 1, shareWithinStandard: 0.5, medianDays: 34, p90Days: 49,
      waiting: 3, waitingOverStandard: 2, waitingVeryLong: 0, longestWaitDays: [60, 46, 20],
    });
    expect(report.byTeam.map((t) => [t.team, t.measures.seen, t.measures.medianDays, t.measures.waiting, t.measures.longestWaitDays])).toEqual([
      ['Single point of access (not yet triaged)', 0, null, 1, [46]],
      ['North CMHT', 2, 34, 1, [60]],
      ['South CMHT', 0, null, 1, [20]],
    ]);
    expect(report.byEthnicity.map((e) => [e.group, e.measures.seen, e.measures.seenWithinStandard, e.measures.waiting])).toEqual([
      ['White', 1, 0, 1],
      ['Asian or Asian British', 0, 0, 1],
      ['Black or Black British', 1, 1, 0],
      ['Not stated or not recorded', 0, 0, 1],
    ]);
    // Read a slice of people at a time, each slice its own referrals in key order: the same report.
    for (const sliceSize of [1, 2, 3]) expect(await waitingTimes(store.db, { from: '2026-04-01', to: REFERRAL_AS_OF, sliceSize }), `slices of ${sliceSize}`).toEqual(report);
    // Gus was seen in January: in a period that includes it, he counts, 15 days.
    const january = await waitingTimes(store.db, { from: '2026-01-01', to: '2026-01-31', team: 'team-south' });
    expect(january.overall).toMatchObject({ seen: 1, seenWithinStandard: 1, medianDays: 15, waiting: 0 });
  });

  it('gives a team its whole waiting list, not only those past four weeks, longest first', async () => {
    expect(await teamWaitingList(store.db, 'team-north', { asOf: REFERRAL_AS_OF })).toEqual({
      asOf: REFERRAL_AS_OF,
      entries: [{ personId: 'cal', name: 'Cal Chandra', nhsNumber: '9990003025', referralId: 'ref-cal', referredOn: '2026-05-01', waitedDays: 60, overStandard: true, firstContact: null, lastCheckIn: '2026-05-20' }],
    });
    // Dia has waited 20 days: within the standard, so not on the worklist, but on South's waiting list.
    expect((await teamWaitingList(store.db, 'team-south', { asOf: REFERRAL_AS_OF })).entries.map((e) => [e.personId, e.waitedDays, e.overStandard])).toEqual([['dia', 20, false]]);
  });
});
