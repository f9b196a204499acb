import { describe, expect, it } from 'vitest';
import { compareFindings, evaluateEngagement } from '@continuity/domain';
import { disengagedWorklist } from '@continuity/store';
import { storeKinds } from '../../../test/support/stores.ts';
import { importedStore, syntheticPopulation } from './support/synthetic-store.ts';
import { naiveEngagementFacts } from './support/naive-engagement-facts.ts';

const AS_OF = '2026-06-30';
const population = syntheticPopulation({ people: 300, seed: 7, asOf: AS_OF });

describe.each(storeKinds)('the disengaged worklist over a synthetic population on $name', (kind) => {
  const imported = importedStore(kind, population);

  it('is the list the rules give over every record, though the store reads far fewer', async () => {
    // Days after the last record are where kept state skips people whose earliest listing day has not come: check it holds.
    for (const asOf of [AS_OF, '2026-03-31', '2026-07-09', '2026-08-20', '2026-12-31']) {
      const { list } = await disengagedWorklist(imported.store.db, { asOf, sliceSize: 120 });
      const records = await imported.store.db.selectFrom('record').select(['person_id', 'resource_type', 'resource']).execute();
      const deceased = await imported.store.db.selectFrom('person').select(['person_id', 'deceased_at']).where('deceased_at', 'is not', null).execute();
      const facts = naiveEngagementFacts(records as never, new Map(deceased.map((d) => [d.person_id, new Date(d.deceased_at!).toISOString()])));
      const expected = [...facts.values()].map((f) => evaluateEngagement(f, asOf)).filter((f) => f.reasons.length > 0).sort(compareFindings);
      expect(list.items.map((i) => ({ id: i.patient.id, reasons: i.reasons })), `as of ${asOf}`).toEqual(expected.map((f) => ({ id: f.personId, reasons: f.reasons })));
    }
  });

  it('finds every kind of reason in a population built to hold disengaging people', async () => {
    const { list } = await disengagedWorklist(imported.store.db, { asOf: AS_OF });
    const codes = new Set(list.items.flatMap((i) => i.reasons.map((r) => r.code)));
    expect([...codes].sort()).toEqual(['consecutive-dna', 'lai-missed', 'medication-stopped-against-advice', 'no-contact-within-interval']);
    // Most people are in contact: the list is the minority it should be.
    expect(list.items.length).toBeGreaterThan(10);
    expect(list.items.length).toBeLessThan(300 / 3);
  });
});
