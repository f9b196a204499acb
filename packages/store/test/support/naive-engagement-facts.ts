import { extension, intramuscularRoute, system, type EngagementFacts } from '@continuity/domain';

type R = Record<string, any>;

const idOf = (type: string, reference: string | undefined) => (reference?.startsWith(`${type}/`) ? reference.slice(type.length + 1) : null);
const codes = (concepts: R[] | R | undefined, codeSystem: string): string[] =>
  [concepts ?? []].flat().flatMap((c: R) => (c.coding ?? []) as R[]).filter((c) => c.system === codeSystem).map((c) => c.code);
const medicine = (r: R) => r.medicationCodeableConcept?.text ?? r.medicationCodeableConcept?.coding?.find((c: R) => c.display)?.display;

/**
 * Engagement facts read straight from every FHIR resource of each person, with nothing left out:
 * the slow, obvious way, for checking that the store's reduced SQL gives the same answer.
 */
export function naiveEngagementFacts(resources: Array<{ person_id: string; resource_type: string; resource: R }>, deceased: Map<string, string>): Map<string, EngagementFacts> {
  const facts = new Map<string, EngagementFacts>();
  const of = (personId: string) => {
    let f = facts.get(personId);
    if (!f) {
      f = { personId, episodes: [], carePlans: [], appointments: [], encounters: [], medicationRequests: [], medicationStatements: [], administrations: [] };
      if (deceased.has(personId)) f.deceasedAt = deceased.get(personId);
      facts.set(personId, f);
    }
    return f;
  };
  for (const { person_id, resource_type: type, resource: r } of resources) {
    if (type === 'EpisodeOfCare') {
      of(person_id).episodes.push({ id: r.id, status: r.status, start: r.period?.start, end: r.period?.end, intensity: codes(r.type, system.careIntensity)[0] ?? null, teamId: idOf('Organization', r.managingOrganization?.reference) });
    } else if (type === 'CarePlan' && codes(r.category, system.carePlanCategory).includes('care-plan')) {
      const d = (r.extension as R[] | undefined)?.find((x) => x.url === extension.contactFrequency)?.valueDuration;
      of(person_id).carePlans.push({ id: r.id, status: r.status, start: r.period?.start ?? r.created, end: r.period?.end, contactFrequency: d ? { value: d.value, unit: d.code ?? d.unit } : null });
    } else if (type === 'Appointment') {
      of(person_id).appointments.push({ id: r.id, status: r.status, start: r.start });
    } else if (type === 'Encounter') {
      of(person_id).encounters.push({
        id: r.id, status: r.status, start: r.period?.start, end: r.period?.end, inpatient: r.class?.code === 'IMP',
        appointmentIds: ((r.appointment ?? []) as R[]).map((a) => idOf('Appointment', a.reference)).filter((id): id is string => id !== null),
      });
    } else if (type === 'MedicationRequest') {
      const dosage = r.dosageInstruction?.[0];
      const repeat = dosage?.timing?.repeat;
      const injection = ((r.dosageInstruction ?? []) as R[]).some((d) => codes(d.route, intramuscularRoute.system).includes(intramuscularRoute.code));
      of(person_id).medicationRequests.push({
        id: r.id, status: r.status, authoredOn: r.authoredOn, medicine: medicine(r) ?? 'A medicine', atc: codes(r.medicationCodeableConcept, system.atc)[0] ?? null, injection,
        interval: repeat?.period && repeat?.periodUnit ? { value: repeat.period, unit: repeat.periodUnit } : null,
      });
    } else if (type === 'MedicationStatement') {
      of(person_id).medicationStatements.push({
        id: r.id, status: r.status, reasonCodes: codes(r.statusReason, system.medicationStatusReason), reasonText: r.statusReason?.[0]?.text, requestId: idOf('MedicationRequest', r.basedOn?.[0]?.reference),
        medicine: medicine(r) ?? 'a medicine', asserted: r.dateAsserted, stopped: r.effectivePeriod?.end ?? r.effectiveDateTime,
      });
    } else if (type === 'MedicationAdministration') {
      of(person_id).administrations.push({ id: r.id, status: r.status, at: r.effectiveDateTime, requestId: idOf('MedicationRequest', r.request?.reference) });
    }
  }
  return facts;
}
