import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dischargeAudit, importPath, type Store } from '@continuity/store';
import { storeKinds } from '../../../test/support/stores.ts';
import { dischargeScenario, expectedItems, FROM, samItem, TO } from './support/discharge-scenario.ts';
import { writeNdjson } from './support/scenario.ts';

describe.each(storeKinds)('the discharge audit on $name', (kind) => {
  let store: Store;
  beforeAll(async () => {
    store = await kind.open();
    const report = await importPath(store, writeNdjson(dischargeScenario()));
    expect(report.errors).toEqual([]);
  });
  afterAll(async () => {
    await store.close();
  });

  it('lists exactly the imported discharges that cite non-attendance or lack a required record, oldest first', async () => {
    expect(await dischargeAudit(store.db, { from: FROM, to: TO })).toEqual({ report: 'discharge-audit', from: FROM, to: TO, items: expectedItems });
  });

  it('judges the discharge day in England: 23:30 UTC on 31 March is 1 April', async () => {
    expect((await dischargeAudit(store.db, { from: '2026-04-01', to: '2026-04-01' })).items).toEqual([samItem]);
    expect((await dischargeAudit(store.db, { from: '2026-03-31', to: '2026-03-31' })).items).toEqual([]);
  });

  it('without a from date, reads every discharge on record up to the to date', async () => {
    const all = await dischargeAudit(store.db, { to: '2026-04-30' });
    expect(all.from).toBeNull();
    expect(all.items.map((i) => i.patient.id)).toEqual(['uma', 'yan', 'pat', 'sam']);
    expect(all.items[0]!.reasons.map((r) => r.code)).toContain('discharged-for-non-attendance');
  });

  it('refuses dates that are not dates, or a range that runs backwards', async () => {
    await expect(dischargeAudit(store.db, { from: '01/01/2026' })).rejects.toThrow(/from must be a date \(YYYY-MM-DD\)/);
    await expect(dischargeAudit(store.db, { to: '2026-02-30' })).rejects.toThrow(/to must be a date/);
    await expect(dischargeAudit(store.db, { from: TO, to: FROM })).rejects.toThrow(/must not be after/);
  });
});
