import { sql, type RawBuilder } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nhsCheckDigit, system } from '@continuity/domain';
import { importPath, type Store } from '@continuity/store';
import { nhsNumberHolders, storedPersonalRecords } from '../src/import/resolve-batch.ts';
import { storeKinds } from '../../../test/support/stores.ts';
import { NHS, scenario, writeNdjson } from './support/scenario.ts';

async function planOf(store: Store, query: RawBuilder<unknown>): Promise<string> {
  const rows = await sql<Record<string, string>>`EXPLAIN ${query}`.execute(store.db);
  return rows.rows.map((r) => Object.values(r)[0]).join('\n');
}

/**
 * Every batch of an import asks which of its records and references are stored. A bulk import
 * outruns the statistics autovacuum gathers (PGlite has no autovacuum at all), and with none the
 * planner once answered by reading a whole partition per batch, so an import slowed as it grew.
 * The lookups must probe the index whatever the statistics say.
 */
describe.each(storeKinds)('import lookups on $name, whatever the statistics', (kind) => {
  let store: Store;
  const encounters = Array.from({ length: 3000 }, (_, i) => ({ resourceType: 'Encounter', id: `visit-${i}`, status: 'finished', class: { code: 'AMB' }, subject: { reference: 'Patient/ada' } }));
  const patients = Array.from({ length: 2000 }, (_, i) => String(100_000_000 + i * 37))
    .filter((nine) => nhsCheckDigit(nine) !== undefined)
    .map((nine) => ({ resourceType: 'Patient', id: `person-${nine}`, identifier: [{ system: system.nhsNumber, value: `${nine}${nhsCheckDigit(nine)}` }] }));
  beforeAll(async () => {
    store = await kind.open();
    const { Encounter: _encounters, Patient: fixturePatients, ...fixture } = scenario();
    const report = await importPath(store, writeNdjson({ ...fixture, Patient: [...fixturePatients!, ...patients], Encounter: encounters }));
    expect(report.rejected).toBe(0);
  });
  afterAll(async () => store.close());

  it('finds stored records and references by index probes, never by scanning the partition', async () => {
    const ids = [...encounters.slice(0, 500).map((e) => e.id), ...encounters.slice(0, 500).map((e) => `${e.id}-new`)];
    const plan = await planOf(store, storedPersonalRecords('Encounter', ids));
    expect(plan).toMatch(/Index (Only )?Scan using \S+ on record_encounter/);
    expect(plan).not.toMatch(/Seq Scan on record|Bitmap Heap Scan on record/);
    expect((await storedPersonalRecords('Encounter', ids).execute(store.db)).rows).toHaveLength(500);
  });

  it('finds who holds an NHS number by index probes', async () => {
    const plan = await planOf(store, nhsNumberHolders([NHS.ada, NHS.ben, '9434765870']));
    expect(plan).toContain('person_by_nhs_number');
    expect(plan).not.toMatch(/Seq Scan on person/);
  });
});

describe('statistics after an import into PGlite, which runs no autovacuum', () => {
  it('gathers them for what was imported', async () => {
    const store = await storeKinds[0]!.open();
    try {
      expect(store.kind).toBe('pglite');
      const statistics = async () => Number((await sql<{ n: string }>`SELECT count(*) AS n FROM pg_stats WHERE tablename IN ('record_encounter', 'person')`.execute(store.db)).rows[0]!.n);
      expect(await statistics()).toBe(0);
      await importPath(store, writeNdjson(scenario()));
      expect(await statistics()).toBeGreaterThan(0);
    } finally {
      await store.close();
    }
  });
});
