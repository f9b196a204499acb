import type { DiagnosisFact } from '@continuity/domain';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema.ts';

/** Each person's diagnoses (Condition codings and verification status): what decides whether the discharge guard applies. */
export async function loadDiagnoses(db: Kysely<Database>, personIds: readonly string[]): Promise<Map<string, DiagnosisFact[]>> {
  const diagnoses = new Map<string, DiagnosisFact[]>();
  if (personIds.length === 0) return diagnoses;
  // One array parameter, not one per person: a year's discharges across a trust can run to thousands.
  const rows = await sql<{ person_id: string; id: string; codings: DiagnosisFact['codings'] | null; verification: string | null }>`
    SELECT person_id, id, jsonb_path_query_array(resource, '$.code.coding[*]') AS codings,
      jsonb_path_query_first(resource, '$.verificationStatus.coding[*].code') #>> '{}' AS verification
    FROM record WHERE resource_type = 'Condition' AND person_id = ANY(${[...personIds]}::text[])`.execute(db);
  for (const c of rows.rows) {
    const list = diagnoses.get(c.person_id) ?? [];
    list.push({ id: c.id, codings: c.codings ?? [], verification: c.verification });
    diagnoses.set(c.person_id, list);
  }
  return diagnoses;
}
