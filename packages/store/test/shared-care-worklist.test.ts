import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importPath, loadAgreements, sharedCareWorklist, type Store } from '@continuity/store';
import { storeKinds } from '../../../test/support/stores.ts';
import { AS_OF, expectedItems, sharedCareScenario } from './support/shared-care-scenario.ts';
import { writeNdjson } from './support/scenario.ts';

describe.each(storeKinds)('the shared-care worklist on $name', (kind) => {
  let store: Store;
  beforeAll(async () => {
    store = await kind.open();
    const report = await importPath(store, writeNdjson(sharedCareScenario()));
    expect(report.errors).toEqual([]);
  });
  afterAll(async () => {
    await store.close();
  });

  it('lists exactly the declined and unanswered proposals, with reasons and evidence, longest waiting first', async () => {
    const { list, people, evaluated } = await sharedCareWorklist(store.db, { asOf: AS_OF });
    expect(list).toEqual({ worklist: 'shared-care', asOf: AS_OF, items: expectedItems });
    expect(people.get('gus')).toEqual({ name: 'Gus Gum', teamIds: ['team-south'] });
    expect(evaluated).toBe(9);
  });

  it('gives the same list when people are read in slices of a few', async () => {
    for (const sliceSize of [1, 2, 4]) {
      const { list } = await sharedCareWorklist(store.db, { asOf: AS_OF, sliceSize });
      expect(list.items, `slices of ${sliceSize}`).toEqual(expectedItems);
    }
  });

  it("lists one team, a clinician's teams, or some people", async () => {
    expect((await sharedCareWorklist(store.db, { asOf: AS_OF, team: 'team-north' })).list.items.map((i) => i.patient.id)).toEqual(['hal', 'ana']);
    expect((await sharedCareWorklist(store.db, { asOf: AS_OF, teams: ['team-south'] })).list.items.map((i) => i.patient.id)).toEqual(['cara', 'gus']);
    expect((await sharedCareWorklist(store.db, { asOf: AS_OF, people: ['ana', 'ben'] })).list.items.map((i) => i.patient.id)).toEqual(['ana']);
    expect((await sharedCareWorklist(store.db, { asOf: AS_OF, team: 'no-such-team' })).list.items).toEqual([]);
  });

  it('as of another day, judges the agreements as they stood', async () => {
    // 1 July: Ben's proposal of 16 June is 15 days old. 15 April: Cara's was 14 days old and not yet declined.
    const july = await sharedCareWorklist(store.db, { asOf: '2026-07-01' });
    expect(july.list.items.map((i) => i.patient.id)).toContain('ben');
    const april = await sharedCareWorklist(store.db, { asOf: '2026-04-15' });
    expect(april.list.items).toEqual([]);
    const nextDay = await sharedCareWorklist(store.db, { asOf: '2026-04-16' });
    expect(nextDay.list.items.map((i) => [i.patient.id, i.reasons.map((r) => r.code)])).toEqual([['cara', ['shared-care-unanswered']]]);
    const march = await sharedCareWorklist(store.db, { asOf: '2026-03-10' });
    expect(march.list.items.map((i) => [i.patient.id, i.reasons.map((r) => r.code)])).toEqual([['dan', ['shared-care-declined']]]);
  });

  it("reads a practice's agreements and no one else's", async () => {
    const riverside = await loadAgreements(store.db, { practiceId: 'gp-1' });
    expect(riverside.map((h) => h.agreement.id)).toEqual(['ana-sca', 'ben-sca', 'cara-sca', 'eve-sca', 'hal-sca', 'ida-sca']);
    expect(riverside.every((h) => h.versionId === 1)).toBe(true);
  });

  it('refuses an as-of that is not a date', async () => {
    await expect(sharedCareWorklist(store.db, { asOf: '30/06/2026' })).rejects.toThrow(/YYYY-MM-DD/);
  });
});
