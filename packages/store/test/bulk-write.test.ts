import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeRecords, type Store } from '@continuity/store';
import { storeKinds } from '../../../test/support/stores.ts';

const note = 'Mother rang: "she isn\'t eating",\nsays the flat is cold; \\N, NULL, tabs\there, 😀';
const flags = (n: number, text = note) =>
  Array.from({ length: n }, (_, i) => ({
    type: 'Flag' as const,
    id: `f${i}`,
    personId: 'p1',
    resource: { resourceType: 'Flag', id: `f${i}`, status: 'active', subject: { reference: 'Patient/p1' }, code: { text: `${text} ${i}` } },
  }));

describe.each(storeKinds)('bulk record writes on $name', (kind) => {
  let store: Store;
  beforeEach(async () => {
    store = await kind.open();
  });
  afterEach(async () => {
    await store.close();
  });

  it('writes a large batch through COPY inside one transaction, then finds it unchanged', async () => {
    const first = await store.bulkTransaction((tx) => writeRecords(tx, flags(500)));
    expect(first.created).toHaveLength(500);
    const row = await store.db.selectFrom('record').select('resource').where('id', '=', 'f7').executeTakeFirstOrThrow();
    expect(row.resource).toEqual(flags(500)[7]!.resource);
    const again = await store.bulkTransaction((tx) => writeRecords(tx, flags(500)));
    expect(again).toMatchObject({ created: [], updated: [] });
    const changed = await store.bulkTransaction((tx) => writeRecords(tx, flags(500, 'changed')));
    expect(changed.updated).toHaveLength(500);
  });

  it('stores nothing when the transaction fails after the COPY', async () => {
    await expect(
      store.bulkTransaction(async (tx) => {
        await writeRecords(tx, flags(200));
        throw new Error('stop');
      }),
    ).rejects.toThrow('stop');
    expect(await store.db.selectFrom('record').select('id').execute()).toEqual([]);
    const later = await store.bulkTransaction((tx) => writeRecords(tx, flags(100)));
    expect(later.created).toHaveLength(100);
  });
});
