import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importPath, mhaUse, peopleSubjectToTheActOnDays, type Store } from '@continuity/store';
import { storeKinds } from '../../../test/support/stores.ts';
import { mhaUseScenario, USE_AS_OF } from './support/mha-use-scenario.ts';
import { writeNdjson } from './support/scenario.ts';

const measure = (count: number | null, per100k: number | null, rateRatio: number | null) => ({ count, per100k, rateRatio });

describe.each(storeKinds)('the mha-use report on $name', (kind) => {
  let store: Store;
  beforeAll(async () => {
    store = await kind.open();
    const report = await importPath(store, writeNdjson(mhaUseScenario()));
    expect(report.errors).toEqual([]);
  });
  afterAll(async () => {
    await store.close();
  });

  it('gives people on record, detentions and CTOs per 100,000 by ethnic category, with rate ratios against White British and small counts withheld', async () => {
    const report = await mhaUse(store.db, { asOf: USE_AS_OF });
    expect(report).toMatchObject({ report: 'mha-use', asOf: USE_AS_OF, reference: { code: 'A', label: 'White - British' } });
    expect(report.denominator).toMatch(/^People on record and alive at the end of the as-of day/);
    expect(report.rows).toEqual([
      { code: 'A', label: 'White - British', group: 'White', people: 40, detained: measure(5, 12500, 1), cto: measure(10, 25000, 1) },
      { code: 'H', label: 'Asian or Asian British - Indian', group: 'Asian or Asian British', people: 6, detained: measure(null, null, null), cto: measure(0, 0, 0) },
      { code: 'N', label: 'Black or Black British - African', group: 'Black or Black British', people: 10, detained: measure(5, 50000, 4), cto: measure(5, 50000, 2) },
      { code: 'Z', label: 'Not stated', group: 'Not stated', people: null, detained: measure(0, null, null), cto: measure(0, null, null) },
      { code: null, label: 'Not recorded', group: 'Not recorded', people: 7, detained: measure(0, 0, 0), cto: measure(0, 0, 0) },
    ]);
    expect(report.total).toEqual({ code: null, label: 'Everyone on record', group: 'All', people: 66, detained: measure(12, 18181.8, 1.45), cto: measure(15, 22727.3, 0.91) });
  });

  it('counts what was in force on another day', async () => {
    // 1 April: the 5 detained, the detention ending in May, the one ending on 30 June, and the person
    // who died in June (then alive and on record) make 8; the July one has not begun.
    const april = await mhaUse(store.db, { asOf: '2026-04-01' });
    expect(april.rows.find((r) => r.code === 'A')).toMatchObject({ people: 41, detained: { count: 8 }, cto: { count: 10 } });
    // 31 March: nothing had begun but the detention from January.
    const march = await mhaUse(store.db, { asOf: '2026-03-31' });
    expect(march.total).toMatchObject({ people: 66 + 1, detained: { count: null }, cto: { count: 0 } });
  });

  it('refuses an as-of that is not a date', async () => {
    await expect(mhaUse(store.db, { asOf: '2026-02-30' })).rejects.toThrow(/YYYY-MM-DD/);
  });
});

describe.each(storeKinds)('everyone alive and subject to the Act on each day, for the board, on $name', (kind) => {
  let store: Store;
  // Died at the very end of 1 June (midnight in London, BST): alive on 1 June. A millisecond earlier: not.
  const patient = (id: string, deceasedDateTime?: string) => ({ resourceType: 'Patient', id, name: [{ family: 'Person', given: [id] }], birthDate: '1980-01-01', gender: 'unknown', ...(deceasedDateTime ? { deceasedDateTime } : {}) });
  beforeAll(async () => {
    store = await kind.open();
    const scenario = mhaUseScenario();
    scenario.Patient!.push(patient('at-midnight', '2026-06-01T23:00:00.000Z'), patient('before-midnight', '2026-06-01T22:59:59.999Z'));
    expect((await importPath(store, writeNdjson(scenario))).errors).toEqual([]);
  });
  afterAll(async () => {
    await store.close();
  });

  it('counts on each day whom the mha-use report counts, to the millisecond of a death', async () => {
    const days = ['2026-03-31', '2026-04-01', '2026-05-31', '2026-06-01', '2026-06-02', USE_AS_OF];
    const onDays = await peopleSubjectToTheActOnDays(store.db, days);
    for (const [i, asOf] of days.entries()) {
      const report = await mhaUse(store.db, { asOf });
      expect(onDays[i]!.length, asOf).toBe(report.total.people);
    }
    const alive = (i: number) => onDays[i]!.map((p) => p.personId);
    expect(alive(3)).toContain('at-midnight');
    expect(alive(3)).not.toContain('before-midnight');
    expect(alive(4)).not.toContain('at-midnight');
    // Subject on 30 June: the 12 detained and the 15 on a CTO the report counts, none both.
    expect(onDays[5]!.filter((p) => p.subject)).toHaveLength(27);
  });
});
