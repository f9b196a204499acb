import { describe, expect, it } from 'vitest';
import { storeKinds } from '../../../test/support/stores.ts';

describe.each(storeKinds)('store lifecycle on $name', (kind) => {
  it('releases every connection on close, so a command exits as soon as it is done', async () => {
    const store = await kind.open();
    await store.bulkTransaction((tx) => tx.db.selectFrom('person').select('person_id').execute());
    await store.close();
    if (store.raw.kind === 'postgres') {
      expect(store.raw.pool.ended).toBe(true);
      expect(store.raw.pool.totalCount).toBe(0);
    } else {
      expect(store.raw.client.closed).toBe(true);
    }
  });
});
