import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareMonitoringFindings, evaluateMonitoring, evaluatePhysicalHealth, type MonitoringFinding } from '@continuity/domain';
import { monitoringOverdueWorklist } from '@continuity/store';
import { storeKinds } from '../../../test/support/stores.ts';
import { importedStore, syntheticPopulation } from './support/synthetic-store.ts';
import { generatePopulation } from '@continuity/synth';
import { naiveMonitoringFacts } from './support/naive-monitoring-facts.ts';
import { naivePhysicalHealthFacts } from './support/naive-physical-health-facts.ts';

const AS_OF = '2026-06-30';
const population = syntheticPopulation({ people: 300, seed: 7, asOf: AS_OF });

describe.each(storeKinds)('the monitoring-overdue worklist over a synthetic population on $name', (kind) => {
  const imported = importedStore(kind, population);

  it('is the list the rules give over every record, though the store reads only the latest of each', async () => {
    const records = await imported.store.db.selectFrom('record').select(['person_id', 'resource_type', 'resource']).execute();
    const people = await imported.store.db.selectFrom('person').select(['person_id', 'gender', 'birth_date', 'deceased_at']).execute();
    const facts = naiveMonitoringFacts(
      records as never,
      new Map(people.map((p) => [p.person_id, { gender: p.gender, birthDate: p.birth_date, deceasedAt: p.deceased_at ? new Date(p.deceased_at).toISOString() : null }])),
    );
    const health = naivePhysicalHealthFacts(records as never, new Map(people.map((p) => [p.person_id, p.deceased_at ? new Date(p.deceased_at).toISOString() : null])));
    for (const asOf of [AS_OF, '2025-12-31', '2026-03-15', '2026-09-30']) {
      const { list } = await monitoringOverdueWorklist(imported.store.db, { asOf, sliceSize: 40 });
      // Each person's medicines reasons, then their physical health check's.
      const expected = [...new Set([...facts.keys(), ...health.keys()])]
        .map((id): MonitoringFinding => {
          const medicines = facts.has(id) && facts.get(id)!.prescriptions.length > 0 ? evaluateMonitoring(facts.get(id)!, asOf) : { personId: id, reasons: [], mostDaysOverdue: 0 };
          const check = health.has(id) ? evaluatePhysicalHealth(health.get(id)!, asOf) : undefined;
          return check?.reason ? { personId: id, reasons: [...medicines.reasons, check.reason], mostDaysOverdue: Math.max(medicines.mostDaysOverdue, check.daysOverdue) } : medicines;
        })
        .filter((f) => f.reasons.length > 0)
        .sort(compareMonitoringFindings);
      expect(list.items.map((i) => ({ id: i.patient.id, reasons: i.reasons })), `as of ${asOf}`).toEqual(expected.map((f) => ({ id: f.personId, reasons: f.reasons })));
    }
  });

  it('lists a minority of the people on medicines, for the reasons the population holds', async () => {
    const { list, evaluated } = await monitoringOverdueWorklist(imported.store.db, { asOf: AS_OF });
    const codes = new Set(list.items.flatMap((i) => i.reasons.map((r) => r.code)));
    expect([...codes].sort()).toEqual(['antipsychotic-monitoring-overdue', 'clozapine-fbc-overdue', 'lithium-level-overdue', 'lithium-renal-thyroid-overdue', 'medication-review-overdue', 'physical-health-check-overdue']);
    expect(evaluated).toBeGreaterThan(50);
    // Medicines monitoring lists a minority; the physical health check, incomplete for about half of people with SMI as nationally, adds more.
    expect(list.items.filter((i) => i.reasons.some((r) => r.code !== 'physical-health-check-overdue')).length).toBeLessThan(evaluated / 2);
  });
});

describe('the synthetic population', () => {
  it('holds people with every reason (women who could become pregnant on valproate are few: 2,000 people)', async () => {
    const big = mkdtempSync(join(tmpdir(), 'continuity-monitoring-2000-'));
    try {
      await generatePopulation({ people: 2000, seed: 7, asOf: AS_OF, outDir: big });
      const rows: Array<{ person_id: string; resource_type: string; resource: Record<string, any> }> = [];
      const people = new Map<string, { gender: string | null; birthDate: string | null; deceasedAt: string | null }>();
      for (const file of readdirSync(big)) {
        const type = file.replace('.ndjson', '');
        for (const line of readFileSync(join(big, file), 'utf8').trim().split('\n')) {
          const r = JSON.parse(line);
          if (type === 'Patient') people.set(r.id, { gender: r.gender ?? null, birthDate: r.birthDate ?? null, deceasedAt: r.deceasedDateTime ?? null });
          const subject = type === 'Patient' ? `Patient/${r.id}` : (r.subject ?? r.patient)?.reference;
          if (subject?.startsWith('Patient/')) rows.push({ person_id: subject.slice(8), resource_type: type, resource: r });
        }
      }
      const counts = new Map<string, number>();
      for (const facts of naiveMonitoringFacts(rows, people).values()) {
        for (const reason of evaluateMonitoring(facts, AS_OF).reasons) counts.set(reason.code, (counts.get(reason.code) ?? 0) + 1);
      }
      expect([...counts.keys()].sort()).toEqual([
        'antipsychotic-monitoring-overdue', 'clozapine-fbc-overdue', 'lithium-level-overdue', 'lithium-renal-thyroid-overdue', 'medication-review-overdue', 'valproate-review-overdue',
      ]);
    } finally {
      rmSync(big, { recursive: true, force: true });
    }
  });
});
