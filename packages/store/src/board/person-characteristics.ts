import type { PersonCharacteristics } from '@continuity/domain';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema.ts';

/** The equity columns of the person table for some people, by person id. */
export async function loadCharacteristics(db: Kysely<Database>, personIds: readonly string[]): Promise<Map<string, PersonCharacteristics>> {
  if (personIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('person')
    .select(['person_id', 'birth_date', 'gender', 'ethnic_category', 'gender_identity', 'sexual_orientation', 'religion', 'disabilities'])
    .where(sql<boolean>`person_id = ANY(${[...personIds]}::text[])`)
    .execute();
  return new Map(
    rows.map((r) => [
      r.person_id,
      { birthDate: r.birth_date, gender: r.gender, ethnicCategory: r.ethnic_category, genderIdentity: r.gender_identity, sexualOrientation: r.sexual_orientation, religion: r.religion, disabilities: r.disabilities ?? [] },
    ]),
  );
}
