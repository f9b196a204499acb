import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importPath, type Store } from '@continuity/store';
import { storeKinds } from '../../../test/support/stores.ts';
import { syntheticPopulation } from './support/synthetic-store.ts';
import { scenario, writeNdjson } from './support/scenario.ts';

/**
 * The bulk path (worker threads, large batches, COPY) is only a faster way to store what importing
 * one record at a time stores: these tests hold it to the same bytes and the same refusals.
 */
const population = syntheticPopulation({ people: 10, seed: 11, asOf: '2025-06-30' });

/** Everything an import stores, without the instants that say when it ran. */
async function storedRows(store: Store) {
  const record = await store.db.selectFrom('record').select(['person_id', 'resource_type', 'id', 'version_id', 'content_hash', 'occurred_at', 'status', 'resource']).orderBy('resource_type').orderBy('id').execute();
  const shared = await store.db.selectFrom('shared_record').select(['resource_type', 'id', 'version_id', 'content_hash', 'status', 'resource']).orderBy('resource_type').orderBy('id').execute();
  const person = await store.db.selectFrom('person').selectAll().orderBy('person_id').execute();
  const words = await store.db.selectFrom('person_name_word').selectAll().orderBy('person_id').orderBy('word').execute();
  const audit = await store.db.selectFrom('audit_event').select(['person_id', 'action', 'detail']).where('action', '=', 'import').execute();
  const perPerson = new Map<string, number>();
  for (const row of audit) perPerson.set(row.person_id!, (perPerson.get(row.person_id!) ?? 0) + (row.detail as { records: number }).records);
  return { record, shared, person, words, audited: [...perPerson].sort(([a], [b]) => a.localeCompare(b)) };
}

describe.each(storeKinds)('bulk import on $name', (kind) => {
  let stores: Store[] = [];
  const open = async () => {
    const store = await kind.open();
    stores.push(store);
    return store;
  };
  beforeEach(() => {
    stores = [];
  });
  afterEach(async () => {
    await Promise.all(stores.map((s) => s.close()));
  });

  it('stores exactly the rows that importing one record at a time stores', async () => {
    const single = await open();
    const bulk = await open();
    const one = await importPath(single, population.dir, { batchSize: 1, workers: 0 });
    const many = await importPath(bulk, population.dir, { batchSize: 500, workers: 1 });
    expect(one.rejected).toBe(0);
    expect(one.created).toBeGreaterThan(300);
    expect(many).toEqual(one);
    const expected = await storedRows(single);
    expect(expected.record.length).toBeGreaterThan(300);
    expect(await storedRows(bulk)).toEqual(expected);
    // And the bulk path finds its own work already done.
    expect(await importPath(bulk, population.dir, { batchSize: 500, workers: 1 })).toMatchObject({ created: 0, updated: 0, rejected: 0, unchanged: one.imported });
  }, 180_000);

  it('refuses a NUL character in any text as that record\'s own error, naming the field, and stores the rest', async () => {
    const store = await open();
    const fixture = scenario();
    const flags = Array.from({ length: 120 }, (_, i) => ({
      resourceType: 'Flag',
      id: `flag-${i}`,
      status: 'active',
      subject: { reference: 'Patient/ada' },
      code: { text: i === 70 ? 'Police contact\u0000 at home' : `Police contact ${i}` },
      // Text that only looks like an escaped NUL is not one, and is stored as it is.
      ...(i === 71 ? { note: [{ text: 'typed \\u0000 by hand' }] } : {}),
    }));
    const dir = writeNdjson({ Patient: fixture.Patient!, Organization: fixture.Organization!, Flag: flags });
    const report = await importPath(store, dir, { batchSize: 100 });
    expect(report.rejected).toBe(1);
    expect(report.errors).toEqual([
      { file: 'Flag.ndjson', line: 71, resourceType: 'Flag', id: 'flag-70', field: 'code.text', message: 'code.text holds a NUL character, which no FHIR string may' },
    ]);
    const stored = await store.db.selectFrom('record').select(['id', 'resource']).where('resource_type', '=', 'Flag').orderBy('id').execute();
    expect(stored).toHaveLength(119);
    expect(stored.find((r) => r.id === 'flag-71')!.resource).toEqual(flags[71]);
  });
});
