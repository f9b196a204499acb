import { describe, expect, it } from 'vitest';
import {
  compareIntensiveFindings, evaluateIntensiveReview, intramuscularRoute, medicineGroups, system, type IntensiveReviewFacts,
} from '@continuity/domain';
import { disengagedWorklist, intensiveReviewWorklist } from '@continuity/store';
import { storeKinds } from '../../../test/support/stores.ts';
import { importedStore, syntheticPopulation } from './support/synthetic-store.ts';

const AS_OF = '2026-06-30';
const population = syntheticPopulation({ people: 300, seed: 5, asOf: AS_OF });

type R = Record<string, any>;
const codeOf = (concepts: unknown, codeSystem: string): string | null => {
  for (const c of [concepts].flat() as R[]) for (const coding of c?.coding ?? []) if (coding?.system === codeSystem) return coding.code;
  return null;
};
const idOf = (reference: unknown, type: string) => (typeof reference === 'string' && reference.startsWith(`${type}/`) ? reference.slice(type.length + 1) : null);

/** Every person's facts read the plain way, from every record in JavaScript: what the store's SQL must agree with. */
function naiveFacts(records: R[], people: R[], organisations: R[]): Map<string, IntensiveReviewFacts> {
  const ofType = (code: string) => new Set(organisations.filter((o) => codeOf(o.resource.type, system.organisationType) === code).map((o) => o.id as string));
  const [aot, police] = [ofType('aot'), ofType('police')];
  const facts = new Map<string, IntensiveReviewFacts>();
  for (const p of people) {
    facts.set(p.person_id, {
      personId: p.person_id, deceasedAt: p.deceased_at ? new Date(p.deceased_at).toISOString() : null, accommodation: p.accommodation_status,
      episodes: [], referrals: [], conditions: [], antipsychotics: [], admissions: [], legalStatuses: [], flags: [], concerns: [], auditC: [],
    });
  }
  for (const { person_id: personId, resource_type: type, resource: r } of records) {
    const f = facts.get(personId)!;
    if (type === 'EpisodeOfCare') {
      const teamId = idOf(r.managingOrganization?.reference, 'Organization');
      f.episodes.push({ id: r.id, status: r.status, start: r.period?.start, end: r.period?.end, intensity: codeOf(r.type, system.careIntensity), teamId, teamType: teamId && aot.has(teamId) ? 'aot' : null });
    } else if (type === 'ServiceRequest') f.referrals.push({ id: r.id, status: r.status, authoredOn: r.authoredOn, teamId: idOf(r.performer?.[0]?.reference, 'Organization') });
    else if (type === 'Condition') f.conditions.push({ id: r.id, codings: r.code?.coding ?? [], verification: r.verificationStatus?.coding?.[0]?.code ?? null, recorded: r.recordedDate ?? r.onsetDateTime });
    else if (type === 'MedicationRequest' && ['active', 'on-hold'].includes(r.status)) {
      const medicine = r.medicationCodeableConcept?.text ?? r.medicationCodeableConcept?.coding?.[0]?.display ?? null;
      const groups = medicineGroups(r.medicationCodeableConcept?.coding ?? [], medicine);
      const injection = (r.dosageInstruction ?? []).some((d: R) => (d.route?.coding ?? []).some((c: R) => c.system === intramuscularRoute.system && c.code === intramuscularRoute.code));
      if (groups.has('antipsychotic')) f.antipsychotics.push({ id: r.id, status: r.status, authoredOn: r.authoredOn, medicine: medicine ?? 'An antipsychotic', injection, clozapine: groups.has('clozapine') });
    } else if (type === 'Encounter' && r.class?.code === 'IMP') f.admissions.push({ id: r.id, status: r.status, start: r.period?.start });
    else if (type === 'Flag') {
      const legal = codeOf(r.code, system.mhaLegalStatus);
      const flag = codeOf(r.code, system.redFlag);
      if (legal) f.legalStatuses.push({ id: r.id, status: r.status, code: legal, start: r.period?.start });
      if (flag) f.flags.push({ id: r.id, status: r.status, code: flag, start: r.period?.start, end: r.period?.end });
    } else if (type === 'Communication') {
      const category = codeOf(r.category, system.communicationCategory);
      const fromPolice = category === 'partner-concern' && police.has(idOf(r.sender?.reference, 'Organization') ?? '');
      if (category === 'carer-concern' || fromPolice) f.concerns.push({ id: r.id, kind: fromPolice ? 'police' : 'carer', sent: r.sent });
    } else if (type === 'Observation' && codeOf(r.code, system.loinc) === '75626-2' && Number.isInteger(r.valueInteger)) f.auditC.push({ id: r.id, score: r.valueInteger, at: r.effectiveDateTime });
  }
  return facts;
}

describe.each(storeKinds)('the intensive-review worklist over a synthetic population on $name', (kind) => {
  const imported = importedStore(kind, population);

  it('is the list the rules give over every record, though the store reads only people with a psychosis indicator', async () => {
    const db = imported.store.db;
    const records = await db.selectFrom('record').select(['person_id', 'resource_type', 'resource']).execute();
    const people = await db.selectFrom('person').select(['person_id', 'deceased_at', 'accommodation_status']).execute();
    const organisations = await db.selectFrom('shared_record').select(['id', 'resource']).where('resource_type', '=', 'Organization').execute();
    const facts = naiveFacts(records as R[], people as R[], organisations as R[]);
    const seen = new Set<string>();
    for (const asOf of [AS_OF, '2025-12-31', '2026-03-15']) {
      const disengaged = new Map((await disengagedWorklist(db, { asOf })).list.items.map((i) => [i.patient.id, i.reasons]));
      const expected = [...facts.values()]
        .map((f) => evaluateIntensiveReview({ ...f, disengaged: disengaged.get(f.personId) }, asOf))
        .filter((f) => f.listed)
        .sort(compareIntensiveFindings);
      const { list } = await intensiveReviewWorklist(db, { asOf, sliceSize: 40 });
      expect(list.items.map((i) => ({ id: i.patient.id, reasons: i.reasons })), `as of ${asOf}`).toEqual(expected.map((f) => ({ id: f.personId, reasons: f.reasons })));
      for (const item of list.items) for (const r of item.reasons) seen.add(r.code);
    }
    // The population gives every indicator something to find.
    expect([...seen].sort()).toEqual(['carer-concern', 'disengagement', 'justice-contact', 'mha-history', 'multiple-social-needs', 'psychosis', 'repeated-admissions', 'substance-use']);
  });
});
