import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importPath, judgeMonitoringOnDays, monitoringOverdueWorklist, type Store } from '@continuity/store';
import { compareMonitoringFindings } from '@continuity/domain';
import { storeKinds } from '../../../test/support/stores.ts';
import { AS_OF, expectedItems, monitoringScenario } from './support/monitoring-scenario.ts';
import { writeNdjson } from './support/scenario.ts';

describe.each(storeKinds)('the monitoring-overdue worklist on $name', (kind) => {
  let store: Store;
  beforeAll(async () => {
    store = await kind.open();
    const report = await importPath(store, writeNdjson(monitoringScenario()));
    expect(report.errors).toEqual([]);
  });
  afterAll(async () => {
    await store.close();
  });

  it('lists exactly the people whose monitoring is overdue, with reasons and evidence, most reasons first', async () => {
    const { list, people, evaluated } = await monitoringOverdueWorklist(store.db, { asOf: AS_OF });
    expect(list).toEqual({ worklist: 'monitoring-overdue', asOf: AS_OF, items: expectedItems });
    expect(people.get('ola')).toEqual({ name: 'Ola Obi', teamIds: ['team-north'] });
    // Everyone with a current prescription: not Pat, whose lithium was stopped.
    expect(evaluated).toBe(7);
  });

  it('judges many days from one read exactly as the worklist judges each day alone (the board trend)', async () => {
    // Out of order on purpose: each day's judgement comes back in the place it was asked for.
    const days = ['2026-07-02', '2025-06-30', AS_OF, '2026-01-31', '2026-06-01'];
    for (const sliceSize of [undefined, 2]) {
      const judged = await judgeMonitoringOnDays(store.db, { days, ...(sliceSize ? { sliceSize } : {}) });
      for (const [i, day] of days.entries()) {
        const alone = await monitoringOverdueWorklist(store.db, { asOf: day });
        const findings = [...judged[i]!.findings].sort(compareMonitoringFindings);
        expect(findings.map((f) => ({ patient: f.personId, reasons: f.reasons })), day).toEqual(alone.list.items.map((item) => ({ patient: item.patient.id, reasons: item.reasons })));
        expect(judged[i]!.evaluatedPeople, day).toEqual(alone.evaluatedPeople);
      }
    }
  });

  it('gives the same list when people are read in slices of a few', async () => {
    for (const sliceSize of [1, 2, 3]) {
      const { list } = await monitoringOverdueWorklist(store.db, { asOf: AS_OF, sliceSize });
      expect(list.items, `slices of ${sliceSize}`).toEqual(expectedItems);
    }
  });

  it('lists one team, a clinician\'s teams, or some people', async () => {
    const north = await monitoringOverdueWorklist(store.db, { asOf: AS_OF, team: 'team-north' });
    expect(north.list.items.map((i) => i.patient.id)).toEqual(['ola', 'nina', 'lena']);
    const south = await monitoringOverdueWorklist(store.db, { asOf: AS_OF, teams: ['team-south', 'team-elsewhere'] });
    expect(south.list.items.map((i) => i.patient.id)).toEqual(['vera', 'carl']);
    const some = await monitoringOverdueWorklist(store.db, { asOf: AS_OF, people: ['carl', 'walt'] });
    expect(some.list.items.map((i) => i.patient.id)).toEqual(['carl']);
    // A caseload's people come in any order: each is read by key, none is left out.
    const caseload = await monitoringOverdueWorklist(store.db, { asOf: AS_OF, people: ['walt', 'ola', 'vera', 'carl'] });
    expect(caseload.list.items).toEqual(expectedItems.filter((i) => ['ola', 'vera', 'carl'].includes(i.patient.id)));
    expect(caseload.list.items).toHaveLength(3);
    expect((await monitoringOverdueWorklist(store.db, { asOf: AS_OF, team: 'no-such-team' })).list.items).toEqual([]);
  });

  it('as of another day, judges the records as they stood', async () => {
    // 1 June: Lena's level is due that day (on time); Carl's count was due 17 Jun; Vera's reviews 15 Jun.
    const june = await monitoringOverdueWorklist(store.db, { asOf: '2026-06-01' });
    expect(june.list.items.map((i) => [i.patient.id, i.reasons.map((r) => r.code)])).toEqual([
      ['ola', ['antipsychotic-monitoring-overdue']],
      ['nina', ['medication-review-overdue']],
    ]);
    // 2 July: Lena's level on 2 Jul clears her; her renal and thyroid bloods are due 3 Jul.
    const july = await monitoringOverdueWorklist(store.db, { asOf: '2026-07-02' });
    expect(july.list.items.map((i) => i.patient.id)).not.toContain('lena');
    const later = await monitoringOverdueWorklist(store.db, { asOf: '2026-07-04' });
    expect(later.list.items.find((i) => i.patient.id === 'lena')!.reasons.map((r) => r.code)).toEqual(['lithium-renal-thyroid-overdue']);
  });

  it('refuses an as-of that is not a date', async () => {
    await expect(monitoringOverdueWorklist(store.db, { asOf: '30/06/2026' })).rejects.toThrow(/YYYY-MM-DD/);
  });
});
