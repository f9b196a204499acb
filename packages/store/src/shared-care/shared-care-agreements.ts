import { readAgreement, system, type SharedCareAgreement } from '@continuity/domain';
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../schema.ts';

/** The containment test that finds shared care agreements among CarePlans (docs/fhir.md); migration 010's indexes have it as their predicate. */
// A literal, not a parameter, so that the planner can match the partial indexes. Made from constants only.
export const sharedCareCategory: RawBuilder<unknown> = sql.raw(`resource @> '${JSON.stringify({ category: [{ coding: [{ system: system.carePlanCategory, code: 'shared-care-agreement' }] }] })}'::jsonb`);

export interface HeldAgreement {
  agreement: SharedCareAgreement;
  /** The CarePlan's version, for the version check on a change. */
  versionId: number;
}

/**
 * Shared care agreements as the domain reads them (readAgreement), with their versions: some
 * people's, or those with one GP practice. CarePlans in the category that are not readable as
 * agreements (no prescription, team or practice) are left out.
 */
export async function loadAgreements(db: Kysely<Database>, scope: { personIds: readonly string[] } | { practiceId: string }): Promise<HeldAgreement[]> {
  const where =
    'practiceId' in scope
      ? sql`resource->'contributor' @> ${JSON.stringify([{ reference: `Organization/${scope.practiceId}` }])}::jsonb`
      : sql`person_id = ANY(${[...scope.personIds]}::text[])`;
  const rows = await sql<{ resource: Record<string, unknown>; version_id: number }>`
    SELECT resource, version_id FROM record
    WHERE resource_type = 'CarePlan' AND ${where} AND ${sharedCareCategory}
    ORDER BY person_id, id COLLATE "C"`.execute(db);
  const held: HeldAgreement[] = [];
  for (const row of rows.rows) {
    const agreement = readAgreement(row.resource);
    if (agreement && ('personIds' in scope || agreement.practiceId === scope.practiceId)) held.push({ agreement, versionId: row.version_id });
  }
  return held;
}

/** One agreement of a person's with its version; undefined when they have none with that id. */
export async function loadAgreement(db: Kysely<Database>, personId: string, id: string): Promise<HeldAgreement | undefined> {
  return (await loadAgreements(db, { personIds: [personId] })).find((h) => h.agreement.id === id);
}

/**
 * Whose agreement an id is, read by the id alone: a GP practice answers a proposal by its id, and
 * the person is then read by key. Undefined when no CarePlan has that id.
 */
export async function agreementPerson(db: Kysely<Database>, id: string): Promise<string | undefined> {
  const row = await db.selectFrom('record').select('person_id').where('resource_type', '=', 'CarePlan').where('id', '=', id).executeTakeFirst();
  return row?.person_id;
}

/**
 * The open (proposed or accepted) agreement for a prescription other than `exceptId`, read after
 * locking the prescription's row until the transaction ends: two proposals for one prescription
 * sent at once are settled one after the other, so a prescription never has two open agreements.
 * Call inside the transaction that writes the proposal.
 */
export async function lockOpenAgreement(trx: Kysely<Database>, personId: string, medicationRequestId: string, exceptId: string): Promise<SharedCareAgreement | undefined> {
  await sql`SELECT id FROM record WHERE person_id = ${personId} AND resource_type = 'MedicationRequest' AND id = ${medicationRequestId} FOR UPDATE`.execute(trx);
  const held = await loadAgreements(trx, { personIds: [personId] });
  return held.map((h) => h.agreement).find((a) => a.id !== exceptId && a.medicationRequestId === medicationRequestId && (a.status === 'proposed' || a.status === 'accepted'));
}
