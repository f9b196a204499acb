import {
  diagnosisCodes, diagnosisIcd10Prefixes, ICD10, intramuscularRoute, intensiveReviewRules, LOINC, medicineGroups, monitoredMedicines, observationCodes, SNOMED, system,
  type IntensiveReviewFacts,
} from '@continuity/domain';
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../schema.ts';

type Row = Record<string, any>;

const psychosisSnomed = diagnosisCodes.filter((d) => d.group === 'psychosis').map((d) => d.snomed);
const psychosisIcd10 = diagnosisIcd10Prefixes.psychosis.map((p) => `${p}%`);
const antipsychoticSnomed: readonly string[] = monitoredMedicines.antipsychotic.snomed;
const auditCLoinc = observationCodes.find((o) => o.test === 'alcohol-audit-c')!.loinc;
const prescribed = [...intensiveReviewRules.psychosis.prescriptionStatuses];

/**
 * The people who could be listed: only those with a psychosis indicator can be (the listing
 * rule's required indicator), so they are found first, in two set-based queries: a Condition coded
 * as psychosis (SNOMED CT, or ICD-10 F20-F29), or a current prescription coded as an antipsychotic
 * (ATC N05A but lithium, or SNOMED CT) or not coded at all (its name is read by the rules). Narrowed,
 * when asked, to people some teams have held or been referred.
 */
export async function psychosisCandidates(db: Kysely<Database>, cohort: RawBuilder<unknown>): Promise<string[]> {
  const rows = (await sql<{ person_id: string }>`
    SELECT person_id FROM record WHERE resource_type = 'Condition' ${cohort}
      AND EXISTS (SELECT 1 FROM jsonb_path_query(resource, '$.code.coding[*]') c
                  WHERE (c->>'system' = ${SNOMED} AND c->>'code' = ANY(${psychosisSnomed}::text[]))
                     OR (c->>'system' = ${ICD10} AND upper(c->>'code') LIKE ANY(${psychosisIcd10}::text[])))
    UNION
    SELECT person_id FROM record WHERE resource_type = 'MedicationRequest' AND status = ANY(${prescribed}::text[]) ${cohort}
      AND (EXISTS (SELECT 1 FROM jsonb_path_query(resource, '$.medicationCodeableConcept.coding[*]') c
                   WHERE (c->>'system' = ${system.atc} AND c->>'code' LIKE 'N05A%' AND c->>'code' <> 'N05AN01')
                      OR (c->>'system' = ${SNOMED} AND c->>'code' = ANY(${[...antipsychoticSnomed]}::text[])))
        OR NOT EXISTS (SELECT 1 FROM jsonb_path_query(resource, '$.medicationCodeableConcept.coding[*]') c WHERE c->>'system' IN (${system.atc}, ${SNOMED})))
    ORDER BY person_id`.execute(db)).rows;
  return rows.map((r) => r.person_id);
}

/** The organisations of a type (CS/organisation-type): assertive outreach teams, the police. */
export async function organisationsOfType(db: Kysely<Database>, type: string): Promise<Set<string>> {
  const rows = await sql<{ id: string }>`
    SELECT id FROM shared_record WHERE resource_type = 'Organization'
      AND resource @> ${JSON.stringify({ type: [{ coding: [{ system: system.organisationType, code: type }] }] })}::jsonb`.execute(db);
  return new Set(rows.rows.map((r) => r.id));
}

/**
 * The intensive-review facts of some people (docs/fhir.md says where each lives), in one set-based
 * query per record type by person id, each reading only the fields the rules need. Disengagement
 * is not read here: it is the disengaged worklist's answer, added by the caller.
 */
