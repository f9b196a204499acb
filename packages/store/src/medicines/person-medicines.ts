import { londonDay, medicineHistory, type MedicineHistoryEntry } from '@continuity/domain';
import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';

/** A prescription as the record page shows it, with the version a stop must name. */
export type PersonMedicine = MedicineHistoryEntry & { version: number };

/**
 * One person's medicines as of a day: every MedicationRequest with what the person said about it
 * and the injections given, from the three record types in one query by the person's key. Records
 * dated after the day are left out, so a past as-of shows what was known then.
 */
export async function personMedicines(db: Kysely<Database>, personId: string, asOf: string): Promise<PersonMedicine[]> {
  const rows = await db
    .selectFrom('record')
    .select(['resource_type', 'id', 'resource', 'version_id'])
    .where('person_id', '=', personId)
    .where('resource_type', 'in', ['MedicationRequest', 'MedicationStatement', 'MedicationAdministration'])
    .execute();
  const ofType = (type: string) => rows.filter((r) => r.resource_type === type).map((r) => r.resource as Record<string, any>);
  const last = londonDay(asOf)!;
  const onOrBefore = (value: unknown) => typeof value !== 'string' || (londonDay(value) ?? last) <= last;
  const requests = ofType('MedicationRequest').filter((r) => onOrBefore(r.authoredOn));
  const statements = ofType('MedicationStatement').filter((s) => onOrBefore(s.dateAsserted));
  const doses = ofType('MedicationAdministration').filter((a) => onOrBefore(a.effectiveDateTime ?? a.effectivePeriod?.start));
  const versions = new Map(rows.filter((r) => r.resource_type === 'MedicationRequest').map((r) => [r.id, r.version_id]));
  return medicineHistory(requests, statements, doses, asOf).map((m) => ({ ...m, version: versions.get(m.id)! }));
}
