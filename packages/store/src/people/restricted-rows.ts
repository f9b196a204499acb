import { flagForReader, restrictedFlagRules, system, type RestrictedFlagView } from '@continuity/domain';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema.ts';

/**
 * Rows read from `record` as a reader may see them: a restricted flag (MARAC, MAPPA) the reader is
 * not entitled to is replaced by its withheld form, or left out (domain restricted-flags.ts).
 */
export function forReader<T extends { resource: unknown }>(rows: readonly T[], view: RestrictedFlagView): T[] {
  const shown: T[] = [];
  for (const row of rows) {
    const resource = flagForReader(row.resource as Record<string, any>, view);
    if (resource) shown.push(resource === row.resource ? row : { ...row, resource });
  }
  return shown;
}

/** The ids of a person's restricted flags (MARAC, MAPPA), whatever their status: what a withheld view leaves out, for its audit entry. */
export async function restrictedFlagIds(db: Kysely<Database>, personId: string): Promise<string[]> {
  const coded = restrictedFlagRules.codes.map((code) => JSON.stringify({ code: { coding: [{ system: system.redFlag, code }] } }));
  const rows = await db
    .selectFrom('record')
    .select('id')
    .where('person_id', '=', personId)
    .where('resource_type', '=', 'Flag')
    .where((eb) => eb.or(coded.map((c) => eb(sql`resource`, '@>', sql`${c}::jsonb`))))
    .orderBy('id')
    .execute();
  return rows.map((r) => r.id);
}
