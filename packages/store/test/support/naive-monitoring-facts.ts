import { system, type MonitoringFacts } from '@continuity/domain';

type R = Record<string, any>;

const idOf = (type: string, reference: string | undefined) => (reference?.startsWith(`${type}/`) ? reference.slice(type.length + 1) : null);
const codings = (concept: R | undefined): Array<{ system: string; code: string }> => ((concept?.coding ?? []) as R[]).map((c) => ({ system: c.system, code: c.code }));

/**
 * Monitoring facts read straight from every FHIR resource of each person, with nothing left out:
 * every prescription, every Observation with all its codes, every Encounter that is a medication
 * review. The slow, obvious way, for checking that the store's reduced SQL gives the same answer.
 */
export function naiveMonitoringFacts(
  resources: Array<{ person_id: string; resource_type: string; resource: R }>,
  people: Map<string, { gender: string | null; birthDate: string | null; deceasedAt: string | null }>,
): Map<string, MonitoringFacts> {
  const facts = new Map<string, MonitoringFacts>();
  const of = (personId: string) => {
    let f = facts.get(personId);
    if (!f) {
      const p = people.get(personId);
      f = { personId, gender: p?.gender ?? null, birthDate: p?.birthDate ?? null, episodes: [], prescriptions: [], results: [], reviews: [] };
      if (p?.deceasedAt) f.deceasedAt = p.deceasedAt;
      facts.set(personId, f);
    }
    return f;
  };
  for (const { person_id, resource_type: type, resource: r } of resources) {
    if (type === 'EpisodeOfCare') {
      of(person_id).episodes.push({ id: r.id, status: r.status, start: r.period?.start, end: r.period?.end, teamId: idOf('Organization', r.managingOrganization?.reference) });
    } else if (type === 'MedicationRequest') {
      const medicine = r.medicationCodeableConcept?.text ?? r.medicationCodeableConcept?.coding?.find((c: R) => c.display)?.display;
      of(person_id).prescriptions.push({ id: r.id, status: r.status, authoredOn: r.authoredOn, medicine: medicine ?? 'A medicine', codes: codings(r.medicationCodeableConcept) });
    } else if (type === 'Observation') {
      const codes = [...codings(r.code), ...((r.component ?? []) as R[]).flatMap((c) => codings(c.code))];
      of(person_id).results.push({ id: r.id, status: r.status, at: r.effectiveDateTime ?? r.effectivePeriod?.start ?? r.issued, codes });
    } else if (type === 'Encounter' && ((r.type ?? []) as R[]).some((t) => codings(t).some((c) => c.system === system.snomed && c.code === '182836005'))) {
      of(person_id).reviews.push({ id: r.id, status: r.status, at: r.period?.start });
    }
  }
  return facts;
}
