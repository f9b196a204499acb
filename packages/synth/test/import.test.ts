import { rmSync } from 'node:fs';
import { importPath } from '@continuity/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeKinds } from '../../../test/support/stores.ts';
import { generate } from './support/population.ts';

let dir = '';
let total = 0;
beforeAll(async () => {
  const generated = await generate(150, 99);
  dir = generated.dir;
  total = Object.values(generated.result.files).reduce((a, b) => a + b, 0);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.each(storeKinds)('importing a generated population ($name)', (kind) => {
  it('stores every record with no rejections, and a second import changes nothing', async () => {
    const store = await kind.open();
    try {
      const first = await importPath(store, dir);
      expect(first.errors.slice(0, 3)).toEqual([]);
      expect(first.rejected).toBe(0);
      expect(first.imported).toBe(total);
      expect(first.created).toBe(total);
      const people = await store.db.selectFrom('person').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      expect(Number(people.n)).toBe(150);
      const again = await importPath(store, dir);
      expect(again.rejected).toBe(0);
      expect(again.unchanged).toBe(total);
    } finally {
      await store.close();
    }
  });
});
