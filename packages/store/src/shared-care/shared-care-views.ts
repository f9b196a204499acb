import { ATC, SNOMED, sharedCareRules, sharedCareTasks, suggestedTasks, tasksOf, type SharedCareStatus, type SharedCareTask, type StatusChange } from '@continuity/domain';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema.ts';
import { loadNames } from '../people/names.ts';
import { loadAgreements, type HeldAgreement } from './shared-care-agreements.ts';

type Row = Record<string, any>;
type Named = { id: string; name: string };

/** An agreement as the specialist team sees it: every responsibility and who holds it. */
export interface AgreementView {
  id: string;
  /** The CarePlan's version: a change must name it. */
  version: number;
  medicationRequestId: string;
  medicine: string;
  status: SharedCareStatus;
  history: StatusChange[];
  team: Named;
  practice: Named;
  responsibilities: Array<{ task: SharedCareTask; name: string; holder: 'practice' | 'team' }>;
}

export interface PersonSharedCare {
  /** The person's GP practice, to propose to; null when none is recorded. */
  practice: Named | null;
  agreements: AgreementView[];
  /** Prescriptions that can be shared now, with the tasks a proposal offers for each. */
  prescriptions: Array<{ id: string; medicine: string; authoredOn: string | null; tasks: SharedCareTask[] }>;
}

/** A person's shared care: their agreements, their practice and what can be proposed. */
export async function personSharedCare(db: Kysely<Database>, personId: string): Promise<PersonSharedCare> {
  const [held, person, prescriptions] = await Promise.all([
    loadAgreements(db, { personIds: [personId] }),
    db.selectFrom('person').select('gp_practice_id').where('person_id', '=', personId).executeTakeFirst(),
    sql<Row>`
      SELECT id, resource->>'authoredOn' AS authored_on,
        coalesce(resource->'medicationCodeableConcept'->>'text', jsonb_path_query_first(resource, '$.medicationCodeableConcept.coding[*].display') #>> '{}') AS medicine,
        jsonb_path_query_array(resource, ${`$.medicationCodeableConcept.coding[*] ? (@.system == "${ATC}" || @.system == "${SNOMED}")`}::jsonpath) AS codes
      FROM record WHERE person_id = ${personId} AND resource_type = 'MedicationRequest' AND status = ANY(${[...sharedCareRules.prescribedStatuses]}::text[])
      ORDER BY resource->>'authoredOn' DESC NULLS LAST, id COLLATE "C"`.execute(db),
  ]);
  const practiceId = person?.gp_practice_id ?? null;
  const names = await loadNames(db, [...held.flatMap((h) => [h.agreement.specialistTeamId, h.agreement.practiceId]), ...(practiceId ? [practiceId] : [])].map((id) => `Organization/${id}`));
  const named = (id: string) => ({ id, name: names.get(`Organization/${id}`) ?? id });
  return {
    practice: practiceId ? named(practiceId) : null,
    agreements: held.map((h) => agreementView(h, named)),
    prescriptions: prescriptions.rows.map((r) => {
      const codes = ((typeof r.codes === 'string' ? JSON.parse(r.codes) : (r.codes ?? [])) as Row[]).filter((c) => typeof c?.code === 'string');
      return { id: r.id, medicine: r.medicine ?? 'A medicine', authoredOn: r.authored_on, tasks: suggestedTasks(codes.map((c) => ({ system: c.system, code: c.code }))) };
    }),
  };
}

function agreementView({ agreement, versionId }: HeldAgreement, named: (id: string) => Named): AgreementView {
  return {
    id: agreement.id,
    version: versionId,
    medicationRequestId: agreement.medicationRequestId,
    medicine: agreement.medicine,
    status: agreement.status,
    history: agreement.history,
    team: named(agreement.specialistTeamId),
    practice: named(agreement.practiceId),
    responsibilities: agreement.responsibilities.map((r) => ({ task: r.task, name: sharedCareTasks[r.task].name, holder: r.performerId === agreement.practiceId ? 'practice' : 'team' })),
  };
}

/**
 * One agreement as its GP practice sees it: who the person is, the medicine, and only the tasks
 * the practice holds or is asked to hold. The team's own tasks are not shown: the practice is
 * answerable for its own, and sees nothing else of the record.
 */
export interface PracticeAgreement {
  id: string;
  version: number;
  person: { name: string | null; nhsNumber: string | null; birthDate: string | null };
  personId: string;
  medicine: string;
  status: SharedCareStatus;
  history: StatusChange[];
  /** The specialist team to contact. */
  team: Named;
  tasks: Array<{ task: SharedCareTask; name: string }>;
}

/** Statuses the GP view lists: proposals waiting for the practice, and agreements it holds. */
export const practiceViewStatuses: readonly SharedCareStatus[] = ['proposed', 'accepted'];

/**
 * A GP practice's shared care: every proposal waiting for its answer and every agreement it holds,
 * proposals first, then by person name.
 */
export async function practiceSharedCare(db: Kysely<Database>, practiceId: string): Promise<PracticeAgreement[]> {
  const held = (await loadAgreements(db, { practiceId })).filter((h) => practiceViewStatuses.includes(h.agreement.status));
  if (held.length === 0) return [];
  const people = [...new Set(held.map((h) => h.agreement.personId))];
  const [persons, names] = await Promise.all([
    db.selectFrom('person').select(['person_id', 'nhs_number', 'given_names', 'family_name', 'birth_date']).where(sql<boolean>`person_id = ANY(${people}::text[])`).execute(),
    loadNames(db, held.map((h) => `Organization/${h.agreement.specialistTeamId}`)),
  ]);
  const personOf = new Map(persons.map((p) => [p.person_id, { name: [p.given_names, p.family_name].filter(Boolean).join(' ') || null, nhsNumber: p.nhs_number, birthDate: p.birth_date }]));
  const rank = (a: { status: SharedCareStatus }) => practiceViewStatuses.indexOf(a.status);
  return held
    .map(({ agreement, versionId }) => ({
      id: agreement.id,
      version: versionId,
      personId: agreement.personId,
      person: personOf.get(agreement.personId) ?? { name: null, nhsNumber: null, birthDate: null },
      medicine: agreement.medicine,
      status: agreement.status,
      history: agreement.history,
      team: { id: agreement.specialistTeamId, name: names.get(`Organization/${agreement.specialistTeamId}`) ?? agreement.specialistTeamId },
      tasks: tasksOf(agreement, practiceId).map((task) => ({ task, name: sharedCareTasks[task].name })),
    }))
    .sort((a, b) => rank(a) - rank(b) || (a.person.name ?? '').localeCompare(b.person.name ?? '') || (a.id < b.id ? -1 : 1));
}
