import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema.ts';

/** Practitioner ids with a role (PractitionerRole.organization) in a team: who may hold, cover or be given its people. */
export async function teamPractitionerIds(db: Kysely<Database>, teamId: string): Promise<string[]> {
  const rows = await sql<{ practitioner: string | null }>`
    SELECT DISTINCT resource->'practitioner'->>'reference' AS practitioner FROM shared_record
    WHERE resource_type = 'PractitionerRole' AND resource->'organization'->>'reference' = ${`Organization/${teamId}`}`.execute(db);
  return rows.rows.map((r) => r.practitioner).filter((p): p is string => Boolean(p?.startsWith('Practitioner/'))).map((p) => p.slice('Practitioner/'.length)).sort();
}
