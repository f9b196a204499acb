import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importPath, readPersonRecord, updatePersonRecord, type Store } from '@continuity/store';
import { storeKinds } from '../../../test/support/stores.ts';
import { dischargeScenario } from './support/discharge-scenario.ts';
import { writeNdjson } from './support/scenario.ts';

describe.each(storeKinds)('updating one record with a version check on $name', (kind) => {
  let store: Store;
  beforeAll(async () => {
    store = await kind.open();
    expect((await importPath(store, writeNdjson(dischargeScenario()))).errors).toEqual([]);
  });
  afterAll(async () => {
    await store.close();
  });

  it('writes a new version only over the version read, so a concurrent edit is never overwritten', async () => {
    const read = (await readPersonRecord(store.db, 'kim', 'EpisodeOfCare', 'kim-eoc'))!;
    expect(read.versionId).toBe(1);
    const first = { ...read.resource, status: 'onhold' } as never;
    const second = { ...read.resource, status: 'finished' } as never;
    expect(await updatePersonRecord(store.db, { type: 'EpisodeOfCare', id: 'kim-eoc', personId: 'kim', resource: first }, 1)).toBe(2);
    // A second writer who also read version 1 is refused, and the first writer's change stands.
    expect(await updatePersonRecord(store.db, { type: 'EpisodeOfCare', id: 'kim-eoc', personId: 'kim', resource: second }, 1)).toBeUndefined();
    expect(await readPersonRecord(store.db, 'kim', 'EpisodeOfCare', 'kim-eoc')).toMatchObject({ versionId: 2, status: 'onhold', resource: { status: 'onhold' } });
    // Not another person's record, and not one that is not there.
    expect(await updatePersonRecord(store.db, { type: 'EpisodeOfCare', id: 'kim-eoc', personId: 'val', resource: second }, 2)).toBeUndefined();
    expect(await readPersonRecord(store.db, 'kim', 'EpisodeOfCare', 'nope')).toBeUndefined();
  });
});
