import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importPath, readPersonRecord, readRecordVersions, updatePersonRecord, writeRecords, type Store } from '@continuity/store';
import { storeKinds } from '../../../test/support/stores.ts';
import { scenario, writeNdjson } from './support/scenario.ts';

describe.each(storeKinds)('earlier versions of records changed in the app on $name', (kind) => {
  let store: Store;
  beforeAll(async () => {
    store = await kind.open();
    expect((await importPath(store, writeNdjson(scenario()))).errors).toEqual([]);
  });
  afterAll(async () => {
    await store.close();
  });

  it('keeps the version an update replaces, in the same write, and lists every version newest first', async () => {
    const read = (await readPersonRecord(store.db, 'ada', 'CarePlan', 'ada-plan'))!;
    expect(await readRecordVersions(store.db, 'ada', 'CarePlan', 'ada-plan')).toEqual([{ versionId: 1, lastUpdated: expect.any(String), resource: read.resource }]);
    const second = { ...read.resource, title: 'Second' } as never;
    const third = { ...read.resource, title: 'Third' } as never;
    expect(await updatePersonRecord(store.db, { type: 'CarePlan', id: 'ada-plan', personId: 'ada', resource: second }, 1)).toBe(2);
    // A writer who also read version 1 loses, and keeps nothing of its own.
    expect(await updatePersonRecord(store.db, { type: 'CarePlan', id: 'ada-plan', personId: 'ada', resource: third }, 1)).toBeUndefined();
    expect(await updatePersonRecord(store.db, { type: 'CarePlan', id: 'ada-plan', personId: 'ada', resource: third }, 2)).toBe(3);
    const versions = await readRecordVersions(store.db, 'ada', 'CarePlan', 'ada-plan');
    expect(versions.map((v) => [v.versionId, v.resource.title])).toEqual([[3, 'Third'], [2, 'Second'], [1, undefined]]);
    expect(versions[0]!.lastUpdated >= versions[2]!.lastUpdated).toBe(true);
    // Only this person's record: the same id asked for under another person finds nothing.
    expect(await readRecordVersions(store.db, 'ben', 'CarePlan', 'ada-plan')).toEqual([]);
  });

  it('keeps the version a write or an import replaces, in small writes and in bulk, and nothing when the content is the same', async () => {
    const goal = (text: string) => ({ type: 'Goal' as const, id: 'ada-kept-goal', personId: 'ada', resource: { resourceType: 'Goal', id: 'ada-kept-goal', lifecycleStatus: 'active', subject: { reference: 'Patient/ada' }, description: { text } } as never });
    await store.db.transaction().execute((trx) => writeRecords(trx, [goal('As first recorded')]));
    expect(await updatePersonRecord(store.db, goal('Edited in the app'), 1)).toBe(2);
    await store.db.transaction().execute((trx) => writeRecords(trx, [goal('Sent by another system')]));
    await store.db.transaction().execute((trx) => writeRecords(trx, [goal('Sent by another system')]));
    const versions = await readRecordVersions(store.db, 'ada', 'Goal', 'ada-kept-goal');
    expect(versions.map((v) => [v.versionId, (v.resource.description as { text: string }).text])).toEqual([[3, 'Sent by another system'], [2, 'Edited in the app'], [1, 'As first recorded']]);

    // In bulk (COPY into a staging table, then one upsert): sixty flags, each replaced once.
    const flag = (n: number, text: string) => ({ type: 'Flag' as const, id: `ada-kept-${n}`, personId: 'ada', resource: { resourceType: 'Flag', id: `ada-kept-${n}`, status: 'active', subject: { reference: 'Patient/ada' }, code: { text } } as never });
    const flags = (text: string) => Array.from({ length: 60 }, (_, n) => flag(n, text));
    await store.bulkTransaction((tx) => writeRecords(tx, flags('first')));
    await store.bulkTransaction((tx) => writeRecords(tx, flags('second')));
    await store.bulkTransaction((tx) => writeRecords(tx, flags('second')));
    for (const n of [0, 59]) {
      const kept = await readRecordVersions(store.db, 'ada', 'Flag', `ada-kept-${n}`);
      expect(kept.map((v) => [v.versionId, (v.resource.code as { text: string }).text])).toEqual([[2, 'second'], [1, 'first']]);
    }
  });

  it('keeps nothing when the update is rolled back with its transaction', async () => {
    const before = await readRecordVersions(store.db, 'ada', 'Goal', 'ada-goal');
    await expect(
      store.db.transaction().execute(async (trx) => {
        expect(await updatePersonRecord(trx, { type: 'Goal', id: 'ada-goal', personId: 'ada', resource: { ...before[0]!.resource, lifecycleStatus: 'completed' } as never }, 1)).toBe(2);
        throw new Error('the audit entry failed');
      }),
    ).rejects.toThrow('the audit entry failed');
    expect(await readRecordVersions(store.db, 'ada', 'Goal', 'ada-goal')).toEqual(before);
  });
});
