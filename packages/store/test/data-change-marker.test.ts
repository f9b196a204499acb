import { afterEach, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { dataVersion, importPath, writeRecords, type Store } from '@continuity/store';
import { storeKinds } from '../../../test/support/stores.ts';
import { syntheticPopulation } from './support/synthetic-store.ts';

/**
 * The data-change marker (migrations 024 and 031) moves once with each transaction that writes what
 * reports read, and never for one that changes nothing; a bulk write pays for it once, not per row.
 */
const population = syntheticPopulation({ people: 12, seed: 31, asOf: '2025-06-30' });

const patient = (n: number) => {
  const id = `marker-p${n}`;
  return { type: 'Patient' as const, id, personId: id, resource: { resourceType: 'Patient', id, name: [{ family: `Family${n}`, given: ['Alex'] }], birthDate: '1980-01-01' } };
};

const changeRows = async (store: Store) => Number((await sql<{ n: string }>`SELECT count(*)::text AS n FROM data_change`.execute(store.db)).rows[0]!.n);

describe.each(storeKinds)('the data-change marker on $name', (kind) => {
  let store: Store | undefined;
  afterEach(async () => {
    await store?.close();
    store = undefined;
  });

  it('moves with a first import copied in batches and stays put for an unchanged re-import', async () => {
    store = await kind.open();
    const { dir } = population;
    const before = await dataVersion(store.db);
    const first = await importPath(store, dir, { batchSize: 5000, workers: 0 });
    expect(first.created).toBeGreaterThan(500);
    const afterFirst = await dataVersion(store.db);
    expect(afterFirst).not.toBe(before);

    const again = await importPath(store, dir, { batchSize: 5000, workers: 0 });
    expect(again.unchanged).toBe(first.created);
    expect(await dataVersion(store.db)).toBe(afterFirst);
  }, 120_000);

  it('adds one row for a transaction that writes in several statements, and none for one that writes nothing', async () => {
    store = await kind.open();
    const before = await changeRows(store);
    await store.db.transaction().execute(async (tx) => {
      await writeRecords(tx, [patient(1)]);
      await writeRecords(tx, [patient(2), patient(3)]);
    });
    expect(await changeRows(store)).toBe(before + 1);

    await store.db.transaction().execute(async (tx) => {
      await writeRecords(tx, [patient(1)]);
    });
    expect(await changeRows(store)).toBe(before + 1);
  });

  it('skips rows without calling the trigger function once the transaction has noted its change', async () => {
    store = await kind.open();
    const triggers = await sql<{ name: string; definition: string }>`
      SELECT tgname AS name, pg_get_triggerdef(oid) AS definition FROM pg_trigger
      WHERE tgfoid = 'note_data_change'::regproc AND (tgtype & 1) = 1`.execute(store.db);
    expect(triggers.rows.length).toBeGreaterThan(20);
    for (const trigger of triggers.rows) expect(trigger.definition, trigger.name).toContain("WHEN ((current_setting('continuity.data_changed'::text, true) IS DISTINCT FROM 'yes'::text))");
  });
});
