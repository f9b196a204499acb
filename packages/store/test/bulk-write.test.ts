import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { prepareRecord, writeRecords, type Store } from '@continuity/store';
import { copyRowViews, encodeCopyRows, type EncodedRecord } from '../src/records/copy-rows.ts';
import { storeKinds } from '../../../test/support/stores.ts';

const note = 'Mother rang: "she isn\'t eating",\nsays the flat is cold; \\N, NULL, tabs\there, 😀';
const flags = (n: number, text = note) =>
  Array.from({ length: n }, (_, i) => ({
    type: 'Flag' as const,
    id: `f${i}`,
    personId: 'p1',
    resource: { resourceType: 'Flag', id: `f${i}`, status: 'active', subject: { reference: 'Patient/p1' }, code: { text: `${text} ${i}` } },
  }));

/** A Patient with just enough for the person projection. */
const patient = (n: number) => {
  const id = `bulk-p${n}`;
  return { type: 'Patient' as const, id, personId: id, resource: { resourceType: 'Patient', id, name: [{ family: `Family${n}`, given: ['Alex'] }], birthDate: '1980-01-01' } };
};

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

  it('stores more Patients in one write than one statement could bind, as one write', async () => {
    const patients = Array.from({ length: 4000 }, (_, n) => patient(n));
    const outcome = await writeRecords(store.db, patients);
    expect(outcome.created).toHaveLength(4000);
    const persons = await store.db.selectFrom('person').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    expect(Number(persons.n)).toBe(4000);
  }, 120_000);

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

  // Rows encoded on a worker thread must store what the JSON would: in COPY batches of any size, and
  // through the one-statement upsert, which reads the JSON back out of the row.
  it('stores rows sent already encoded exactly as it stores the same records sent as JSON', async () => {
    const rows = async () => store.db.selectFrom('record').select(['id', 'person_id', 'content_hash', 'occurred_at', 'status', 'resource']).orderBy('id').execute();
    const encoded = (records: ReturnType<typeof flags>): EncodedRecord[] => {
      const prepared = records.map(prepareRecord);
      const { buffer, ends } = encodeCopyRows(prepared);
      const copyRows = copyRowViews(buffer, ends);
      return prepared.map(({ json: _json, ...rest }, i) => ({ ...rest, copyRow: copyRows[i]! }));
    };
    await store.bulkTransaction((tx) => writeRecords(tx, flags(300)));
    const expected = await rows();
    await store.db.deleteFrom('record').execute();

    expect((await store.bulkTransaction((tx) => writeRecords(tx, encoded(flags(300))))).created).toHaveLength(300);
    expect(await rows()).toEqual(expected);
    await store.db.deleteFrom('record').execute();

    expect((await store.bulkTransaction((tx) => writeRecords(tx, encoded(flags(300).slice(0, 3))))).created).toHaveLength(3);
    expect((await writeRecords(store.db, encoded(flags(300).slice(3)))).created).toHaveLength(297);
    expect(await rows()).toEqual(expected);
    expect((await writeRecords(store.db, encoded(flags(300)))).unchanged).toHaveLength(300);
  });
});
