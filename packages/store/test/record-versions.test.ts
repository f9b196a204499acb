import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importPath, readPersonRecord, readRecordVersions, updatePersonRecord, type Store } from '@continuity/store';
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
