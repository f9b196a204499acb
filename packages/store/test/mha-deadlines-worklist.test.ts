import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importPath, mhaDeadlinesWorklist, type Store } from '@continuity/store';
import { storeKinds } from '../../../test/support/stores.ts';
import { AS_OF, expectedItems, mhaScenario } from './support/mha-scenario.ts';
import { writeNdjson } from './support/scenario.ts';

describe.each(storeKinds)('the mha-deadlines worklist on $name', (kind) => {
  let store: Store;
  beforeAll(async () => {
    store = await kind.open();
    const report = await importPath(store, writeNdjson(mhaScenario()));
    expect(report.errors).toEqual([]);
  });
  afterAll(async () => {
    await store.close();
  });

  it('lists exactly the CTOs expired unrenewed or expiring within 28 days, with reasons and evidence, longest expired first', async () => {
    const { list, people, evaluated } = await mhaDeadlinesWorklist(store.db, { asOf: AS_OF });
    expect(list).toEqual({ worklist: 'mha-deadlines', asOf: AS_OF, items: expectedItems });
    expect(people.get('amir')).toEqual({ name: 'Amir Aziz', teamIds: ['team-north'] });
    // Everyone with an active CTO Flag: not Eve (discharged) or Fin (detained), but Gus, who died, and Bea, not yet due.
    expect(evaluated).toBe(6);
  });

  it('gives the same list when people are read in slices of a few', async () => {
    for (const sliceSize of [1, 2, 3]) {
      const { list } = await mhaDeadlinesWorklist(store.db, { asOf: AS_OF, sliceSize });
      expect(list.items, `slices of ${sliceSize}`).toEqual(expectedItems);
    }
  });

  it("lists one team, a clinician's teams, or some people", async () => {
    const north = await mhaDeadlinesWorklist(store.db, { asOf: AS_OF, team: 'team-north' });
    expect(north.list.items.map((i) => i.patient.id)).toEqual(['cal', 'amir']);
    const south = await mhaDeadlinesWorklist(store.db, { asOf: AS_OF, teams: ['team-south', 'team-elsewhere'] });
    expect(south.list.items.map((i) => i.patient.id)).toEqual(['hal', 'dan']);
    const some = await mhaDeadlinesWorklist(store.db, { asOf: AS_OF, people: ['dan', 'bea'] });
    expect(some.list.items.map((i) => i.patient.id)).toEqual(['dan']);
    expect((await mhaDeadlinesWorklist(store.db, { asOf: AS_OF, team: 'no-such-team' })).list.items).toEqual([]);
  });

  it('as of another day, judges the deadlines from that day', async () => {
    // 1 July: Bea's expiry on 29 Jul is 28 days away; Dan's passed yesterday.
    const july = await mhaDeadlinesWorklist(store.db, { asOf: '2026-07-01' });
    expect(july.list.items.map((i) => [i.patient.id, i.reasons.map((r) => r.code)])).toEqual([
      ['cal', ['cto-expired-unrenewed']],
      ['hal', ['cto-expired-unrenewed']],
      ['dan', ['cto-expired-unrenewed']],
      ['amir', ['cto-expiry-due']],
      ['bea', ['cto-expiry-due']],
    ]);
    // Cal's CTO expires on 1 Jun: 31 days after 1 May, not listed; 28 days after 4 May, listed.
    expect((await mhaDeadlinesWorklist(store.db, { asOf: '2026-05-01' })).list.items).toEqual([]);
    expect((await mhaDeadlinesWorklist(store.db, { asOf: '2026-05-04' })).list.items.map((i) => i.patient.id)).toEqual(['cal']);
  });

  it('refuses an as-of that is not a date', async () => {
    await expect(mhaDeadlinesWorklist(store.db, { asOf: '30/06/2026' })).rejects.toThrow(/YYYY-MM-DD/);
  });
});
