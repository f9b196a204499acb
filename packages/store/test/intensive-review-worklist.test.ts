import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importPath, intensiveReviewWorklist, type Store } from '@continuity/store';
import { storeKinds } from '../../../test/support/stores.ts';
import { expectedIntensiveItems, INTENSIVE_AS_OF as AS_OF, intensiveScenario } from './support/intensive-scenario.ts';
import { writeNdjson } from './support/scenario.ts';

describe.each(storeKinds)('the intensive-review worklist on $name', (kind) => {
  let store: Store;
  beforeAll(async () => {
    store = await kind.open();
    const report = await importPath(store, writeNdjson(intensiveScenario()));
    expect(report.errors).toEqual([]);
  });
  afterAll(async () => {
    await store.close();
  });

  it('lists exactly the people with psychosis and two other indicators, with reasons and evidence, most indicators first', async () => {
    const { list, people, evaluated } = await intensiveReviewWorklist(store.db, { asOf: AS_OF });
    expect(list).toEqual({ worklist: 'intensive-review', asOf: AS_OF, items: expectedIntensiveItems });
    expect(people.get('ben')).toEqual({ name: 'Ben Birch', teamIds: ['team-south'] });
    // Ivy is waiting on a referral to North: open to the trust, and North's to see.
    expect(people.get('ivy')).toEqual({ name: 'Ivy Iles', teamIds: ['team-north'] });
    // Everyone with a psychosis indicator (not Dee, who has none).
    expect(evaluated).toBe(8);
  });

  it('gives the same list when people are read in slices of a few', async () => {
    for (const sliceSize of [1, 3]) {
      const { list } = await intensiveReviewWorklist(store.db, { asOf: AS_OF, sliceSize });
      expect(list.items, `slices of ${sliceSize}`).toEqual(expectedIntensiveItems);
    }
  });

  it("lists one team, a clinician's teams, or some people", async () => {
    const north = await intensiveReviewWorklist(store.db, { asOf: AS_OF, team: 'team-north' });
    expect(north.list.items.map((i) => i.patient.id)).toEqual(['ada', 'ivy']);
    const south = await intensiveReviewWorklist(store.db, { asOf: AS_OF, teams: ['team-south', 'team-aot'] });
    expect(south.list.items.map((i) => i.patient.id)).toEqual(['ben', 'hal']);
    const some = await intensiveReviewWorklist(store.db, { asOf: AS_OF, people: ['ben', 'cal'] });
    expect(some.list.items.map((i) => i.patient.id)).toEqual(['ben']);
    expect((await intensiveReviewWorklist(store.db, { asOf: AS_OF, team: 'no-such-team' })).list.items).toEqual([]);
  });

  it('as of an earlier day, judges the records as they stood', async () => {
    // 1 March 2026: Ada's second admission, detention and her mother's concern had not happened;
    // Hal had been held for 59 days and the police had not yet called. Gus was alive, and like Ben
    // not seen since the episode began (both were first seen in June).
    const march = await intensiveReviewWorklist(store.db, { asOf: '2026-03-01' });
    expect(march.list.items.map((i) => [i.patient.id, i.reasons.map((r) => r.code)])).toEqual([
      ['ben', ['psychosis', 'disengagement', 'substance-use', 'multiple-social-needs']],
      ['gus', ['psychosis', 'disengagement', 'mha-history', 'justice-contact']],
    ]);
  });

  it('refuses an as-of that is not a date', async () => {
    await expect(intensiveReviewWorklist(store.db, { asOf: '30/06/2026' })).rejects.toThrow(/YYYY-MM-DD/);
  });
});
