import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { disengagedWorklist, importPath, type Store } from '@continuity/store';
import { storeKinds } from '../../../test/support/stores.ts';
import { AS_OF, disengagementScenario, expectedItems } from './support/disengagement-scenario.ts';
import { writeNdjson } from './support/scenario.ts';

describe.each(storeKinds)('the disengaged worklist on $name', (kind) => {
  let store: Store;
  beforeAll(async () => {
    store = await kind.open();
    const report = await importPath(store, writeNdjson(disengagementScenario()));
    expect(report.errors).toEqual([]);
  });
  afterAll(async () => {
    await store.close();
  });

  it('lists exactly the disengaged people, with their reasons and evidence, most reasons first', async () => {
    const { list, people } = await disengagedWorklist(store.db, { asOf: AS_OF });
    expect(list).toEqual({ worklist: 'disengaged', asOf: AS_OF, items: expectedItems });
    expect(people.get('dora')).toMatchObject({ name: 'Dora Dunn', teamIds: ['team-north'] });
    // Out of contact since 4 June (20 May plus 14 days, then one more): every step of the ladder is overdue by 30 June.
    expect(people.get('dora')!.escalation).toMatchObject({ disengagedSince: '2026-06-04', overdue: 6, next: { step: { code: 'contact-another-way' }, due: '2026-06-05' } });
  });

  it('gives the same list when the population is read in slices of a few people', async () => {
    for (const sliceSize of [1, 2, 3]) {
      const { list, evaluated } = await disengagedWorklist(store.db, { asOf: AS_OF, sliceSize });
      expect(list.items, `slices of ${sliceSize}`).toEqual(expectedItems);
      expect(evaluated).toBe(7);
    }
  });

  it('lists one team: the people it holds on the as-of day', async () => {
    const north = await disengagedWorklist(store.db, { asOf: AS_OF, team: 'team-north' });
    expect(north.list.items.map((i) => i.patient.id)).toEqual(['dora', 'eli']);
    const south = await disengagedWorklist(store.db, { asOf: AS_OF, team: 'team-south' });
    expect(south.list.items).toEqual([expectedItems[1]]);
    const clinician = await disengagedWorklist(store.db, { asOf: AS_OF, teams: ['team-south', 'team-elsewhere'] });
    expect(clinician.list.items.map((i) => i.patient.id)).toEqual(['fay']);
    expect((await disengagedWorklist(store.db, { asOf: AS_OF, team: 'no-such-team' })).list.items).toEqual([]);
  });

  it('as of an earlier day, sees only what had happened by then', async () => {
    const { list } = await disengagedWorklist(store.db, { asOf: '2026-06-10' });
    // Fay, Eli, Gus and Jon had not yet been seen in this episode; Fay's depot, due 7 June, was only 3
    // days late. Dora: 21 days since 20 May against 14, and one DNA so far. Hal was discharged in January.
    expect(list.items.map((i) => [i.patient.id, i.reasons.map((r) => r.code)])).toEqual([
      ['fay', ['no-contact-within-interval', 'medication-stopped-against-advice']],
      ['eli', ['no-contact-within-interval']],
      ['gus', ['no-contact-within-interval']],
      ['jon', ['no-contact-within-interval']],
      ['dora', ['no-contact-within-interval']],
    ]);
    expect(list.items[1]!.reasons[0]).toEqual({
      code: 'no-contact-within-interval',
      text: 'No attended contact in the 282 days since this episode of care began on 1 Sep 2025; people in intensive community care should be seen at least every 7 days.',
      evidence: ['EpisodeOfCare/eli-eoc'],
    });
    expect(list.items[4]!.reasons[0]!.text).toBe('No attended contact for 21 days (last on 20 May); the care plan asks for one every 14 days.');
  });

  it('refuses an as-of that is not a date', async () => {
    await expect(disengagedWorklist(store.db, { asOf: '30/06/2026' })).rejects.toThrow(/YYYY-MM-DD/);
  });
});