export async function loadIntensiveReviewFacts(
  db: Kysely<Database>,
  personIds: readonly string[],
  organisations: { aot: ReadonlySet<string>; police: ReadonlySet<string> },
): Promise<Map<string, IntensiveReviewFacts>> {
  const cohort = sql`AND person_id = ANY(${[...personIds]}::text[])`;
  const codeOf = (path: string, codeSystem: string) => sql`jsonb_path_query_first(resource, ${`$.${path}[*].coding[*] ? (@.system == "${codeSystem}").code`}::jsonpath) #>> '{}'`;
  const [people, episodes, referrals, conditions, requests, admissions, flags, concerns, auditC] = await Promise.all([
    rows(db, sql`SELECT person_id, deceased_at, accommodation_status FROM person WHERE true ${cohort}`),
    rows(db, sql`SELECT person_id, id, status, resource->'period'->>'start' AS start, resource->'period'->>'end' AS "end",
                   ${codeOf('type', system.careIntensity)} AS intensity, resource->'managingOrganization'->>'reference' AS team
                 FROM record WHERE resource_type = 'EpisodeOfCare' ${cohort}`),
    rows(db, sql`SELECT person_id, id, status, resource->>'authoredOn' AS authored_on, resource->'performer'->0->>'reference' AS team
                 FROM record WHERE resource_type = 'ServiceRequest' ${cohort}`),
    rows(db, sql`SELECT person_id, id, jsonb_path_query_array(resource, '$.code.coding[*]') AS codings,
                   jsonb_path_query_first(resource, '$.verificationStatus.coding[*].code') #>> '{}' AS verification,
                   coalesce(resource->>'recordedDate', resource->>'onsetDateTime') AS recorded
                 FROM record WHERE resource_type = 'Condition' ${cohort}`),
    rows(db, sql`SELECT person_id, id, status, resource->>'authoredOn' AS authored_on,
                   jsonb_path_query_array(resource, '$.medicationCodeableConcept.coding[*]') AS codings,
                   coalesce(resource->'medicationCodeableConcept'->>'text', jsonb_path_query_first(resource, '$.medicationCodeableConcept.coding[*].display') #>> '{}') AS medicine,
                   resource @> ${JSON.stringify({ dosageInstruction: [{ route: { coding: [{ system: intramuscularRoute.system, code: intramuscularRoute.code }] } }] })}::jsonb AS injection
                 FROM record WHERE resource_type = 'MedicationRequest' AND status = ANY(${prescribed}::text[]) ${cohort}`),
    rows(db, sql`SELECT person_id, id, status, resource->'period'->>'start' AS start
                 FROM record WHERE resource_type = 'Encounter' AND resource->'class'->>'code' = 'IMP' ${cohort}`),
    rows(db, sql`SELECT person_id, id, status, resource->'period'->>'start' AS start, resource->'period'->>'end' AS "end",
                   ${codeOf('code', system.redFlag)} AS code, ${codeOf('code', system.mhaLegalStatus)} AS legal_status
                 FROM record WHERE resource_type = 'Flag' ${cohort}`),
    rows(db, sql`SELECT person_id, id, resource->>'sent' AS sent, ${codeOf('category', system.communicationCategory)} AS category,
                   resource->'sender'->>'reference' AS sender
                 FROM record WHERE resource_type = 'Communication'
                   AND (resource @> ${category('carer-concern')}::jsonb OR resource @> ${category('partner-concern')}::jsonb) ${cohort}`),
    rows(db, sql`SELECT person_id, id, status, resource->>'effectiveDateTime' AS at, resource->>'valueInteger' AS score
                 FROM record WHERE resource_type = 'Observation' AND resource @> ${JSON.stringify({ code: { coding: [{ system: LOINC, code: auditCLoinc }] } })}::jsonb ${cohort}`),
  ]);

  const facts = new Map<string, IntensiveReviewFacts>();
  for (const r of people) {
    facts.set(r.person_id, {
      personId: r.person_id, deceasedAt: r.deceased_at ? new Date(r.deceased_at).toISOString() : null, accommodation: r.accommodation_status,
      episodes: [], referrals: [], conditions: [], antipsychotics: [], admissions: [], legalStatuses: [], flags: [], concerns: [], auditC: [],
    });
  }
  for (const r of episodes) {
    const teamId = idOf('Organization', r.team);
    facts.get(r.person_id)?.episodes.push({ id: r.id, status: r.status, start: r.start, end: r.end, intensity: r.intensity, teamId, teamType: teamId && organisations.aot.has(teamId) ? 'aot' : null });
  }
  for (const r of referrals) facts.get(r.person_id)?.referrals.push({ id: r.id, status: r.status, authoredOn: r.authored_on, teamId: idOf('Organization', r.team) });
  for (const r of conditions) facts.get(r.person_id)?.conditions.push({ id: r.id, codings: r.codings ?? [], verification: r.verification, recorded: r.recorded });
  for (const r of requests) {
    const codes = ((r.codings ?? []) as Row[]).filter((c) => typeof c?.system === 'string' && typeof c?.code === 'string').map((c) => ({ system: c.system as string, code: c.code as string }));
    const groups = medicineGroups(codes, r.medicine);
    if (!groups.has('antipsychotic')) continue;
    facts.get(r.person_id)?.antipsychotics.push({ id: r.id, status: r.status, authoredOn: r.authored_on, medicine: r.medicine ?? 'An antipsychotic', injection: r.injection === true, clozapine: groups.has('clozapine') });
  }
  for (const r of admissions) facts.get(r.person_id)?.admissions.push({ id: r.id, status: r.status, start: r.start });
  for (const r of flags) {
    const f = facts.get(r.person_id);
    if (r.legal_status) f?.legalStatuses.push({ id: r.id, status: r.status, code: r.legal_status, start: r.start });
    if (r.code) f?.flags.push({ id: r.id, status: r.status, code: r.code, start: r.start, end: r.end });
  }
  for (const r of concerns) {
    const police = r.category === 'partner-concern' && organisations.police.has(idOf('Organization', r.sender) ?? '');
    if (r.category === 'carer-concern' || police) facts.get(r.person_id)?.concerns.push({ id: r.id, kind: police ? 'police' : 'carer', sent: r.sent });
  }
  for (const r of auditC) {
    const score = Number(r.score);
    if (r.status !== 'entered-in-error' && r.status !== 'cancelled' && r.score !== null && Number.isInteger(score)) facts.get(r.person_id)?.auditC.push({ id: r.id, score, at: r.at });
  }
  return facts;
}

const category = (code: string) => JSON.stringify({ category: [{ coding: [{ system: system.communicationCategory, code }] }] });

async function rows(db: Kysely<Database>, query: RawBuilder<unknown>): Promise<Row[]> {
  return (await query.execute(db)).rows as Row[];
}

function idOf(type: string, reference: string | null | undefined): string | null {
  const prefix = `${type}/`;
  return reference?.startsWith(prefix) ? reference.slice(prefix.length) : null;
}
