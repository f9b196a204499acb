import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { disengagedWorklist, importPath, markEngagementStale, rebuildEngagementState, rebuildStaleEngagementState, writeRecords, type Store } from '@continuity/store';
import { storeKinds } from '../../../test/support/stores.ts';
import { AS_OF, disengagementScenario, expectedItems } from './support/disengagement-scenario.ts';
import { writeNdjson } from './support/scenario.ts';

const contactWithEli = (id: string, start: string) => ({
  type: 'Encounter' as const,
  id,
  personId: 'eli',
  resource: { resourceType: 'Encounter', id, status: 'finished', class: { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'HH' }, subject: { reference: 'Patient/eli' }, period: { start, end: start } },
});

async function stateOf(store: Store, personId: string) {
  const rows = await sql<{ facts: unknown; valid_from: string | null; listable_from: string | null; generation: string }>`
    SELECT facts, valid_from::text, listable_from::text, generation::text FROM engagement_state WHERE person_id = ${personId}`.execute(store.db);
  return rows.rows[0];
}

describe.each(storeKinds)('engagement state kept with the records on $name', (kind) => {
  let store: Store;
  beforeAll(async () => {
    store = await kind.open();
    const report = await importPath(store, writeNdjson(disengagementScenario()));
    expect(report.errors).toEqual([]);
  });
  afterAll(async () => {
    await store.close();
  });

  it('is rebuilt for everyone by the import, each with the day it answers from and the first day they could be listed', async () => {
    const stale = await sql<{ n: number }>`SELECT count(*)::int AS n FROM engagement_state WHERE facts IS NULL`.execute(store.db);
    expect(stale.rows[0]!.n).toBe(0);
    // Eli was last seen on 22 June and missed 26 June: in intensive care, due again by 29 June, listed from the 30th.
    expect(await stateOf(store, 'eli')).toMatchObject({ valid_from: '2026-06-26', listable_from: '2026-06-30' });
  });

  it('a contact recorded for one person takes them off the list at once, with nothing left stale', async () => {
    expect((await disengagedWorklist(store.db, { asOf: AS_OF })).list.items.map((i) => i.patient.id)).toContain('eli');
    const dayBefore = await disengagedWorklist(store.db, { asOf: '2026-06-29' });
    await store.db.transaction().execute((trx) => writeRecords(trx, [contactWithEli('eli-seen', '2026-06-30T11:00:00Z')]));
    expect(await stateOf(store, 'eli')).toMatchObject({ valid_from: '2026-06-30', listable_from: '2026-07-08' });
    const after = await disengagedWorklist(store.db, { asOf: AS_OF });
    expect(after.list.items).toEqual(expectedItems.filter((i) => i.patient.id !== 'eli'));
    // As of a day before the new contact the list is as it was: that day is answered from the records.
    expect((await disengagedWorklist(store.db, { asOf: '2026-06-29' })).list).toEqual(dayBefore.list);
    // Past the new contact's interval (7 days in intensive care) Eli is back.
    expect((await disengagedWorklist(store.db, { asOf: '2026-07-07' })).list.items.map((i) => i.patient.id)).not.toContain('eli');
    expect((await disengagedWorklist(store.db, { asOf: '2026-07-08' })).list.items.map((i) => i.patient.id)).toContain('eli');
  });

  it('people marked stale by a bulk write are rebuilt before any list is given', async () => {
    const everyone = (await sql<{ person_id: string }>`SELECT person_id FROM engagement_state`.execute(store.db)).rows.map((r) => r.person_id);
    await markEngagementStale(store.db, everyone);
    await sql`UPDATE engagement_state SET facts = NULL`.execute(store.db);
    const { list } = await disengagedWorklist(store.db, { asOf: AS_OF });
    expect(list.items).toEqual(expectedItems.filter((i) => i.patient.id !== 'eli'));
    expect((await stateOf(store, 'eli'))!.facts).not.toBeNull();
  });

  it.runIf(kind.name === 'postgres')('a rebuild that read before a concurrent write committed does not hide that write', async () => {
    let rebuild: Promise<void> | undefined;
    await store.db.transaction().execute(async (trx) => {
      await writeRecords(trx, [contactWithEli('eli-seen-2', '2026-07-20T11:00:00Z')]);
      // Outside the writer's transaction only the old records are visible: this rebuild reads them, then waits on the writer's lock.
      rebuild = rebuildEngagementState(store.db, ['eli']);
      await new Promise((resolve) => setTimeout(resolve, 300));
    });
    await rebuild;
    expect(await stateOf(store, 'eli')).toMatchObject({ valid_from: '2026-07-20' });
  });
  it('rebuilds everyone stale in slices, two at a time, to the same states whatever the slice size', async () => {
    const everyone = async () => (await sql<{ person_id: string; facts: unknown; valid_from: string | null; listable_from: string | null; team_ids: string[] }>`
      SELECT person_id, facts, valid_from::text, listable_from::text, team_ids FROM engagement_state ORDER BY person_id`.execute(store.db)).rows;
    const expected = await everyone();
    expect(expected.length).toBeGreaterThan(4);
    for (const sliceSize of [1, 2, 3, expected.length]) {
      await sql`UPDATE engagement_state SET facts = NULL`.execute(store.db);
      const progress: number[] = [];
      const rebuilt = await rebuildStaleEngagementState(store.db, { sliceSize, onProgress: (done, total) => progress.push(done / total) });
      expect(rebuilt, `slices of ${sliceSize}`).toBe(expected.length);
      expect(await everyone(), `slices of ${sliceSize}`).toEqual(expected);
      expect(progress.at(-1)).toBe(1);
      expect(progress).toEqual([...progress].sort((a, b) => a - b));
    }
  });
});
