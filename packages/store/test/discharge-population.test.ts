import { describe, expect, it } from 'vitest';
import { auditDischarge, extension, system, type DiagnosisFact } from '@continuity/domain';
import { dischargeAudit } from '@continuity/store';
import { storeKinds } from '../../../test/support/stores.ts';
import { importedStore, syntheticPopulation } from './support/synthetic-store.ts';

const AS_OF = '2026-06-30';
const population = syntheticPopulation({ people: 400, seed: 11, asOf: AS_OF });

type Row = { person_id: string; id: string; resource: Record<string, any> };
const valueOf = (r: Row, url: string) => (r.resource.extension ?? []).find((e: { url: string }) => e.url === url);

describe.each(storeKinds)('the discharge audit over a synthetic population on $name', (kind) => {
  const imported = importedStore(kind, population);

  it('lists what the domain rules find over every finished episode, read naively, including non-attendance discharges of people with psychosis', async () => {
    const report = await dischargeAudit(imported.store.db, { to: AS_OF });
    const records = (await imported.store.db.selectFrom('record').select(['person_id', 'id', 'resource_type', 'resource']).where('resource_type', 'in', ['EpisodeOfCare', 'Condition']).execute()) as Array<Row & { resource_type: string }>;
    const diagnoses = new Map<string, DiagnosisFact[]>();
    for (const c of records.filter((r) => r.resource_type === 'Condition')) {
      diagnoses.set(c.person_id, [...(diagnoses.get(c.person_id) ?? []), { id: c.id, codings: c.resource.code?.coding ?? [], verification: c.resource.verificationStatus?.coding?.[0]?.code }]);
    }
    const expected = records
      .filter((r) => r.resource_type === 'EpisodeOfCare' && r.resource.status === 'finished')
      .map((r) => ({
        end: r.resource.period.end as string,
        id: r.person_id,
        reasons: auditDischarge(
          {
            episodeId: r.id, end: r.resource.period.end,
            reason: valueOf(r, extension.dischargeReason)?.valueCodeableConcept.coding.find((c: { system: string }) => c.system === system.dischargeReason)?.code,
            mdtDecisionDate: valueOf(r, extension.mdtDecisionDate)?.valueDate,
            relapseIndicators: valueOf(r, extension.relapseIndicators)?.valueString,
            harmsIfMissed: valueOf(r, extension.harmsIfRelapseMissed)?.valueString,
            routeBack: valueOf(r, extension.routeBack)?.valueString,
          },
          diagnoses.get(r.person_id) ?? [],
        ),
      }))
      .filter((f) => f.reasons.length > 0)
      .sort((a, b) => (a.end < b.end ? -1 : a.end > b.end ? 1 : a.id < b.id ? -1 : 1));
    expect(report.items.map((i) => ({ id: i.patient.id, reasons: i.reasons }))).toEqual(expected.map(({ id, reasons }) => ({ id, reasons })));
    const nonAttendance = report.items.filter((i) => i.reasons.some((r) => r.code === 'discharged-for-non-attendance'));
    expect(nonAttendance.length).toBeGreaterThan(0);
    expect(nonAttendance.some((i) => i.reasons[0]!.text.includes('psychosis'))).toBe(true);
    // Some discharges were complete: the report is not simply every discharge.
    const finished = records.filter((r) => r.resource_type === 'EpisodeOfCare' && r.resource.status === 'finished').length;
    expect(report.items.length).toBeLessThan(finished);
  });
});
