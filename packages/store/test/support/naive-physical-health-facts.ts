import { checkResultValue, physicalHealthRules, type PhysicalHealthFacts } from '@continuity/domain';

type R = Record<string, any>;

const idOf = (type: string, reference: string | undefined) => (reference?.startsWith(`${type}/`) ? reference.slice(type.length + 1) : null);
const codings = (concept: R | undefined): Array<{ system: string; code: string }> => ((concept?.coding ?? []) as R[]).map((c) => ({ system: c.system, code: c.code }));

/**
 * Physical health facts read straight from every FHIR resource of each person, with nothing left
 * out: every Condition, every Observation with all its codes, every invitation. The slow, obvious
 * way, for checking that the store's SQL gives the same answer.
 */
export function naivePhysicalHealthFacts(
  resources: Array<{ person_id: string; resource_type: string; resource: R }>,
  deceased: Map<string, string | null>,
): Map<string, PhysicalHealthFacts> {
  const facts = new Map<string, PhysicalHealthFacts>();
  const of = (personId: string) => {
    let f = facts.get(personId);
    if (!f) {
      f = { personId, episodes: [], diagnoses: [], results: [], invitations: [] };
      if (deceased.get(personId)) f.deceasedAt = deceased.get(personId)!;
      facts.set(personId, f);
    }
    return f;
  };
  const invitation = physicalHealthRules.invitation.category;
  for (const { person_id, resource_type: type, resource: r } of resources) {
    if (type === 'EpisodeOfCare') {
      of(person_id).episodes.push({ id: r.id, status: r.status, start: r.period?.start, end: r.period?.end, teamId: idOf('Organization', r.managingOrganization?.reference) });
    } else if (type === 'Condition') {
      of(person_id).diagnoses.push({ id: r.id, codings: r.code?.coding ?? [], verification: r.verificationStatus?.coding?.[0]?.code ?? null });
    } else if (type === 'Observation') {
      const codes = [...codings(r.code), ...((r.component ?? []) as R[]).flatMap((c) => codings(c.code))];
      of(person_id).results.push({ id: r.id, status: r.status, at: r.effectiveDateTime ?? r.effectivePeriod?.start ?? r.issued, codes, value: checkResultValue(r) ?? null });
    } else if (type === 'Communication' && ((r.category ?? []) as R[]).some((c) => codings(c).some((x) => x.system === invitation.system && x.code === invitation.code))) {
      of(person_id).invitations.push({ id: r.id, status: r.status, sent: r.sent, method: r.medium?.[0]?.coding?.[0]?.code ?? null });
    }
  }
  return facts;
}
